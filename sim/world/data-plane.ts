/**
 * The flow-level data plane of a GNF world at one instant: for every connected UE and every flow it
 * is sending, which chain selects the flow (the highest-priority matching chain of that UE,
 * `classifyPacket`), whether the switches steer it through that chain right now (the installed
 * steering version is for the UE's current access node), the packet rate each vNF instance is
 * offered and processes, the flow's losses at saturated vNFs, its mean one-way latency
 * (propagation + vNF processing + queueing at finite buffers, `flowLatency`) and its node route
 * for core-utilisation accounting (cut at a dropper vNF). Pure: no draws (a sample's latency is
 * drawn by the `DataPlaneSampler`).
 *
 * CPU sharing on a host: each vNF container runs on at most one core; the host's vNFs share its
 * CPU capacity C (reference cores) max-min fairly, as Linux CFS shares CPU among containers of
 * equal weight. With demands dᵢ = offered packets/s × CPU per packet, a host where
 * Σ min(dᵢ, s) ≤ C (s: per-core speed) gives every vNF a core of its own (cpuShare 1); otherwise
 * every vNF may use up to the level L < s with Σ min(dᵢ, L) = C (cpuShare L/s), so the vNFs
 * asking for more than L are saturated (ρ > 1) and drop the excess. The shares come from the
 * offered demands (losses earlier in a chain are not fed back: a conservative approximation).
 *
 * A flow whose chain is not steered at the UE's access node (not yet installed, or still set up
 * for the cell the UE left) is *unserved*: it is forwarded without its vNFs. A flow a dropper vNF
 * discards on purpose (`dropsSelected`) is blocked, not lost: it has no latency and no loss.
 * Units: seconds, packets/s, bit/s, reference cores.
 */
import { classifyPacket, type ChainSpec } from "../../orchestrator/chains.ts";
import type { PacketHeaders } from "../../orchestrator/selector.ts";
import type { PathFinder } from "../../topologies/paths.ts";
import { chainRoute } from "../models/traffic/core-utilisation.ts";
import { meanPacketRate, type Flow } from "../models/traffic/flows.ts";
import { flowLatency, type ChainStage, type FlowLatency } from "../models/traffic/latency.ts";
import type { LatencyConfig } from "../models/traffic/latency-config.ts";
import type { VnfType } from "../../deployment/vnfs/types.ts";
import type { InstalledSteering } from "../backend/sim-backend.ts";
import { ueIdentity } from "../../deployment/ue-identity.ts";

/** One flow of one UE at one instant. */
export interface FlowState {
  ue: string;
  /** Index of the flow in the scenario's `traffic`. */
  flow: number;
  access: string;
  destination: string;
  /** Chain that selects the flow, if any. */
  chain?: string;
  /** True when the selecting chain's steering is in force at `access`. */
  steered: boolean;
  /** Mean packet rate offered, packets/s, and bit rate, bit/s. */
  packetRate: number;
  bitRate: number;
  /** Packets/s dropped at saturated vNFs' full buffers (0 when none is saturated or when blocked). */
  droppedPps: number;
  /** True when a vNF on the flow's path is offered ρ ≥ 1 (its own core or its host's CPU). */
  overloaded: boolean;
  /** vNF ids the flow traverses (empty when not steered). */
  vnfs: string[];
  /** Node route for core accounting. */
  route: string[];
  /** True when a vNF on the path drops the flow. */
  dropped: boolean;
  /** Mean one-way latency of a delivered packet to the destination, seconds (NaN when blocked). */
  latencyS: number;
  /**
   * Mean UE → chain latency: from the access node through the vNFs to the last one, seconds (NaN
   * when not steered or blocked). This is what vNF latency bounds constrain (INFOCOM 2018).
   */
  chainLatencyS: number;
  /** The latency model of the flow's path (means, stages, queues) for per-packet draws; absent when blocked. */
  latency?: FlowLatency;
}

/** What one evaluation gives besides the flows. */
export interface DataPlaneState {
  flows: FlowState[];
  /** Packets/s offered to each vNF (before losses earlier in its chain). */
  vnfPacketRate: Map<string, number>;
  /** Packets/s each vNF processes (what it delivers): what its host's CPU is charged with. */
  vnfProcessedRate: Map<string, number>;
  /** vNFs offered ρ ≥ 1, in the order the flows first reach them. */
  overloadedVnfs: string[];
}

export interface DataPlaneInputs {
  paths: PathFinder;
  traffic: readonly Flow[];
  catalog: Readonly<Record<string, VnfType>>;
  /** Queueing model and vNF buffer. */
  latency: LatencyConfig;
  /** Each host's per-core speed (reference cores per core) and CPU capacity (reference cores). */
  hostCpu: ReadonlyMap<string, { perCoreSpeed: number; cpuCapacity: number }>;
  /** One-way delay a chain adds once at its first vNF (a calibration's fitted entry; `forwardingEntry`), reference-core seconds; absent: none. */
  chainEntry?: { delayS: number; cv: number } | undefined;
}

/**
 * Max-min fair CPU level of one host: each vNF may use up to `level` reference cores. `demands`
 * in reference cores, `perCoreSpeed` caps a vNF at one core, `capacity` is the host's total.
 */
export function cpuLevel(demands: readonly number[], perCoreSpeed: number, capacity: number): number {
  const sorted = demands.map((d) => Math.min(d, perCoreSpeed)).sort((a, b) => a - b);
  if (sorted.reduce((sum, d) => sum + d, 0) <= capacity) return perCoreSpeed;
  let remaining = capacity;
  let left = sorted.length;
  for (const d of sorted) {
    if (d * left > remaining) return remaining / left;
    remaining -= d;
    left--;
  }
  return perCoreSpeed;
}

export class DataPlane {
  private readonly headers: PacketHeaders[][] = [];

  constructor(private readonly inputs: DataPlaneInputs) {}

  /** The header fields of flow `f` of UE `ue` (UE addresses plus the flow's own fields). */
  flowHeaders(ue: number, f: number): PacketHeaders {
    let perUe = this.headers[ue];
    if (!perUe) {
      const id = ueIdentity(ue);
      perUe = this.inputs.traffic.map((flow) => ({ eth_type: 0x0800, eth_src: id.mac, ipv4_src: id.ipv4, ...(flow.headers as PacketHeaders) }));
      this.headers[ue] = perUe;
    }
    return perUe[f] as PacketHeaders;
  }

  /**
   * Every sending flow of the connected UEs at time `now`. `serving[ue]` is the access node id (or
   * undefined), `chains` the chains currently requested per UE name, `installed` the steering in
   * force, `vnfType` the type of a vNF id.
   */
  evaluate(
    now: number,
    serving: readonly (string | undefined)[],
    chains: ReadonlyMap<string, readonly ChainSpec[]>,
    installed: ReadonlyMap<string, InstalledSteering>,
    vnfType: (vnfId: string) => string | undefined,
  ): DataPlaneState {
    const { traffic, paths, catalog } = this.inputs;
    const flows: FlowState[] = [];
    const vnfPacketRate = new Map<string, number>();
    const hostOfVnf = new Map<string, string>();
    for (let ue = 0; ue < serving.length; ue++) {
      const access = serving[ue];
      if (access === undefined) continue;
      const name = ueIdentity(ue).name;
      const mine = chains.get(name) ?? [];
      traffic.forEach((flow, f) => {
        if (now < flow.startS || (flow.stopS !== undefined && now >= flow.stopS)) return;
        const packetRate = meanPacketRate(flow);
        const chain = mine.length > 0 ? classifyPacket(mine, this.flowHeaders(ue, f)) : undefined;
        const steering = chain ? installed.get(chain.id) : undefined;
        const steered = steering !== undefined && steering.accessNode === access;
        const hops = steered ? steering.hops : [];
        let dropAt: number | undefined;
        hops.forEach((h, i) => {
          hostOfVnf.set(h.vnfId, h.host);
          if (dropAt === undefined) vnfPacketRate.set(h.vnfId, (vnfPacketRate.get(h.vnfId) ?? 0) + packetRate);
          const type = catalog[vnfType(h.vnfId) ?? ""];
          if (dropAt === undefined && type?.dropsSelected) dropAt = i;
        });
        const state: FlowState = {
          ue: name,
          flow: f,
          access,
          destination: flow.destination,
          steered,
          packetRate,
          bitRate: packetRate * flow.packetBytes * 8,
          droppedPps: 0,
          overloaded: false,
          vnfs: hops.map((h) => h.vnfId),
          route: chainRoute(access, hops.map((h) => h.host), flow.destination, dropAt),
          dropped: dropAt !== undefined,
          latencyS: Number.NaN,
          chainLatencyS: Number.NaN,
        };
        if (chain) state.chain = chain.id;
        flows.push(state);
      });
    }
    const shares = this.cpuShares(vnfPacketRate, hostOfVnf, vnfType);
    const vnfProcessedRate = new Map<string, number>();
    const overloadedVnfs: string[] = [];
    for (const state of flows) {
      if (state.dropped) {
        // Blocked on purpose at the dropper: charge the vNFs up to it with what reaches them.
        for (const id of state.vnfs) if (vnfPacketRate.has(id) && !vnfProcessedRate.has(id)) vnfProcessedRate.set(id, vnfPacketRate.get(id) ?? 0);
        continue;
      }
      const stages: ChainStage[] = state.vnfs.map((id, i) => {
        const type = catalog[vnfType(id) ?? ""] as VnfType;
        const host = hostOfVnf.get(id) as string;
        const cpu = this.inputs.hostCpu.get(host);
        const entry = i === 0 && this.inputs.chainEntry !== undefined ? { entryDelayS: this.inputs.chainEntry.delayS, entryCv: this.inputs.chainEntry.cv } : {};
        return { host, perCoreSpeed: cpu?.perCoreSpeed ?? 1, cpuPerPacketS: type.cpuPerPacketS, processingDelayS: type.processingDelayS, processingCv: type.processingCv, packetRate: vnfPacketRate.get(id) ?? 0, cpuShare: shares.get(id) ?? 1, ...entry };
      });
      const latency = flowLatency(paths, state.access, state.destination, stages, this.inputs.latency);
      state.latency = latency;
      state.latencyS = latency.latencyS;
      if (stages.length > 0) state.chainLatencyS = latency.chainLatencyS;
      state.droppedPps = state.packetRate * (1 - latency.deliveredFraction);
      state.overloaded = latency.overloaded;
      latency.stages.forEach((stage, i) => {
        const id = state.vnfs[i] as string;
        if (vnfProcessedRate.has(id)) return;
        // Every flow through a vNF belongs to its chain and sees the same queue: its delivered rate.
        vnfProcessedRate.set(id, stage.queue ? stage.queue.deliveredRate : (vnfPacketRate.get(id) ?? 0));
        if (stage.queue?.overloaded) overloadedVnfs.push(id);
      });
    }
    return { flows, vnfPacketRate, vnfProcessedRate, overloadedVnfs };
  }

  /** Each vNF's share of a core (0, 1] from its host's max-min fair CPU level. */
  private cpuShares(offered: ReadonlyMap<string, number>, hostOfVnf: ReadonlyMap<string, string>, vnfType: (vnfId: string) => string | undefined): Map<string, number> {
    const demands = new Map<string, { ids: string[]; cores: number[] }>();
    for (const [id, rate] of offered) {
      const host = hostOfVnf.get(id) as string;
      const cpuPerPacketS = this.inputs.catalog[vnfType(id) ?? ""]?.cpuPerPacketS ?? 0;
      const d = demands.get(host) ?? demands.set(host, { ids: [], cores: [] }).get(host);
      d?.ids.push(id);
      d?.cores.push(rate * cpuPerPacketS);
    }
    const shares = new Map<string, number>();
    for (const [host, d] of demands) {
      const cpu = this.inputs.hostCpu.get(host);
      if (!cpu) continue;
      const share = cpuLevel(d.cores, cpu.perCoreSpeed, cpu.cpuCapacity) / cpu.perCoreSpeed;
      for (const id of d.ids) shares.set(id, share);
    }
    return shares;
  }
}

