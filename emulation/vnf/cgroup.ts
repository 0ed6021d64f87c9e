/**
 * Resource use of a container from its cgroup v1 hierarchy (Docker's cgroupfs driver puts a
 * container in `/docker/<id>` of each controller): memory from `memory.usage_in_bytes` and
 * `memory.stat`, CPU time from `cpuacct.usage`. The cgroup paths are read from
 * `/proc/<pid>/cgroup` of the container's init process, so a different cgroup parent works too.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

export interface ContainerResources {
  /** memory.usage_in_bytes: everything charged to the cgroup (RSS, page cache, kernel), bytes. */
  memoryUsageBytes: number;
  /** memory.stat total_rss: anonymous memory of the container's processes, bytes. */
  memoryRssBytes: number;
  /** memory.stat total_cache: page cache charged to it (files read from the image), bytes. */
  memoryCacheBytes: number;
  /** cpuacct.usage: CPU time of all its processes since start, ns. */
  cpuUsageNs: bigint;
}

export interface CgroupPaths {
  memory: string;
  cpuacct: string;
}

/** Controller → path within its hierarchy, from the text of /proc/<pid>/cgroup (v1 lines only). */
export function parseProcCgroup(text: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^\d+:([^:]+):(.*)$/.exec(line.trim());
    if (!m) continue;
    for (const controller of (m[1] as string).split(",")) result.set(controller, m[2] as string);
  }
  return result;
}

/** Where the memory and cpuacct files of process `pid`'s cgroups are (cgroup v1 under `root`). */
export async function cgroupPaths(pid: number, root = "/sys/fs/cgroup"): Promise<CgroupPaths> {
  const text = await readFile(`/proc/${pid}/cgroup`, "utf8");
  const map = parseProcCgroup(text);
  const memory = map.get("memory");
  const cpuacct = map.get("cpuacct");
  if (memory === undefined || cpuacct === undefined) {
    throw new Error(`process ${pid} has no cgroup v1 memory/cpuacct controllers (/proc/${pid}/cgroup: ${text.trim().replace(/\n/g, "; ")}); the lab needs cgroup v1`);
  }
  return { memory: join(root, "memory", memory), cpuacct: join(root, "cpuacct", cpuacct) };
}

/** Value of `key` in a memory.stat text (bytes). */
export function memoryStat(text: string, key: string): number {
  const m = new RegExp(`^${key} (\\d+)$`, "m").exec(text);
  if (!m) throw new Error(`memory.stat has no ${key} line`);
  return Number(m[1]);
}

export async function readResources(paths: CgroupPaths): Promise<ContainerResources> {
  const [usage, stat, cpu] = await Promise.all([
    readFile(join(paths.memory, "memory.usage_in_bytes"), "utf8"),
    readFile(join(paths.memory, "memory.stat"), "utf8"),
    readFile(join(paths.cpuacct, "cpuacct.usage"), "utf8"),
  ]);
  return { memoryUsageBytes: Number(usage.trim()), memoryRssBytes: memoryStat(stat, "total_rss"), memoryCacheBytes: memoryStat(stat, "total_cache"), cpuUsageNs: BigInt(cpu.trim()) };
}
