import { describe, expect, it } from "vitest";
import { Environment } from "../../engine/environment.ts";
import { Resource } from "../../engine/resources/resource.ts";
import { RandomStream } from "../../engine/rng.ts";
import { confidenceInterval95 } from "../../engine/stats/confidence.ts";
import { PathFinder } from "../../../topologies/paths.ts";
import type { Topology } from "../../../topologies/types.ts";
import { CoreUtilisation, flowLatency, flowSchema, meanBitRate, meanPacketRate, packetArrivals, queueDelay } from "./index.ts";

/** Packet-level single-server queue; returns mean sojourn per batch (for a CI over batches). */
function simulateQueue(lambda: number, mu: number, deterministic: boolean, seed: string): number[] {
  const env = new Environment();
  const rng = new RandomStream(seed);
  const server = new Resource(env, 1);
  const sojourns: number[] = [];
  env.process(function* () {
    for (let i = 0; i < 60_000; i++) {
      yield env.timeout(rng.exponential(1 / lambda));
      const arrived = env.now;
      env.process(function* () {
        const req = server.request();
        yield req;
        yield env.timeout(deterministic ? 1 / mu : rng.exponential(1 / mu));
        server.release(req);
        sojourns.push(env.now - arrived);
      });
    }
  });
  env.run();
  const warm = sojourns.slice(5000);
  const batches: number[] = [];
  for (let b = 0; b < 10; b++) {
    const part = warm.slice((b * warm.length) / 10, ((b + 1) * warm.length) / 10);
    batches.push(part.reduce((x, y) => x + y, 0) / part.length);
  }
  return batches;
}

describe("queueing", () => {
  it("M/M/1 mean delay of a packet-level simulation is within the 95% CI of 1/(μ − λ)", () => {
    const ci = confidenceInterval95(simulateQueue(700, 1000, false, "mm1"));
    const closed = queueDelay("mm1", 700, 1000);
    expect(closed.overloaded).toBe(false);
    const w = closed.overloaded ? NaN : closed.sojournS;
    expect(w).toBeCloseTo(1 / 300, 12);
    expect(w).toBeGreaterThan(ci.low);
    expect(w).toBeLessThan(ci.high);
  });

  it("M/D/1 mean delay matches 1/μ + ρ/(2μ(1 − ρ))", () => {
    const ci = confidenceInterval95(simulateQueue(700, 1000, true, "a"));
    const closed = queueDelay("md1", 700, 1000);
    const w = closed.overloaded ? NaN : closed.sojournS;
    expect(w).toBeCloseTo(0.001 + 0.7 / (2 * 1000 * 0.3), 12);
    expect(w).toBeGreaterThan(ci.low);
    expect(w).toBeLessThan(ci.high);
  });

  it("reports overload instead of an infinite delay", () => {
    expect(queueDelay("mm1", 1000, 1000)).toEqual({ overloaded: true, utilisation: 1 });
  });
});

describe("flows", () => {
  it("Poisson arrivals: counts per second have mean ≈ variance ≈ λ", () => {
    const env = new Environment();
    const counts = new Array<number>(2000).fill(0);
    packetArrivals(env, flowSchema.parse({ kind: "poisson", packetsPerSecond: 50 }), new RandomStream("poisson-flow"), 2000, (t) => {
      counts[Math.floor(t)]!++;
    });
    env.run();
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const variance = counts.reduce((a, c) => a + (c - mean) ** 2, 0) / (counts.length - 1);
    expect(Math.abs(mean - 50)).toBeLessThan(5 * Math.sqrt(50 / 2000));
    expect(Math.abs(variance / 50 - 1)).toBeLessThan(0.1);
  });

  it("mean rates of CBR and on/off flows", () => {
    expect(meanPacketRate(flowSchema.parse({ kind: "cbr", rateBps: 8e6, packetBytes: 1000 }))).toBe(1000);
    const onOff = flowSchema.parse({ kind: "on-off", onRateBps: 8e6, meanOnS: 1, meanOffS: 3, packetBytes: 1000 });
    expect(meanBitRate(onOff)).toBe(2e6);
    const env = new Environment();
    let packets = 0;
    packetArrivals(env, onOff, new RandomStream("onoff"), 4000, () => packets++);
    env.run();
    expect(Math.abs(packets / 4000 / 250 - 1)).toBeLessThan(0.08);
  });
});

// A UE at home router h1; cabinet; metro; core; NFVI and internet behind the core.
const topo: Topology = {
  name: "line",
  nodes: ["h1", "cab", "metro", "core", "nfvi", "internet"].map((id) => ({ id, role: "router" as const })),
  links: [
    { id: "a", a: "h1", b: "cab", delayS: 0.0005, bandwidthBps: 1e9 },
    { id: "b", a: "cab", b: "metro", delayS: 0.001, bandwidthBps: 1e9 },
    { id: "c", a: "metro", b: "core", delayS: 0.001, bandwidthBps: 1e10, core: true },
    { id: "d", a: "core", b: "nfvi", delayS: 0.002, bandwidthBps: 1e10, core: true },
    { id: "e", a: "core", b: "internet", delayS: 0.01, bandwidthBps: 1e10, core: true },
  ],
};

describe("flow latency through a chain", () => {
  const paths = new PathFinder(topo);
  const stage = (host: string) => ({ host, perCoreSpeed: 0.5, cpuPerPacketS: 1e-5, processingDelayS: 2e-5, packetRate: 40_000 });

  it("adds the detour to the chain's hosts, processing and queueing", () => {
    const atEdge = flowLatency(paths, "h1", "internet", [stage("h1")], "mm1");
    const atNfvi = flowLatency(paths, "h1", "internet", [stage("nfvi")], "mm1");
    if (atEdge.overloaded || atNfvi.overloaded) throw new Error("unexpected overload");
    expect(atEdge.propagationS).toBeCloseTo(0.0125, 12);
    expect(atNfvi.propagationS).toBeCloseTo(0.0045 + 0.012, 12);
    expect(atEdge.processingS).toBeCloseTo(4e-5, 12);
    // μ = 0.5 / 1e-5 = 50,000 pkt/s, λ = 40,000: Wq = 0.8 / 10,000 = 80 µs.
    expect(atEdge.queueingS).toBeCloseTo(8e-5, 12);
    expect(atNfvi.latencyS - atEdge.latencyS).toBeCloseTo(0.004, 12);
  });

  it("names the overloaded host", () => {
    const result = flowLatency(paths, "h1", "internet", [{ ...stage("h1"), packetRate: 60_000 }], "md1");
    expect(result).toMatchObject({ overloaded: true, overloadedHost: "h1" });
    expect(result.overloaded && result.utilisation).toBeCloseTo(1.2, 12);
  });
});

describe("core utilisation", () => {
  it("counts only core links, and nothing for traffic dropped at the edge", () => {
    const paths = new PathFinder(topo);
    const withoutMitigation = new CoreUtilisation(topo, paths);
    withoutMitigation.addRate(0, "h1", "internet", 80e6);
    expect(withoutMitigation.coreLinksOn("h1", "internet")).toEqual(["c", "e"]);
    expect(withoutMitigation.totalBytes(10)).toBe(2 * 80e6 * 10 / 8);
    const edgeDrop = new CoreUtilisation(topo, paths);
    edgeDrop.addRate(0, "h1", "h1", 80e6);
    expect(edgeDrop.totalBytes(10)).toBe(0);
    const centralDrop = new CoreUtilisation(topo, paths);
    centralDrop.addRate(0, "h1", "nfvi", 80e6);
    expect(centralDrop.totalBytes(10)).toBe(2 * 80e6 * 10 / 8);
  });
});
