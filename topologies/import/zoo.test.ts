import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { haversineM } from "../geo.ts";
import { PathFinder } from "../paths.ts";
import { importZoo, ZOO_NETWORKS } from "./zoo.ts";

describe("Topology Zoo import: counts of the six bundled files", () => {
  // GraphML nodes, GraphML edges, imported nodes, imported links, skipped (no coordinates), parallel edges merged,
  // Σ capacity Gbit/s, links between co-located PoPs (per-hop delay only)
  const expected: Record<string, [number, number, number, number, number, number, number, number]> = {
    Abilene: [11, 14, 11, 14, 0, 0, 140, 0],
    AttMpls: [25, 57, 25, 56, 0, 1, 570, 0],
    BtEurope: [24, 37, 22, 35, 2, 0, 350, 1],
    Cogentco: [197, 245, 186, 212, 11, 2, 2140, 0],
    Geant2012: [40, 61, 37, 58, 3, 0, 495.81, 0],
    Janetbackbone: [29, 45, 28, 43, 1, 0, 430, 4],
  };
  for (const network of ZOO_NETWORKS) {
    it(network, () => {
      const { topology, skipped } = importZoo(network);
      const m = topology.meta ?? {};
      const capacityGbps = topology.links.reduce((s, l) => s + l.bandwidthBps, 0) / 1e9;
      const colocated = topology.links.filter((l) => l.delayS === 1e-4).length;
      expect([m["graphmlNodes"], m["graphmlEdges"], topology.nodes.length, topology.links.length, skipped.length, m["parallelEdgesMerged"], capacityGbps, colocated]).toEqual(
        expected[network],
      );
      expect(topology.links.every((l) => l.delayS >= 1e-4 && l.core === true)).toBe(true);
      expect(topology.nodes.every((n) => n.role === "router" && n.lat !== undefined && n.x !== undefined)).toBe(true);
    });
  }

  it("lists the skipped nodes without coordinates", () => {
    expect(importZoo("Geant2012").skipped).toEqual(["n10", "n11", "n19"]);
    expect(importZoo("Janetbackbone").skipped).toEqual(["n9"]);
  });
});

describe("Topology Zoo import: delays and capacities", () => {
  it("link delay is great-circle distance at 2/3 c plus the per-hop cost", () => {
    const { topology } = importZoo("Abilene", { perHopDelayS: 0.5e-3 });
    const byId = new Map(topology.nodes.map((n) => [n.id, n]));
    for (const l of topology.links) {
      const a = byId.get(l.a)!;
      const b = byId.get(l.b)!;
      const fibre = haversineM({ lat: a.lat!, lon: a.lon! }, { lat: b.lat!, lon: b.lon! }) / ((2 / 3) * 299_792_458);
      expect(l.delayS).toBeCloseTo(fibre + 0.5e-3, 15);
    }
  });

  it("routes New York → Los Angeles over Abilene in 23.09 ms one way", () => {
    const { topology } = importZoo("Abilene");
    const id = (label: string) => topology.nodes.find((n) => n.label === label)!.id;
    const label = (nid: string) => topology.nodes.find((n) => n.id === nid)!.label;
    const paths = new PathFinder(topology);
    expect(paths.pathDelay(id("New York"), id("Los Angeles"))).toBeCloseTo(0.0230894041, 10);
    expect(paths.path(id("New York"), id("Los Angeles")).map(label)).toEqual(["New York", "Washington DC", "Atlanta", "Houston", "Los Angeles"]);
  });

  it("takes capacities from LinkSpeedRaw and sums parallel circuits", () => {
    const geant = importZoo("Geant2012").topology.links.map((l) => l.bandwidthBps);
    expect([...new Set(geant)].sort((a, b) => a - b)).toEqual([155e6, 1e9, 2.5e9, 10e9]);
    const cogent = importZoo("Cogentco", { bandwidthBps: 1e9 }).topology.links.filter((l) => l.bandwidthBps === 2e9);
    expect(cogent.length).toBe(2);
  });
});

describe("Topology Zoo import: options and errors", () => {
  it("keeps unlocated nodes without a position when asked", () => {
    const { topology, skipped } = importZoo("Cogentco", { keepUnlocated: true });
    expect([topology.nodes.length, topology.links.length, skipped.length]).toEqual([197, 243, 0]);
    expect(topology.nodes.filter((n) => n.x === undefined).length).toBe(11);
  });

  it("makes PoPs vNF hosts and hangs the NFVI and internet off the best-connected PoP", () => {
    const { topology } = importZoo("Abilene", { edgeDevice: "nexcom-cps-200", nfviDevice: "nfvi-xeon" });
    expect(topology.nodes.filter((n) => n.role === "edge" && n.device === "nexcom-cps-200" && n.cellRangeM === 10_000).length).toBe(11);
    expect(topology.links.slice(-2)).toEqual([
      { id: "l14", a: "n4", b: "nfvi", delayS: 1e-4, bandwidthBps: 10e9, core: true },
      { id: "l15", a: "n4", b: "internet", delayS: 1e-4, bandwidthBps: 10e9, core: true },
    ]);
    expect(topology.nodes.find((n) => n.id === "n4")?.label).toBe("Sunnyvale");
  });

  it("names the file of a bad GraphML", () => {
    const dir = mkdtempSync(join(tmpdir(), "gnf-zoo-"));
    const notGraphml = join(dir, "x.graphml");
    writeFileSync(notGraphml, "<svg></svg>");
    expect(() => importZoo(notGraphml)).toThrow(`${notGraphml}: not a GraphML file: expected <graphml><graph>…</graph></graphml>`);
    const noCoordinates = join(dir, "y.graphml");
    writeFileSync(noCoordinates, '<graphml><graph><node id="0"/><node id="1"/><edge source="0" target="1"/></graph></graphml>');
    expect(() => importZoo(noCoordinates)).toThrow(`${noCoordinates}: no node has Latitude/Longitude`);
    expect(() => importZoo(join(dir, "missing.graphml"))).toThrow("cannot read GraphML");
  });
});
