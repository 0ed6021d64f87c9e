/**
 * The one recorder of the GNF system's results, the same tables and metrics (names, columns,
 * units) in both worlds. It listens to every event the Manager receives and is told by its world
 * what only the world sees: handovers, data-plane samples of the flows, device samples, steering
 * taking effect, core load (simulator only). A world adds its own tables and metrics after these.
 *
 * Tables (tidy, one row per observation; times in seconds, latencies and interruptions in ms;
 * every column and metric with its unit and meaning in `manager-outputs.ts`):
 * - `ue_latency`: every sampled flow's one-way latency (of its delivered packets), whether its
 *   chain was steered, the packets/s it offered and lost at saturated vNFs and whether a vNF on its
 *   path was overloaded (`offered_pps`, `dropped_pps`, `overloaded`: empty when the world does not
 *   measure them — the lab); a flow through an overloaded vNF keeps its row, with the finite
 *   latency of the packets that got through. `ue_latency_summary` per UE;
 * - `handovers`, `handover_interruptions` (handover → chain steered at the new access node);
 * - `migrations` (the Manager's migration timelines), `vnf_events` (starts, stops, failures);
 * - `device_utilisation`, `core_utilisation` (when the world measures it), `notifications`,
 *   `mitigations` (when the scenario automates mitigation).
 */
import type { ManagerEvent } from "../orchestrator/events.ts";
import type { Manager } from "../orchestrator/manager.ts";
import { Tally } from "../base/stats/tally.ts";
import type { TraceSource } from "../base/trace.ts";
import { metricOf, tableRecorder } from "../base/results/data-dictionary.ts";
import type { Metric, RunStreams, Table } from "../base/tables.ts";
import type { CountedPlacer } from "./counted-placer.ts";
import { HandoverInterruptions } from "./handover-interruptions.ts";
import {
  CORE_UTILISATION_TABLE,
  DEVICE_UTILISATION_TABLE,
  HANDOVERS_TABLE,
  MANAGER_METRICS,
  NOTIFICATIONS_TABLE,
  UE_LATENCY_SUMMARY_TABLE,
  UE_LATENCY_TABLE,
  VNF_EVENTS_TABLE,
  type ManagerMetricName,
} from "./manager-outputs.ts";
import { migrationsTable } from "./manager-tables.ts";
import type { MitigationAutomation } from "./mitigation-automation.ts";
import { round6 } from "./rounding.ts";

/** What the recorder needs of a backend: the events it delivers and the steering in force. */
export interface RecordedBackend {
  readonly eventDelivered: TraceSource<{ time: number; event: ManagerEvent }>;
  readonly installed: ReadonlyMap<string, unknown>;
}

/** One flow of one UE in one data-plane sample. */
export interface FlowSample {
  ue: string;
  /** Index of the flow in the scenario's `traffic`. */
  flow: number;
  /** The UE's access node ("" when not connected). */
  access: string;
  /** The chain that selects the flow, if any. */
  chain?: string | undefined;
  /** True when the chain's steering is in force at the UE's access node. */
  steered: boolean;
  /**
   * One-way latency of the sample's delivered packets, s (mean of `observedS` when given);
   * non-finite only for a flow blocked on purpose (a dropper vNF): no row, no latency, no loss.
   */
  latencyS: number;
  /** UE → through the chain's vNFs, s; NaN when not measured. */
  chainLatencyS: number;
  /** The individual latencies behind `latencyS`, s (default: `[latencyS]`). */
  observedS?: readonly number[];
  /** Packets/s the flow offered; absent when the world does not measure it (the lab). */
  offeredPps?: number;
  /** Packets/s of it dropped at saturated vNFs (full buffers); absent when not measured. */
  droppedPps?: number;
  /** True when a vNF on the flow's path was offered ρ ≥ 1; absent when not measured. */
  overloaded?: boolean;
}

/** Metrics only the world can give, placed among the Manager-level ones. */
export interface WorldMetrics {
  /** Time-averaged CPU utilisation of the busiest vNF host, 0..1. */
  busiestCpuUtilisation: number;
  /** Core network load, when the world measures it. */
  core?: { bytes: number; meanBps: number };
  /** The world's own metrics, after the Manager-level ones. */
  extra?: Record<string, Metric>;
}

export interface ManagerRecorderOptions {
  manager: Manager;
  backend: RecordedBackend;
  placer: CountedPlacer;
  /** Latency bound per vNF type, seconds. */
  latencyBounds: Readonly<Record<string, number>>;
  mitigation?: MitigationAutomation | undefined;
  /** Whether the world reports core load (`core_utilisation`). */
  recordsCore: boolean;
  /** Rounding of the times the world reports (the lab's wall times: µs). Default: as given. */
  time?: (t: number) => number;
  /**
   * Stream the per-observation tables (`ue_latency`, `handovers`, `vnf_events`,
   * `device_utilisation`, `core_utilisation`, `notifications`) and the run-wide latency samples to
   * disk, so memory does not grow with the run's duration. Default: in memory.
   */
  streams?: RunStreams;
}

/** Latency samples a UE's tally keeps in memory before spilling, when streaming (thousands of UEs: 32 KiB each). */
const PER_UE_SAMPLES_IN_MEMORY = 4096;

const byUeName = ([a]: [string, unknown], [b]: [string, unknown]): number => a.localeCompare(b, "en", { numeric: true });

export class ManagerRecorder {
  private readonly manager: Manager;
  private readonly placer: CountedPlacer;
  private readonly mitigation: MitigationAutomation | undefined;
  private readonly time: (t: number) => number;
  private readonly rows;
  private readonly latencyAll;
  private readonly latencyByUe = new Map<string, Tally>();
  private readonly chainLatency;
  private readonly interruptions: HandoverInterruptions;
  private readonly flowCounts = { steered: 0, unserved: 0, violations: 0, boundSamples: 0 };
  private readonly counters = { handovers: 0, vnfsStarted: 0, vnfsFailed: 0, notifications: 0 };
  /**
   * Offered and dropped packets and overloaded vNF-seconds so far. A sample's rates hold from its
   * time until the next sample (or the end), as the core load does; `measured` is false until a
   * sample carries `offeredPps` (the lab does not measure these: the metrics stay NaN).
   */
  private readonly traffic = { measured: false, lastTime: Number.NaN, offeredPps: 0, droppedPps: 0, overloadedVnfs: 0, offeredPackets: 0, droppedPackets: 0, overloadedSeconds: 0 };

  constructor(private readonly options: ManagerRecorderOptions) {
    this.manager = options.manager;
    this.placer = options.placer;
    this.mitigation = options.mitigation;
    this.time = options.time ?? ((t) => t);
    const streams = options.streams;
    this.rows = {
      latency: tableRecorder(UE_LATENCY_TABLE, streams),
      handovers: tableRecorder(HANDOVERS_TABLE, streams),
      vnfEvents: tableRecorder(VNF_EVENTS_TABLE, streams),
      devices: tableRecorder(DEVICE_UTILISATION_TABLE, streams),
      coreLoad: tableRecorder(CORE_UTILISATION_TABLE, streams),
      notifications: tableRecorder(NOTIFICATIONS_TABLE, streams),
    };
    this.latencyAll = new Tally("latency", streams?.samples("latency"));
    this.chainLatency = new Tally("chainLatency", streams?.samples("chainLatency"));
    this.interruptions = new HandoverInterruptions(() => this.manager.chains(), (chain) => options.backend.installed.has(chain), round6);
    options.backend.eventDelivered.subscribe(({ time, event }) => this.observe(this.time(time), event));
  }

  private observe(time: number, event: ManagerEvent): void {
    switch (event.type) {
      case "vnf-started":
        this.counters.vnfsStarted++;
        this.rows.vnfEvents.add([time, event.vnfId, event.host, "started", ""]);
        break;
      case "vnf-stopped":
        this.rows.vnfEvents.add([time, event.vnfId, event.host, "stopped", ""]);
        break;
      case "vnf-failed":
        this.counters.vnfsFailed++;
        this.rows.vnfEvents.add([time, event.vnfId, event.host, "failed", event.reason]);
        break;
      case "notification":
        this.counters.notifications++;
        this.rows.notifications.add([time, event.vnf, event.ue, event.kind, event.message]);
        break;
      default:
        break;
    }
  }

  /**
   * UE `ue` handed over from `from` to `to` at `time` (s), with `rssiDbm` at `to`, having sent
   * `packets` through `from` (the Agent's count).
   */
  handover(time: number, ue: string, from: string, to: string, rssiDbm: number, packets: number): void {
    const t = this.time(time);
    this.counters.handovers++;
    this.rows.handovers.add([t, ue, from, to, round6(rssiDbm), packets]);
    this.interruptions.handover(ue, from, to, t);
  }

  /** A steering version of `chain` for `accessNode` took effect at `time` (version 0: removed). */
  steeringChanged(chain: string, accessNode: string, version: number, time: number): void {
    const t = this.time(time);
    this.mitigation?.steeringChanged(chain, version, t);
    if (version > 0) this.interruptions.steeringInForce(chain, accessNode, t);
  }

  /**
   * One data-plane sample at `time` (s). Returns, per chain with a measured chain latency, the
   * largest one (s): the latency observation a re-placement trigger consumes.
   */
  flowSamples(time: number, samples: readonly FlowSample[], overloadedVnfs: readonly string[] = []): Map<string, number> {
    const t = this.time(time);
    this.accumulateTraffic(t);
    const perChain = new Map<string, number>();
    let offeredPps = 0;
    let droppedPps = 0;
    for (const f of samples) {
      if (f.chain !== undefined) {
        if (f.steered) this.flowCounts.steered++;
        else this.flowCounts.unserved++;
      }
      if (!Number.isFinite(f.latencyS)) continue;
      if (f.offeredPps !== undefined) {
        this.traffic.measured = true;
        offeredPps += f.offeredPps;
        droppedPps += f.droppedPps ?? 0;
      }
      const ueTally = this.latencyByUe.get(f.ue) ?? this.latencyByUe.set(f.ue, new Tally(f.ue, this.options.streams?.samples(`latency-${f.ue}`, PER_UE_SAMPLES_IN_MEMORY))).get(f.ue);
      for (const s of f.observedS ?? [f.latencyS]) {
        this.latencyAll.observe(s);
        ueTally?.observe(s);
      }
      this.rows.latency.add([
        t,
        f.ue,
        f.flow,
        f.access,
        f.chain ?? "",
        f.steered,
        round6(f.latencyS * 1000),
        Number.isFinite(f.chainLatencyS) ? round6(f.chainLatencyS * 1000) : null,
        f.offeredPps === undefined ? null : round6(f.offeredPps),
        f.droppedPps === undefined ? null : round6(f.droppedPps),
        f.overloaded ?? null,
      ]);
      if (f.chain !== undefined && Number.isFinite(f.chainLatencyS)) {
        this.chainLatency.observe(f.chainLatencyS);
        perChain.set(f.chain, Math.max(perChain.get(f.chain) ?? 0, f.chainLatencyS));
        const bound = this.chainBound(f.chain);
        if (bound !== undefined) {
          this.flowCounts.boundSamples++;
          if (f.chainLatencyS > bound) this.flowCounts.violations++;
        }
      }
    }
    this.traffic.offeredPps = offeredPps;
    this.traffic.droppedPps = droppedPps;
    this.traffic.overloadedVnfs = new Set(overloadedVnfs).size;
    return perChain;
  }

  /** Charges the last sample's rates (packets/s, overloaded vNFs) up to `t` (s). */
  private accumulateTraffic(t: number): void {
    const x = this.traffic;
    if (Number.isFinite(x.lastTime) && t > x.lastTime) {
      const dt = t - x.lastTime;
      x.offeredPackets += x.offeredPps * dt;
      x.droppedPackets += x.droppedPps * dt;
      x.overloadedSeconds += x.overloadedVnfs * dt;
    }
    x.lastTime = t;
  }

  /** The chain's tightest vNF latency bound, s. */
  private chainBound(chain: string): number | undefined {
    const spec = this.manager.chain(chain)?.spec;
    if (!spec) return undefined;
    const bounds = spec.vnfs.map((v) => this.options.latencyBounds[v.type]).filter((b): b is number => b !== undefined);
    return bounds.length > 0 ? Math.min(...bounds) : undefined;
  }

  /** A vNF host's load at `time`: running vNFs, CPU utilisation (0..1), memory in use (bytes). */
  deviceSample(time: number, device: string, vnfs: number, cpuUtilisation: number, memoryUsedBytes: number): void {
    this.rows.devices.add([this.time(time), device, vnfs, round6(cpuUtilisation), memoryUsedBytes]);
  }

  /** Core network load at `time`: bit rate (bit/s) and bytes carried so far (each link counted). */
  coreSample(time: number, bps: number, bytesTotal: number): void {
    this.rows.coreLoad.add([this.time(time), round6(bps), round6(bytesTotal)]);
  }

  metrics(now: number, world: WorldMetrics): Record<string, Metric> {
    this.accumulateTraffic(this.time(now));
    const traffic = this.traffic;
    const migrations = this.manager.migrations();
    const completed = migrations.filter((m) => m.outcome === "completed");
    const served = this.flowCounts.steered + this.flowCounts.unserved;
    const ms = (t: Tally, p?: number): number => (t.count === 0 ? Number.NaN : (p === undefined ? t.mean : t.percentile(p)) * 1000);
    const metrics: Record<string, Metric> = {};
    const put = (name: ManagerMetricName, value: number): void => {
      metrics[name] = metricOf(MANAGER_METRICS[name], value);
    };
    put("ues.handovers", this.counters.handovers);
    put("latency.meanMs", ms(this.latencyAll));
    put("latency.p95Ms", ms(this.latencyAll, 95));
    put("latency.violations", this.flowCounts.violations);
    put("latency.violationRatio", this.flowCounts.boundSamples > 0 ? round6(this.flowCounts.violations / this.flowCounts.boundSamples) : Number.NaN);
    put("latency.chainMeanMs", ms(this.chainLatency));
    put("traffic.lossRatio", !traffic.measured ? Number.NaN : traffic.offeredPackets > 0 ? round6(traffic.droppedPackets / traffic.offeredPackets) : 0);
    put("traffic.droppedPackets", traffic.measured ? round6(traffic.droppedPackets) : Number.NaN);
    put("vnfs.overloadedSeconds", traffic.measured ? round6(traffic.overloadedSeconds) : Number.NaN);
    put("chains.steeredRatio", served > 0 ? this.flowCounts.steered / served : Number.NaN);
    put("handover.interruptions", this.interruptions.tally.count);
    put("handover.interruptionMeanMs", ms(this.interruptions.tally));
    put("handover.interruptionP95Ms", ms(this.interruptions.tally, 95));
    put("chains.unplaced", this.manager.chains().filter((c) => c.status === "waiting" || c.status === "failed").length);
    put("migrations.completed", completed.length);
    put("migrations.failed", migrations.filter((m) => m.outcome === "failed" || m.outcome === "rolled-back").length);
    put("migrations.meanDurationS", completed.length > 0 ? completed.reduce((s, m) => s + ((m.endTime ?? m.decisionTime) - m.triggerTime), 0) / completed.length : Number.NaN);
    put("vnfs.started", this.counters.vnfsStarted);
    put("vnfs.failed", this.counters.vnfsFailed);
    put("placement.calls", this.placer.calls);
    put("device.busiestCpuUtilisation", round6(world.busiestCpuUtilisation));
    if (world.core) {
      put("core.bytes", round6(world.core.bytes));
      put("core.meanBps", world.core.meanBps);
    }
    put("notifications.count", this.counters.notifications);
    if (this.mitigation) {
      const t = this.mitigation.timeToBlock;
      put("mitigation.blockedUes", t.count);
      put("mitigation.timeToBlockMeanS", t.count > 0 ? round6(t.mean) : Number.NaN);
    }
    return { ...metrics, ...world.extra };
  }

  /** The Manager-level tables at `now` (s); closes unresolved interruptions. Call once, at the end. */
  tables(now: number): Table[] {
    const perUe = tableRecorder(UE_LATENCY_SUMMARY_TABLE);
    for (const [ue, t] of [...this.latencyByUe].sort(byUeName)) perUe.add([ue, t.count, round6(t.mean * 1000), round6(t.percentile(95) * 1000)]);
    const r = this.rows;
    return [
      r.latency.toTable(),
      perUe.toTable(),
      r.handovers.toTable(),
      this.interruptions.finish(this.time(now)),
      migrationsTable(this.manager),
      r.vnfEvents.toTable(),
      r.devices.toTable(),
      ...(this.options.recordsCore ? [r.coreLoad.toTable()] : []),
      r.notifications.toTable(),
      ...(this.mitigation ? [this.mitigation.toTable()] : []),
    ];
  }
}
