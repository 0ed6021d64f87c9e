import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryStat, parseProcCgroup, readResources } from "./cgroup.ts";

const PROC = `9:name=systemd:/docker/abc
5:cpu,cpuacct:/docker/abc
4:memory:/docker/abc
0::/
`;

describe("cgroup v1 accounting", () => {
  it("maps each controller of /proc/<pid>/cgroup to its path, splitting joined controllers", () => {
    const m = parseProcCgroup(PROC);
    expect([m.get("memory"), m.get("cpu"), m.get("cpuacct"), m.get("name=systemd")]).toEqual(["/docker/abc", "/docker/abc", "/docker/abc", "/docker/abc"]);
    expect(m.has("")).toBe(false);
  });

  it("reads usage, RSS, cache and CPU time from the cgroup files", async () => {
    const root = await mkdtemp(join(tmpdir(), "gnf-cg-"));
    try {
      await mkdir(join(root, "m"));
      await mkdir(join(root, "c"));
      await writeFile(join(root, "m", "memory.usage_in_bytes"), "1155072\n");
      await writeFile(join(root, "m", "memory.stat"), "cache 4096\nrss 180224\ntotal_cache 8192\ntotal_rss 184320\n");
      await writeFile(join(root, "c", "cpuacct.usage"), "200385407\n");
      expect(await readResources({ memory: join(root, "m"), cpuacct: join(root, "c") })).toEqual({ memoryUsageBytes: 1155072, memoryRssBytes: 184320, memoryCacheBytes: 8192, cpuUsageNs: 200385407n });
      expect(() => memoryStat("rss 1\n", "total_rss")).toThrow("memory.stat has no total_rss line");
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
