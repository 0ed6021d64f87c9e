import { describe, expect, it } from "vitest";
import { Environment } from "../../engine/environment.ts";
import { RngStreams } from "../../engine/rng.ts";
import { ContainerBatchModel } from "./batch-start.ts";
import type { z } from "zod";
import { instantiationSchema, type InstantiationConfig } from "./config.ts";

function run(config: InstantiationConfig, seed = 1) {
  const env = new Environment();
  const model = new ContainerBatchModel(env, config, new RngStreams(seed));
  const started: [number, string][] = [];
  const failed: string[] = [];
  model.vnfStarted.subscribe((r) => started.push([r.time, r.vnf]));
  model.vnfFailed.subscribe((r) => failed.push(`${r.vnf}: ${r.reason}`));
  model.start();
  env.run();
  return { env, started, failed };
}

const constant = (hosts: z.input<typeof instantiationSchema>["hosts"]): InstantiationConfig =>
  instantiationSchema.parse({ create: { mean: 0.12, cv: 0 }, start: { mean: 0.08, cv: 0 }, hosts });

describe("ContainerBatchModel", () => {
  it("starts vNFs one after another: 50 × (0.12 + 0.08) s = 10 s on the reference host (the paper's figure)", () => {
    const { started, failed } = run(constant([{ name: "i7", memory: 16e9, vnfs: 50 }]));
    expect(failed).toEqual([]);
    expect(started).toHaveLength(50);
    expect(started[0]?.[0]).toBeCloseTo(0.2, 12);
    expect(started[49]?.[0]).toBeCloseTo(10, 9);
  });

  it("runs `parallel` operations at once and scales durations by the host's CPU speed", () => {
    const { started } = run(constant([{ name: "edge", memory: 1e9, vnfs: 8, parallel: 4, cpuSpeed: 0.5 }]));
    expect(started.map(([t]) => Number(t.toFixed(9)))).toEqual([0.4, 0.4, 0.4, 0.4, 0.8, 0.8, 0.8, 0.8]);
  });

  it("treats memory as a hard limit: starts that do not fit fail with a clear reason", () => {
    const { started, failed } = run(constant([{ name: "router", memory: 10e6, vnfs: 6 }]));
    expect(started).toHaveLength(4);
    expect(failed).toEqual([
      "router/vnf-5: out of memory: needs 2210000 bytes, 1160000 free on router",
      "router/vnf-6: out of memory: needs 2210000 bytes, 1160000 free on router",
    ]);
  });

  it("starts a batch at its request time", () => {
    const { started } = run(constant([{ name: "late", memory: 1e9, vnfs: 1, at: 30 }]));
    expect(started[0]?.[0]).toBeCloseTo(30.2, 12);
  });

  it("draws lognormal durations deterministically per host stream", () => {
    const config = instantiationSchema.parse({
      hosts: [
        { name: "a", memory: 1e9, vnfs: 3 },
        { name: "b", memory: 1e9, vnfs: 3 },
      ],
    });
    const first = run(config, 5).started;
    expect(run(config, 5).started).toEqual(first);
    const onlyA = run(instantiationSchema.parse({ hosts: [{ name: "a", memory: 1e9, vnfs: 3 }] }), 5).started;
    expect(onlyA).toEqual(first.filter(([, vnf]) => vnf.startsWith("a/")));
  });
});
