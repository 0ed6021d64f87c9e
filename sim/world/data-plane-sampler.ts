/**
 * The simulator's data plane, sampled every `sampleInterval` seconds: evaluates every UE flow
 * (`DataPlane`: route, chain, mean latency, losses), charges the packets each vNF processes to its
 * host's CPU, the flows to the core links (`CoreUtilisation`), and reports to the
 * `ManagerRecorder` (flow samples, device load, core load). Returns what the Manager and the vNF
 * behaviours consume.
 *
 * Each flow sample's latency is one packet's latency drawn around the flow's mean
 * (`drawFlowLatency`: lognormal processing per vNF, waits from the vNFs' queues) from the flow's
 * own stream `latency/<ue>/<flow index>`, so adding a UE or a flow moves no other draw.
 * `flowsAt` evaluates without side effects or draws (for monitors reading the flow state).
 */
import type { ChainSpec } from "../../orchestrator/chains.ts";
import type { Manager } from "../../orchestrator/manager.ts";
import type { ManagerRecorder } from "../../deployment/manager-recorder.ts";
import { round6 } from "../../deployment/rounding.ts";
import type { CoreUtilisation } from "../models/traffic/core-utilisation.ts";
import type { VnfHost } from "../models/vnf/host.ts";
import type { SimBackend } from "../backend/sim-backend.ts";
import type { RngStreams } from "../../base/rng.ts";
import type { FlowSample } from "../../deployment/manager-recorder.ts";
import { drawFlowLatency } from "../models/traffic/latency.ts";
import type { DataPlane, DataPlaneState, FlowState } from "./data-plane.ts";

const ACTIVE = new Set(["starting", "active"]);

export class DataPlaneSampler {
  private previousRoutes: { route: string[]; bps: number }[] = [];
  private previousRates = new Set<string>();

  constructor(
    private readonly dataPlane: DataPlane,
    private readonly manager: Manager,
    private readonly backend: SimBackend,
    private readonly hosts: ReadonlyMap<string, VnfHost>,
    private readonly core: CoreUtilisation,
    private readonly recorder: ManagerRecorder,
    /** The run's streams: latency draws come from `latency/<ue>/<flow>`. */
    private readonly rng: RngStreams,
    /** Called with each sample's largest chain latency per chain (s), before core and device load are charged. */
    private readonly onChainLatency?: (chainLatencyS: ReadonlyMap<string, number>) => void,
  ) {}

  /**
   * One sample at `now` (s) with `serving[ue]` the UE's cell (undefined: not connected).
   * Returns the flows.
   */
  sample(now: number, serving: readonly (string | undefined)[]): FlowState[] {
    const { flows, vnfProcessedRate, overloadedVnfs } = this.flowsAt(now, serving);
    this.applyPacketRates(vnfProcessedRate);
    const chainLatencyS = this.recorder.flowSamples(now, flows.map((f) => this.drawSample(f)), overloadedVnfs);
    this.onChainLatency?.(chainLatencyS);
    this.chargeCore(now, flows);
    this.recordDevices(now);
    return flows;
  }

  /** The data plane at `now` (s) for the UEs' cells `serving`, without side effects or draws. */
  flowsAt(now: number, serving: readonly (string | undefined)[]): DataPlaneState {
    const chains = new Map<string, ChainSpec[]>();
    for (const c of this.manager.chains()) if (ACTIVE.has(c.status)) (chains.get(c.spec.ue) ?? chains.set(c.spec.ue, []).get(c.spec.ue))?.push(c.spec);
    return this.dataPlane.evaluate(now, serving, chains, this.backend.installed, (id) => this.manager.instance(id)?.type);
  }

  /** The recorder's sample of a flow: one packet's latency drawn around the mean (blocked flows: none). */
  private drawSample(f: FlowState): FlowSample {
    const sample: FlowSample = { ue: f.ue, flow: f.flow, access: f.access, chain: f.chain, steered: f.steered, latencyS: f.latencyS, chainLatencyS: f.chainLatencyS };
    if (!f.latency) return sample;
    const d = drawFlowLatency(this.rng.stream(`latency/${f.ue}/${f.flow}`), f.latency);
    sample.latencyS = d.latencyS;
    if (Number.isFinite(f.chainLatencyS)) sample.chainLatencyS = d.chainLatencyS;
    sample.offeredPps = f.packetRate;
    sample.droppedPps = f.droppedPps;
    sample.overloaded = f.overloaded;
    return sample;
  }

  private applyPacketRates(rates: ReadonlyMap<string, number>): void {
    const next = new Set<string>();
    for (const [vnf, rate] of rates) {
      const host = this.hosts.get(this.backend.hostOf(vnf) ?? "");
      if (!host?.has(vnf)) continue;
      host.setPacketRate(vnf, rate);
      next.add(vnf);
    }
    for (const vnf of this.previousRates) {
      if (next.has(vnf)) continue;
      const host = this.hosts.get(this.backend.hostOf(vnf) ?? "");
      if (host?.has(vnf)) host.setPacketRate(vnf, 0);
    }
    this.previousRates = next;
  }

  private chargeCore(now: number, flows: readonly FlowState[]): void {
    for (const r of this.previousRoutes) this.core.addRoute(now, r.route, -r.bps);
    const routes = flows.map((f) => ({ route: f.route, bps: f.bitRate }));
    for (const r of routes) this.core.addRoute(now, r.route, r.bps);
    this.previousRoutes = routes;
    this.recorder.coreSample(now, this.core.totalBps(), this.core.totalBytes(now));
  }

  private recordDevices(now: number): void {
    for (const [id, host] of this.hosts) {
      if (host.running === 0) continue;
      this.recorder.deviceSample(now, id, host.running, host.load.cpuUtilisation, host.load.memoryUsedBytes);
    }
  }

  /** Core network load so far: bytes carried (each link counted) and the mean bit rate, bit/s. */
  coreTotals(now: number): { bytes: number; meanBps: number } {
    return { bytes: this.core.totalBytes(now), meanBps: now > 0 ? round6((this.core.totalBytes(now) * 8) / now) : 0 };
  }
}
