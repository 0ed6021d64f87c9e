/**
 * Whether the Fig. 2 measurements can run here: the container lab (root, OVS, Docker, cgroup v1)
 * and iputils `ping`. True, or the reason (for skipping tests and benchmarks).
 */
import { hasCommand } from "../lab/run.ts";
import { containerLabStatus } from "../vnf/availability.ts";
import type { LabStatus } from "../lab/availability.ts";

export async function harnessLabStatus(): Promise<LabStatus> {
  const lab = await containerLabStatus();
  if (!lab.ok) return lab;
  if (!(await hasCommand("ping"))) return { ok: false, reason: "`ping` is missing (idle RTT): apt-get install iputils-ping" };
  return { ok: true };
}
