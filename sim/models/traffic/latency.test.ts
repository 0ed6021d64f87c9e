import { describe, expect, it } from "vitest";
import { PathFinder } from "../../../topologies/paths.ts";
import { catalogCapacities, loadDeviceCatalog } from "../../../topologies/devices/index.ts";
import { RandomStream } from "../../../base/rng.ts";
import { VNF_CATALOG } from "../../../deployment/vnfs/catalog.ts";
import { drawFlowLatency, flowLatency, type ChainStage } from "./latency.ts";
import { LINE_TOPOLOGY } from "./test-topology.ts";

const paths = new PathFinder(LINE_TOPOLOGY);
const stage = (host: string, packetRate = 40_000): ChainStage => ({ host, perCoreSpeed: 0.5, cpuPerPacketS: 1e-5, processingDelayS: 2e-5, packetRate });
const MM1 = { queueModel: "mm1", bufferPackets: 1000 } as const;
const MD1 = { queueModel: "md1", bufferPackets: 1000 } as const;

describe("flow latency through a vNF chain", () => {
  it("without vNFs: the path delay to the destination", () => {
    expect(flowLatency(paths, "h1", "internet", [], MM1)).toEqual({
      latencyS: 0.0125,
      chainLatencyS: 0,
      propagationS: 0.0125,
      chainPropagationS: 0,
      processingS: 0,
      queueingS: 0,
      deliveredFraction: 1,
      overloaded: false,
      utilisation: 0,
      stages: [],
    });
  });

  it("adds the detour to the chain's hosts, processing and queueing", () => {
    const atEdge = flowLatency(paths, "h1", "internet", [stage("h1")], MM1);
    const atNfvi = flowLatency(paths, "h1", "internet", [stage("nfvi")], MM1);
    expect(atEdge.propagationS).toBeCloseTo(0.0125, 15);
    expect(atNfvi.propagationS).toBeCloseTo(0.0045 + 0.012, 15);
    expect(atEdge.chainPropagationS).toBe(0);
    expect(atNfvi.chainPropagationS).toBeCloseTo(0.0045, 15);
    expect(atEdge.processingS).toBeCloseTo(4e-5, 15);
    // μ = 0.5 / 1e-5 = 50,000 packets/s, λ = 40,000: M/M/1 Wq = ρ/(μ − λ) = 0.8 / 10,000 = 80 µs
    // (the 1,000-packet buffer changes it by 0.8¹⁰⁰⁰ ≈ 1e-97).
    expect(atEdge.queueingS).toBeCloseTo(8e-5, 15);
    expect(atEdge.chainLatencyS).toBeCloseTo(12e-5, 15);
    expect(atNfvi.latencyS - atEdge.latencyS).toBeCloseTo(0.004, 15);
    expect(atEdge.deliveredFraction).toBe(1);
  });

  it("a chain on two hosts goes access → host₁ → host₂ → destination", () => {
    const split = flowLatency(paths, "h1", "internet", [stage("h2"), stage("nfvi")], MD1);
    // h1→h2 1 ms, h2→nfvi 4.5 ms, nfvi→internet 12 ms.
    expect(split.propagationS).toBeCloseTo(0.0175, 15);
    expect(split.chainPropagationS).toBeCloseTo(0.0055, 15);
    // M/D/1 Wq = ρ/(2μ(1 − ρ)) = 0.8 / (2 · 50,000 · 0.2) = 40 µs per vNF.
    expect(split.queueingS).toBeCloseTo(8e-5, 15);
    expect(split.processingS).toBeCloseTo(8e-5, 15);
    expect(split.latencyS).toBeCloseTo(0.01766, 15);
  });

  it("a shared core serves fewer packets: cpuShare 0.9 → μ = 45,000 packets/s", () => {
    const shared = flowLatency(paths, "h1", "h1", [{ ...stage("h1"), cpuShare: 0.9 }], MM1);
    expect(shared.queueingS).toBeCloseTo(0.8 / 0.9 / 5000, 15);
    expect(() => flowLatency(paths, "h1", "h1", [{ ...stage("h1"), cpuShare: 0 }], MM1)).toThrow("vNF on h1: cpuShare must be in (0, 1], got 0");
  });

  it("an IDS on the home router saturates where the i7 copes: the router drops the excess and delays the rest by a full buffer", () => {
    const capacities = loadDeviceCatalog();
    const caps = catalogCapacities(capacities);
    const ids = VNF_CATALOG.ids;
    const on = (host: string, device: string): ChainStage => ({ host, perCoreSpeed: caps.get(device)!.perCoreSpeed, cpuPerPacketS: ids.cpuPerPacketS, processingDelayS: ids.processingDelayS, packetRate: 10_000 });
    const edge = flowLatency(paths, "h1", "internet", [on("h1", "tp-link-archer-c9")], MM1);
    const rho = (10_000 * 20e-6) / (0.55 / 3.4);
    expect(edge.overloaded).toBe(true);
    expect(edge.overloadedHost).toBe("h1");
    expect(edge.utilisation).toBeCloseTo(rho, 12);
    // Loss → 1 − 1/ρ; the delivered packets find ≈ K − 1 − 1/(ρ − 1) packets ahead of them.
    expect(edge.deliveredFraction).toBeCloseTo(1 / rho, 12);
    const mu = 0.55 / 3.4 / 20e-6;
    expect(edge.queueingS).toBeCloseTo((999 - 1 / (rho - 1)) / mu, 9);
    expect(Number.isFinite(edge.latencyS)).toBe(true);
    const central = flowLatency(paths, "h1", "internet", [on("nfvi", "nfvi-i7")], MM1);
    // μ = 50,000 packets/s, ρ = 0.2: Wq = 0.2 / 40,000 = 5 µs.
    expect(central.queueingS).toBeCloseTo(5e-6, 15);
    expect(central.latencyS).toBeCloseTo(0.0165 + 200e-6 + 5e-6, 15);
    expect(central.latencyS).toBeLessThan(edge.latencyS);
  });

  it("a saturated first vNF thins the traffic the next one sees; every number stays finite", () => {
    const result = flowLatency(paths, "h1", "internet", [stage("h2", 60_000), stage("h1", 60_000)], MD1);
    expect(result.overloadedHost).toBe("h2");
    expect(result.stages[0]?.queue?.utilisation).toBeCloseTo(1.2, 12);
    // The second vNF is offered what the first delivers: ≈ μ = 50,000 packets/s, ρ ≈ 1.
    expect(result.stages[1]?.queue?.utilisation).toBeCloseTo(1.2 * (1 - (result.stages[0]?.queue?.lossRatio ?? 0)), 12);
    expect(result.deliveredFraction).toBeGreaterThan(0.75);
    expect(result.deliveredFraction).toBeLessThan(1 / 1.2);
    const numbers = [result.latencyS, result.chainLatencyS, result.queueingS, result.deliveredFraction];
    expect(numbers.every((v) => Number.isFinite(v))).toBe(true);
  });

  it("draws per-packet latencies around the mean: lognormal processing + queue waits", () => {
    const l = flowLatency(paths, "h1", "internet", [{ ...stage("h1"), processingCv: 0.3 }, { ...stage("nfvi", 10_000), processingCv: 0.5 }], MM1);
    const rng = new RandomStream("latency/test");
    let sum = 0;
    let chainSum = 0;
    const n = 50_000;
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      const d = drawFlowLatency(rng, l);
      sum += d.latencyS;
      chainSum += d.chainLatencyS;
      seen.add(d.latencyS);
      expect(d.latencyS - d.chainLatencyS).toBeCloseTo(l.propagationS - l.chainPropagationS, 12);
      expect(d.chainLatencyS).toBeGreaterThan(l.chainPropagationS);
    }
    expect(Math.abs(sum / n - l.latencyS)).toBeLessThan(2e-6);
    expect(Math.abs(chainSum / n - l.chainLatencyS)).toBeLessThan(2e-6);
    expect(seen.size).toBe(n);
    expect(drawFlowLatency(new RandomStream("latency/test"), l)).toEqual({ latencyS: 0.016696924917413147, chainLatencyS: 0.004696924917413145 });
    // Without vNFs there is nothing to draw.
    expect(drawFlowLatency(rng, flowLatency(paths, "h1", "internet", [], MM1))).toEqual({ latencyS: 0.0125, chainLatencyS: 0 });
  });

  it("throws for a destination the topology cannot reach", () => {
    expect(() => flowLatency(paths, "h1", "island", [], MM1)).toThrow("topology line: no path from h1 to island");
  });
});
