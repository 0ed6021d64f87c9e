/**
 * HostLimits on a stand-in cgroup hierarchy: each catalog device of the topology gets its Table I
 * quota and memory scaled to the lab core, one cgroup per host made on first use and shared by its
 * vNFs, none for nodes without a device or in "lab" mode; the rows say whether the quota binds.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadDeviceCapacities } from "../../topologies/devices/index.ts";
import type { Topology } from "../../topologies/types.ts";
import { Teardown } from "../lab/teardown.ts";
import { standInCgroups } from "./cgroup-stand-in.ts";
import { HostLimits } from "./host-limits.ts";

const topology: Topology = {
  name: "t",
  nodes: [
    { id: "home", role: "edge", device: "tp-link-archer-c9" },
    { id: "dc", role: "nfvi", device: "nfvi-i7" },
    { id: "sw", role: "switch" },
  ],
  links: [],
} as unknown as Topology;

describe("HostLimits", () => {
  const cgroups = standInCgroups();
  afterEach(cgroups.cleanup);
  const standIn = (): string => cgroups.make(["memory", "cpu"]);
  const devices = loadDeviceCapacities();

  it("scales each host's device to the lab core; one cgroup per host, made on first use", async () => {
    const root = standIn();
    const teardown = new Teardown();
    const limits = new HostLimits({ topology, devices, labCoreSpeed: 1.1, mode: "table-i", teardown, labCores: 2, cgroupRoot: root });
    expect(await limits.limitsOf("sw")).toEqual({});
    const first = await limits.limitsOf("home");
    expect(await limits.limitsOf("home")).toEqual(first);
    const archerCores = (2 * 1.0 * 0.55) / 3.4 / 1.1; // 2 × 1 GHz ARM v7 in reference cores, over one lab core
    expect(first.cpuQuotaCores).toBeCloseTo(archerCores, 12);
    const name = (first.cgroupParent ?? "").slice(1);
    expect(readFileSync(join(root, "cpu", name, "cpu.cfs_quota_us"), "utf8")).toBe(String(Math.round(archerCores * 100_000)));
    expect(readFileSync(join(root, "memory", name, "memory.limit_in_bytes"), "utf8")).toBe(String(64 * 2 ** 20));
    writeFileSync(join(root, "memory", name, "memory.failcnt"), "3\n");
    writeFileSync(join(root, "memory", name, "memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
    const rows = await limits.rows();
    expect(rows.map((r) => [r.host, r.device, r.cpuBinding, r.memoryFailcnt, r.oomKills])).toEqual([
      ["home", "tp-link-archer-c9", true, 3, 2],
      ["dc", "nfvi-i7", false, 0, 0], // 4 reference cores = 3.6 lab cores: more than the lab's 2, so it does not bind
    ]);
    expect(rows[1]?.cpuQuotaCores).toBeCloseTo(4 / 1.1, 12);
    // Docker refuses a container's --cpus above the machine's cores: a quota that does not bind is left to the parent
    const dc = await limits.limitsOf("dc");
    expect(dc.cpuQuotaCores).toBeUndefined();
    expect(dc.cgroupParent).toMatch(/^\//);
    for (const n of [name, (dc.cgroupParent ?? "").slice(1)]) for (const c of ["cpu", "memory"]) rmSync(join(root, c, n), { recursive: true }); // plain files keep a stand-in busy
    await teardown.teardown();
    expect(existsSync(join(root, "cpu", name))).toBe(false);
  });

  it('"lab" mode: every host as this machine, no cgroups and no rows', async () => {
    const root = standIn();
    const limits = new HostLimits({ topology, devices, labCoreSpeed: 1.1, mode: "lab", teardown: new Teardown(), cgroupRoot: root });
    expect(await limits.limitsOf("home")).toEqual({});
    expect(await limits.rows()).toEqual([]);
  });
});
