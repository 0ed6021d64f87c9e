/**
 * Container vNF lifecycle on one host (the Agent's VNFM/VIM part, simulated): image pull (size /
 * bandwidth, skipped when the host's image cache has it), create, start, and later stop and
 * remove. Durations are lognormal (calibration profile) divided by the host's per-core speed;
 * at most `cores` lifecycle operations run at once. Memory is a hard limit: a start whose idle
 * memory does not fit fails at once with a reason. CPU load = Σ packet rate × CPU per packet.
 */
import type { Environment } from "../../engine/environment.ts";
import { Resource } from "../../engine/resources/resource.ts";
import type { RandomStream } from "../../engine/rng.ts";
import { TraceSource } from "../../engine/trace.ts";
import type { Calibration } from "../calibration/profile.ts";
import { lognormalByMean } from "../container-batch/lognormal.ts";
import type { DeviceCapacity } from "../devices/capacity.ts";
import { DeviceLoad } from "../devices/utilisation.ts";
import type { VnfType } from "./catalog.ts";

export interface VnfRecord {
  time: number;
  host: string;
  vnf: string;
  type: string;
}

export interface VnfFailure extends VnfRecord {
  reason: string;
}

interface Instance {
  type: VnfType;
  packetRate: number;
}

export class VnfHost {
  readonly vnfPulled = new TraceSource<VnfRecord>("vnfPulled");
  readonly vnfCreated = new TraceSource<VnfRecord>("vnfCreated");
  readonly vnfStarted = new TraceSource<VnfRecord>("vnfStarted");
  readonly vnfStopped = new TraceSource<VnfRecord>("vnfStopped");
  readonly vnfFailed = new TraceSource<VnfFailure>("vnfFailed");
  readonly memoryUsed = new TraceSource<{ time: number; host: string; usedBytes: number }>("memoryUsed");
  readonly load: DeviceLoad;
  private readonly images = new Set<string>();
  private readonly instances = new Map<string, Instance>();
  private readonly slots: Resource;

  constructor(
    private readonly env: Environment,
    readonly capacity: DeviceCapacity,
    private readonly calibration: Calibration,
    private readonly rng: RandomStream,
    /** Lifecycle operations run at once (default: one per core). */
    parallel = capacity.cores,
  ) {
    this.load = new DeviceLoad(capacity, env.now);
    this.slots = new Resource(env, parallel);
  }

  get id(): string {
    return this.capacity.id;
  }

  /** Running vNFs on this host. */
  get running(): number {
    return this.instances.size;
  }

  private duration(d: { mean: number; cv: number }): number {
    return lognormalByMean(this.rng, d.mean, d.cv) / this.capacity.perCoreSpeed;
  }

  /** Starts vNF `vnf` of `type`; the process returns true when it is ready, false if it failed. */
  start(vnf: string, type: VnfType) {
    return this.env.process(this.startProcess(vnf, type), `start ${vnf}`);
  }

  private *startProcess(vnf: string, type: VnfType) {
    const env = this.env;
    const rec = (): VnfRecord => ({ time: env.now, host: this.id, vnf, type: type.name });
    if (this.instances.has(vnf)) {
      this.vnfFailed.emit({ ...rec(), reason: `${vnf} is already running on ${this.id}` });
      return false;
    }
    if (!this.load.tryAllocate(env.now, type.idleMemoryBytes)) {
      const free = this.capacity.vnfMemoryBytes - this.load.memoryUsedBytes;
      this.vnfFailed.emit({ ...rec(), reason: `out of memory: needs ${type.idleMemoryBytes} bytes, ${free} free on ${this.id}` });
      return false;
    }
    this.instances.set(vnf, { type, packetRate: 0 });
    this.memoryUsed.emit({ time: env.now, host: this.id, usedBytes: this.load.memoryUsedBytes });
    const slot = this.slots.request();
    yield slot;
    try {
      if (!this.images.has(type.name)) {
        yield env.timeout((type.imageBytes * 8) / this.calibration.imagePullBandwidthBps);
        this.images.add(type.name);
        this.vnfPulled.emit(rec());
      }
      yield env.timeout(this.duration(this.calibration.create));
      this.vnfCreated.emit(rec());
      yield env.timeout(this.duration(this.calibration.start));
      this.vnfStarted.emit(rec());
    } finally {
      this.slots.release(slot);
    }
    return true;
  }

  /** Stops and removes vNF `vnf`; the process returns when its memory is free. */
  stop(vnf: string) {
    return this.env.process(this.stopProcess(vnf), `stop ${vnf}`);
  }

  private *stopProcess(vnf: string) {
    const instance = this.instances.get(vnf);
    if (!instance) return false;
    const slot = this.slots.request();
    yield slot;
    try {
      yield this.env.timeout(this.duration(this.calibration.stop) + this.duration(this.calibration.remove));
    } finally {
      this.slots.release(slot);
    }
    this.instances.delete(vnf);
    this.load.tryAllocate(this.env.now, -instance.type.idleMemoryBytes);
    this.updateCpu();
    this.memoryUsed.emit({ time: this.env.now, host: this.id, usedBytes: this.load.memoryUsedBytes });
    this.vnfStopped.emit({ time: this.env.now, host: this.id, vnf, type: instance.type.name });
    return true;
  }

  /** Sets the packet rate (packets/s) a vNF processes; CPU load follows. */
  setPacketRate(vnf: string, packetsPerSecond: number): void {
    const instance = this.instances.get(vnf);
    if (!instance) throw new Error(`no vNF ${vnf} on ${this.id}`);
    instance.packetRate = packetsPerSecond;
    this.updateCpu();
  }

  /** CPU demand of the running vNFs, reference cores (may exceed capacity: overload). */
  cpuDemand(): number {
    let demand = 0;
    for (const i of this.instances.values()) demand += i.packetRate * i.type.cpuPerPacketS;
    return demand;
  }

  private updateCpu(): void {
    this.load.setCpuLoad(this.env.now, this.cpuDemand());
  }
}
