/**
 * One-way latency of a flow through a vNF chain: propagation and per-hop delay along the shortest
 * paths access → host₁ → … → hostₙ → destination (a chain on different hosts adds the detours),
 * plus, at each vNF, its processing delay (scaled by the host's per-core speed) and its queueing
 * wait at the vNF's packet rate (M/M/1 or M/D/1, service rate = per-core speed / CPU per packet).
 */
import type { PathFinder } from "../../../topologies/paths.ts";
import { queueDelay, type QueueModel } from "./queueing.ts";

export interface ChainStage {
  host: string;
  /** Host speed per core relative to the reference core. */
  perCoreSpeed: number;
  cpuPerPacketS: number;
  processingDelayS: number;
  /** Packets/s this vNF handles (all flows through it). */
  packetRate: number;
}

export type FlowLatency =
  | { overloaded: false; latencyS: number; propagationS: number; processingS: number; queueingS: number }
  | { overloaded: true; overloadedHost: string; utilisation: number };

export function flowLatency(paths: PathFinder, access: string, destination: string, stages: readonly ChainStage[], model: QueueModel): FlowLatency {
  let propagationS = 0;
  let processingS = 0;
  let queueingS = 0;
  let at = access;
  for (const s of stages) {
    propagationS += paths.delay(at, s.host);
    at = s.host;
    processingS += s.processingDelayS / s.perCoreSpeed;
    if (s.cpuPerPacketS > 0) {
      const q = queueDelay(model, s.packetRate, s.perCoreSpeed / s.cpuPerPacketS);
      if (q.overloaded) return { overloaded: true, overloadedHost: s.host, utilisation: q.utilisation };
      queueingS += q.waitS;
    }
  }
  propagationS += paths.delay(at, destination);
  return { overloaded: false, latencyS: propagationS + processingS + queueingS, propagationS, processingS, queueingS };
}
