/**
 * The lab's side of the results: it feeds the deployment layer's `ManagerRecorder` (the same
 * tables and metrics as the simulator's) with what only the lab sees — probe packets as flow
 * samples, the Agents' handovers and device samples, steering taking effect — and keeps the
 * lab's own tables: `vnf_timings` (start phases of every container, ms), `steering_installs`
 * (command → last barrier, ms), `ue_moves` (Mininet move and L2 update, ms), `state_transfers`,
 * `probe_flows` (probe packets sent, received, lost, longest gap).
 * Differences from the sim, by necessity: latency is the probes' measured one-way latency (a
 * row per UE, flow and sample interval holds their mean; the statistics use every packet),
 * `chain_latency_ms` is empty (no timestamps inside the vNFs), there is no core load, and
 * `ue_latency`'s `offered_pps`, `dropped_pps` and `overloaded` are empty with the metrics
 * `traffic.lossRatio`, `traffic.droppedPackets` and `vnfs.overloadedSeconds` NaN: the probes send
 * at most 50 packets/s per flow (`probeFlows`), not the scenario's rates, so they cannot load a
 * vNF, and which vNF dropped a lost probe is not observable (probe loss, handovers included, is
 * `probes.lost`).
 * Times in seconds (rounded to µs), durations in ms. Columns and metrics with units and meanings:
 * `emulation-outputs.ts`.
 */
import { classifyPacket, type ChainSpec } from "../../orchestrator/chains.ts";
import type { Manager } from "../../orchestrator/manager.ts";
import type { PacketHeaders } from "../../orchestrator/selector.ts";
import { Tally } from "../../base/stats/tally.ts";
import { metricOf, tableRecorder } from "../../base/results/data-dictionary.ts";
import type { Metric, Table } from "../../base/tables.ts";
import type { FlowSample, ManagerRecorder } from "../../deployment/manager-recorder.ts";
import { round6 } from "../../deployment/rounding.ts";
import type { Flow } from "../../deployment/traffic/flow-config.ts";
import { ueIdentity, ueIndexOf } from "../../deployment/ue-identity.ts";
import type { DeviceAgents } from "../agent/device-agents.ts";
import type { ProbeRecord } from "../network/probes.ts";
import type { EmulationBackend } from "./emulation-backend.ts";
import { EMULATION_METRICS, PROBE_FLOWS_TABLE, STATE_TRANSFERS_TABLE, STEERING_INSTALLS_TABLE, UE_MOVES_TABLE, VNF_TIMINGS_TABLE } from "./emulation-outputs.ts";

const ACTIVE = new Set(["starting", "active"]);

interface FlowCount {
  received: number;
  lastRecvNs?: bigint;
  maxGapMs: number;
  maxGapAtS: number;
}

export class EmulationRecorder {
  private readonly t = {
    vnfTimings: tableRecorder(VNF_TIMINGS_TABLE),
    steering: tableRecorder(STEERING_INSTALLS_TABLE),
    moves: tableRecorder(UE_MOVES_TABLE),
    transfers: tableRecorder(STATE_TRANSFERS_TABLE),
  };
  /** ms. */
  private readonly vnfReady = new Tally("vnfReady");
  /** ms. */
  private readonly steeringMs = new Tally("steeringMs");
  private readonly cpuByDevice = new Map<string, Tally>();
  private readonly flows = new Map<string, FlowCount>();
  private readonly headers = new Map<string, PacketHeaders>();

  constructor(
    private readonly recorder: ManagerRecorder,
    private readonly manager: Manager,
    private readonly backend: EmulationBackend,
    agents: DeviceAgents,
    private readonly traffic: readonly Flow[],
    /** CLOCK_MONOTONIC ns at backend time 0. */
    private readonly monoZeroNs: bigint,
    /** Current cell of a UE. */
    private readonly accessOf: (ue: string) => string | undefined,
  ) {
    backend.vnfTimings.subscribe(({ time, vnf, timings: x }) => {
      this.vnfReady.observe(x.totalMs);
      this.t.vnfTimings.add([round6(time), vnf.id, vnf.type, vnf.host, r3(x.createMs), r3(x.startMs), r3(x.attachMs), r3(x.readyMs), r3(x.totalMs)]);
    });
    backend.steeringDone.subscribe((s) => {
      if (s.version > 0) this.steeringMs.observe(s.elapsedMs);
      this.t.steering.add([round6(s.time), s.chain, s.version, s.accessNode, s.hops.map((h) => `${h.vnfId}@${h.host}`).join(" "), s.segments, r3(s.elapsedMs), s.applied]);
      if (s.applied) recorder.steeringChanged(s.chain, s.accessNode, s.version, s.time);
    });
    backend.stateCarried.subscribe((s) => this.t.transfers.add([round6(s.time), s.from, s.to, s.requestedBytes, s.bytes, r3(s.elapsedMs), s.how]));
    agents.handovers.subscribe((h) => {
      recorder.handover(h.time, h.ue, h.from, h.to, h.rssiDbm, h.packets);
      this.t.moves.add([round6(h.time), h.dueS, h.ue, h.from, h.to, h.packets, r3(h.moveMs), r3(h.flowsMs)]);
    });
    agents.samples.subscribe((d) => {
      (this.cpuByDevice.get(d.device) ?? this.cpuByDevice.set(d.device, new Tally(d.device)).get(d.device))?.observe(d.cpuUtilisation);
      recorder.deviceSample(d.time, d.device, d.vnfs, d.cpuUtilisation, d.memoryUsedBytes);
    });
  }

  private flowHeaders(ue: string, flow: number): PacketHeaders {
    const key = `${ue}/${flow}`;
    let h = this.headers.get(key);
    if (!h) {
      const id = ueIdentity(ueIndexOf(ue) ?? 0);
      h = { eth_type: 0x0800, eth_src: id.mac, ipv4_src: id.ipv4, ...((this.traffic[flow]?.headers ?? {}) as PacketHeaders) };
      this.headers.set(key, h);
    }
    return h;
  }

  /** One data-plane sample: the probe packets received since the last one, per UE and flow. */
  sample(now: number, records: readonly ProbeRecord[]): void {
    const groups = new Map<string, ProbeRecord[]>();
    for (const r of records) {
      const key = `${r.ue}/${r.flow}`;
      (groups.get(key) ?? groups.set(key, []).get(key))?.push(r);
      this.countFlow(key, r);
    }
    const chains = this.manager.chains().filter((c) => ACTIVE.has(c.status)).map((c) => c.spec);
    const samples: FlowSample[] = [];
    for (const [key, rs] of [...groups].sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))) {
      const [ue, flowText] = key.split("/") as [string, string];
      const flow = Number(flowText);
      const observedS = rs.map((r) => (r.recv - r.sent) / 1e9);
      const access = this.accessOf(ue) ?? "";
      const chain: ChainSpec | undefined = classifyPacket(chains, this.flowHeaders(ue, flow), ue);
      const inForce = chain ? this.backend.installed.get(chain.id) : undefined;
      const steered = chain !== undefined && inForce?.accessNode === access;
      samples.push({ ue, flow, access, chain: chain?.id, steered, latencyS: observedS.reduce((a, b) => a + b, 0) / observedS.length, chainLatencyS: Number.NaN, observedS });
    }
    this.recorder.flowSamples(now, samples);
  }

  private countFlow(key: string, r: ProbeRecord): void {
    const c = this.flows.get(key) ?? { received: 0, maxGapMs: 0, maxGapAtS: 0 };
    c.received++;
    const recv = BigInt(r.recv);
    if (c.lastRecvNs !== undefined) {
      const gap = Number(recv - c.lastRecvNs) / 1e6;
      if (gap > c.maxGapMs) {
        c.maxGapMs = gap;
        c.maxGapAtS = Number(c.lastRecvNs - this.monoZeroNs) / 1e9;
      }
    }
    c.lastRecvNs = recv;
    this.flows.set(key, c);
  }

  /** Probe packets per UE and flow: sent, received, lost, the longest gap between arrivals. */
  probeTable(sent: ReadonlyMap<string, ReadonlyMap<number, number>>): Table {
    const t = tableRecorder(PROBE_FLOWS_TABLE);
    for (const [ue, perFlow] of sent) {
      for (const [flow, n] of perFlow) {
        const c = this.flows.get(`${ue}/${flow}`) ?? { received: 0, maxGapMs: 0, maxGapAtS: 0 };
        t.add([ue, flow, this.traffic[flow]?.label ?? "", n, c.received, Math.max(0, n - c.received), r3(c.maxGapMs), round6(c.maxGapAtS)]);
      }
    }
    return t.toTable();
  }

  /** The Manager-level metrics, then the lab's own. */
  metrics(now: number, probes: Table): Record<string, Metric> {
    const col = (name: string): number => probes.columns.indexOf(name);
    const sum = (name: string): number => probes.rows.reduce((s, r) => s + Number(r[col(name)]), 0);
    const busiest = Math.max(0, ...[...this.cpuByDevice.values()].map((t) => t.mean));
    return this.recorder.metrics(now, {
      busiestCpuUtilisation: busiest,
      extra: {
        "emulation.vnfReadyMeanMs": metricOf(EMULATION_METRICS["emulation.vnfReadyMeanMs"], this.vnfReady.count > 0 ? r3(this.vnfReady.mean) : Number.NaN),
        "emulation.steeringInstallMeanMs": metricOf(EMULATION_METRICS["emulation.steeringInstallMeanMs"], this.steeringMs.count > 0 ? r3(this.steeringMs.mean) : Number.NaN),
        "emulation.durationS": metricOf(EMULATION_METRICS["emulation.durationS"], r3(now)),
        "probes.sent": metricOf(EMULATION_METRICS["probes.sent"], sum("sent")),
        "probes.lost": metricOf(EMULATION_METRICS["probes.lost"], sum("lost")),
      },
    });
  }

  /** The Manager-level tables, then the lab's own. */
  tables(now: number, probes: Table): Table[] {
    const x = this.t;
    return [...this.recorder.tables(now), x.vnfTimings.toTable(), x.steering.toTable(), x.moves.toTable(), x.transfers.toTable(), probes];
  }
}

function r3(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1e3) / 1e3 : x;
}
