import { describe, expect, it } from "vitest";
import type { ChainSpec } from "../../orchestrator/chains.ts";
import { PathFinder } from "../../topologies/paths.ts";
import { vnfCatalog } from "../../deployment/vnfs/catalog.ts";
import { flowSchema } from "../../deployment/traffic/flow-config.ts";
import { LINE_TOPOLOGY } from "../models/traffic/test-topology.ts";
import type { InstalledSteering } from "../backend/sim-backend.ts";
import { cpuLevel, DataPlane } from "./data-plane.ts";

const catalog = vnfCatalog();
/** h1, h2: TP-LINK-like (2 cores of 0.16 reference cores); nfvi: an i7. */
const hostCpu = new Map([
  ["h1", { perCoreSpeed: 0.16, cpuCapacity: 0.32 }],
  ["h2", { perCoreSpeed: 0.16, cpuCapacity: 0.32 }],
  ["nfvi", { perCoreSpeed: 1, cpuCapacity: 4 }],
]);

function plane(packetsPerSecond: number) {
  const traffic = [flowSchema.parse({ kind: "cbr", packetsPerSecond, packetBytes: 1000, destination: "internet", headers: { ip_proto: 6 } })];
  return new DataPlane({ paths: new PathFinder(LINE_TOPOLOGY), traffic, catalog, latency: { queueModel: "mm1", bufferPackets: 1000 }, hostCpu });
}

/** UEs ue-0 … on h1, each with a chain of `types` steered through `hosts`. */
function evaluate(dp: DataPlane, ues: number, types: string[], hosts: string[]) {
  const chains = new Map<string, ChainSpec[]>();
  const installed = new Map<string, InstalledSteering>();
  const typeOf = new Map<string, string>();
  for (let u = 0; u < ues; u++) {
    const id = `c${u}`;
    chains.set(`ue-${u}`, [{ id, ue: `ue-${u}`, vnfs: types.map((type) => ({ type, params: {} })), match: {}, priority: 1 }]);
    const hops = types.map((type, i) => ({ vnfId: `${id}.${i}.${type}.1`, host: hosts[i] as string }));
    for (const [i, h] of hops.entries()) typeOf.set(h.vnfId, types[i] as string);
    installed.set(id, { chain: id, version: 1, ue: `ue-${u}`, accessNode: "h1", hops, since: 0 });
  }
  return dp.evaluate(1, Array.from({ length: ues }, () => "h1"), chains, installed, (id) => typeOf.get(id));
}

describe("data plane: CPU sharing and overload", () => {
  it("max-min fair CPU level: a core each while the host has room, else the level L with Σ min(dᵢ, L) = C", () => {
    expect(cpuLevel([0.05, 0.1], 0.16, 0.32)).toBe(0.16);
    expect(cpuLevel([0.05, 0.2, 0.2], 0.16, 0.32)).toBeCloseTo(0.135, 15);
    expect(cpuLevel([0.2, 0.2, 0.2, 0.2], 0.16, 0.32)).toBeCloseTo(0.08, 15);
    expect(cpuLevel([], 0.16, 0.32)).toBe(0.16);
  });

  it("a light chain: no loss, not overloaded, hosts charged with what the vNFs process", () => {
    const s = evaluate(plane(1000), 1, ["firewall", "ids"], ["h1", "h1"]);
    const f = s.flows[0];
    expect([f?.overloaded, f?.droppedPps, s.overloadedVnfs]).toEqual([false, 0, []]);
    expect(f?.latency?.deliveredFraction).toBe(1);
    expect([...s.vnfProcessedRate.values()].map((r) => Math.round(r * 1e6) / 1e6)).toEqual([1000, 1000]);
    // IDS on h1: μ = 0.16 / 20 µs = 8,000 packets/s, ρ = 1/8: Wq = ρ/(μ − λ) = 1/56,000 s.
    expect(f?.latency?.stages[1]?.queue?.waitS).toBeCloseTo(1 / 56_000, 15);
    expect(f?.latencyS).toBeCloseTo(f?.latency?.latencyS ?? 0, 15);
  });

  it("an IDS offered more than its core saturates and drops the excess; the firewall after it sees what it delivers", () => {
    const s = evaluate(plane(10_000), 1, ["ids", "firewall"], ["h1", "h1"]);
    const f = s.flows[0];
    expect(f?.overloaded).toBe(true);
    expect(s.overloadedVnfs).toEqual(["c0.0.ids.1"]);
    // ρ = 10,000 / 8,000 = 1.25: loss → 1 − 1/ρ = 0.2 (up to 0.8¹⁰⁰⁰).
    expect(f?.droppedPps).toBeCloseTo(2000, 6);
    expect(s.vnfProcessedRate.get("c0.0.ids.1")).toBeCloseTo(8000, 6);
    expect(s.vnfProcessedRate.get("c0.1.firewall.1")).toBeCloseTo(8000, 6);
    expect(Number.isFinite(f?.latencyS)).toBe(true);
    expect(f?.latencyS).toBeGreaterThan(0.1);
  });

  it("a host whose vNFs together ask for more than its CPU saturates every vNF above the fair level", () => {
    // Three UEs' IDSs on h1 at 7,000 packets/s each: 0.14 reference cores each, 0.42 > 0.32.
    const s = evaluate(plane(7000), 3, ["ids"], ["h1"]);
    expect(s.overloadedVnfs).toEqual(["c0.0.ids.1", "c1.0.ids.1", "c2.0.ids.1"]);
    expect(s.flows.every((f) => f.overloaded)).toBe(true);
    // Each gets 0.32 / 3 reference cores: μ = 5,333 packets/s, the excess is dropped.
    for (const f of s.flows) expect(f.droppedPps).toBeCloseTo(7000 - 0.32 / 3 / 20e-6, 6);
    // On separate hosts the same IDSs are fine.
    const spread = evaluate(plane(7000), 1, ["ids"], ["h2"]);
    expect(spread.flows[0]?.overloaded).toBe(false);
  });
});
