/**
 * Residual capacity bookkeeping shared by every algorithm, and the invariant check: no host's
 * CPU or memory is ever exceeded by a placement.
 */
import type { HostState, Placement, PlacementProblem, VnfRequest } from "./types.ts";

/** Tolerance for floating-point sums of CPU demands, reference cores. */
const EPSILON = 1e-9;

export class Residual {
  readonly cpu = new Map<string, number>();
  readonly memory = new Map<string, number>();

  constructor(hosts: readonly HostState[]) {
    for (const h of hosts) {
      this.cpu.set(h.id, h.cpuCapacity - h.cpuUsed);
      this.memory.set(h.id, h.memoryBytes - h.memoryUsed);
    }
  }

  fits(host: string, r: VnfRequest): boolean {
    return (this.cpu.get(host) ?? -1) + EPSILON >= r.cpuDemand && (this.memory.get(host) ?? -1) >= r.memoryDemand;
  }

  take(host: string, r: VnfRequest): void {
    this.cpu.set(host, (this.cpu.get(host) as number) - r.cpuDemand);
    this.memory.set(host, (this.memory.get(host) as number) - r.memoryDemand);
  }
}

/** Throws if `placement` exceeds any host's CPU or memory. */
export function assertWithinCapacity(problem: PlacementProblem, placement: Placement): void {
  const residual = new Residual(problem.hosts);
  const byId = new Map(problem.requests.map((r) => [r.id, r]));
  for (const [vnf, host] of placement.assignment) {
    const r = byId.get(vnf);
    if (!r) throw new Error(`placement assigns unknown vNF ${vnf}`);
    if (!residual.fits(host, r)) throw new Error(`placement exceeds the capacity of ${host} with ${vnf}`);
    residual.take(host, r);
  }
}

/** Total access → host latency of an assignment, seconds. */
export function totalLatency(problem: PlacementProblem, assignment: ReadonlyMap<string, string>): number {
  let sum = 0;
  for (const r of problem.requests) {
    const h = assignment.get(r.id);
    if (h !== undefined) sum += problem.latencyS(r.accessNode, h);
  }
  return sum;
}

/**
 * Why no host can take `r` (call it when none has room), e.g. "no host with 20.00 MB memory and
 * 0.10 reference cores free within 5.00 ms of cell-12 (3 hosts in range, all full)" or "no host
 * within 1.00 ms of cell-12 (nearest: site-4 at 1.35 ms)".
 */
export function noHostReason(problem: PlacementProblem, r: VnfRequest): string {
  const inRange = problem.hosts.filter((h) => withinBound(problem, r, h.id));
  const need = `${(r.memoryDemand / 1e6).toFixed(2)} MB memory and ${r.cpuDemand.toFixed(2)} reference cores free`;
  if (r.maxLatencyS === undefined) return `no host with ${need} (${inRange.length} reachable ${inRange.length === 1 ? "host is" : "hosts are"} full)`;
  const bound = `${(r.maxLatencyS * 1000).toFixed(2)} ms of ${r.accessNode}`;
  if (inRange.length > 0) return `no host with ${need} within ${bound} (${inRange.length} ${inRange.length === 1 ? "host" : "hosts"} in range, all full)`;
  let nearest: { id: string; latencyS: number } | undefined;
  for (const h of problem.hosts) {
    const latencyS = problem.latencyS(r.accessNode, h.id);
    if (Number.isFinite(latencyS) && (nearest === undefined || latencyS < nearest.latencyS)) nearest = { id: h.id, latencyS };
  }
  return `no host within ${bound}${nearest ? ` (nearest: ${nearest.id} at ${(nearest.latencyS * 1000).toFixed(2)} ms)` : " (no host reachable)"}`;
}

/** True when host h satisfies r's latency bound. */
export function withinBound(problem: PlacementProblem, r: VnfRequest, host: string): boolean {
  const l = problem.latencyS(r.accessNode, host);
  return Number.isFinite(l) && (r.maxLatencyS === undefined || l <= r.maxLatencyS);
}
