/**
 * Turns the container-batch model's trace sources into tidy tables and per-host metrics:
 * vNFs ready, failed, time until the whole batch is ready, time per vNF, memory used.
 */
import { TableRecorder } from "../../../base/trace.ts";
import type { Metric, Table } from "../../../base/tables.ts";
import type { ContainerBatchModel } from "./batch-start.ts";
import type { InstantiationConfig } from "./config.ts";

export class ContainerBatchRecorder {
  private readonly lifecycle = new TableRecorder("vnf_lifecycle", ["time_s", "host", "vnf", "event", "detail"]);
  private readonly memory = new TableRecorder("host_memory", ["time_s", "host", "used_bytes"]);
  private readonly started = new Map<string, number[]>();
  private readonly failed = new Map<string, number>();
  private readonly memoryUsed = new Map<string, number>();

  constructor(
    model: ContainerBatchModel,
    private readonly config: InstantiationConfig,
  ) {
    for (const host of model.hosts) {
      host.vnfPulled.subscribe((r) => this.lifecycle.add([r.time, r.host, r.vnf, "image-pulled", r.type]));
      host.vnfCreated.subscribe((r) => this.lifecycle.add([r.time, r.host, r.vnf, "created", null]));
      host.vnfStarted.subscribe((r) => {
        this.lifecycle.add([r.time, r.host, r.vnf, "started", null]);
        (this.started.get(r.host) ?? this.started.set(r.host, []).get(r.host))?.push(r.time);
      });
      host.vnfFailed.subscribe((r) => {
        this.lifecycle.add([r.time, r.host, r.vnf, "failed", r.reason]);
        this.failed.set(r.host, (this.failed.get(r.host) ?? 0) + 1);
      });
      host.memoryUsed.subscribe((r) => {
        this.memory.add([r.time, r.host, r.usedBytes]);
        this.memoryUsed.set(r.host, r.usedBytes);
      });
    }
  }

  tables(): Table[] {
    return [this.lifecycle.toTable(), this.memory.toTable()];
  }

  metrics(): Record<string, Metric> {
    const metrics: Record<string, Metric> = {};
    for (const host of this.config.hosts) {
      const times = this.started.get(host.name) ?? [];
      const prefix = `instantiation.${host.name}`;
      metrics[`${prefix}.ready`] = { value: times.length, unit: "count", description: `container vNFs started on ${host.name}` };
      metrics[`${prefix}.failed`] = { value: this.failed.get(host.name) ?? 0, unit: "count", description: `container vNF starts that failed on ${host.name}` };
      const last = times.length > 0 ? Math.max(...times) : Number.NaN;
      metrics[`${prefix}.batchSeconds`] = { value: last - host.at, unit: "s", description: `from the batch request until the last vNF on ${host.name} was ready (NaN if none started)` };
      metrics[`${prefix}.secondsPerVnf`] = { value: times.length > 0 ? (last - host.at) / times.length : Number.NaN, unit: "s", description: `batch time divided by the vNFs started on ${host.name}` };
      metrics[`${prefix}.memoryUsedBytes`] = { value: this.memoryUsed.get(host.name) ?? 0, unit: "bytes", description: `memory held by vNF containers on ${host.name} at the end` };
    }
    return metrics;
  }
}
