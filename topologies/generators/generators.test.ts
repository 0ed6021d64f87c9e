import { describe, expect, it } from "vitest";
import { RandomStream } from "../../base/rng.ts";
import { PathFinder } from "../paths.ts";
import type { Topology } from "../types.ts";
import { cityParams, cityTopology, gridParams, gridTopology, starParams, starTopology, treeParams, treeTopology } from "./index.ts";

const roles = (t: Topology): Record<string, number> => t.nodes.reduce<Record<string, number>>((a, n) => ((a[n.role] = (a[n.role] ?? 0) + 1), a), {});

describe("city", () => {
  const city = () => cityTopology(cityParams.parse({ type: "city", blocksX: 2, blocksY: 2, homesPerBlock: 3 }), new RandomStream("seed-1"));

  it("has homes per block → cabinets → metro → core → NFVI and internet", () => {
    const t = city();
    expect(roles(t)).toEqual({ metro: 1, core: 1, nfvi: 1, internet: 1, aggregation: 4, edge: 12 });
    expect(t.links.length).toBe(3 + 4 + 12);
    expect(t.links.filter((l) => l.core).map((l) => `${l.a}-${l.b}`)).toEqual(["metro-core", "core-nfvi", "core-internet"]);
    expect(new PathFinder(t).path("home-1-1-2", "internet")).toEqual(["home-1-1-2", "cab-1-1", "metro", "core", "internet"]);
  });

  it("places homes at seeded random points inside their block, with a Wi-Fi cell and the home device", () => {
    const t = city();
    expect(t.nodes.slice(4, 6)).toEqual([
      { id: "cab-0-0", role: "aggregation", x: 50, y: 50 },
      { id: "home-0-0-0", role: "edge", device: "tp-link-archer-c9", x: 51.909505312796675, y: 93.33885762374847, cellRangeM: 30 },
    ]);
    for (const n of t.nodes.filter((v) => v.id.startsWith("home-"))) {
      const [bx, by] = n.id.split("-").slice(1, 3).map(Number) as [number, number];
      expect(n.x! >= (bx + 0.05) * 100 && n.x! < (bx + 0.95) * 100 && n.y! >= (by + 0.05) * 100 && n.y! < (by + 0.95) * 100).toBe(true);
    }
    expect(city()).toEqual(t);
    expect(cityTopology(cityParams.parse({ type: "city", blocksX: 2, blocksY: 2, homesPerBlock: 3 }), new RandomStream("seed-2")).nodes[5]?.x).not.toBe(51.909505312796675);
  });

  it("gives links the fibre delay of their length plus the per-hop delay, and backbone delays as configured", () => {
    const t = city();
    expect(t.links.slice(0, 3).map((l) => l.delayS)).toEqual([0.0011, 0.0021, 0.0101]);
    // cab-0-0 (50, 50) → metro (100, 100): 70.71 m of fibre.
    expect(t.links[3]?.delayS).toBeCloseTo(Math.hypot(50, 50) / ((2 / 3) * 299_792_458) + 1e-4, 18);
    expect(new PathFinder(t).pathDelay("home-0-0-0", "nfvi")).toBeCloseTo(0.00340057085, 11);
  });
});

describe("grid", () => {
  it("has rows × cols edge devices with 4-neighbour links and one uplink", () => {
    const t = gridTopology(gridParams.parse({ type: "grid", rows: 2, cols: 3 }));
    expect(roles(t)).toEqual({ edge: 6, metro: 1, core: 1, nfvi: 1, internet: 1 });
    expect(t.links.length).toBe(2 * 2 + 1 * 3 + 3 + 1);
    const paths = new PathFinder(t);
    expect(paths.path("e-1-2", "nfvi")).toEqual(["e-1-2", "e-0-2", "e-0-1", "e-0-0", "metro", "core", "nfvi"]);
    expect(paths.pathDelay("e-1-2", "nfvi")).toBeCloseTo(3 * (100 / ((2 / 3) * 299_792_458) + 1e-4) + 1e-4 + 0.0011 + 0.0021, 15);
  });
});

describe("tree", () => {
  it("has fanout^depth leaves under aggregation levels", () => {
    const t = treeTopology(treeParams.parse({ type: "tree", depth: 2, fanout: 2 }));
    expect(t.nodes.map((n) => n.id)).toEqual(["core", "nfvi", "internet", "agg-0", "agg-1", "e-0.0", "e-0.1", "e-1.0", "e-1.1"]);
    expect(t.links.length).toBe(8);
    expect(new PathFinder(t).pathDelay("e-0.1", "nfvi")).toBeCloseTo(2 * 6e-4 + 2.1e-3, 15);
    expect(roles(treeTopology(treeParams.parse({ type: "tree", depth: 3, fanout: 3 })))).toEqual({ core: 1, nfvi: 1, internet: 1, aggregation: 12, edge: 27 });
    expect(t.nodes.filter((n) => n.role === "edge").every((n) => n.x === undefined && n.y === undefined)).toBe(true);
  });

  it("puts the leaves on a line leafSpacingM apart when asked (radio cells), wired delays unchanged", () => {
    const t = treeTopology(treeParams.parse({ type: "tree", depth: 2, fanout: 2, leafSpacingM: 60 }));
    expect(t.nodes.filter((n) => n.role === "edge").map((n) => [n.id, n.x, n.y])).toEqual([
      ["e-0.0", 0, 0],
      ["e-0.1", 60, 0],
      ["e-1.0", 120, 0],
      ["e-1.1", 180, 0],
    ]);
    expect(new PathFinder(t).pathDelay("e-0.1", "nfvi")).toBeCloseTo(2 * 6e-4 + 2.1e-3, 15);
  });
});

describe("star", () => {
  it("puts leaves evenly on a circle around the hub", () => {
    const t = starTopology(starParams.parse({ type: "star", leaves: 4 }));
    expect(roles(t)).toEqual({ aggregation: 1, edge: 4, metro: 1, core: 1, nfvi: 1, internet: 1 });
    expect(t.nodes[1]).toEqual({ id: "e-0", role: "edge", device: "tp-link-archer-c9", x: 200, y: 0, cellRangeM: 30 });
    expect(t.nodes[3]?.x).toBeCloseTo(-200, 12);
    // Leaf → hub → leaf: 2 × (200 m of fibre + per-hop).
    expect(new PathFinder(t).pathDelay("e-0", "e-2")).toBeCloseTo(2 * (200 / ((2 / 3) * 299_792_458) + 1e-4), 15);
  });
});
