/**
 * `DataPlane.evaluate` on the line topology (h1, h2 — cab — metro — core — nfvi / internet;
 * one-way delays 0.5, 0.5, 1, 1, 2, 10 ms) with per-core speeds h1 = h2 = 0.5, nfvi = 1 and the
 * catalog's firewall (4 µs CPU, 40 µs processing per packet) and DDoS dropper. Expected latencies
 * are written out: propagation + processing / speed + the M/M/1 wait ρ / (μ − λ) with
 * μ = speed / cpuPerPacketS.
 */
import { describe, expect, it } from "vitest";
import type { ChainSpec } from "../../orchestrator/chains.ts";
import { VNF_CATALOG } from "../../deployment/vnfs/catalog.ts";
import { flowSchema, type Flow } from "../../deployment/traffic/flow-config.ts";
import { PathFinder } from "../../topologies/paths.ts";
import { LINE_TOPOLOGY } from "../models/traffic/test-topology.ts";
import type { InstalledSteering } from "../backend/sim-backend.ts";
import { DataPlane } from "./data-plane.ts";

const paths = new PathFinder(LINE_TOPOLOGY);
const SPEED = new Map([
  ["h1", 0.5],
  ["h2", 0.5],
  ["nfvi", 1],
]);
/** One-way delays, seconds. */
const H1_NFVI = 0.0005 + 0.001 + 0.001 + 0.002;
const NFVI_INTERNET = 0.002 + 0.01;
const H1_INTERNET = 0.0005 + 0.001 + 0.001 + 0.01;
const FW = VNF_CATALOG.firewall;

const udp = (packetsPerSecond: number, extra: Record<string, unknown> = {}): Flow => flowSchema.parse({ kind: "cbr", packetsPerSecond, packetBytes: 500, headers: { ip_proto: 17, udp_dst: 9 }, ...extra });
const tcp = (packetsPerSecond: number): Flow => flowSchema.parse({ kind: "cbr", packetsPerSecond, packetBytes: 500, headers: { ip_proto: 6, tcp_dst: 80 } });

/** Chain c1 of ue-0 on its UDP traffic (firewall only in the spec; the installed hops say what runs). */
const C1: ChainSpec = { id: "c1", ue: "ue-0", vnfs: [{ type: "firewall", params: {} }], match: { eth_type: 0x0800, ip_proto: 17 }, priority: 100 };
const CHAINS = new Map([["ue-0", [C1]]]);
const TYPES: Record<string, string> = { fw: "firewall", dd: "ddos-dropper" };
const vnfType = (id: string): string | undefined => TYPES[id];

function steering(accessNode: string, hops: { vnfId: string; host: string }[]): Map<string, InstalledSteering> {
  return new Map([["c1", { chain: "c1", version: 1, ue: "ue-0", accessNode, hops, since: 0 }]]);
}

function plane(traffic: Flow[]): DataPlane {
  return new DataPlane({ paths, traffic, catalog: VNF_CATALOG, queueModel: "mm1", perCoreSpeed: SPEED });
}

/** M/M/1 wait of a vNF at `speed` handling `rate` packets/s, seconds. */
function wait(rate: number, speed: number): number {
  const mu = speed / FW.cpuPerPacketS;
  return rate / mu / (mu - rate);
}

describe("DataPlane.evaluate", () => {
  it("a flow of a steered chain goes through its vNF and its latency includes the detour, processing and queueing; an unselected flow goes straight", () => {
    const { flows, vnfPacketRate } = plane([udp(1000), tcp(1000)]).evaluate(0, ["h1"], CHAINS, steering("h1", [{ vnfId: "fw", host: "nfvi" }]), vnfType);
    const chainLatency = H1_NFVI + 40e-6 + wait(1000, 1);
    // μ = 250 000 packets/s, ρ = 0.004: the wait is 16 ns.
    expect(wait(1000, 1)).toBeCloseTo(0.004 / 249_000, 20);
    expect(flows).toEqual([
      { ue: "ue-0", flow: 0, access: "h1", destination: "internet", chain: "c1", steered: true, packetRate: 1000, bitRate: 4e6, vnfs: ["fw"], route: ["h1", "nfvi", "internet"], dropped: false, latencyS: expect.any(Number), chainLatencyS: expect.any(Number) },
      { ue: "ue-0", flow: 1, access: "h1", destination: "internet", steered: false, packetRate: 1000, bitRate: 4e6, vnfs: [], route: ["h1", "internet"], dropped: false, latencyS: expect.any(Number), chainLatencyS: Number.NaN },
    ]);
    expect(flows[0]?.chainLatencyS).toBeCloseTo(chainLatency, 15);
    expect(flows[0]?.chainLatencyS).toBeCloseTo(0.004540016064257028, 15);
    expect(flows[0]?.latencyS).toBeCloseTo(chainLatency + NFVI_INTERNET, 15);
    expect(flows[0]?.latencyS).toBeCloseTo(0.016540016064257028, 15);
    expect(flows[1]?.latencyS).toBeCloseTo(H1_INTERNET, 15);
    expect([...vnfPacketRate]).toEqual([["fw", 1000]]);
  });

  it("a vNF at the UE's own access device adds no detour, only its (slower) processing and queueing", () => {
    const { flows } = plane([udp(1000)]).evaluate(0, ["h1"], CHAINS, steering("h1", [{ vnfId: "fw", host: "h1" }]), vnfType);
    // Speed 0.5: processing 80 µs, μ = 125 000 packets/s.
    expect(flows[0]?.chainLatencyS).toBeCloseTo(80e-6 + 0.008 / 124_000, 15);
    expect(flows[0]?.latencyS).toBeCloseTo(80e-6 + 0.008 / 124_000 + H1_INTERNET, 15);
    expect(flows[0]?.route).toEqual(["h1", "h1", "internet"]);
  });

  it("an unsteered chain (installed for another access node, or not installed) bypasses its vNFs", () => {
    for (const installed of [steering("h2", [{ vnfId: "fw", host: "nfvi" }]), new Map<string, InstalledSteering>()]) {
      const { flows, vnfPacketRate } = plane([udp(1000)]).evaluate(0, ["h1"], CHAINS, installed, vnfType);
      expect(flows).toHaveLength(1);
      expect(flows[0]).toMatchObject({ chain: "c1", steered: false, vnfs: [], route: ["h1", "internet"], dropped: false });
      expect(flows[0]?.latencyS).toBeCloseTo(H1_INTERNET, 15);
      expect(flows[0]?.chainLatencyS).toBeNaN();
      expect(vnfPacketRate.size).toBe(0);
    }
  });

  it("a vNF's packet rate is the sum over the flows through it; at ρ ≥ 1 (overloaded) the latency is NaN", () => {
    // Two selected flows of 125 000 packets/s each through the NFVI firewall (μ = 250 000): ρ = 1.
    const both = plane([udp(125_000), udp(125_000, { headers: { ip_proto: 17, udp_dst: 53 }, stopS: 10 })]);
    const hops = steering("h1", [{ vnfId: "fw", host: "nfvi" }]);
    const overloaded = both.evaluate(0, ["h1"], CHAINS, hops, vnfType);
    expect([...overloaded.vnfPacketRate]).toEqual([["fw", 250_000]]);
    expect(overloaded.flows.map((f) => [f.steered, f.latencyS, f.chainLatencyS])).toEqual([
      [true, Number.NaN, Number.NaN],
      [true, Number.NaN, Number.NaN],
    ]);
    // After the second flow stops (stopS = 10 s), ρ = 0.5: finite again.
    const one = both.evaluate(10, ["h1"], CHAINS, hops, vnfType);
    expect(one.flows).toHaveLength(1);
    expect([...one.vnfPacketRate]).toEqual([["fw", 125_000]]);
    expect(one.flows[0]?.chainLatencyS).toBeCloseTo(H1_NFVI + 40e-6 + 0.5 / 125_000, 15);
  });

  it("a dropper vNF drops the flow: its route ends there, later vNFs get no packets, latency NaN", () => {
    const { flows, vnfPacketRate } = plane([udp(1000)]).evaluate(0, ["h1"], CHAINS, steering("h1", [{ vnfId: "dd", host: "h1" }, { vnfId: "fw", host: "nfvi" }]), vnfType);
    expect(flows[0]).toMatchObject({ steered: true, dropped: true, vnfs: ["dd", "fw"], route: ["h1", "h1"] });
    expect(flows[0]?.latencyS).toBeNaN();
    expect([...vnfPacketRate]).toEqual([["dd", 1000]]);
  });

  it("only connected UEs send, and only while their flows are active; other UEs' chains do not select their traffic", () => {
    const { flows } = plane([udp(1000, { startS: 5 })]).evaluate(6, [undefined, "h2"], CHAINS, steering("h2", [{ vnfId: "fw", host: "nfvi" }]), vnfType);
    expect(flows.map((f) => [f.ue, f.access, f.steered])).toEqual([["ue-1", "h2", false]]);
    expect(flows[0]?.chain).toBeUndefined();
    expect(plane([udp(1000, { startS: 5 })]).evaluate(4, ["h1"], CHAINS, new Map(), vnfType).flows).toEqual([]);
  });
});
