/**
 * A device's load over time: CPU load in reference cores and memory in use, with time-weighted
 * averages. `utilisation()` is the larger of CPU and memory utilisation, in [0, 1] — the quantity
 * GNF's Manager watches for its 15% re-placement trigger.
 */
import { TimeWeighted } from "../../../base/stats/time-weighted.ts";
import type { DeviceCapacity } from "../../../topologies/devices/capacity.ts";

export class DeviceLoad {
  private cpu = 0;
  private memory = 0;
  private readonly cpuAverage: TimeWeighted;
  private readonly memoryAverage: TimeWeighted;

  constructor(
    readonly capacity: DeviceCapacity,
    startTime = 0,
  ) {
    this.cpuAverage = new TimeWeighted(`${capacity.id}.cpu`, startTime, 0);
    this.memoryAverage = new TimeWeighted(`${capacity.id}.memory`, startTime, 0);
  }

  /** Sets the CPU load (reference cores, clamped to [0, capacity]) at time `now` (s). */
  setCpuLoad(now: number, referenceCores: number): void {
    this.cpu = Math.min(Math.max(referenceCores, 0), this.capacity.cpuCapacity);
    this.cpuAverage.update(now, this.cpu);
  }

  /** Changes memory in use by `deltaBytes`; returns false (and changes nothing) if it would not fit. */
  tryAllocate(now: number, deltaBytes: number): boolean {
    const next = this.memory + deltaBytes;
    if (next < 0 || next > this.capacity.vnfMemoryBytes) return false;
    this.memory = next;
    this.memoryAverage.update(now, next);
    return true;
  }

  get memoryUsedBytes(): number {
    return this.memory;
  }

  get cpuUtilisation(): number {
    return this.capacity.cpuCapacity > 0 ? this.cpu / this.capacity.cpuCapacity : 0;
  }

  get memoryUtilisation(): number {
    return this.capacity.vnfMemoryBytes > 0 ? this.memory / this.capacity.vnfMemoryBytes : 0;
  }

  /** max(CPU, memory) utilisation in [0, 1]. */
  utilisation(): number {
    return Math.max(this.cpuUtilisation, this.memoryUtilisation);
  }

  /** Time-averaged CPU and memory utilisation over [start, now]. */
  averages(now: number): { cpu: number; memory: number } {
    return {
      cpu: this.capacity.cpuCapacity > 0 ? this.cpuAverage.average(now) / this.capacity.cpuCapacity : 0,
      memory: this.capacity.vnfMemoryBytes > 0 ? this.memoryAverage.average(now) / this.capacity.vnfMemoryBytes : 0,
    };
  }
}
