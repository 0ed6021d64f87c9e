import { describe, expect, it } from "vitest";
import { Environment } from "../../engine/environment.ts";
import { RngStreams } from "../../../base/rng.ts";
import { loadDeviceCapacities } from "../../../topologies/devices/index.ts";
import { ContainerBatchModel } from "./batch-start.ts";
import { instantiationSchema } from "./config.ts";

function run(hosts: unknown[], seed = 1) {
  const env = new Environment();
  const model = new ContainerBatchModel(env, instantiationSchema.parse({ hosts }), new RngStreams(seed), loadDeviceCapacities());
  const started: [number, string][] = [];
  const failed: string[] = [];
  for (const h of model.hosts) {
    h.vnfStarted.subscribe((r) => started.push([r.time, r.vnf]));
    h.vnfFailed.subscribe((r) => failed.push(`${r.vnf}: ${r.reason}`));
  }
  model.start();
  env.run();
  return { env, started, failed };
}

describe("ContainerBatchModel (the paper's instantiation experiment)", () => {
  it("creates and starts 50 container vNFs in about 10 s on the i7 server (the paper's figure; one after another is an assumption)", () => {
    const { started, failed } = run([{ name: "i7", device: "nfvi-i7", vnfs: 50 }]);
    expect(failed).toEqual([]);
    expect(started).toHaveLength(50);
    expect(started[49]?.[0]).toBeCloseTo(10.29623, 5);
  });

  it("runs `parallel` operations at once", () => {
    const sequential = run([{ name: "i7", device: "nfvi-i7", vnfs: 40 }]).env.now;
    const parallel = run([{ name: "i7", device: "nfvi-i7", vnfs: 40, parallel: 4 }]).env.now;
    expect(parallel).toBeLessThan(sequential / 3);
  });

  it("fails the starts that do not fit in the home router's memory, with the reason", () => {
    const { started, failed } = run([{ name: "router", device: "tp-link-archer-c9", vnfs: 32 }]);
    expect(started).toHaveLength(30);
    expect(failed).toEqual([
      `router/vnf-31: out of memory: needs 2210000 bytes, ${64 * 1024 * 1024 - 30 * 2210000} free on router`,
      `router/vnf-32: out of memory: needs 2210000 bytes, ${64 * 1024 * 1024 - 30 * 2210000} free on router`,
    ]);
  });

  it("starts a batch at its request time, and hosts draw from their own streams", () => {
    const late = run([{ name: "late", device: "nfvi-i7", vnfs: 1, at: 30 }]).started[0]?.[0] ?? 0;
    expect(late).toBeGreaterThan(30);
    const both = run([{ name: "a", device: "nfvi-i7", vnfs: 3 }, { name: "b", device: "nfvi-i7", vnfs: 3 }], 5).started;
    const onlyA = run([{ name: "a", device: "nfvi-i7", vnfs: 3 }], 5).started;
    expect(both.filter(([, v]) => v.startsWith("a/"))).toEqual(onlyA);
  });

  it("names an unknown device", () => {
    expect(() => run([{ name: "x", device: "toaster", vnfs: 1 }])).toThrow('instantiation.hosts[0].device: unknown device "toaster"');
  });
});
