/**
 * A GNF deployment in the simulator: the pure GNF Manager (orchestrator/), built and recorded by
 * the deployment layer exactly as in the lab, driven through the sim backend (`SimBackend`) over
 * the edge world's models — UEs moving among the radio cells of the topology's edge devices,
 * Agents reporting connects, handovers and device load, container vNFs on every host with the
 * lifecycle and memory model, the control plane's steering delays, and a flow-level data plane
 * sampled every `sampleInterval` seconds (`DataPlaneSampler`).
 *
 * This file is the wiring: who listens to whom. What it measures is the `ManagerRecorder`'s
 * (deployment/manager-recorder.ts); the simulator adds `core_utilisation`.
 */
import { forwardingCatalog, forwardingEntry } from "../models/calibration/forwarding-catalog.ts";
import type { ManagerEvent } from "../../orchestrator/events.ts";
import type { Manager } from "../../orchestrator/manager.ts";
import { runLoop } from "../../orchestrator/backend.ts";
import { configuredChains, scheduleChains } from "../../deployment/chain-schedule.ts";
import type { Clock } from "../../deployment/clock.ts";
import type { DeploymentConfig } from "../../deployment/config.ts";
import { buildManager } from "../../deployment/gnf-manager.ts";
import { ManagerRecorder } from "../../deployment/manager-recorder.ts";
import { uePacketRate } from "../../deployment/manager-options.ts";
import { MitigationAutomation } from "../../deployment/mitigation-automation.ts";
import { ueIndexOf } from "../../deployment/ue-identity.ts";
import type { VnfType } from "../../deployment/vnfs/types.ts";
import type { CountedPlacer } from "../../deployment/counted-placer.ts";
import type { DeviceCapacity } from "../../topologies/devices/capacity.ts";
import { hostCapacities } from "../../topologies/hosts.ts";
import { PathFinder } from "../../topologies/paths.ts";
import { buildTopology } from "../../topologies/config.ts";
import type { Topology } from "../../topologies/types.ts";
import type { RngStreams } from "../../base/rng.ts";
import type { Metric, RunStreams, Table } from "../../base/tables.ts";
import type { Environment } from "../engine/environment.ts";
import type { Calibration } from "../models/calibration/profile.ts";
import type { UesConfig } from "../models/mobility/config.ts";
import type { RadioConfig } from "../models/radio/config.ts";
import { CoreUtilisation } from "../models/traffic/core-utilisation.ts";
import type { LatencyConfig } from "../models/traffic/latency-config.ts";
import { VnfHost } from "../models/vnf/host.ts";
import { ControlPlane, controllerNodeOf, type ControlPlaneConfig } from "../backend/control-plane.ts";
import { SimBackend } from "../backend/sim-backend.ts";
import { buildCityMobility, type CityMobility } from "./city-mobility.ts";
import { DataPlane } from "./data-plane.ts";
import { DataPlaneSampler } from "./data-plane-sampler.ts";
import { desClock } from "./des-clock.ts";
import { VnfBehaviours, type RunningVnf } from "./vnf-behaviours.ts";

/** What the simulated GNF deployment reads of a scenario: the deployment's keys and the sim's own. */
export interface GnfWorldConfig extends DeploymentConfig {
  topology: NonNullable<DeploymentConfig["topology"]>;
  ues: UesConfig;
  radio: RadioConfig;
  control: ControlPlaneConfig;
  latency: LatencyConfig;
}

/** The run's fixed inputs besides the config: device capacities and the vNF catalog. */
export interface GnfWorldInputs {
  /** Every device model's capacity (the catalog, loaded once per run). */
  devices: ReadonlyMap<string, DeviceCapacity>;
  catalog: Readonly<Record<string, VnfType>>;
  /** The lifecycle and lab-fitted parameters (loaded once per run). */
  calibration: Calibration;
  seed: number;
  rng: RngStreams;
  /** Wall clock (seconds) for timing placement; never used for simulated time. */
  wallClock?: () => number;
  /** Stream the Manager-level tables and latency samples to disk (default: in memory). */
  streams?: RunStreams;
}

export class GnfWorld {
  readonly manager: Manager;
  readonly backend: SimBackend;
  readonly topology: Topology;
  private readonly env: Environment;
  private readonly placer: CountedPlacer;
  private readonly recorder: ManagerRecorder;
  private readonly sampler: DataPlaneSampler;
  private readonly hosts: ReadonlyMap<string, VnfHost>;
  private readonly city: CityMobility;
  private readonly clock: Clock;
  private readonly behaviours: VnfBehaviours;
  private readonly running = new Map<string, RunningVnf>();
  /** Handover → the Manager hears of it, s (the calibration profile's `handover.gapS`; 0 by default). */
  private readonly handoverGapS: number;

  /** Builds the world on `env` (the placer is built first; nothing runs until `env.run`). */
  static async create(env: Environment, config: GnfWorldConfig, inputs: GnfWorldInputs): Promise<GnfWorld> {
    const topology = buildTopology(config.topology, inputs.rng.stream("topology"), [...inputs.devices.keys()]);
    const paths = new PathFinder(topology);
    const capacities = hostCapacities(topology, inputs.devices);
    const built = await buildManager(config, inputs.seed, { topology, paths, capacities, catalog: inputs.catalog, ...(inputs.wallClock ? { wallClock: inputs.wallClock } : {}) });
    return new GnfWorld(env, config, inputs, topology, paths, capacities, built.manager, built.placer, built.observesLatency);
  }

  private constructor(
    env: Environment,
    private readonly config: GnfWorldConfig,
    inputs: GnfWorldInputs,
    topology: Topology,
    paths: PathFinder,
    capacities: ReadonlyMap<string, DeviceCapacity>,
    manager: Manager,
    placer: CountedPlacer,
    observesLatency: boolean,
  ) {
    this.env = env;
    this.clock = desClock(env);
    this.topology = topology;
    this.manager = manager;
    this.placer = placer;
    const calibration = inputs.calibration;
    this.handoverGapS = calibration.handover?.gapS ?? 0;
    const hosts = new Map<string, VnfHost>();
    for (const [id, capacity] of capacities) hosts.set(id, new VnfHost(env, capacity, calibration, inputs.rng.stream(`vnf/${id}`)));
    this.hosts = hosts;
    const measured = calibration.control;
    const controlConfig = measured ? { ...config.control, processingS: measured.barrierS, flowModS: measured.flowModS } : config.control;
    const control = new ControlPlane(paths, controlConfig, controllerNodeOf(paths, controlConfig), inputs.calibration.stateTransfer?.fixedS ?? 0);
    this.backend = new SimBackend({ env, hosts, catalog: inputs.catalog, control });
    const deliver = (event: ManagerEvent): void => this.backend.deliver(event);
    const mitigation = config.mitigation ? new MitigationAutomation(config.mitigation, config.traffic, this.clock, deliver) : undefined;
    this.recorder = new ManagerRecorder({ manager, backend: this.backend, placer, latencyBounds: config.placement.latencyBounds, mitigation, recordsCore: true, ...(inputs.streams ? { streams: inputs.streams } : {}) });
    // The data plane forwards as the lab was measured to (a profile's `forwarding`); the Manager keeps the configured catalog.
    const forwarding = forwardingCatalog(inputs.catalog, inputs.calibration, config.vnfs);
    this.behaviours = new VnfBehaviours(paths, config.traffic, forwarding);
    const dataPlane = new DataPlane({ paths, traffic: config.traffic, catalog: forwarding, latency: config.latency, hostCpu: capacities, chainEntry: forwardingEntry(inputs.calibration) });
    const onChainLatency = observesLatency
      ? (perChain: ReadonlyMap<string, number>) => {
          for (const [chain, latencyS] of perChain) deliver({ type: "latency-observation", ue: manager.chain(chain)?.spec.ue ?? "", chain, latencyS });
        }
      : undefined;
    this.sampler = new DataPlaneSampler(dataPlane, manager, this.backend, hosts, new CoreUtilisation(topology, paths), this.recorder, inputs.rng, onChainLatency);
    this.backend.eventDelivered.subscribe(({ time, event }) => {
      this.trackRunning(event);
      mitigation?.observe(time, event);
    });
    this.backend.steeringChanged.subscribe((s) => this.recorder.steeringChanged(s.chain, s.accessNode, s.version, env.now));
    runLoop(manager, this.backend);
    const uePacketRateValue = uePacketRate(config.traffic);
    this.city = buildCityMobility(env, topology, config.ues, config.radio, inputs.rng, config.outputs.sampleInterval, () => uePacketRateValue, (device) => this.deviceLoad(device));
    this.wireAgents();
    scheduleChains(configuredChains(config), this.clock, deliver);
    env.process(this.sampling(), "gnf data plane");
  }

  /** Wall seconds spent in the placer (0 without a wall clock). */
  get placementWallSeconds(): number {
    return this.placer.wallSeconds;
  }

  private deviceLoad(device: string) {
    const host = this.hosts.get(device);
    if (!host) return { cpuUtilisation: 0, memoryUsedBytes: 0, memoryBytes: 0 };
    return { cpuUtilisation: host.load.cpuUtilisation, memoryUsedBytes: host.load.memoryUsedBytes, memoryBytes: host.capacity.vnfMemoryBytes };
  }

  /** The Agents' client events and device reports go to the Manager; handovers to the recorder too. */
  private wireAgents(): void {
    const { agents } = this.city;
    agents.clientEvents.subscribe((e) => {
      if (e.type === "ue-handover") {
        this.recorder.handover(e.time, e.ue, e.from, e.to, e.rssiDbm, e.packets);
        const event = { type: "ue-handover", ue: e.ue, from: e.from, to: e.to, rssiDbm: e.rssiDbm, packets: e.packets } as const;
        if (this.handoverGapS > 0) this.clock.after(this.handoverGapS, () => this.backend.deliver(event));
        else this.backend.deliver(event);
      } else if (e.type === "ue-connected") this.backend.deliver({ type: "ue-connected", ue: e.ue, device: e.device, rssiDbm: e.rssiDbm, packets: 0 });
      else this.backend.deliver({ type: "ue-disconnected", ue: e.ue, device: e.device, rssiDbm: e.rssiDbm, packets: e.packets });
    });
    agents.deviceReports.subscribe((r) => this.backend.deliver({ type: "device-report", device: r.device, cpuUtilisation: r.cpuUtilisation, memoryUsedBytes: r.memoryUsedBytes, memoryBytes: r.memoryBytes, clients: r.clients }));
  }

  /** Running vNFs and their behaviours (probes, monitors, IDS) that raise notifications. */
  private trackRunning(event: ManagerEvent): void {
    if (event.type === "vnf-started") {
      const inst = this.manager.instance(event.vnfId);
      if (!inst) return;
      const vnf: RunningVnf = { id: inst.id, type: inst.type, host: inst.host, ue: inst.ue, params: inst.params };
      this.running.set(vnf.id, vnf);
      for (const p of this.behaviours.onStarted(vnf)) {
        this.clock.after(p.afterS, () => {
          if (this.running.has(vnf.id)) this.backend.deliver(p.notification);
        });
      }
      const intervalS = this.behaviours.monitorIntervalS(vnf);
      if (intervalS !== undefined) this.env.process(this.monitoring(vnf, intervalS), `monitor ${vnf.id}`);
    } else if (event.type === "vnf-stopped" || event.type === "vnf-failed") this.running.delete(event.vnfId);
  }

  /** The UEs' serving cells now (undefined: not connected). */
  private serving(): (string | undefined)[] {
    const cells = this.city.radio.cells;
    return Array.from(this.city.radio.serving, (c) => (c < 0 ? undefined : (cells[c] as { id: string }).id));
  }

  private *sampling() {
    const env = this.env;
    for (;;) {
      yield env.timeout(this.config.outputs.sampleInterval);
      const flows = this.sampler.sample(env.now, this.serving());
      for (const n of this.behaviours.onSample([...this.running.values()], flows)) this.backend.deliver(n);
    }
  }

  /**
   * A monitoring vNF's own timer: every `intervalS` seconds from its start, while it runs, it
   * reads the flows of its UE at that time (without side effects) and may raise an alert.
   */
  private *monitoring(vnf: RunningVnf, intervalS: number) {
    const env = this.env;
    const ue = ueIndexOf(vnf.ue);
    for (;;) {
      yield env.timeout(intervalS);
      if (!this.running.has(vnf.id)) return;
      const serving = this.serving().map((cell, i) => (i === ue ? cell : undefined));
      const alert = this.behaviours.onMonitor(vnf, this.sampler.flowsAt(env.now, serving).flows);
      if (alert) this.backend.deliver(alert);
    }
  }

  // ---- results ----

  metrics(): Record<string, Metric> {
    const now = this.env.now;
    const utilisation = [...this.hosts.values()].map((h) => h.load.averages(now).cpu);
    const busiest = utilisation.length > 0 ? Math.max(...utilisation) : 0;
    return this.recorder.metrics(now, { busiestCpuUtilisation: busiest, core: this.sampler.coreTotals(now) });
  }

  tables(): Table[] {
    return this.recorder.tables(this.env.now);
  }
}
