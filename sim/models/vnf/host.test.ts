import { describe, expect, it } from "vitest";
import { Environment } from "../../engine/environment.ts";
import { RngStreams } from "../../engine/rng.ts";
import { loadCalibration } from "../calibration/profile.ts";
import { catalogCapacities, loadDeviceCatalog } from "../devices/index.ts";
import { VNF_CATALOG, vnfCatalog, vnfOverridesSchema } from "./catalog.ts";
import { VnfHost } from "./host.ts";

const capacities = catalogCapacities(loadDeviceCatalog());
const calibration = loadCalibration();
const wire = VNF_CATALOG["wire"]!;

function host(id: string, seed = 1): { env: Environment; h: VnfHost } {
  const env = new Environment();
  return { env, h: new VnfHost(env, capacities.get(id)!, calibration, new RngStreams(seed).stream("vnf/test-host")) };
}

/** Starts n wire vNFs one after another; returns the time the last one was ready. */
function sequential(id: string, n: number, seed = 1): number {
  const { env, h } = host(id, seed);
  env.process(function* () {
    for (let i = 0; i < n; i++) yield h.start(`v${i}`, wire);
  });
  env.run();
  return env.now;
}

describe("container vNF lifecycle", () => {
  it("creates and starts 50 container vNFs in about 10 s on the i7 server (the paper)", () => {
    const t = sequential("nfvi-i7", 50);
    expect(t).toBeGreaterThan(9);
    expect(t).toBeLessThan(11);
    expect(t).toBe(sequential("nfvi-i7", 50));
  });

  it("is slower on an ARM v7 home router by the per-core speed ratio", () => {
    const i7 = sequential("nfvi-i7", 20, 3);
    const archer = sequential("tp-link-archer-c9", 20, 3);
    const pull = (wire.imageBytes * 8) / calibration.imagePullBandwidthBps;
    const ratio = 1 / capacities.get("tp-link-archer-c9")!.perCoreSpeed;
    expect((archer - pull) / (i7 - pull)).toBeCloseTo(ratio, 9);
  });

  it("pulls an image once per host (cache), and memory is a hard limit", () => {
    const { env, h } = host("tp-link-archer-c9");
    const pulled: string[] = [];
    const failed: string[] = [];
    h.vnfPulled.subscribe((r) => pulled.push(r.vnf));
    h.vnfFailed.subscribe((r) => failed.push(`${r.vnf}: ${r.reason}`));
    const big = { ...wire, idleMemoryBytes: 30e6 };
    env.process(function* () {
      for (let i = 0; i < 3; i++) yield h.start(`v${i}`, big);
    });
    env.run();
    expect(pulled).toEqual(["v0"]);
    expect(failed).toEqual([`v2: out of memory: needs 30000000 bytes, ${64 * 1024 * 1024 - 60e6} free on tp-link-archer-c9`]);
    expect(h.running).toBe(2);
  });

  it("stop frees memory; CPU load follows packet rate × CPU per packet", () => {
    const { env, h } = host("nfvi-i7");
    env.process(function* () {
      yield h.start("ids-1", VNF_CATALOG["ids"]!);
      h.setPacketRate("ids-1", 50_000);
      expect(h.cpuDemand()).toBeCloseTo(1, 12);
      expect(h.load.cpuUtilisation).toBeCloseTo(0.25, 12);
      yield h.stop("ids-1");
    });
    env.run();
    expect(h.running).toBe(0);
    expect(h.load.memoryUsedBytes).toBe(0);
    expect(h.load.cpuUtilisation).toBe(0);
  });

  it("the catalog has the eight vNF types and accepts overrides", () => {
    expect(Object.keys(VNF_CATALOG)).toEqual(["wire", "firewall", "rate-limiter", "http-filter", "ddos-dropper", "monitoring", "troubleshooting", "ids"]);
    expect(vnfCatalog({ ids: { idleMemoryBytes: 8e6 } })["ids"]?.idleMemoryBytes).toBe(8e6);
    expect(vnfOverridesSchema.safeParse({ nat: {} }).success).toBe(false);
  });
});
