import { describe, expect, it } from "vitest";
import { RandomStream } from "../sim/engine/rng.ts";
import { buildTopology, haversineM, importEuaMelbourne, importIfogsimMelbourne, importZoo, PathFinder, projectLocal, topologySchema, ZOO_NETWORKS, type Topology } from "./index.ts";

const roles = (t: Topology): Record<string, number> => t.nodes.reduce<Record<string, number>>((a, n) => ((a[n.role] = (a[n.role] ?? 0) + 1), a), {});

describe("geography", () => {
  it("haversine matches known distances", () => {
    // Melbourne → Sydney airports ≈ 705 km; one degree of latitude ≈ 111.19 km.
    expect(haversineM({ lat: -37.6733, lon: 144.8433 }, { lat: -33.9461, lon: 151.1772 }) / 1000).toBeCloseTo(705.2, 0);
    expect(haversineM({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111_195, 0);
  });

  it("local projection agrees with haversine within a city", () => {
    const origin = { lat: -37.8136, lon: 144.9631 };
    const p = { lat: -37.8236, lon: 144.9731 };
    const xy = projectLocal(p, origin);
    expect(Math.abs(Math.hypot(xy.x, xy.y) - haversineM(origin, p))).toBeLessThan(1);
  });
});

describe("Topology Zoo import", () => {
  const expected: Record<string, [number, number, number, number, number]> = {
    // network: GraphML nodes, GraphML edges, imported nodes, imported links (multi-edges merged), skipped (no coordinates)
    Abilene: [11, 14, 11, 14, 0],
    AttMpls: [25, 57, 25, 56, 0],
    BtEurope: [24, 37, 22, 35, 2],
    Cogentco: [197, 245, 186, 212, 11],
    Geant2012: [40, 61, 37, 58, 3],
    Janetbackbone: [29, 45, 28, 43, 1],
  };
  for (const network of ZOO_NETWORKS) {
    it(`${network}: node and edge counts`, () => {
      const { topology, skipped } = importZoo(network);
      const [gNodes, gEdges, nodes, links, nSkipped] = expected[network] as number[];
      expect([topology.meta?.["graphmlNodes"], topology.meta?.["graphmlEdges"], topology.nodes.length, topology.links.length, skipped.length]).toEqual([gNodes, gEdges, nodes, links, nSkipped]);
      expect(topology.links.every((l) => l.delayS >= 1e-4 && l.core === true)).toBe(true);
    });
  }

  it("link delay is great-circle distance at 2/3 c plus the per-hop cost", () => {
    const { topology } = importZoo("Abilene", { perHopDelayS: 0 });
    const byId = new Map(topology.nodes.map((n) => [n.id, n]));
    const l = topology.links[0]!;
    const a = byId.get(l.a)!;
    const b = byId.get(l.b)!;
    expect(l.delayS).toBeCloseTo(haversineM({ lat: a.lat!, lon: a.lon! }, { lat: b.lat!, lon: b.lon! }) / (299_792_458 * (2 / 3)), 15);
  });

  it("keeps unlocated nodes when asked", () => {
    expect(importZoo("Cogentco", { keepUnlocated: true }).topology.nodes.length).toBe(197);
  });
});

describe("edge sites", () => {
  it("EUA Melbourne: 125 sites as edge devices, with a built backhaul", () => {
    const t = importEuaMelbourne();
    expect(roles(t)).toEqual({ metro: 1, core: 1, nfvi: 1, internet: 1, aggregation: 13, edge: 125 });
    expect(t.links.length).toBe(141);
    const paths = new PathFinder(t);
    const site = t.nodes.find((n) => n.role === "edge")!;
    expect(paths.path(site.id, "nfvi").slice(-3)).toEqual(["metro", "core", "nfvi"]);
    expect(paths.delay(site.id, "nfvi")).toBeGreaterThan(3e-3);
  });

  it("iFogSim Melbourne: 1 data centre, 12 proxies, 118 gateways", () => {
    const t = importIfogsimMelbourne();
    expect(roles(t)).toEqual({ nfvi: 1, aggregation: 12, edge: 118, internet: 1 });
    expect(t.links.length).toBe(131);
  });
});

describe("generators", () => {
  it("build the requested sizes, deterministically", () => {
    const rng = () => new RandomStream("topology");
    const city = buildTopology(topologySchema.parse({ type: "city", blocksX: 3, blocksY: 2, homesPerBlock: 5 }), rng());
    expect(roles(city)).toEqual({ metro: 1, core: 1, nfvi: 1, internet: 1, aggregation: 6, edge: 30 });
    expect(buildTopology(topologySchema.parse({ type: "city", blocksX: 3, blocksY: 2, homesPerBlock: 5 }), rng())).toEqual(city);
    expect(roles(buildTopology(topologySchema.parse({ type: "grid", rows: 3, cols: 4 }), rng()))).toEqual({ edge: 12, metro: 1, core: 1, nfvi: 1, internet: 1 });
    const grid = buildTopology(topologySchema.parse({ type: "grid", rows: 3, cols: 4 }), rng());
    expect(grid.links.length).toBe(3 * 3 + 2 * 4 + 3 + 1);
    expect(roles(buildTopology(topologySchema.parse({ type: "tree", depth: 3, fanout: 2 }), rng()))).toEqual({ core: 1, nfvi: 1, internet: 1, aggregation: 6, edge: 8 });
    expect(roles(buildTopology(topologySchema.parse({ type: "star", leaves: 7 }), rng()))).toEqual({ aggregation: 1, edge: 7, metro: 1, core: 1, nfvi: 1, internet: 1 });
  });

  it("rejects unknown generator types and parameters", () => {
    expect(topologySchema.safeParse({ type: "ring" }).success).toBe(false);
    expect(topologySchema.safeParse({ type: "grid", rows: 0 }).success).toBe(false);
    expect(topologySchema.safeParse({ type: "grid", colz: 3 }).success).toBe(false);
  });
});

describe("PathFinder", () => {
  it("equals Floyd–Warshall on random graphs", () => {
    const rng = new RandomStream("paths");
    for (let trial = 0; trial < 30; trial++) {
      const n = rng.integer(2, 12);
      const nodes = Array.from({ length: n }, (_, i) => ({ id: `v${i}`, role: "router" as const }));
      const links = [];
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng.random() < 0.3) links.push({ id: `l${links.length}`, a: `v${i}`, b: `v${j}`, delayS: rng.uniform(0.001, 0.01), bandwidthBps: 1e9 });
      const fw = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
      for (const l of links) {
        const a = Number(l.a.slice(1));
        const b = Number(l.b.slice(1));
        fw[a]![b] = Math.min(fw[a]![b]!, l.delayS);
        fw[b]![a] = Math.min(fw[b]![a]!, l.delayS);
      }
      for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (fw[i]![k]! + fw[k]![j]! < fw[i]![j]!) fw[i]![j] = fw[i]![k]! + fw[k]![j]!;
      const paths = new PathFinder({ name: "random", nodes, links });
      const ids = nodes.map((v) => v.id);
      const m = paths.matrix(ids, ids);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
        if (fw[i]![j] === Infinity) expect(m[i]![j]).toBe(Infinity);
        else expect(m[i]![j]).toBeCloseTo(fw[i]![j]!, 12);
      }
      // A path's links add up to its delay.
      const p = paths.path("v0", `v${n - 1}`);
      if (p.length > 1) {
        let sum = 0;
        for (let k = 0; k + 1 < p.length; k++) sum += Math.min(...links.filter((l) => (l.a === p[k] && l.b === p[k + 1]) || (l.b === p[k] && l.a === p[k + 1])).map((l) => l.delayS));
        expect(sum).toBeCloseTo(paths.delay("v0", `v${n - 1}`), 12);
      }
    }
  });

  it("names a missing node", () => {
    expect(() => new PathFinder(importZoo("Abilene").topology).delay("n0", "nope")).toThrow('no node "nope"');
  });
});
