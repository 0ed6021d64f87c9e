/**
 * One-way latency of a flow through a vNF chain, seconds:
 *
 *   latency = propagation + per-hop  (link delays along the shortest paths
 *                                     access → host₁ → host₂ → … → hostₙ → destination)
 *           + Σ vNF processing       (processingDelayS / per-core speed of the vNF's host)
 *           + Σ queueing wait        (Wq of M/M/1 or M/D/1 at the vNF's packet rate λ with
 *                                     service rate μ = per-core speed × cpuShare / cpuPerPacketS)
 *
 * Link delays already include per-hop forwarding (`TopologyLink.delayS`). A chain placed on
 * different hosts adds the detours between them; a vNF at the UE's own access device adds none.
 * Each vNF container is served by at most one core (`cpuShare` ≤ 1 lowers it when the host's
 * cores are shared). A vNF with ρ = λ/μ ≥ 1 makes the flow `overloaded` (named host, ρ): never
 * NaN or Infinity in results. Unreachable destinations throw (a disconnected topology).
 */
import type { PathFinder } from "../../../topologies/paths.ts";
import { queueDelay, type QueueModel } from "./queueing.ts";

export interface ChainStage {
  /** Node id of the host running the vNF. */
  host: string;
  /** Host speed per core relative to the reference core (i7 core at 3.4 GHz). */
  perCoreSpeed: number;
  /** CPU per packet, reference-core seconds. */
  cpuPerPacketS: number;
  /** Processing delay per packet at low load on a reference core, seconds. */
  processingDelayS: number;
  /** Packets/s this vNF handles (all flows through it). */
  packetRate: number;
  /** Fraction of one core the vNF gets, (0, 1] (default 1: a core of its own). */
  cpuShare?: number;
}

export type FlowLatency =
  | { overloaded: false; latencyS: number; propagationS: number; processingS: number; queueingS: number }
  | { overloaded: true; overloadedHost: string; utilisation: number };

/** Link delay from `a` to `b` along the shortest path, seconds; throws when there is no path. */
function pathDelay(paths: PathFinder, a: string, b: string): number {
  const d = paths.delay(a, b);
  if (!Number.isFinite(d)) throw new RangeError(`topology ${paths.topology.name}: no path from ${a} to ${b}`);
  return d;
}

/** The latency of one flow from `access` to `destination` through `stages`, in chain order. */
export function flowLatency(paths: PathFinder, access: string, destination: string, stages: readonly ChainStage[], model: QueueModel): FlowLatency {
  let propagationS = 0;
  let processingS = 0;
  let queueingS = 0;
  let at = access;
  for (const s of stages) {
    propagationS += pathDelay(paths, at, s.host);
    at = s.host;
    processingS += s.processingDelayS / s.perCoreSpeed;
    if (s.cpuPerPacketS > 0) {
      const share = s.cpuShare ?? 1;
      if (!(share > 0 && share <= 1)) throw new RangeError(`vNF on ${s.host}: cpuShare must be in (0, 1], got ${share}`);
      const q = queueDelay(model, s.packetRate, (s.perCoreSpeed * share) / s.cpuPerPacketS);
      if (q.overloaded) return { overloaded: true, overloadedHost: s.host, utilisation: q.utilisation };
      queueingS += q.waitS;
    }
  }
  propagationS += pathDelay(paths, at, destination);
  return { overloaded: false, latencyS: propagationS + processingS + queueingS, propagationS, processingS, queueingS };
}
