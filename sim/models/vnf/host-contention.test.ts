import { describe, expect, it } from "vitest";
import { Environment } from "../../engine/environment.ts";
import { RngStreams } from "../../../base/rng.ts";
import { calibrationSchema, type Calibration } from "../calibration/profile.ts";
import type { DeviceCapacity } from "../../../topologies/devices/capacity.ts";
import { VNF_CATALOG } from "../../../deployment/vnfs/catalog.ts";
import { VnfHost } from "./host.ts";

/** A profile with deterministic steps (cv 0): create 0.3 s, start 0.1 s, all of it CPU work, or split as given. */
function profile(cpuShare: number, runtimeShare = 0, cpuParallelism = 1): Calibration {
  const step = (mean: number) => ({ mean, cv: 0, cpuShare, cpuParallelism, runtimeShare });
  return calibrationSchema.parse({ create: step(0.3), start: step(0.1), stop: step(0.05), remove: step(0.05), imagePullBandwidthBps: 1e12 });
}

function host(cores: number): DeviceCapacity {
  return { id: `lab-${cores}`, cores, perCoreSpeed: 1, cpuCapacity: cores, memoryBytes: 2 ** 34, vnfMemoryBytes: 2 ** 33, assumed: [] };
}

/** Seconds until `n` vNFs are running, started `parallel` at a time on a host of `cores` cores. */
function batch(n: number, parallel: number, cores: number, calibration: Calibration): number {
  const env = new Environment();
  const h = new VnfHost(env, host(cores), calibration, new RngStreams(1).stream("vnf/contention"), parallel, { cachedImages: ["wire"] });
  let last = 0;
  h.vnfStarted.subscribe((r) => (last = Math.max(last, r.time)));
  for (let i = 0; i < n; i++) h.start(`v${i}`, VNF_CATALOG.wire);
  env.run();
  return last;
}

describe("lifecycle contention: parallel starts share the host's cores and its container runtime", () => {
  it("sequential starts take the profile's means, whatever the shares", () => {
    for (const share of [0, 0.5, 1]) expect(batch(8, 1, 2, profile(share))).toBeCloseTo(8 * 0.4, 9);
  });

  it("CPU-bound starts speed up only up to the core count (2 cores: ×2 at any parallelism ≥ 2)", () => {
    const cpuBound = profile(1);
    expect(batch(8, 2, 2, cpuBound)).toBeCloseTo(1.6, 9);
    expect(batch(8, 4, 2, cpuBound)).toBeCloseTo(1.6, 9);
    expect(batch(8, 8, 2, cpuBound)).toBeCloseTo(1.6, 9);
    expect(batch(8, 4, 4, cpuBound)).toBeCloseTo(0.8, 9);
  });

  it("a step whose CPU work keeps 1.5 cores busy alone: sequential at the profile's means, two at once 1.5 × as long each, and 2 cores' worth of throughput at any parallelism ≥ 2", () => {
    const multiThreaded = profile(1, 0, 1.5);
    expect(batch(8, 1, 2, multiThreaded)).toBeCloseTo(8 * 0.4, 9);
    // two at a time: each gets 1 core of the 1.5 it could use → 0.6 s per pair of starts
    expect(batch(8, 2, 2, multiThreaded)).toBeCloseTo(4 * 0.6, 9);
    // the work is 0.4 × 1.5 = 0.6 core-s per vNF: 8 × 0.6 / 2 cores once both are always busy
    expect(batch(8, 8, 2, multiThreaded)).toBeCloseTo((8 * 0.6) / 2, 9);
    // a 1-core host cannot run the 1.5 cores' worth in parallel: 1.5 × the means even alone
    expect(batch(2, 1, 1, multiThreaded)).toBeCloseTo(2 * 0.4 * 1.5, 9);
  });

  it("without contention, parallel starts overlap fully (the old model's 0.42 s for 50 on the i7)", () => {
    expect(batch(8, 4, 2, profile(0))).toBeCloseTo(0.8, 9);
  });

  it("a step serialised in the runtime caps the speed-up at one step at a time", () => {
    // all of create and start in the runtime lock: 8 × 0.4 s whatever the parallelism or cores
    expect(batch(8, 4, 4, profile(0, 1))).toBeCloseTo(3.2, 9);
    // half delay, half runtime: the runtime is the bottleneck (8 × 0.2 s of it) once the first create delay (0.15 s) is over
    expect(batch(8, 8, 4, profile(0, 0.5))).toBeCloseTo(0.15 + 8 * 0.2, 9);
  });

  it("rejects shares that add up to more than 1", () => {
    expect(() => profile(0.7, 0.5)).toThrow(/cpuShare \+ runtimeShare/);
  });
});
