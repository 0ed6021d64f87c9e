/**
 * CPU time spent on instantiating vNFs, summed over the processes that do the work — a figure that
 * depends far less on other users of the machine than wall time does. Sources (each utime + stime
 * + cutime + cstime from /proc/<pid>/stat, so short-lived children they reaped count too —
 * `runc` is reaped by the shim, `containerd-shim … start` by containerd):
 * dockerd, containerd, ovs-vswitchd, ovsdb-server, this process and the command helper (ip,
 * ethtool, nsenter, ovs-vsctl are their children), each vNF's containerd-shim (the parent of its init) and each vNF's cgroup
 * (cpuacct.usage: docker-init, the entrypoint and what it runs). `runc init` may be counted both in
 * its container's cgroup and in its shim's cutime, a few ms per vNF at most.
 */
import { readFile } from "node:fs/promises";

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** Daemons whose CPU counts, by pid file. */
export const DAEMON_PID_FILES = ["/var/run/docker.pid", "/var/run/docker/containerd/containerd.pid", "/var/run/openvswitch/ovs-vswitchd.pid", "/var/run/openvswitch/ovsdb-server.pid"];

/** Fields of a /proc/<pid>/stat text: parent pid and CPU seconds of the process and its reaped children. */
export function parseProcStat(text: string): { ppid: number; cpuSeconds: number } {
  const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
  // f[0] is field 3 (state): ppid is field 4, utime..cstime are fields 14..17.
  const ticks = [11, 12, 13, 14].reduce((s, i) => s + Number(f[i]), 0);
  return { ppid: Number(f[1]), cpuSeconds: ticks / USER_HZ };
}

async function stat(pid: number): Promise<{ ppid: number; cpuSeconds: number } | null> {
  return readFile(`/proc/${pid}/stat`, "utf8").then(parseProcStat, () => null);
}

async function pidFrom(file: string): Promise<number | null> {
  return readFile(file, "utf8").then((t) => Number(t.trim()) || null, () => null);
}

/** CPU seconds so far of the daemons, of this process, and of `extraPids` (e.g. the command helper), each with its reaped children. */
export async function sharedCpuSeconds(extraPids: readonly number[] = []): Promise<number> {
  let total = 0;
  for (const file of DAEMON_PID_FILES) {
    const pid = await pidFrom(file);
    if (pid !== null) total += (await stat(pid))?.cpuSeconds ?? 0;
  }
  for (const pid of [process.pid, ...extraPids]) total += (await stat(pid))?.cpuSeconds ?? 0;
  return total;
}

/** CPU seconds of the containerd-shim that is the parent of container init `pid` (0 if gone). */
export async function shimCpuSeconds(initPid: number): Promise<number> {
  const init = await stat(initPid);
  if (!init) return 0;
  return (await stat(init.ppid))?.cpuSeconds ?? 0;
}

/** CPU seconds so far of ovs-vswitchd (all its threads; the userspace datapath forwards every packet), 0 if it is not running. */
export async function ovsSwitchCpuSeconds(): Promise<number> {
  const pid = await pidFrom("/var/run/openvswitch/ovs-vswitchd.pid");
  return pid === null ? 0 : ((await stat(pid))?.cpuSeconds ?? 0);
}

/**
 * Busy CPU seconds of the whole machine from the first line of /proc/stat: every state but idle
 * and iowait (user, nice, system, irq, softirq, steal), summed over CPUs — includes the kernel's
 * packet processing in softirq, which no process or cgroup is charged for.
 */
export function parseProcStatBusySeconds(text: string): number {
  const fields = (text.split("\n")[0] ?? "").trim().split(/\s+/);
  if (fields[0] !== "cpu") throw new Error("/proc/stat does not start with the cpu line");
  const ticks = fields.slice(1, 9).map(Number);
  const busy = ticks.reduce((s, t, i) => (i === 3 || i === 4 ? s : s + t), 0);
  return busy / USER_HZ;
}

export async function hostBusyCpuSeconds(): Promise<number> {
  return parseProcStatBusySeconds(await readFile("/proc/stat", "utf8"));
}
