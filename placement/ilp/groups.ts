/**
 * Identical requests (same access node, CPU and memory demand and latency bound) are
 * interchangeable in the latency ILP, so they share one general-integer column per host: x_gh =
 * how many of group g run on host h. Exact, and it removes the symmetry that makes branch and
 * bound slow when a catalogue of a few vNF types serves many UEs.
 */
import { Residual, withinBound } from "../capacity.ts";
import type { PlacementProblem, VnfRequest } from "../types.ts";

export interface RequestGroup {
  /** Indices into problem.requests, in request order. */
  members: number[];
  /** A representative request (the first member). */
  request: VnfRequest;
  /** Indices into problem.hosts that satisfy the bound and fit one member alone, nearest first (ties: host order). */
  candidates: number[];
  /** Latency of each candidate, microseconds (the ILP's cost unit). */
  costUs: number[];
}

/** Groups the requests and lists each group's candidate hosts, nearest first. */
export function groupRequests(problem: PlacementProblem, residual: Residual): RequestGroup[] {
  const byKey = new Map<string, RequestGroup>();
  const groups: RequestGroup[] = [];
  problem.requests.forEach((r, i) => {
    const key = `${r.accessNode}\u0000${r.cpuDemand}\u0000${r.memoryDemand}\u0000${r.maxLatencyS ?? ""}`;
    const known = byKey.get(key);
    if (known) {
      known.members.push(i);
      return;
    }
    const ranked: { host: number; latencyS: number }[] = [];
    problem.hosts.forEach((h, host) => {
      if (residual.fits(h.id, r) && withinBound(problem, r, h.id)) ranked.push({ host, latencyS: problem.latencyS(r.accessNode, h.id) });
    });
    ranked.sort((a, b) => a.latencyS - b.latencyS || a.host - b.host);
    const group: RequestGroup = { members: [i], request: r, candidates: ranked.map((c) => c.host), costUs: ranked.map((c) => c.latencyS * 1e6) };
    byKey.set(key, group);
    groups.push(group);
  });
  return groups;
}
