import { describe, expect, it } from "vitest";
import { Environment } from "../../engine/environment.ts";
import { RngStreams } from "../../../base/rng.ts";
import { loadCalibration } from "../calibration/profile.ts";
import { catalogCapacities, loadDeviceCatalog } from "../../../topologies/devices/index.ts";
import { VNF_CATALOG } from "../../../deployment/vnfs/catalog.ts";
import { VnfHost, type VnfHostOptions } from "./host.ts";
import type { VnfType } from "../../../deployment/vnfs/types.ts";

const capacities = catalogCapacities(loadDeviceCatalog());
const calibration = loadCalibration();
const { wire, firewall, ids } = VNF_CATALOG;

function host(id: string, seed = 1, parallel = 1, options: VnfHostOptions = {}) {
  const env = new Environment();
  const h = new VnfHost(env, capacities.get(id)!, calibration, new RngStreams(seed).stream("vnf/test-host"), parallel, options);
  const events: string[] = [];
  const at = (t: number) => t.toFixed(6);
  h.vnfPulled.subscribe((r) => events.push(`${at(r.time)} pulled ${r.vnf}`));
  h.vnfCreated.subscribe((r) => events.push(`${at(r.time)} created ${r.vnf}`));
  h.vnfStarted.subscribe((r) => events.push(`${at(r.time)} started ${r.vnf}`));
  h.vnfStopped.subscribe((r) => events.push(`${at(r.time)} stopped ${r.vnf}`));
  h.vnfRemoved.subscribe((r) => events.push(`${at(r.time)} removed ${r.vnf}`));
  h.vnfFailed.subscribe((r) => events.push(`${at(r.time)} failed ${r.vnf}: ${r.reason}`));
  return { env, h, events };
}

/** Starts n vNFs of `type` one after another; returns the time the last one was ready, s. */
function sequential(id: string, n: number, seed = 1, type: VnfType = wire): number {
  const { env, h } = host(id, seed);
  env.process(function* () {
    for (let i = 0; i < n; i++) yield h.start(`v${i}`, type);
  });
  env.run();
  return env.now;
}

describe("container vNF lifecycle", () => {
  it("creates and starts 50 container vNFs in ≈10 s on the i7 host (the paper's figure; one after another is an assumption, default.yaml)", () => {
    // 2 MB image at 100 Mbit/s (0.16 s) + 50 × (0.12 s + 0.08 s) lognormal draws.
    expect(sequential("nfvi-i7", 50)).toBeCloseTo(10.036666037593369, 9);
    expect(sequential("nfvi-i7", 50, 4)).toBeCloseTo(9.854724220172528, 9);
  });

  it("runs one lifecycle operation per core at once: 4 cores start 50 vNFs ≈4 × faster (0.16 s + 10 s / 4)", () => {
    const { env, h } = host("nfvi-i7", 1, 4);
    for (let i = 0; i < 50; i++) h.start(`v${i}`, wire);
    env.run();
    expect(h.running).toBe(50);
    expect(env.now).toBeCloseTo(2.701352707086936, 9);
  });

  it("is slower on the ARM v7 home router by the per-core capacity factor", () => {
    const i7 = sequential("nfvi-i7", 20, 3);
    const archer = sequential("tp-link-archer-c9", 20, 3);
    const pull = (wire.imageBytes * 8) / calibration.imagePullBandwidthBps;
    // Archer C9: 1 GHz × 0.55 (ARM v7) / 3.4 GHz = 0.1618 of an i7 core.
    expect(capacities.get("tp-link-archer-c9")!.perCoreSpeed).toBeCloseTo(0.55 / 3.4, 12);
    expect((archer - pull) / (i7 - pull)).toBeCloseTo(3.4 / 0.55, 9);
  });

  it("memory is a hard limit: the start that does not fit fails with the reason, the others run", () => {
    const { env, h, events } = host("tp-link-archer-c9");
    const memory: number[] = [];
    h.memoryUsed.subscribe((r) => memory.push(r.usedBytes));
    for (let i = 0; i < 31; i++) h.start(`v${i}`, wire);
    env.run();
    // 64 MiB for vNFs (half of 128 MiB) holds 30 × 2.21 MB.
    expect(events.filter((e) => e.includes("failed"))).toEqual(["0.000000 failed v30: out of memory: needs 2210000 bytes, 808864 free on tp-link-archer-c9"]);
    expect(events.filter((e) => e.includes("started"))).toHaveLength(30);
    expect(h.running).toBe(30);
    expect(h.freeMemoryBytes).toBe(808864);
    expect(memory).toHaveLength(30);
    expect(memory[29]).toBe(30 * 2_210_000);
  });

  it("pulls an image once per host: the second start hits the cache, a concurrent one waits for the pull", () => {
    const { env, h, events } = host("nfvi-i7", 1, 2);
    h.start("fw-1", firewall);
    h.start("fw-2", firewall);
    env.process(function* () {
      yield env.timeout(5);
      expect(h.hasImage("firewall")).toBe(true);
      yield h.start("fw-3", firewall);
    });
    env.run();
    // 12 MB at 100 Mbit/s = 0.96 s, once.
    expect(events).toEqual([
      "0.960000 pulled fw-1",
      "1.092024 created fw-1",
      "1.098298 created fw-2",
      "1.154572 started fw-1",
      "1.171800 started fw-2",
      "5.101108 created fw-3",
      "5.181808 started fw-3",
    ]);
  });

  it("skips the pull for images the host already has", () => {
    const cached = host("nfvi-i7", 1, 1, { cachedImages: ["ids"] });
    cached.h.start("ids-1", ids);
    cached.env.run();
    expect(cached.events.some((e) => e.includes("pulled"))).toBe(false);
    const slowLink = host("nfvi-i7", 1, 1, { imagePullBandwidthBps: 8e6 });
    slowLink.h.start("ids-1", ids);
    slowLink.env.run();
    expect(slowLink.events[0]).toBe("20.000000 pulled ids-1");
  });

  it("stop waits for a start in progress, frees memory, then removes; stopping an unknown vNF fails", () => {
    const { env, h, events } = host("nfvi-i7");
    h.start("w", wire);
    h.stop("w");
    h.stop("ghost");
    env.run();
    expect(events).toEqual([
      "0.000000 failed ghost: no vNF ghost on nfvi-i7",
      "0.160000 pulled w",
      "0.292024 created w",
      "0.384223 started w",
      "0.423315 stopped w",
      "0.450879 removed w",
    ]);
    expect(h.running).toBe(0);
    expect(h.load.memoryUsedBytes).toBe(0);
  });

  it("CPU load = packet rate × CPU per packet; a host asked for more than its capacity is overloaded", () => {
    const i7 = host("nfvi-i7");
    const archer = host("tp-link-archer-c9");
    const loads: string[] = [];
    for (const { h } of [i7, archer]) h.cpuLoad.subscribe((r) => loads.push(`${r.host} ${r.demandCores.toFixed(3)} ${r.utilisation.toFixed(3)} ${r.overloaded}`));
    for (const { env, h } of [i7, archer]) {
      env.process(function* () {
        yield h.start("ids-1", ids);
        h.setPacketRate("ids-1", 50_000); // 50 kpacket/s × 20 µs = 1 reference core
        yield env.timeout(10);
        h.setPacketRate("ids-1", 5_000);
        yield env.timeout(10);
        yield h.stop("ids-1");
      });
      env.run();
    }
    expect(loads).toEqual([
      "nfvi-i7 1.000 0.250 false",
      "nfvi-i7 0.100 0.025 false",
      "nfvi-i7 0.000 0.000 false",
      "tp-link-archer-c9 1.000 1.000 true",
      "tp-link-archer-c9 0.100 0.309 false",
      "tp-link-archer-c9 0.000 0.000 false",
    ]);
    expect(() => i7.h.setPacketRate("ghost", 1)).toThrow("no vNF ghost on nfvi-i7");
  });

  it("the time-averaged CPU utilisation follows the load over time", () => {
    const { env, h } = host("nfvi-i7");
    let ready = 0;
    env.process(function* () {
      yield h.start("ids-1", ids);
      ready = env.now;
      h.setPacketRate("ids-1", 100_000); // 2 reference cores = 50% of 4
      yield env.timeout(10);
      h.setPacketRate("ids-1", 0);
      yield env.timeout(10);
    });
    env.run();
    expect(h.load.averages(env.now).cpu).toBeCloseTo((0.5 * 10) / env.now, 12);
    expect(env.now).toBeCloseTo(ready + 20, 12);
  });

  it("is deterministic: the same seed gives the same trace, another seed another", () => {
    const run = (seed: number) => {
      const { env, h, events } = host("netgear-r7500", seed, 2);
      for (let i = 0; i < 10; i++) h.start(`v${i}`, i % 2 === 0 ? wire : firewall);
      env.run();
      return events;
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });
});
