/**
 * Removal of a Mininet network without its driver — for when `driver.py` died (crashed, or was
 * killed) before it could tear down. Removes only what the client saw being created: OVS bridges
 * by name, root-namespace interfaces by name, and processes (node shells, background processes)
 * by PID with SIGKILL. Host namespaces are anonymous: they vanish with their last process.
 */
import { readFile } from "node:fs/promises";
import { run } from "../lab/run.ts";

/** What a `MininetNet` created, as reported by the driver's answers. */
export interface CreatedObjects {
  switches: Set<string>;
  /** Interface names of every link end (host-side ones vanish with their namespace). */
  intfs: Set<string>;
  /** Node shells and background processes → a string their /proc/<pid>/cmdline must contain (guards against PID reuse). */
  pids: Map<number, string>;
}

export function emptyCreated(): CreatedObjects {
  return { switches: new Set(), intfs: new Set(), pids: new Map() };
}

/** Removes `created`; resolves with what could not be removed (empty when all went well). */
export async function removeWithoutDriver(created: CreatedObjects): Promise<string[]> {
  const failures: string[] = [];
  for (const [pid, mark] of created.pids) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (!cmdline.replace(/\0/g, " ").includes(mark)) continue; // gone, or the PID now belongs to another process
    try {
      process.kill(pid, "SIGKILL");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ESRCH") failures.push(`kill ${pid}: ${(err as Error).message}`);
    }
  }
  for (const sw of created.switches) {
    await run("ovs-vsctl", ["--timeout=10", "--if-exists", "del-br", sw]).catch((err: Error) => failures.push(err.message));
  }
  const { stdout } = await run("ip", ["-o", "link", "show"]);
  const present = new Set(stdout.split("\n").map((l) => /^\d+:\s+([^:@\s]+)/.exec(l)?.[1]).filter((n): n is string => n !== undefined));
  for (const name of [...created.intfs, ...created.switches]) {
    if (present.has(name)) await run("ip", ["link", "del", name]).catch((err: Error) => failures.push(err.message));
  }
  return failures;
}
