/**
 * The emulation's results, shaped like the simulator's (`GnfWorld`) so the two worlds compare row
 * by row: tables `ue_latency`, `ue_latency_summary`, `handovers`, `handover_interruptions`,
 * `migrations` (the Manager's own records, shared code), `vnf_events`, `device_utilisation`,
 * `notifications`, and the metrics of the same names where they apply. Emulation-only tables:
 * `vnf_timings` (start phases of every container, ms), `steering_installs` (command → last
 * barrier, ms), `ue_moves` (Mininet move and L2 update, ms), `state_transfers`, `probe_flows`
 * (probe packets sent, received, lost, longest gap). Differences from the sim, by necessity:
 * latency is the probes' measured one-way latency (mean per sample interval), `chain_latency_ms`
 * is empty (no timestamps inside the vNFs). Times in seconds, durations in ms.
 */
import { classifyPacket, type ChainSpec } from "../../orchestrator/chains.ts";
import type { Manager } from "../../orchestrator/manager.ts";
import type { PacketHeaders } from "../../orchestrator/selector.ts";
import { Tally } from "../../base/stats/tally.ts";
import { TableRecorder } from "../../base/trace.ts";
import type { Flow } from "../../sim/models/traffic/flows.ts";
import type { Metric, Table } from "../../base/tables.ts";
import { migrationsTable } from "../../deployment/manager-tables.ts";
import { ueIdentity, ueIndexOf } from "../../deployment/ue-identity.ts";
import type { DeviceAgents } from "../agent/device-agents.ts";
import type { ProbeRecord } from "../network/probes.ts";
import type { EmulationBackend } from "./emulation-backend.ts";
import { HandoverInterruptions } from "../../deployment/handover-interruptions.ts";

const ACTIVE = new Set(["starting", "active"]);

interface FlowCount {
  received: number;
  lastRecvNs?: bigint;
  maxGapMs: number;
  maxGapAtS: number;
}

export class EmulationRecorder {
  private readonly t = {
    latency: new TableRecorder("ue_latency", ["time_s", "ue", "flow", "access", "chain", "steered", "latency_ms", "chain_latency_ms"]),
    handovers: new TableRecorder("handovers", ["time_s", "ue", "from", "to", "rssi_dbm"]),
    vnfEvents: new TableRecorder("vnf_events", ["time_s", "vnf", "host", "event", "reason"]),
    devices: new TableRecorder("device_utilisation", ["time_s", "device", "vnfs", "cpu_utilisation", "memory_used_bytes"]),
    notifications: new TableRecorder("notifications", ["time_s", "vnf", "ue", "kind", "message"]),
    vnfTimings: new TableRecorder("vnf_timings", ["time_s", "vnf", "type", "host", "create_ms", "start_ms", "attach_ms", "ready_ms", "total_ms"]),
    steering: new TableRecorder("steering_installs", ["time_s", "chain", "version", "access", "hops", "segments", "install_ms", "applied"]),
    moves: new TableRecorder("ue_moves", ["time_s", "due_s", "ue", "from", "to", "packets", "move_ms", "flows_ms"]),
    transfers: new TableRecorder("state_transfers", ["time_s", "from_vnf", "to_vnf", "requested_bytes", "bytes", "transfer_ms", "how"]),
  };
  private readonly latencyAll = new Tally("latency");
  private readonly latencyByUe = new Map<string, Tally>();
  private readonly interruptions: HandoverInterruptions;
  /** ms. */
  private readonly vnfReady = new Tally("vnfReady");
  /** ms. */
  private readonly steeringMs = new Tally("steeringMs");
  private readonly cpuByDevice = new Map<string, Tally>();
  private readonly counts = { handovers: 0, vnfsStarted: 0, vnfsFailed: 0, notifications: 0, steeredRows: 0, chainRows: 0 };
  private readonly flows = new Map<string, FlowCount>();
  private readonly headers = new Map<string, PacketHeaders>();

  constructor(
    private readonly manager: Manager,
    private readonly backend: EmulationBackend,
    agents: DeviceAgents,
    private readonly traffic: readonly Flow[],
    /** CLOCK_MONOTONIC ns at backend time 0. */
    private readonly monoZeroNs: bigint,
    /** Current cell of a UE. */
    private readonly accessOf: (ue: string) => string | undefined,
  ) {
    this.interruptions = new HandoverInterruptions(() => manager.chains(), (chain) => backend.installed.has(chain), r6);
    backend.eventDelivered.subscribe(({ time, event }) => {
      if (event.type === "vnf-started") {
        this.counts.vnfsStarted++;
        this.t.vnfEvents.add([time, event.vnfId, event.host, "started", ""]);
      } else if (event.type === "vnf-stopped") this.t.vnfEvents.add([time, event.vnfId, event.host, "stopped", ""]);
      else if (event.type === "vnf-failed") {
        this.counts.vnfsFailed++;
        this.t.vnfEvents.add([time, event.vnfId, event.host, "failed", event.reason]);
      } else if (event.type === "notification") {
        this.counts.notifications++;
        this.t.notifications.add([time, event.vnf, event.ue, event.kind, event.message]);
      }
    });
    backend.vnfTimings.subscribe(({ time, vnf, timings: x }) => {
      this.vnfReady.observe(x.totalMs);
      this.t.vnfTimings.add([time, vnf.id, vnf.type, vnf.host, r3(x.createMs), r3(x.startMs), r3(x.attachMs), r3(x.readyMs), r3(x.totalMs)]);
    });
    backend.steeringDone.subscribe((s) => {
      if (s.version > 0) this.steeringMs.observe(s.elapsedMs);
      this.t.steering.add([s.time, s.chain, s.version, s.accessNode, s.hops.map((h) => `${h.vnfId}@${h.host}`).join(" "), s.segments, r3(s.elapsedMs), s.applied]);
      if (s.applied && s.version > 0) this.interruptions.steeringInForce(s.chain, s.accessNode, s.time);
    });
    backend.stateCarried.subscribe((s) => this.t.transfers.add([s.time, s.from, s.to, s.requestedBytes, s.bytes, r3(s.elapsedMs), s.how]));
    agents.handovers.subscribe((h) => {
      this.counts.handovers++;
      this.t.handovers.add([r6(h.time), h.ue, h.from, h.to, r6(h.rssiDbm)]);
      this.t.moves.add([r6(h.time), h.dueS, h.ue, h.from, h.to, h.packets, r3(h.moveMs), r3(h.flowsMs)]);
      this.interruptions.handover(h.ue, h.from, h.to, h.time);
    });
    agents.samples.subscribe((d) => {
      (this.cpuByDevice.get(d.device) ?? this.cpuByDevice.set(d.device, new Tally(d.device)).get(d.device))?.observe(d.cpuUtilisation);
      this.t.devices.add([r6(d.time), d.device, d.vnfs, r6(d.cpuUtilisation), d.memoryUsedBytes]);
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
    for (const [key, rs] of [...groups].sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))) {
      const [ue, flowText] = key.split("/") as [string, string];
      const flow = Number(flowText);
      const lat = rs.map((r) => (r.recv - r.sent) / 1e6);
      for (const l of lat) {
        this.latencyAll.observe(l / 1000);
        (this.latencyByUe.get(ue) ?? this.latencyByUe.set(ue, new Tally(ue)).get(ue))?.observe(l / 1000);
      }
      const access = this.accessOf(ue) ?? "";
      const chain: ChainSpec | undefined = classifyPacket(chains, this.flowHeaders(ue, flow), ue);
      const inForce = chain ? this.backend.installed.get(chain.id) : undefined;
      const steered = chain !== undefined && inForce?.accessNode === access;
      if (chain) {
        this.counts.chainRows++;
        if (steered) this.counts.steeredRows++;
      }
      this.t.latency.add([r6(now), ue, flow, access, chain?.id ?? "", steered, r3(lat.reduce((a, b) => a + b, 0) / lat.length), null]);
    }
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
    const t = new TableRecorder("probe_flows", ["ue", "flow", "label", "sent", "received", "lost", "max_gap_ms", "max_gap_after_s"]);
    for (const [ue, perFlow] of sent) {
      for (const [flow, n] of perFlow) {
        const c = this.flows.get(`${ue}/${flow}`) ?? { received: 0, maxGapMs: 0, maxGapAtS: 0 };
        t.add([ue, flow, this.traffic[flow]?.label ?? "", n, c.received, Math.max(0, n - c.received), r3(c.maxGapMs), r6(c.maxGapAtS)]);
      }
    }
    return t.toTable();
  }

  metrics(now: number, probes: Table): Record<string, Metric> {
    const migrations = this.manager.migrations();
    const completed = migrations.filter((m) => m.outcome === "completed");
    const ms = (t: Tally, p?: number): number => (t.count === 0 ? Number.NaN : (p === undefined ? t.mean : t.percentile(p)) * 1000);
    const col = (name: string): number => probes.columns.indexOf(name);
    const sum = (name: string): number => probes.rows.reduce((s, r) => s + Number(r[col(name)]), 0);
    const busiest = Math.max(0, ...[...this.cpuByDevice.values()].map((t) => t.mean));
    return {
      "ues.handovers": { value: this.counts.handovers, unit: "count", description: "handovers between cells" },
      "latency.meanMs": { value: ms(this.latencyAll), unit: "ms", description: "one-way latency of the probe packets (through their chain when steered), mean" },
      "latency.p95Ms": { value: ms(this.latencyAll, 95), unit: "ms", description: "one-way probe latency, 95th percentile" },
      "chains.steeredRatio": { value: this.counts.chainRows > 0 ? this.counts.steeredRows / this.counts.chainRows : Number.NaN, unit: "ratio", description: "share of chain-selected flow samples whose chain was steered at the UE's access node" },
      "handover.interruptions": { value: this.interruptions.tally.count, unit: "count", description: "handovers of UEs with a steered chain whose steering followed them" },
      "handover.interruptionMeanMs": { value: ms(this.interruptions.tally), unit: "ms", description: "handover (UE moved) → chain steered at the new access node, mean" },
      "handover.interruptionP95Ms": { value: ms(this.interruptions.tally, 95), unit: "ms", description: "handover → steering at the new access node, 95th percentile" },
      "chains.unplaced": { value: this.manager.chains().filter((c) => c.status === "waiting" || c.status === "failed").length, unit: "count", description: "chains requested but not running at the end" },
      "migrations.completed": { value: completed.length, unit: "count", description: "vNF migrations completed" },
      "migrations.failed": { value: migrations.filter((m) => m.outcome === "failed" || m.outcome === "rolled-back").length, unit: "count", description: "migrations that failed or rolled back" },
      "migrations.meanDurationS": { value: completed.length > 0 ? completed.reduce((s, m) => s + ((m.endTime ?? m.decisionTime) - m.triggerTime), 0) / completed.length : Number.NaN, unit: "s", description: "trigger → migration finished, mean" },
      "vnfs.started": { value: this.counts.vnfsStarted, unit: "count", description: "vNF containers started" },
      "vnfs.failed": { value: this.counts.vnfsFailed, unit: "count", description: "vNF starts or stops that failed" },
      "device.busiestCpuUtilisation": { value: r6(busiest), unit: "ratio", description: "time-averaged CPU utilisation (cgroups of its vNFs) of the busiest vNF host" },
      "notifications.count": { value: this.counts.notifications, unit: "count", description: "notifications raised by vNFs" },
      "emulation.vnfReadyMeanMs": { value: this.vnfReady.count > 0 ? r3(this.vnfReady.mean) : Number.NaN, unit: "ms", description: "docker create → vNF ready to forward, mean" },
      "emulation.steeringInstallMeanMs": { value: this.steeringMs.count > 0 ? r3(this.steeringMs.mean) : Number.NaN, unit: "ms", description: "install-steering → last segment's barrier back, mean" },
      "emulation.durationS": { value: r3(now), unit: "s", description: "wall time the scenario ran" },
      "probes.sent": { value: sum("sent"), unit: "count", description: "probe packets sent by the UEs" },
      "probes.lost": { value: sum("lost"), unit: "count", description: "probe packets that never reached their server" },
    };
  }

  tables(now: number, probes: Table): Table[] {
    const perUe = new TableRecorder("ue_latency_summary", ["ue", "samples", "mean_ms", "p95_ms"]);
    for (const [ue, t] of [...this.latencyByUe].sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))) perUe.add([ue, t.count, r3(t.mean * 1000), r3(t.percentile(95) * 1000)]);
    const x = this.t;
    return [x.latency.toTable(), perUe.toTable(), x.handovers.toTable(), this.interruptions.finish(now), migrationsTable(this.manager), x.vnfEvents.toTable(), x.devices.toTable(), x.notifications.toTable(), x.vnfTimings.toTable(), x.steering.toTable(), x.moves.toTable(), x.transfers.toTable(), probes];
  }
}

function r3(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1e3) / 1e3 : x;
}

function r6(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : x;
}
