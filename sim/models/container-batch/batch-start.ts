/**
 * Batch instantiation of container vNFs on hosts. Each host runs up to `parallel` container
 * operations at a time (a `Resource`); each vNF is created then started, with lognormal durations
 * divided by the host's per-core speed; on start it takes its idle memory from the host's memory
 * (a `Container` used as a hard limit: a start that does not fit fails, it never waits).
 *
 * Trace sources: `vnfCreated`, `vnfStarted`, `vnfFailed`, `memoryUsed`. Randomness: one stream per
 * host (`container-batch/<host>`), so adding a host does not change another host's draws.
 */
import type { Environment } from "../../engine/environment.ts";
import { Container } from "../../engine/resources/container.ts";
import { Resource } from "../../engine/resources/resource.ts";
import type { RngStreams } from "../../engine/rng.ts";
import { TraceSource } from "../../engine/trace.ts";
import type { BatchHostConfig, InstantiationConfig } from "./config.ts";
import { lognormalByMean } from "./lognormal.ts";

export interface VnfLifecycleRecord {
  time: number;
  host: string;
  vnf: string;
}

export interface VnfFailedRecord extends VnfLifecycleRecord {
  reason: string;
}

export interface MemoryRecord {
  time: number;
  host: string;
  /** Bytes used by vNF containers on the host. */
  usedBytes: number;
}

export class ContainerBatchModel {
  readonly vnfCreated = new TraceSource<VnfLifecycleRecord>("vnfCreated");
  readonly vnfStarted = new TraceSource<VnfLifecycleRecord>("vnfStarted");
  readonly vnfFailed = new TraceSource<VnfFailedRecord>("vnfFailed");
  readonly memoryUsed = new TraceSource<MemoryRecord>("memoryUsed");

  constructor(
    private readonly env: Environment,
    private readonly config: InstantiationConfig,
    private readonly rng: RngStreams,
  ) {}

  /** Starts one batch process per host. Call before `env.run()`. */
  start(): void {
    for (const host of this.config.hosts) this.env.process(this.batch(host), `batch ${host.name}`);
  }

  private *batch(host: BatchHostConfig) {
    const env = this.env;
    if (host.at > 0) yield env.timeout(host.at);
    const slots = new Resource(env, host.parallel);
    const memory = new Container(env, host.memory, host.memory);
    const rng = this.rng.stream(`container-batch/${host.name}`);
    const vnfs = [];
    for (let i = 0; i < host.vnfs; i++) {
      const name = `${host.name}/vnf-${i + 1}`;
      // Draw both durations up front, in vNF order, so the draws do not depend on scheduling.
      const createS = lognormalByMean(rng, this.config.create.mean, this.config.create.cv) / host.cpuSpeed;
      const startS = lognormalByMean(rng, this.config.start.mean, this.config.start.cv) / host.cpuSpeed;
      vnfs.push(env.process(this.instantiate(host, name, createS, startS, slots, memory), name));
    }
    yield env.allOf(vnfs);
  }

  private *instantiate(host: BatchHostConfig, vnf: string, createS: number, startS: number, slots: Resource, memory: Container) {
    const env = this.env;
    const slot = slots.request();
    yield slot;
    try {
      yield env.timeout(createS);
      this.vnfCreated.emit({ time: env.now, host: host.name, vnf });
      const idle = this.config.idleMemory;
      if (!memory.tryGet(idle)) {
        this.vnfFailed.emit({
          time: env.now,
          host: host.name,
          vnf,
          reason: `out of memory: needs ${idle} bytes, ${memory.level} free on ${host.name}`,
        });
        return;
      }
      this.memoryUsed.emit({ time: env.now, host: host.name, usedBytes: host.memory - memory.level });
      yield env.timeout(startS);
      this.vnfStarted.emit({ time: env.now, host: host.name, vnf });
    } finally {
      slots.release(slot);
    }
  }
}
