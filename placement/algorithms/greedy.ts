/**
 * Greedy placers: each request in order goes to the first host an ordering function offers that
 * has room and meets its latency bound.
 * - nearest-edge (GNF's rule): edge hosts by latency from the UE's access node, then the central
 *   NFVI hosts by latency;
 * - central-only: NFVI hosts only;
 * - first-fit: hosts in the problem's order;
 * - best-fit: the feasible host with the least memory left after placing (ties: less CPU left);
 * - random: a uniformly random feasible host (seeded).
 */
import type { RandomStream } from "../../base/rng.ts";
import { noHostReason, Residual, totalLatency, withinBound } from "../capacity.ts";
import type { HostState, Infeasible, Placement, PlacementProblem, Placer, VnfRequest } from "../types.ts";

type Chooser = (problem: PlacementProblem, r: VnfRequest, residual: Residual) => string | undefined;

function greedy(name: string, choose: Chooser): Placer {
  return {
    name,
    place(problem: PlacementProblem): Placement {
      const residual = new Residual(problem.hosts);
      const assignment = new Map<string, string>();
      const infeasible: Infeasible[] = [];
      for (const r of problem.requests) {
        const host = choose(problem, r, residual);
        if (host === undefined) infeasible.push({ vnf: r.id, reason: noHostReason(problem, r) });
        else {
          residual.take(host, r);
          assignment.set(r.id, host);
        }
      }
      return { assignment, infeasible, totalLatencyS: totalLatency(problem, assignment), stats: { algorithm: name } };
    },
  };
}

/** Hosts of `kind` ordered by latency from an access node (ties by id), cached per problem. */
const orderCache = new WeakMap<PlacementProblem, Map<string, string[]>>();
function byLatency(problem: PlacementProblem, access: string, kind: HostState["kind"]): string[] {
  let perProblem = orderCache.get(problem);
  if (!perProblem) orderCache.set(problem, (perProblem = new Map()));
  const key = `${kind}|${access}`;
  let order = perProblem.get(key);
  if (!order) {
    order = problem.hosts
      .filter((h) => h.kind === kind)
      .map((h) => ({ id: h.id, l: problem.latencyS(access, h.id) }))
      .sort((a, b) => a.l - b.l || (a.id < b.id ? -1 : 1))
      .map((h) => h.id);
    perProblem.set(key, order);
  }
  return order;
}

function firstFeasible(problem: PlacementProblem, r: VnfRequest, residual: Residual, order: readonly string[]): string | undefined {
  for (const h of order) if (residual.fits(h, r) && withinBound(problem, r, h)) return h;
  return undefined;
}

export const nearestEdge = (): Placer =>
  greedy("nearest-edge", (p, r, res) => firstFeasible(p, r, res, byLatency(p, r.accessNode, "edge")) ?? firstFeasible(p, r, res, byLatency(p, r.accessNode, "nfvi")));

export const centralOnly = (): Placer => greedy("central-only", (p, r, res) => firstFeasible(p, r, res, byLatency(p, r.accessNode, "nfvi")));

export const firstFit = (): Placer => greedy("first-fit", (p, r, res) => firstFeasible(p, r, res, p.hosts.map((h) => h.id)));

export const bestFit = (): Placer =>
  greedy("best-fit", (p, r, res) => {
    let best: string | undefined;
    let bestMem = Infinity;
    let bestCpu = Infinity;
    for (const h of p.hosts) {
      if (!res.fits(h.id, r) || !withinBound(p, r, h.id)) continue;
      const mem = (res.memory.get(h.id) as number) - r.memoryDemand;
      const cpu = (res.cpu.get(h.id) as number) - r.cpuDemand;
      if (mem < bestMem || (mem === bestMem && cpu < bestCpu)) {
        best = h.id;
        bestMem = mem;
        bestCpu = cpu;
      }
    }
    return best;
  });

export const randomPlacer = (rng: RandomStream): Placer =>
  greedy("random", (p, r, res) => {
    const feasible = p.hosts.filter((h) => res.fits(h.id, r) && withinBound(p, r, h.id)).map((h) => h.id);
    return feasible.length > 0 ? rng.choice(feasible) : undefined;
  });
