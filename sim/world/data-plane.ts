/**
 * The flow-level data plane of a GNF world at one instant: for every connected UE and every flow it
 * is sending, which chain selects the flow (the highest-priority matching chain of that UE,
 * `classifyPacket`), whether the switches steer it through that chain right now (the installed
 * steering version is for the UE's current access node), the packet rate each vNF instance
 * handles, the flow's one-way latency (propagation + vNF processing + queueing, `flowLatency`) and
 * its node route for core-utilisation accounting (cut at a dropper vNF).
 *
 * A flow whose chain is not steered at the UE's access node (not yet installed, or still set up
 * for the cell the UE left) is *unserved*: it is forwarded without its vNFs.
 * Units: seconds, packets/s, bit/s.
 */
import { classifyPacket, type ChainSpec } from "../../orchestrator/chains.ts";
import type { PacketHeaders } from "../../orchestrator/selector.ts";
import type { PathFinder } from "../../topologies/paths.ts";
import { chainRoute } from "../models/traffic/core-utilisation.ts";
import { meanPacketRate, type Flow } from "../models/traffic/flows.ts";
import { flowLatency, type ChainStage } from "../models/traffic/latency.ts";
import type { QueueModel } from "../models/traffic/queueing.ts";
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
  /** Mean packet rate, packets/s, and bit rate, bit/s. */
  packetRate: number;
  bitRate: number;
  /** vNF ids the flow traverses (empty when not steered). */
  vnfs: string[];
  /** Node route for core accounting. */
  route: string[];
  /** True when a vNF on the path drops the flow. */
  dropped: boolean;
  /** One-way latency to the destination, seconds (NaN when dropped or when a vNF is overloaded). */
  latencyS: number;
  /**
   * UE → chain latency: from the access node through the vNFs to the last one, seconds (NaN when
   * not steered or overloaded). This is what vNF latency bounds constrain (INFOCOM 2018).
   */
  chainLatencyS: number;
}

export interface DataPlaneInputs {
  paths: PathFinder;
  traffic: readonly Flow[];
  catalog: Readonly<Record<string, VnfType>>;
  queueModel: QueueModel;
  /** Per-core speed of each host, reference cores per core. */
  perCoreSpeed: ReadonlyMap<string, number>;
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
  ): { flows: FlowState[]; vnfPacketRate: Map<string, number> } {
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
    for (const state of flows) {
      if (state.dropped) continue;
      const stages: ChainStage[] = state.vnfs.map((id) => {
        const type = catalog[vnfType(id) ?? ""] as VnfType;
        const host = hostOfVnf.get(id) as string;
        return { host, perCoreSpeed: this.inputs.perCoreSpeed.get(host) ?? 1, cpuPerPacketS: type.cpuPerPacketS, processingDelayS: type.processingDelayS, packetRate: vnfPacketRate.get(id) ?? 0 };
      });
      // Through the vNFs to the last one, then on to the destination (no vNFs: straight there).
      const last = stages[stages.length - 1];
      const toChain = flowLatency(paths, state.access, last ? last.host : state.destination, stages, this.inputs.queueModel);
      if (toChain.overloaded) continue;
      if (!last) {
        state.latencyS = toChain.latencyS;
        continue;
      }
      const onward = flowLatency(paths, last.host, state.destination, [], this.inputs.queueModel) as { latencyS: number };
      state.chainLatencyS = toChain.latencyS;
      state.latencyS = toChain.latencyS + onward.latencyS;
    }
    return { flows, vnfPacketRate };
  }
}

