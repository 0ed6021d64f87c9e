/**
 * Turns the container-batch model's trace sources into tidy tables and per-host metrics:
 * vNFs ready, failed, time until the whole batch is ready, time per vNF, memory used.
 */
import { defineMetrics, defineTable, metricFilled, tableRecorder } from "../../../base/results/data-dictionary.ts";
import type { Metric, Table } from "../../../base/tables.ts";
import { VNF_LIFECYCLE_TABLE } from "../../../deployment/vnf-lifecycle-table.ts";
import type { ContainerBatchModel } from "./batch-start.ts";
import type { InstantiationConfig } from "./config.ts";

export const HOST_MEMORY_TABLE = defineTable("host_memory", "One row per change of a batch host's memory held by vNF containers.", [
  ["time_s", "s", "when it changed"],
  ["host", "text", "the host"],
  ["used_bytes", "bytes", "memory held by its vNF containers from then on"],
]);

/** Per batch host (`<host>`: its name in `instantiation.hosts`). */
export const CONTAINER_BATCH_METRICS = defineMetrics({
  "instantiation.<host>.ready": ["count", "container vNFs started on <host>"],
  "instantiation.<host>.failed": ["count", "container vNF starts that failed on <host>"],
  "instantiation.<host>.batchSeconds": ["s", "from the batch request until the last vNF on <host> was ready (n/a if none started)"],
  "instantiation.<host>.secondsPerVnf": ["s", "batch time divided by the vNFs started on <host>"],
  "instantiation.<host>.memoryUsedBytes": ["bytes", "memory held by vNF containers on <host> at the end"],
});

export class ContainerBatchRecorder {
  private readonly lifecycle = tableRecorder(VNF_LIFECYCLE_TABLE);
  private readonly memory = tableRecorder(HOST_MEMORY_TABLE);
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
    const M = CONTAINER_BATCH_METRICS;
    for (const host of this.config.hosts) {
      const times = this.started.get(host.name) ?? [];
      const put = (spec: (typeof M)[keyof typeof M], value: number): void => {
        const [name, metric] = metricFilled(spec, { host: host.name }, value);
        metrics[name] = metric;
      };
      put(M["instantiation.<host>.ready"], times.length);
      put(M["instantiation.<host>.failed"], this.failed.get(host.name) ?? 0);
      const last = times.length > 0 ? Math.max(...times) : Number.NaN;
      put(M["instantiation.<host>.batchSeconds"], last - host.at);
      put(M["instantiation.<host>.secondsPerVnf"], times.length > 0 ? (last - host.at) / times.length : Number.NaN);
      put(M["instantiation.<host>.memoryUsedBytes"], this.memoryUsed.get(host.name) ?? 0);
    }
    return metrics;
  }
}
