/**
 * Container vNF lifecycle on one host (the GNF Agent's VNFM/VIM part, simulated).
 *
 * start = [image pull] → create → start; stop = stop → remove.
 * - Image pull: image bytes × 8 / pull bandwidth (bit/s) seconds, once per host and type: later
 *   starts hit the host's image cache, and starts that arrive while a pull is in flight wait for
 *   it instead of pulling again (one `vnfPulled`).
 * - create, start, stop, remove: lognormal durations (mean, cv) of the calibration profile, given
 *   in seconds on one reference core, divided by the host's per-core speed (an ARM v7 router at
 *   0.16 reference cores per core takes 1 / 0.16 ≈ 6.2 × as long as the i7).
 * - Concurrency: at most `parallel` lifecycle operations at once (default: one per core); the
 *   others queue in request order. Within a step, the profile's `cpuShare` of its duration is CPU
 *   work and its `runtimeShare` is serialised in the container runtime (one step at a time per
 *   host); the rest is a plain delay. The CPU work keeps `cpuParallelism` cores busy when the step
 *   runs alone (cpuShare × duration × cpuParallelism core-seconds) and is served by processor
 *   sharing on the host's cores: n steps' CPU parts at once each run at min(cpuParallelism,
 *   cores / n). So a sequential batch takes the profile's means (on a host with at least
 *   cpuParallelism cores), and parallel starts slow down as they share the cores and the runtime
 *   (as the lab's do). A step also slows by the profile's `growthPerVnf` for every other container
 *   on the host (created and not yet removed: the lab's runtime and switch slow down as containers
 *   and ports pile up).
 * - Memory is a hard limit: a start reserves its idle memory when requested; if it does not fit it
 *   fails at once with `vnfFailed` ("out of memory: needs X bytes, Y free on H"), the others run.
 *   A stopped vNF frees its memory when its stop completes.
 * - CPU load (reference cores) = Σ over running vNFs of packet rate × CPU per packet; above the
 *   host's capacity the host is `overloaded` (utilisation clamps at 1, demand is kept).
 *
 * Trace sources: vnfPulled, vnfCreated, vnfStarted, vnfStopped, vnfRemoved, vnfFailed, memoryUsed,
 * cpuLoad. Times in seconds, memory in bytes.
 *
 * @example
 *   const host = new VnfHost(env, capacities.get("nfvi-i7")!, loadCalibration(), rng.stream("vnf/i7"));
 *   env.process(function* () { const ok = yield host.start("fw-1", VNF_CATALOG.firewall); });
 */
import type { Environment } from "../../engine/environment.ts";
import type { Event } from "../../engine/event.ts";
import { Resource } from "../../engine/resources/resource.ts";
import { ProcessorSharing } from "../../engine/resources/processor-sharing.ts";
import type { RandomStream } from "../../../base/rng.ts";
import { TraceSource } from "../../../base/trace.ts";
import type { Calibration, DurationDistribution } from "../calibration/profile.ts";
import { lognormalByMean } from "../calibration/lognormal.ts";
import type { DeviceCapacity } from "../../../topologies/devices/capacity.ts";
import { DeviceLoad } from "./device-load.ts";
import type { VnfType } from "../../../deployment/vnfs/types.ts";

export interface VnfRecord {
  /** Simulated time, seconds. */
  time: number;
  host: string;
  vnf: string;
  type: string;
}

export interface VnfFailure extends VnfRecord {
  reason: string;
}

export interface MemoryRecord {
  time: number;
  host: string;
  /** Memory held by vNF containers (running or starting), bytes. */
  usedBytes: number;
  /** Memory left for vNFs, bytes. */
  freeBytes: number;
}

export interface CpuLoadRecord {
  time: number;
  host: string;
  /** CPU the vNFs ask for, reference cores (may exceed the capacity). */
  demandCores: number;
  /** min(demand / capacity, 1). */
  utilisation: number;
  /** demand ≥ capacity: packets queue without bound. */
  overloaded: boolean;
}

export interface VnfHostOptions {
  /** This host's image pull bandwidth, bit/s (default: the calibration profile's). */
  imagePullBandwidthBps?: number;
  /** Image (vNF type) names already in the host's cache. */
  cachedImages?: Iterable<string>;
}

type Phase = "starting" | "running" | "stopping";

interface Instance {
  type: VnfType;
  phase: Phase;
  /** Packets/s the vNF handles. */
  packetRate: number;
  /** The start process (succeeds when the vNF is running). */
  started: Event<boolean>;
}

export class VnfHost {
  readonly vnfPulled = new TraceSource<VnfRecord>("vnfPulled");
  readonly vnfCreated = new TraceSource<VnfRecord>("vnfCreated");
  readonly vnfStarted = new TraceSource<VnfRecord>("vnfStarted");
  readonly vnfStopped = new TraceSource<VnfRecord>("vnfStopped");
  readonly vnfRemoved = new TraceSource<VnfRecord>("vnfRemoved");
  readonly vnfFailed = new TraceSource<VnfFailure>("vnfFailed");
  readonly memoryUsed = new TraceSource<MemoryRecord>("memoryUsed");
  readonly cpuLoad = new TraceSource<CpuLoadRecord>("cpuLoad");
  /** Load over time (current and time-averaged CPU and memory utilisation). */
  readonly load: DeviceLoad;
  private readonly images: Set<string>;
  private readonly pulls = new Map<string, Event<unknown>>();
  private readonly instances = new Map<string, Instance>();
  private readonly slots: Resource;
  /** The host's cores, shared by the CPU parts of lifecycle steps in progress. */
  private readonly cores: ProcessorSharing;
  /** Containers on the host: created and not yet removed. */
  private containers = 0;
  /** The container runtime's lock, for the serialised part of lifecycle steps. */
  private readonly runtime: Resource;
  private readonly pullBandwidthBps: number;

  constructor(
    private readonly env: Environment,
    readonly capacity: DeviceCapacity,
    private readonly calibration: Calibration,
    private readonly rng: RandomStream,
    /** Lifecycle operations run at once (default: one per core). */
    parallel = capacity.cores,
    options: VnfHostOptions = {},
  ) {
    if (!(capacity.perCoreSpeed > 0)) throw new RangeError(`host ${capacity.id}: per-core speed must be > 0, got ${capacity.perCoreSpeed}`);
    this.load = new DeviceLoad(capacity, env.now);
    this.slots = new Resource(env, parallel);
    this.cores = new ProcessorSharing(env, capacity.cores);
    this.runtime = new Resource(env, 1);
    this.images = new Set(options.cachedImages ?? []);
    this.pullBandwidthBps = options.imagePullBandwidthBps ?? calibration.imagePullBandwidthBps;
  }

  get id(): string {
    return this.capacity.id;
  }

  /** vNFs on this host that are starting, running or stopping. */
  get running(): number {
    return this.instances.size;
  }

  /** True when vNF `vnf` is on this host (starting, running or stopping). */
  has(vnf: string): boolean {
    return this.instances.has(vnf);
  }

  /** True when the image of vNF type `typeName` is in the host's cache. */
  hasImage(typeName: string): boolean {
    return this.images.has(typeName);
  }

  /** Memory left for vNFs, bytes. */
  get freeMemoryBytes(): number {
    return this.capacity.vnfMemoryBytes - this.load.memoryUsedBytes;
  }

  /** Idle memory of one vNF of `type`, bytes: the profile's measured value, else the catalog's. */
  idleMemoryOf(type: VnfType): number {
    return this.calibration.memoryPerVnfBytes?.[type.name] ?? type.idleMemoryBytes;
  }

  /** Seconds one lifecycle step takes on this host alone (a draw from the calibrated distribution). */
  private duration(d: DurationDistribution): number {
    return lognormalByMean(this.rng, d.mean, d.cv) / this.capacity.perCoreSpeed;
  }

  /**
   * One lifecycle step: a duration drawn once, split into a plain delay, a CPU part shared on the
   * host's cores and a part serialised in the container runtime (the profile's shares).
   * `ownContainer`: whether the step's own container exists (not for `create`).
   */
  private *step(d: DurationDistribution, ownContainer: boolean) {
    const env = this.env;
    const others = this.containers - (ownContainer ? 1 : 0);
    const total = this.duration(d) * (1 + d.growthPerVnf * others);
    const cpu = total * d.cpuShare;
    const runtime = total * d.runtimeShare;
    const delay = total - cpu - runtime;
    if (cpu === 0 && runtime === 0) {
      yield env.timeout(total);
      return;
    }
    if (delay > 0) yield env.timeout(delay);
    if (cpu > 0) yield this.cores.serve(cpu * d.cpuParallelism, d.cpuParallelism);
    if (runtime > 0) yield* this.hold(this.runtime, runtime);
  }

  private *hold(resource: Resource, seconds: number) {
    const claim = resource.request();
    yield claim;
    try {
      yield this.env.timeout(seconds);
    } finally {
      resource.release(claim);
    }
  }

  /**
   * Starts vNF `vnf` of `type`. The returned process ends with true when the vNF runs, false when
   * it failed (a `vnfFailed` record says why).
   */
  start(vnf: string, type: VnfType) {
    return this.env.process(this.startProcess(vnf, type), `start ${vnf}`);
  }

  private record(vnf: string, type: VnfType): VnfRecord {
    return { time: this.env.now, host: this.id, vnf, type: type.name };
  }

  private *startProcess(vnf: string, type: VnfType) {
    const env = this.env;
    if (this.instances.has(vnf)) {
      this.vnfFailed.emit({ ...this.record(vnf, type), reason: `${vnf} is already on ${this.id}` });
      return false;
    }
    const memory = this.idleMemoryOf(type);
    if (!this.load.tryAllocate(env.now, memory)) {
      this.vnfFailed.emit({ ...this.record(vnf, type), reason: `out of memory: needs ${memory} bytes, ${this.freeMemoryBytes} free on ${this.id}` });
      return false;
    }
    this.instances.set(vnf, { type, phase: "starting", packetRate: 0, started: env.activeProcess as Event<boolean> });
    this.emitMemory();
    const slot = this.slots.request();
    yield slot;
    try {
      yield* this.pull(vnf, type);
      yield* this.step(this.calibration.create, false);
      this.containers++;
      this.vnfCreated.emit(this.record(vnf, type));
      yield* this.step(this.calibration.start, true);
    } finally {
      this.slots.release(slot);
    }
    (this.instances.get(vnf) as Instance).phase = "running";
    this.vnfStarted.emit(this.record(vnf, type));
    return true;
  }

  /** Pulls the image unless cached; waits for a pull of the same image already in flight. */
  private *pull(vnf: string, type: VnfType) {
    if (this.images.has(type.name)) return;
    const inFlight = this.pulls.get(type.name);
    if (inFlight) {
      yield inFlight;
      return;
    }
    const done = this.env.timeout((type.imageBytes * 8) / this.pullBandwidthBps);
    this.pulls.set(type.name, done);
    yield done;
    this.pulls.delete(type.name);
    this.images.add(type.name);
    this.vnfPulled.emit(this.record(vnf, type));
  }

  /**
   * Stops and removes vNF `vnf` (waiting for its start first if it is still starting). Memory is
   * freed when the stop completes. The process ends with false if no such vNF is on the host.
   */
  stop(vnf: string) {
    return this.env.process(this.stopProcess(vnf), `stop ${vnf}`);
  }

  private *stopProcess(vnf: string) {
    const instance = this.instances.get(vnf);
    if (!instance || instance.phase === "stopping") {
      this.vnfFailed.emit({ time: this.env.now, host: this.id, vnf, type: instance?.type.name ?? "unknown", reason: instance ? `${vnf} is already stopping on ${this.id}` : `no vNF ${vnf} on ${this.id}` });
      return false;
    }
    if (instance.phase === "starting") yield instance.started;
    instance.phase = "stopping";
    const slot = this.slots.request();
    yield slot;
    try {
      yield* this.step(this.calibration.stop, true);
      instance.packetRate = 0;
      this.load.tryAllocate(this.env.now, -this.idleMemoryOf(instance.type));
      this.updateCpu();
      this.emitMemory();
      this.vnfStopped.emit(this.record(vnf, instance.type));
      yield* this.step(this.calibration.remove, true);
      this.containers--;
    } finally {
      this.slots.release(slot);
    }
    this.instances.delete(vnf);
    this.vnfRemoved.emit(this.record(vnf, instance.type));
    return true;
  }

  /** Sets the packet rate (packets/s, ≥ 0) vNF `vnf` handles; the host's CPU load follows. */
  setPacketRate(vnf: string, packetsPerSecond: number): void {
    const instance = this.instances.get(vnf);
    if (!instance) throw new Error(`no vNF ${vnf} on ${this.id}`);
    if (!(packetsPerSecond >= 0 && Number.isFinite(packetsPerSecond))) throw new RangeError(`packet rate of ${vnf} must be a finite number >= 0, got ${packetsPerSecond}`);
    instance.packetRate = packetsPerSecond;
    this.updateCpu();
  }

  /** CPU demand of the vNFs, reference cores (may exceed the capacity: overload). */
  cpuDemand(): number {
    let demand = 0;
    for (const i of this.instances.values()) demand += i.packetRate * i.type.cpuPerPacketS;
    return demand;
  }

  /** True when the vNFs ask for at least the host's CPU capacity. */
  get overloaded(): boolean {
    return this.cpuDemand() >= this.capacity.cpuCapacity;
  }

  private updateCpu(): void {
    const demand = this.cpuDemand();
    this.load.setCpuLoad(this.env.now, demand);
    if (this.cpuLoad.active) {
      this.cpuLoad.emit({ time: this.env.now, host: this.id, demandCores: demand, utilisation: this.load.cpuUtilisation, overloaded: demand >= this.capacity.cpuCapacity });
    }
  }

  private emitMemory(): void {
    this.memoryUsed.emit({ time: this.env.now, host: this.id, usedBytes: this.load.memoryUsedBytes, freeBytes: this.freeMemoryBytes });
  }
}
