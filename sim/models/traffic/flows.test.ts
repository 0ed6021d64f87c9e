import { describe, expect, it } from "vitest";
import { Environment } from "../../engine/environment.ts";
import { RandomStream } from "../../../base/rng.ts";
import { flowSchema, trafficSchema } from "../../../deployment/traffic/flow-config.ts";
import { activeFraction, meanBitRate, meanPacketRate, packetArrivals, peakPacketRate, rateChanges } from "./flows.ts";
import type { Flow } from "../../../deployment/traffic/flow-config.ts";

function arrivals(flow: Flow, seed: string, until: number): number[] {
  const env = new Environment();
  const times: number[] = [];
  packetArrivals(env, flow, new RandomStream(seed), until, (t) => times.push(t));
  env.run();
  return times;
}

describe("Poisson flows", () => {
  const flow = flowSchema.parse({ kind: "poisson", packetsPerSecond: 50 });
  const times = arrivals(flow, "poisson-flow", 2000);

  it("counts per second have mean ≈ variance ≈ λ", () => {
    const counts = new Array<number>(2000).fill(0);
    for (const t of times) counts[Math.floor(t)]!++;
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const variance = counts.reduce((a, c) => a + (c - mean) ** 2, 0) / (counts.length - 1);
    expect(times.length).toBe(100008);
    expect(variance).toBeCloseTo(49.36966883441725, 9);
    expect(Math.abs(mean - 50)).toBeLessThan(3 * Math.sqrt(50 / 2000));
    expect(Math.abs(variance / 50 - 1)).toBeLessThan(0.1);
  });

  it("inter-arrival times are exponential with mean 1/λ (Kolmogorov–Smirnov at 5%)", () => {
    const gaps = times.map((t, i) => t - (i === 0 ? 0 : (times[i - 1] as number))).sort((a, b) => a - b);
    const n = gaps.length;
    let d = 0;
    gaps.forEach((g, i) => {
      const cdf = 1 - Math.exp(-50 * g);
      d = Math.max(d, Math.abs(cdf - i / n), Math.abs(cdf - (i + 1) / n));
    });
    const mean = gaps.reduce((a, b) => a + b, 0) / n;
    expect(d).toBeCloseTo(0.002278374137140271, 12);
    expect(d).toBeLessThan(1.358 / Math.sqrt(n));
    expect(Math.abs(mean * 50 - 1)).toBeLessThan(0.01);
  });

  it("accepts its rate in bit/s as well", () => {
    const inBits = flowSchema.parse({ kind: "poisson", rateBps: 400_000, packetBytes: 1000 });
    expect(meanPacketRate(inBits)).toBe(50);
    expect(arrivals(inBits, "poisson-flow", 10)).toEqual(arrivals(flow, "poisson-flow", 10));
  });
});

describe("CBR and on/off flows", () => {
  it("CBR packets are evenly spaced at packet bits / rate", () => {
    const cbr = flowSchema.parse({ kind: "cbr", rateBps: 8e6, packetBytes: 1000 });
    expect(meanPacketRate(cbr)).toBe(1000);
    const times = arrivals(cbr, "cbr", 0.0055);
    expect(times.map((t) => Math.round(t * 1e9))).toEqual([1e6, 2e6, 3e6, 4e6, 5e6]);
    const inPackets = flowSchema.parse({ kind: "cbr", packetsPerSecond: 1000, packetBytes: 1000 });
    expect(meanBitRate(inPackets)).toBe(8e6);
  });

  /** Flow level: seconds the flow was on during [0, until), and the number of on periods. */
  function onTime(flow: Flow, seed: string, until: number): { onS: number; periods: number } {
    const env = new Environment();
    let onS = 0;
    let periods = 0;
    let since = 0;
    rateChanges(env, flow, new RandomStream(seed), until, (t, bps) => {
      if (bps > 0) {
        since = t;
        periods++;
      } else onS += t - since;
    });
    env.run();
    return { onS, periods };
  }

  it("on/off mean rate = on rate × on / (on + off), with exponential or Pareto periods", () => {
    const exp = flowSchema.parse({ kind: "on-off", onRateBps: 8e6, meanOnS: 1, meanOffS: 3, packetBytes: 1000 });
    expect(peakPacketRate(exp)).toBe(1000);
    expect(activeFraction(exp)).toBe(0.25);
    expect(meanBitRate(exp)).toBe(2e6);
    const pareto = flowSchema.parse({ kind: "on-off", onPacketsPerSecond: 1000, meanOnS: "1 s", meanOffS: "3 s", periods: "pareto", paretoShape: 2.5 });
    expect(meanPacketRate(pareto)).toBe(250);
    // ≈25,000 on/off cycles: the on fraction is within 3% of 1/4.
    const expOn = onTime(exp, "onoff", 100_000);
    const paretoOn = onTime(pareto, "onoff", 100_000);
    expect(expOn.onS).toBeCloseTo(24718.834087202762, 6);
    expect(paretoOn.onS).toBeCloseTo(24823.830967644015, 6);
    expect(Math.abs(expOn.onS / 100_000 / 0.25 - 1)).toBeLessThan(0.03);
    expect(Math.abs(paretoOn.onS / 100_000 / 0.25 - 1)).toBeLessThan(0.03);
  });

  it("on/off packets: CBR within the on periods of the flow level (same seed, same periods)", () => {
    for (const periods of ["exponential", "pareto"] as const) {
      const flow = flowSchema.parse({ kind: "on-off", onPacketsPerSecond: 1000, meanOnS: 1, meanOffS: 3, periods });
      const packets = arrivals(flow, "onoff-packets", 400).length;
      const on = onTime(flow, "onoff-packets", 400);
      // Each on period of length T carries floor(T × 1000) packets (the last one may be cut at 400 s).
      expect(Math.abs(packets - on.onS * 1000)).toBeLessThanOrEqual(on.periods);
      expect(packets).toBe(periods === "exponential" ? 113918 : 105054);
    }
  });

  it("flow level: on/off switches its rate, CBR sets it once", () => {
    const env = new Environment();
    const changes: string[] = [];
    const onOff = flowSchema.parse({ kind: "on-off", onRateBps: 1e6, meanOnS: 1, meanOffS: 1 });
    rateChanges(env, onOff, new RandomStream("rates"), 10, (t, bps) => changes.push(`${t.toFixed(4)} ${bps}`));
    rateChanges(env, flowSchema.parse({ kind: "cbr", rateBps: 5e5 }), new RandomStream("unused"), 10, (t, bps) => changes.push(`cbr ${t} ${bps}`));
    env.run();
    expect(changes).toEqual(["0.0000 1000000", "cbr 0 500000", "4.6329 0", "5.4648 1000000", "8.9126 0"]);
    expect(env.now).toBe(10);
  });
});

describe("traffic config", () => {
  it("fills defaults and needs exactly one rate", () => {
    expect(flowSchema.parse({ kind: "cbr", rateBps: 1e6 })).toEqual({ kind: "cbr", rateBps: 1e6, packetBytes: 1000, destination: "internet", headers: {}, startS: 0 });
    expect(trafficSchema.parse(undefined)).toEqual([]);
    const both = flowSchema.safeParse({ kind: "cbr", rateBps: 1e6, packetsPerSecond: 10 });
    expect(both.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual(["packetsPerSecond: expected exactly one of rateBps (bit/s) or packetsPerSecond (packets/s) (rateBps is given too)"]);
    const neither = flowSchema.safeParse({ kind: "on-off", meanOnS: 1, meanOffS: 1 });
    expect(neither.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual(["onRateBps: expected exactly one of onRateBps (bit/s) or onPacketsPerSecond (packets/s) (neither is given)"]);
    expect(flowSchema.safeParse({ kind: "on-off", onRateBps: 1, meanOnS: 1, meanOffS: 1, paretoShape: 1 }).success).toBe(false);
    expect(flowSchema.safeParse({ kind: "cbr", rateBps: 1, packetBytes: 10 }).success).toBe(false);
    expect(flowSchema.safeParse({ kind: "cbr", rateBps: 1, burst: 10 }).success).toBe(false);
    expect(flowSchema.safeParse({ kind: "vbr", rateBps: 1 }).success).toBe(false);
    expect(flowSchema.safeParse({ kind: "cbr", rateBps: 1, startS: 10, stopS: 5 }).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual(["stopS: expected stopS after startS (10 s), found 5 s"]);
  });
});
