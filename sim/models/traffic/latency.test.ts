import { describe, expect, it } from "vitest";
import { PathFinder } from "../../../topologies/paths.ts";
import { catalogCapacities, loadDeviceCatalog } from "../../../topologies/devices/index.ts";
import { VNF_CATALOG } from "../../../deployment/vnfs/catalog.ts";
import { flowLatency, type ChainStage } from "./latency.ts";
import { LINE_TOPOLOGY } from "./test-topology.ts";

const paths = new PathFinder(LINE_TOPOLOGY);
const stage = (host: string, packetRate = 40_000): ChainStage => ({ host, perCoreSpeed: 0.5, cpuPerPacketS: 1e-5, processingDelayS: 2e-5, packetRate });

function ok(result: ReturnType<typeof flowLatency>) {
  if (result.overloaded) throw new Error(`unexpected overload at ${result.overloadedHost}`);
  return result;
}

describe("flow latency through a vNF chain", () => {
  it("without vNFs: the path delay to the destination", () => {
    expect(ok(flowLatency(paths, "h1", "internet", [], "mm1"))).toEqual({ overloaded: false, latencyS: 0.0125, propagationS: 0.0125, processingS: 0, queueingS: 0 });
  });

  it("adds the detour to the chain's hosts, processing and queueing", () => {
    const atEdge = ok(flowLatency(paths, "h1", "internet", [stage("h1")], "mm1"));
    const atNfvi = ok(flowLatency(paths, "h1", "internet", [stage("nfvi")], "mm1"));
    expect(atEdge.propagationS).toBeCloseTo(0.0125, 15);
    expect(atNfvi.propagationS).toBeCloseTo(0.0045 + 0.012, 15);
    expect(atEdge.processingS).toBeCloseTo(4e-5, 15);
    // μ = 0.5 / 1e-5 = 50,000 packets/s, λ = 40,000: M/M/1 Wq = ρ/(μ − λ) = 0.8 / 10,000 = 80 µs.
    expect(atEdge.queueingS).toBeCloseTo(8e-5, 15);
    expect(atNfvi.latencyS - atEdge.latencyS).toBeCloseTo(0.004, 15);
  });

  it("a chain on two hosts goes access → host₁ → host₂ → destination", () => {
    const split = ok(flowLatency(paths, "h1", "internet", [stage("h2"), stage("nfvi")], "md1"));
    // h1→h2 1 ms, h2→nfvi 4.5 ms, nfvi→internet 12 ms.
    expect(split.propagationS).toBeCloseTo(0.0175, 15);
    // M/D/1 Wq = ρ/(2μ(1 − ρ)) = 0.8 / (2 · 50,000 · 0.2) = 40 µs per vNF.
    expect(split.queueingS).toBeCloseTo(8e-5, 15);
    expect(split.processingS).toBeCloseTo(8e-5, 15);
    expect(split.latencyS).toBeCloseTo(0.01766, 15);
  });

  it("a shared core serves fewer packets: cpuShare 0.9 → μ = 45,000 packets/s", () => {
    const shared = ok(flowLatency(paths, "h1", "h1", [{ ...stage("h1"), cpuShare: 0.9 }], "mm1"));
    expect(shared.queueingS).toBeCloseTo(0.8 / 0.9 / 5000, 15);
    expect(() => flowLatency(paths, "h1", "h1", [{ ...stage("h1"), cpuShare: 0 }], "mm1")).toThrow("vNF on h1: cpuShare must be in (0, 1], got 0");
  });

  it("an IDS on the home router saturates where the i7 copes (catalog and device capacities)", () => {
    const capacities = catalogCapacities(loadDeviceCatalog());
    const ids = VNF_CATALOG.ids;
    const on = (host: string, device: string): ChainStage => ({ host, perCoreSpeed: capacities.get(device)!.perCoreSpeed, cpuPerPacketS: ids.cpuPerPacketS, processingDelayS: ids.processingDelayS, packetRate: 10_000 });
    const edge = flowLatency(paths, "h1", "internet", [on("h1", "tp-link-archer-c9")], "mm1");
    expect(edge).toEqual({ overloaded: true, overloadedHost: "h1", utilisation: expect.closeTo(10_000 * 20e-6 / (0.55 / 3.4), 12) as number });
    const central = ok(flowLatency(paths, "h1", "internet", [on("nfvi", "nfvi-i7")], "mm1"));
    // μ = 50,000 packets/s, ρ = 0.2: Wq = 0.2 / 40,000 = 5 µs.
    expect(central.queueingS).toBeCloseTo(5e-6, 15);
    expect(central.latencyS).toBeCloseTo(0.0165 + 200e-6 + 5e-6, 15);
  });

  it("names the overloaded host and gives no NaN or Infinity", () => {
    const result = flowLatency(paths, "h1", "internet", [stage("h2"), stage("h1", 60_000)], "md1");
    expect(result).toEqual({ overloaded: true, overloadedHost: "h1", utilisation: expect.closeTo(1.2, 12) as number });
    expect(Object.values(result).every((v) => typeof v !== "number" || Number.isFinite(v))).toBe(true);
  });

  it("throws for a destination the topology cannot reach", () => {
    expect(() => flowLatency(paths, "h1", "island", [], "mm1")).toThrow("topology line: no path from h1 to island");
  });
});
