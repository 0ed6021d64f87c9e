/**
 * One-way latency of a flow through a vNF chain, seconds:
 *
 *   latency = propagation + per-hop  (link delays along the shortest paths
 *                                     access → host₁ → host₂ → … → hostₙ → destination)
 *           + Σ vNF processing       (lognormal per packet: mean processingDelayS / per-core speed
 *                                     of the vNF's host, coefficient of variation processingCv)
 *           + chain entry            (with a calibrated entry: one lognormal draw at the first vNF,
 *                                     entryDelayS / its host's per-core speed, cv entryCv)
 *           + Σ queueing wait        (finite-buffer queue at the vNF, `boundedQueue`: arrival
 *                                     rate λ, service rate μ = per-core speed × cpuShare /
 *                                     cpuPerPacketS, buffer K packets; M/M/1/K or M/D/1/K)
 *
 * The processing delay holds the packet's own service time, so the queue adds its wait before
 * service (the sojourn minus the service): for M/M/1 0 with probability 1 − ρ, else exponential of
 * mean 1/(μ − λ); at a finite buffer Erlang(n, μ) after the n packets it finds (`drawWait`).
 *
 * Link delays already include per-hop forwarding (`TopologyLink.delayS`). A chain placed on
 * different hosts adds the detours between them; a vNF at the UE's own access device adds none.
 * Each vNF container is served by at most one core (`cpuShare` ≤ 1 lowers it when the host's
 * CPU is shared out). A vNF offered ρ = λ/μ ≥ 1 is `overloaded`: its full buffer drops the
 * excess (loss ratio → 1 − 1/ρ), the vNFs after it in the chain see only what it delivers, and
 * the delivered packets wait up to a full buffer — finite at every load, never NaN or Infinity.
 * `flowLatency` gives the means; `drawFlowLatency` one packet's latency from a random stream.
 * Unreachable destinations throw (a disconnected topology).
 */
import type { PathFinder } from "../../../topologies/paths.ts";
import type { RandomStream } from "../../../base/rng.ts";
import { lognormalByMean } from "../calibration/lognormal.ts";
import type { LatencyConfig } from "./latency-config.ts";
import { boundedQueue, drawWait, type BoundedQueue } from "./queueing.ts";

export interface ChainStage {
  /** Node id of the host running the vNF. */
  host: string;
  /** Host speed per core relative to the reference core (i7 core at 3.4 GHz). */
  perCoreSpeed: number;
  /** CPU per packet, reference-core seconds. */
  cpuPerPacketS: number;
  /** Processing delay per packet at low load on a reference core, seconds (mean). */
  processingDelayS: number;
  /** Coefficient of variation of the processing delay (lognormal); default 0 (constant). */
  processingCv?: number;
  /** Packets/s offered to this vNF by every flow through it, before losses earlier in the chain. */
  packetRate: number;
  /** Fraction of one core the vNF gets, (0, 1] (default 1: a core of its own). */
  cpuShare?: number;
  /** A chain's entry (its first stage only): delay on a reference core, seconds (mean), and its cv; lognormal like the processing. */
  entryDelayS?: number;
  entryCv?: number;
}

/** One vNF of the path: its processing delay and its queue. */
export interface StageLatency {
  host: string;
  /** Mean processing delay on this host, seconds. */
  processingS: number;
  processingCv: number;
  /** Mean chain entry delay on this host (first stage only; 0 otherwise), seconds. */
  entryS: number;
  entryCv: number;
  /** The vNF's queue (absent when it spends no CPU per packet). */
  queue?: BoundedQueue;
}

export interface FlowLatency {
  /** Mean one-way latency of a delivered packet, seconds. */
  latencyS: number;
  /** Mean latency from the access node through the vNFs to the last one, seconds (no vNFs: 0). */
  chainLatencyS: number;
  /** Link delays along the whole path, seconds. */
  propagationS: number;
  /** Link delays from the access node to the last vNF's host, seconds. */
  chainPropagationS: number;
  /** Σ mean processing delays, seconds. */
  processingS: number;
  /** Σ mean waits before service, seconds. */
  queueingS: number;
  /** Share of the flow's packets that get through every queue, 0…1. */
  deliveredFraction: number;
  /** True when a vNF on the path is offered ρ ≥ 1 (saturated: it drops the excess). */
  overloaded: boolean;
  /** The host of the first saturated vNF. */
  overloadedHost?: string;
  /** Largest offered load ρ along the path (0 without queues). */
  utilisation: number;
  stages: StageLatency[];
}

/** Link delay from `a` to `b` along the shortest path, seconds; throws when there is no path. */
function pathDelay(paths: PathFinder, a: string, b: string): number {
  const d = paths.delay(a, b);
  if (!Number.isFinite(d)) throw new RangeError(`topology ${paths.topology.name}: no path from ${a} to ${b}`);
  return d;
}

/** The mean latency and losses of one flow from `access` to `destination` through `stages`, in chain order. */
export function flowLatency(paths: PathFinder, access: string, destination: string, stages: readonly ChainStage[], queueing: LatencyConfig): FlowLatency {
  let chainPropagationS = 0;
  let processingS = 0;
  let queueingS = 0;
  let delivered = 1;
  let utilisation = 0;
  let overloadedHost: string | undefined;
  let at = access;
  const out: StageLatency[] = [];
  for (const s of stages) {
    chainPropagationS += pathDelay(paths, at, s.host);
    at = s.host;
    const stage: StageLatency = { host: s.host, processingS: s.processingDelayS / s.perCoreSpeed, processingCv: s.processingCv ?? 0, entryS: (s.entryDelayS ?? 0) / s.perCoreSpeed, entryCv: s.entryCv ?? 0 };
    processingS += stage.processingS + stage.entryS;
    if (s.cpuPerPacketS > 0) {
      const share = s.cpuShare ?? 1;
      if (!(share > 0 && share <= 1)) throw new RangeError(`vNF on ${s.host}: cpuShare must be in (0, 1], got ${share}`);
      const q = boundedQueue(queueing.queueModel, s.packetRate * delivered, (s.perCoreSpeed * share) / s.cpuPerPacketS, queueing.bufferPackets);
      stage.queue = q;
      queueingS += q.waitS;
      delivered *= 1 - q.lossRatio;
      utilisation = Math.max(utilisation, q.utilisation);
      if (q.overloaded && overloadedHost === undefined) overloadedHost = s.host;
    }
    out.push(stage);
  }
  const propagationS = chainPropagationS + pathDelay(paths, at, destination);
  const chainLatencyS = stages.length > 0 ? chainPropagationS + processingS + queueingS : 0;
  const result: FlowLatency = {
    latencyS: propagationS + processingS + queueingS,
    chainLatencyS,
    propagationS,
    chainPropagationS,
    processingS,
    queueingS,
    deliveredFraction: delivered,
    overloaded: overloadedHost !== undefined,
    utilisation,
    stages: out,
  };
  if (overloadedHost !== undefined) result.overloadedHost = overloadedHost;
  return result;
}

/**
 * One delivered packet's latency, seconds: the link delays plus, per vNF, a lognormal processing
 * delay and a wait drawn from its queue. `chainLatencyS` is the part up to the last vNF (0
 * without vNFs). Draws from `rng` in path order: per vNF the entry (first vNF with an entry delay
 * and cv > 0 only), the processing delay (none when its cv is 0), then the wait (none when it has
 * no queue).
 */
export function drawFlowLatency(rng: RandomStream, latency: FlowLatency): { latencyS: number; chainLatencyS: number } {
  let vnfS = 0;
  for (const s of latency.stages) {
    if (s.entryS > 0) vnfS += s.entryCv > 0 ? lognormalByMean(rng, s.entryS, s.entryCv) : s.entryS;
    vnfS += s.processingCv > 0 && s.processingS > 0 ? lognormalByMean(rng, s.processingS, s.processingCv) : s.processingS;
    if (s.queue) vnfS += drawWait(rng, s.queue);
  }
  const chainLatencyS = latency.stages.length > 0 ? latency.chainPropagationS + vnfS : 0;
  return { latencyS: latency.propagationS + vnfS, chainLatencyS };
}
