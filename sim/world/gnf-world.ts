/**
 * A GNF deployment in the simulator: the pure GNF Manager (orchestrator/) driven through the sim
 * backend (`SimBackend`) over the edge world's models — UEs moving among the radio cells of the
 * topology's edge devices, Agents reporting connects, handovers and device load, container vNFs on
 * every host with the lifecycle and memory model, the control plane's steering delays, and a
 * flow-level data plane sampled every `sampleInterval` seconds (latency, vNF packet rates → host
 * CPU, core utilisation, vNF notifications).
 *
 * What it measures (tables are tidy, one row per observation; times in seconds):
 * - `ue_latency`: every sampled flow's one-way latency and whether its chain was steered;
 * - `handover_interruptions`: per handover and chain, from the handover until the chain's steering
 *   is in force at the new access node (its traffic bypasses its vNFs meanwhile);
 * - `migrations`: the Manager's migration timelines; `vnf_events`: starts, stops, failures;
 * - `device_utilisation`, `core_utilisation`, `notifications`, `mitigations`.
 */
import type { ChainSpec } from "../../orchestrator/chains.ts";
import { chainsFromConfig, type ChainConfig, type ManagerConfig } from "../../orchestrator/config.ts";
import type { ManagerEvent } from "../../orchestrator/events.ts";
import { Manager, type ReplacementTrigger } from "../../orchestrator/manager.ts";
import { runLoop } from "../../orchestrator/backend.ts";
import type { Placer } from "../../placement/types.ts";
import { hostCapacities } from "../../topologies/hosts.ts";
import { PathFinder } from "../../topologies/paths.ts";
import { buildTopology, type TopologyConfig } from "../../topologies/config.ts";
import type { Topology } from "../../topologies/types.ts";
import type { Environment } from "../engine/environment.ts";
import type { RngStreams } from "../../base/rng.ts";
import { Tally } from "../../base/stats/tally.ts";
import { TableRecorder } from "../../base/trace.ts";
import { loadCalibration } from "../models/calibration/profile.ts";
import type { UesConfig } from "../models/mobility/config.ts";
import type { RadioConfig } from "../models/radio/config.ts";
import { CoreUtilisation } from "../models/traffic/core-utilisation.ts";
import type { Flow } from "../models/traffic/flows.ts";
import type { QueueModel } from "../models/traffic/queueing.ts";
import { VnfHost } from "../models/vnf/host.ts";
import type { VnfType } from "../../deployment/vnfs/types.ts";
import { ControlPlane, controllerNodeOf, type ControlPlaneConfig } from "../backend/control-plane.ts";
import { SimBackend } from "../backend/sim-backend.ts";
import type { Metric, Table } from "../../base/tables.ts";
import { buildCityMobility, type CityMobility } from "./city-mobility.ts";
import { DataPlane, type FlowState } from "./data-plane.ts";
import { HandoverInterruptions } from "../../deployment/handover-interruptions.ts";
import { blockingChain, type MitigationConfig } from "../../deployment/mitigation.ts";
import { VnfBehaviours, type RunningVnf } from "./vnf-behaviours.ts";
import { managerOptions, uePacketRate as ueRate } from "../../deployment/manager-options.ts";
import { migrationsTable } from "../../deployment/manager-tables.ts";

export interface GnfWorldConfig {
  topology: TopologyConfig;
  ues: UesConfig;
  radio: RadioConfig;
  traffic: Flow[];
  sampleInterval: number;
  chains: ChainConfig[];
  manager: ManagerConfig;
  control: ControlPlaneConfig;
  catalog: Readonly<Record<string, VnfType>>;
  queueModel: QueueModel;
  /** Latency bound per vNF type, seconds (placement constraint and violation count). */
  latencyBounds: Readonly<Record<string, number>>;
  mitigation?: MitigationConfig;
}


const ACTIVE = new Set(["starting", "active"]);

export class GnfWorld {
  readonly manager: Manager;
  readonly backend: SimBackend;
  readonly topology: Topology;
  private readonly env: Environment;
  private readonly paths: PathFinder;
  private readonly hosts = new Map<string, VnfHost>();
  private readonly core: CoreUtilisation;
  private readonly city: CityMobility;
  private readonly dataPlane: DataPlane;
  private readonly behaviours: VnfBehaviours;
  private readonly running = new Map<string, RunningVnf>();
  private readonly requestedChains = new Set<string>();
  private previousRoutes: { route: string[]; bps: number }[] = [];
  private previousRates = new Set<string>();
  private readonly latencyAll = new Tally("latency");
  private readonly latencyByUe = new Map<string, Tally>();
  private readonly interruptions = new HandoverInterruptions(() => this.manager.chains(), (chain) => this.backend.installed.has(chain), round);
  private readonly chainLatency = new Tally("chainLatency");
  private readonly flowSamples = { steered: 0, unserved: 0, violations: 0, boundSamples: 0 };
  private readonly counters = { handovers: 0, vnfsStarted: 0, vnfsFailed: 0, notifications: 0, placementCalls: 0 };
  private readonly recorders = {
    latency: new TableRecorder("ue_latency", ["time_s", "ue", "flow", "access", "chain", "steered", "latency_ms", "chain_latency_ms"]),
    handovers: new TableRecorder("handovers", ["time_s", "ue", "from", "to", "rssi_dbm"]),
    vnfEvents: new TableRecorder("vnf_events", ["time_s", "vnf", "host", "event", "reason"]),
    devices: new TableRecorder("device_utilisation", ["time_s", "device", "vnfs", "cpu_utilisation", "memory_used_bytes"]),
    coreLoad: new TableRecorder("core_utilisation", ["time_s", "core_bps", "core_bytes_total"]),
    notifications: new TableRecorder("notifications", ["time_s", "vnf", "ue", "kind", "message"]),
    mitigations: new TableRecorder("mitigations", ["ue", "attack_start_s", "detected_s", "requested_s", "blocked_s", "time_to_block_s"]),
  };
  private readonly mitigationTimes = new Map<string, { attackStart: number; detected: number; requested?: number }>();
  private readonly timeToBlock = new Tally("timeToBlock");
  /** Wall seconds spent in the placer (0 without a wall clock). */
  placementWallSeconds = 0;
  /** Latency observations go to the Manager only when a re-placement trigger consumes them. */
  private readonly observesLatency: boolean;

  constructor(
    env: Environment,
    private readonly config: GnfWorldConfig,
    rng: RngStreams,
    placer: Placer,
    replacementTrigger?: ReplacementTrigger,
    /** Wall clock (seconds) for timing placement; never used for simulated time. */
    private readonly wallClock?: () => number,
  ) {
    this.env = env;
    this.observesLatency = replacementTrigger !== undefined;
    this.topology = buildTopology(config.topology, rng.stream("topology"));
    this.paths = new PathFinder(this.topology);
    this.core = new CoreUtilisation(this.topology, this.paths);
    const calibration = loadCalibration();
    const capacities = hostCapacities(this.topology);
    for (const [id, capacity] of capacities) this.hosts.set(id, new VnfHost(env, capacity, calibration, rng.stream(`vnf/${id}`)));
    const control = new ControlPlane(this.paths, config.control, controllerNodeOf(this.paths, config.control));
    this.backend = new SimBackend({ env, hosts: this.hosts, catalog: config.catalog, control });
    const uePacketRate = ueRate(config.traffic);
    this.manager = new Manager(
      managerOptions({ topology: this.topology, paths: this.paths, catalog: config.catalog, traffic: config.traffic, latencyBounds: config.latencyBounds, placer: this.countCalls(placer), config: config.manager, capacities, ...(replacementTrigger ? { replacementTrigger } : {}) }),
    );
    this.behaviours = new VnfBehaviours(this.paths, config.traffic, config.catalog);
    this.dataPlane = new DataPlane({ paths: this.paths, traffic: config.traffic, catalog: config.catalog, queueModel: config.queueModel, perCoreSpeed: new Map([...capacities].map(([id, c]) => [id, c.perCoreSpeed])) });
    this.backend.eventDelivered.subscribe(({ time, event }) => this.observe(time, event));
    this.backend.steeringChanged.subscribe((s) => this.onSteeringChanged(s.chain, s.accessNode, s.version));
    runLoop(this.manager, this.backend);
    this.city = buildCityMobility(env, this.topology, config.ues, config.radio, rng, config.sampleInterval, () => uePacketRate, (device) => this.deviceLoad(device));
    this.wireAgents();
    this.scheduleChains();
    env.process(this.sampler(), "gnf data plane");
  }

  /** Counts placement calls and, with a wall clock, times them (seconds, kept out of the metrics). */
  private countCalls(placer: Placer): Placer {
    const clock = this.wallClock;
    return {
      name: placer.name,
      place: (problem) => {
        this.counters.placementCalls++;
        if (!clock) return placer.place(problem);
        const t0 = clock();
        const placement = placer.place(problem);
        this.placementWallSeconds += clock() - t0;
        return placement;
      },
    };
  }

  private deviceLoad(device: string) {
    const host = this.hosts.get(device);
    if (!host) return { cpuUtilisation: 0, memoryUsedBytes: 0, memoryBytes: 0 };
    return { cpuUtilisation: host.load.cpuUtilisation, memoryUsedBytes: host.load.memoryUsedBytes, memoryBytes: host.capacity.vnfMemoryBytes };
  }

  private wireAgents(): void {
    const { agents } = this.city;
    agents.clientEvents.subscribe((e) => {
      if (e.type === "ue-handover") {
        this.counters.handovers++;
        this.recorders.handovers.add([e.time, e.ue, e.from, e.to, round(e.rssiDbm)]);
        this.interruptions.handover(e.ue, e.from, e.to, e.time);
        this.backend.deliver({ type: "ue-handover", ue: e.ue, from: e.from, to: e.to, rssiDbm: e.rssiDbm, packets: e.packets });
      } else if (e.type === "ue-connected") this.backend.deliver({ type: "ue-connected", ue: e.ue, device: e.device, rssiDbm: e.rssiDbm, packets: 0 });
      else this.backend.deliver({ type: "ue-disconnected", ue: e.ue, device: e.device, rssiDbm: e.rssiDbm, packets: e.packets });
    });
    agents.deviceReports.subscribe((r) => this.backend.deliver({ type: "device-report", device: r.device, cpuUtilisation: r.cpuUtilisation, memoryUsedBytes: r.memoryUsedBytes, memoryBytes: r.memoryBytes, clients: r.clients }));
  }

  private scheduleChains(): void {
    for (const scheduled of chainsFromConfig(this.config.chains)) {
      this.at(scheduled.at, { type: "chain-requested", chain: scheduled.spec });
      if (scheduled.until !== undefined) this.at(scheduled.until, { type: "chain-removed", chain: scheduled.spec.id });
    }
  }

  private at(time: number, event: ManagerEvent): void {
    this.env.timeout(Math.max(0, time - this.env.now)).addCallback(() => this.backend.deliver(event));
  }

  // ---- observing what reaches the Manager ----

  private observe(time: number, event: ManagerEvent): void {
    switch (event.type) {
      case "chain-requested":
        this.requestedChains.add(event.chain.id);
        break;
      case "vnf-started": {
        this.counters.vnfsStarted++;
        this.recorders.vnfEvents.add([time, event.vnfId, event.host, "started", ""]);
        const inst = this.manager.instance(event.vnfId);
        if (!inst) break;
        const vnf: RunningVnf = { id: inst.id, type: inst.type, host: inst.host, ue: inst.ue, params: inst.params };
        this.running.set(vnf.id, vnf);
        for (const p of this.behaviours.onStarted(vnf)) {
          this.env.timeout(p.afterS).addCallback(() => {
            if (this.running.has(vnf.id)) this.backend.deliver(p.notification);
          });
        }
        break;
      }
      case "vnf-stopped":
        this.running.delete(event.vnfId);
        this.recorders.vnfEvents.add([time, event.vnfId, event.host, "stopped", ""]);
        break;
      case "vnf-failed":
        this.counters.vnfsFailed++;
        this.running.delete(event.vnfId);
        this.recorders.vnfEvents.add([time, event.vnfId, event.host, "failed", event.reason]);
        break;
      case "notification":
        this.counters.notifications++;
        this.recorders.notifications.add([time, event.vnf, event.ue, event.kind, event.message]);
        this.mitigate(time, event);
        break;
      default:
        break;
    }
  }

  private mitigate(time: number, event: Extract<ManagerEvent, { type: "notification" }>): void {
    const config = this.config.mitigation;
    if (!config) return;
    const chain = blockingChain(config, event, this.requestedChains);
    if (!chain) return;
    this.requestedChains.add(chain.id);
    const starts = this.config.traffic.map((f) => f.startS).filter((s) => s <= time);
    this.mitigationTimes.set(chain.id, { attackStart: Math.max(0, ...starts), detected: time });
    this.env.timeout(config.reactionS).addCallback(() => {
      const m = this.mitigationTimes.get(chain.id);
      if (m) m.requested = this.env.now;
      this.backend.deliver({ type: "chain-requested", chain });
    });
  }

  // ---- service interruption at handovers ----

  private onSteeringChanged(chain: string, accessNode: string, version: number): void {
    const m = this.mitigationTimes.get(chain);
    if (m && version > 0 && m.requested !== undefined) {
      const blocked = this.env.now;
      this.mitigationTimes.delete(chain);
      this.timeToBlock.observe(blocked - m.attackStart);
      this.recorders.mitigations.add([chain.replace(/^block-/, ""), m.attackStart, m.detected, m.requested, blocked, round(blocked - m.attackStart)]);
    }
    if (version > 0) this.interruptions.steeringInForce(chain, accessNode, this.env.now);
  }

  // ---- the data plane, sampled ----

  private *sampler() {
    const env = this.env;
    for (;;) {
      yield env.timeout(this.config.sampleInterval);
      const now = env.now;
      const cells = this.city.radio.cells;
      const serving = Array.from(this.city.radio.serving, (c) => (c < 0 ? undefined : (cells[c] as { id: string }).id));
      const chains = new Map<string, ChainSpec[]>();
      for (const c of this.manager.chains()) if (ACTIVE.has(c.status)) (chains.get(c.spec.ue) ?? chains.set(c.spec.ue, []).get(c.spec.ue))?.push(c.spec);
      const { flows, vnfPacketRate } = this.dataPlane.evaluate(now, serving, chains, this.backend.installed, (id) => this.manager.instance(id)?.type);
      this.applyPacketRates(vnfPacketRate);
      this.recordFlows(now, flows);
      this.chargeCore(now, flows);
      this.recordDevices(now);
      for (const n of this.behaviours.onSample([...this.running.values()], flows)) this.backend.deliver(n);
    }
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

  private recordFlows(now: number, flows: readonly FlowState[]): void {
    const perChain = new Map<string, number>();
    for (const f of flows) {
      if (f.chain !== undefined) {
        if (f.steered) this.flowSamples.steered++;
        else this.flowSamples.unserved++;
      }
      if (!Number.isFinite(f.latencyS)) continue;
      this.latencyAll.observe(f.latencyS);
      (this.latencyByUe.get(f.ue) ?? this.latencyByUe.set(f.ue, new Tally(f.ue)).get(f.ue))?.observe(f.latencyS);
      this.recorders.latency.add([now, f.ue, f.flow, f.access, f.chain ?? "", f.steered, round(f.latencyS * 1000), Number.isFinite(f.chainLatencyS) ? round(f.chainLatencyS * 1000) : null]);
      if (f.chain !== undefined && Number.isFinite(f.chainLatencyS)) {
        this.chainLatency.observe(f.chainLatencyS);
        perChain.set(f.chain, Math.max(perChain.get(f.chain) ?? 0, f.chainLatencyS));
        const bound = this.chainBound(f.chain);
        if (bound !== undefined) {
          this.flowSamples.boundSamples++;
          if (f.chainLatencyS > bound) this.flowSamples.violations++;
        }
      }
    }
    if (this.observesLatency) for (const [chain, latencyS] of perChain) this.backend.deliver({ type: "latency-observation", ue: this.manager.chain(chain)?.spec.ue ?? "", chain, latencyS });
  }

  private chainBound(chain: string): number | undefined {
    const spec = this.manager.chain(chain)?.spec;
    if (!spec) return undefined;
    const bounds = spec.vnfs.map((v) => this.config.latencyBounds[v.type]).filter((b): b is number => b !== undefined);
    return bounds.length > 0 ? Math.min(...bounds) : undefined;
  }

  private chargeCore(now: number, flows: readonly FlowState[]): void {
    for (const r of this.previousRoutes) this.core.addRoute(now, r.route, -r.bps);
    const routes = flows.map((f) => ({ route: f.route, bps: f.bitRate }));
    for (const r of routes) this.core.addRoute(now, r.route, r.bps);
    this.previousRoutes = routes;
    this.recorders.coreLoad.add([now, round(this.core.totalBps()), round(this.core.totalBytes(now))]);
  }

  private recordDevices(now: number): void {
    for (const [id, host] of this.hosts) {
      if (host.running === 0) continue;
      this.recorders.devices.add([now, id, host.running, round(host.load.cpuUtilisation), host.load.memoryUsedBytes]);
    }
  }

  // ---- results ----

  metrics(): Record<string, Metric> {
    const now = this.env.now;
    const migrations = this.manager.migrations();
    const completed = migrations.filter((m) => m.outcome === "completed");
    const lat = this.latencyAll;
    const served = this.flowSamples.steered + this.flowSamples.unserved;
    const utilisation = [...this.hosts.values()].map((h) => h.load.averages(now).cpu);
    const busiest = utilisation.length > 0 ? Math.max(...utilisation) : 0;
    const ms = (t: Tally, p?: number) => (t.count === 0 ? Number.NaN : (p === undefined ? t.mean : t.percentile(p)) * 1000);
    const metrics: Record<string, Metric> = {
      "ues.handovers": { value: this.counters.handovers, unit: "count", description: "handovers between cells" },
      "latency.meanMs": { value: ms(lat), unit: "ms", description: "one-way flow latency (with its chain when steered), mean over samples" },
      "latency.p95Ms": { value: ms(lat, 95), unit: "ms", description: "one-way flow latency, 95th percentile" },
      "latency.violations": { value: this.flowSamples.violations, unit: "count", description: "steered flow samples whose UE → chain latency exceeded the chain's tightest vNF latency bound" },
      "latency.chainMeanMs": { value: ms(this.chainLatency), unit: "ms", description: "UE → chain latency (access node through the vNFs), mean over steered samples" },
      "chains.steeredRatio": { value: served > 0 ? this.flowSamples.steered / served : Number.NaN, unit: "ratio", description: "share of chain-selected flow samples that went through their vNFs" },
      "handover.interruptions": { value: this.interruptions.tally.count, unit: "count", description: "handovers of UEs with a steered chain whose steering followed them" },
      "handover.interruptionMeanMs": { value: ms(this.interruptions.tally), unit: "ms", description: "service interruption per handover: handover → chain steered at the new access node, mean" },
      "handover.interruptionP95Ms": { value: ms(this.interruptions.tally, 95), unit: "ms", description: "service interruption per handover, 95th percentile" },
      "chains.unplaced": { value: this.manager.chains().filter((c) => c.status === "waiting" || c.status === "failed").length, unit: "count", description: "chains requested but not running at the end (no host within the bounds had room, or their UE is away)" },
      "migrations.completed": { value: completed.length, unit: "count", description: "vNF migrations completed" },
      "migrations.failed": { value: migrations.filter((m) => m.outcome === "failed" || m.outcome === "rolled-back").length, unit: "count", description: "migrations that failed or rolled back" },
      "migrations.meanDurationS": { value: completed.length > 0 ? completed.reduce((s, m) => s + ((m.endTime ?? m.decisionTime) - m.triggerTime), 0) / completed.length : Number.NaN, unit: "s", description: "trigger → migration finished, mean" },
      "vnfs.started": { value: this.counters.vnfsStarted, unit: "count", description: "vNF containers started" },
      "vnfs.failed": { value: this.counters.vnfsFailed, unit: "count", description: "vNF starts or stops that failed" },
      "placement.calls": { value: this.counters.placementCalls, unit: "count", description: "placement decisions the Manager asked for" },
      "device.busiestCpuUtilisation": { value: round(busiest), unit: "ratio", description: "time-averaged CPU utilisation of the busiest vNF host" },
      "core.bytes": { value: round(this.core.totalBytes(now)), unit: "bytes", description: "bytes carried by core links (each link counted)" },
      "core.meanBps": { value: now > 0 ? round((this.core.totalBytes(now) * 8) / now) : 0, unit: "bit/s", description: "mean bit rate over core links" },
      "notifications.count": { value: this.counters.notifications, unit: "count", description: "notifications raised by vNFs" },
    };
    if (this.config.mitigation) {
      metrics["mitigation.blockedUes"] = { value: this.timeToBlock.count, unit: "count", description: "UEs whose traffic a blocking chain stopped at the customer edge" };
      metrics["mitigation.timeToBlockMeanS"] = { value: this.timeToBlock.count > 0 ? round(this.timeToBlock.mean) : Number.NaN, unit: "s", description: "attack start → blocking chain steered at the customer edge, mean over blocked UEs" };
    }
    return metrics;
  }

  tables(): Table[] {
    const now = this.env.now;
    const perUe = new TableRecorder("ue_latency_summary", ["ue", "samples", "mean_ms", "p95_ms"]);
    for (const [ue, t] of [...this.latencyByUe].sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))) perUe.add([ue, t.count, round(t.mean * 1000), round(t.percentile(95) * 1000)]);
    return [
      this.recorders.latency.toTable(),
      perUe.toTable(),
      this.recorders.handovers.toTable(),
      this.interruptions.finish(now),
      migrationsTable(this.manager),
      this.recorders.vnfEvents.toTable(),
      this.recorders.devices.toTable(),
      this.recorders.coreLoad.toTable(),
      this.recorders.notifications.toTable(),
      ...(this.config.mitigation ? [this.recorders.mitigations.toTable()] : []),
    ];
  }
}

function round(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : x;
}
