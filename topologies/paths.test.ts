import { describe, expect, it } from "vitest";
import { RandomStream } from "../base/rng.ts";
import { latencyMatrix } from "./latency-matrix.ts";
import { PathFinder } from "./paths.ts";
import type { Topology, TopologyLink } from "./types.ts";

function randomGraph(rng: RandomStream, n: number, density: number): Topology {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `v${i}`, role: "router" as const }));
  const links: TopologyLink[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (rng.random() < density) links.push({ id: `l${links.length}`, a: `v${i}`, b: `v${j}`, delayS: rng.uniform(0.001, 0.01), bandwidthBps: 1e9 });
      // Sometimes a parallel link: the shorter one must win.
      if (rng.random() < 0.05) links.push({ id: `l${links.length}`, a: `v${j}`, b: `v${i}`, delayS: rng.uniform(0.001, 0.01), bandwidthBps: 1e9 });
    }
  }
  return { name: "random", nodes, links };
}

function floydWarshall(t: Topology): number[][] {
  const n = t.nodes.length;
  const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  for (const l of t.links) {
    const a = Number(l.a.slice(1));
    const b = Number(l.b.slice(1));
    d[a]![b] = Math.min(d[a]![b]!, l.delayS);
    d[b]![a] = Math.min(d[b]![a]!, l.delayS);
  }
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (d[i]![k]! + d[k]![j]! < d[i]![j]!) d[i]![j] = d[i]![k]! + d[k]![j]!;
  return d;
}

describe("PathFinder (Dijkstra, binary heap)", () => {
  it("equals Floyd–Warshall on 40 random graphs, and its paths add up to their delays", () => {
    const rng = new RandomStream("paths");
    let pairs = 0;
    let unreachable = 0;
    for (let trial = 0; trial < 40; trial++) {
      const t = randomGraph(rng, rng.integer(2, 14), rng.uniform(0.1, 0.5));
      const fw = floydWarshall(t);
      const paths = new PathFinder(t);
      const linkById = new Map(t.links.map((l) => [l.id, l]));
      for (const a of t.nodes) {
        for (const b of t.nodes) {
          const expected = fw[Number(a.id.slice(1))]![Number(b.id.slice(1))]!;
          pairs++;
          if (expected === Infinity) {
            unreachable++;
            expect([paths.pathDelay(a.id, b.id), paths.path(a.id, b.id), paths.pathLinks(a.id, b.id)]).toEqual([Infinity, [], []]);
            continue;
          }
          expect(paths.pathDelay(a.id, b.id)).toBeCloseTo(expected, 12);
          const hops = paths.pathLinks(a.id, b.id).map((id) => linkById.get(id)!);
          const nodesOnPath = paths.path(a.id, b.id);
          expect(hops.length).toBe(nodesOnPath.length - 1);
          hops.forEach((l, k) => expect([l.a, l.b].sort()).toEqual([nodesOnPath[k], nodesOnPath[k + 1]].sort()));
          expect(hops.reduce((s, l) => s + l.delayS, 0)).toBeCloseTo(expected, 12);
        }
      }
    }
    expect([pairs, unreachable]).toEqual([2612, 218]);
  });

  it("breaks equal-delay ties deterministically (lower predecessor index)", () => {
    const t: Topology = {
      name: "diamond",
      nodes: ["s", "a", "b", "t"].map((id) => ({ id, role: "router" as const })),
      links: [
        { id: "sb", a: "s", b: "b", delayS: 1, bandwidthBps: 1 },
        { id: "sa", a: "s", b: "a", delayS: 1, bandwidthBps: 1 },
        { id: "bt", a: "b", b: "t", delayS: 1, bandwidthBps: 1 },
        { id: "at", a: "a", b: "t", delayS: 1, bandwidthBps: 1 },
      ],
    };
    const paths = new PathFinder(t);
    expect(paths.path("s", "t")).toEqual(["s", "a", "t"]);
    expect(paths.pathLinks("s", "t")).toEqual(["sa", "at"]);
    expect(paths.path("t", "t")).toEqual(["t"]);
    expect(paths.pathDelay("t", "t")).toBe(0);
  });

  it("names a missing node and a duplicate id", () => {
    const t: Topology = { name: "two", nodes: [{ id: "x", role: "router" }, { id: "y", role: "router" }], links: [] };
    expect(() => new PathFinder(t).pathDelay("x", "nope")).toThrow('topology two: no node "nope"');
    expect(() => new PathFinder({ ...t, nodes: [...t.nodes, { id: "x", role: "core" }] })).toThrow('topology two: duplicate node id "x"');
  });
});

describe("latencyMatrix", () => {
  it("gives the delay from every access (edge) node to every host (node with a device)", () => {
    const t: Topology = {
      name: "line",
      nodes: [
        { id: "e1", role: "edge", device: "tp-link-archer-c9" },
        { id: "agg", role: "aggregation" },
        { id: "e2", role: "edge", device: "tp-link-archer-c9" },
        { id: "nfvi", role: "nfvi", device: "nfvi-i7" },
      ],
      links: [
        { id: "l0", a: "e1", b: "agg", delayS: 0.001, bandwidthBps: 1e9 },
        { id: "l1", a: "agg", b: "e2", delayS: 0.002, bandwidthBps: 1e9 },
        { id: "l2", a: "agg", b: "nfvi", delayS: 0.005, bandwidthBps: 1e9 },
      ],
    };
    const m = latencyMatrix(new PathFinder(t));
    expect([m.access, m.hosts]).toEqual([["e1", "e2"], ["e1", "e2", "nfvi"]]);
    expect(m.rows.map((r) => [...r])).toEqual([
      [0, 0.003, 0.006],
      [0.003, 0, 0.007],
    ]);
    expect(m.delayS("e2", "nfvi")).toBe(0.007);
    expect(() => m.delayS("agg", "nfvi")).toThrow('"agg" is not an access node');
    expect(() => m.delayS("e1", "agg")).toThrow('"agg" is not a host node');
  });
});
