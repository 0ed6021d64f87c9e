/**
 * Topology generators (plain data, deterministic under the seed): residential city, grid, tree,
 * star. Positions in metres; link delay = distance over fibre (2/3 c) + a per-hop delay, or given
 * delays for abstract levels. Edge nodes carry a device model and a radio cell range.
 */
import type { RandomStream } from "../../sim/engine/rng.ts";
import { fibreDelayS } from "../geo.ts";
import type { Topology, TopologyLink, TopologyNode } from "../types.ts";
import type { CityParams, GridParams, StarParams, TreeParams } from "./params.ts";

class Build {
  readonly nodes: TopologyNode[] = [];
  readonly links: TopologyLink[] = [];
  constructor(private readonly perHopDelayS: number) {}

  node(n: TopologyNode): string {
    this.nodes.push(n);
    return n.id;
  }

  /** A link whose delay is the fibre distance between the two nodes' positions + per-hop. */
  spatial(a: TopologyNode, b: TopologyNode, bandwidthBps: number, core = false): void {
    const d = Math.hypot((a.x ?? 0) - (b.x ?? 0), (a.y ?? 0) - (b.y ?? 0));
    this.fixed(a.id, b.id, fibreDelayS(d), bandwidthBps, core);
  }

  fixed(a: string, b: string, delayS: number, bandwidthBps: number, core = false): void {
    this.links.push({ id: `l${this.links.length}`, a, b, delayS: delayS + this.perHopDelayS, bandwidthBps, ...(core ? { core: true } : {}) });
  }
}

/** Backbone shared by the generators: metro → core → NFVI and internet. */
function backbone(b: Build, metro: TopologyNode, p: { metroToCoreS: number; coreToNfviS: number; coreToInternetS: number; nfviDevice: string; coreBandwidthBps: number }): void {
  b.node(metro);
  b.node({ id: "core", role: "core" });
  b.node({ id: "nfvi", role: "nfvi", device: p.nfviDevice });
  b.node({ id: "internet", role: "internet" });
  b.fixed(metro.id, "core", p.metroToCoreS, p.coreBandwidthBps, true);
  b.fixed("core", "nfvi", p.coreToNfviS, p.coreBandwidthBps, true);
  b.fixed("core", "internet", p.coreToInternetS, p.coreBandwidthBps, true);
}

/** Home routers on street blocks → a street cabinet per block → metro → core → NFVI/internet. */
export function cityTopology(p: CityParams, rng: RandomStream): Topology {
  const b = new Build(p.perHopDelayS);
  const metro: TopologyNode = { id: "metro", role: "metro", x: (p.blocksX * p.blockSizeM) / 2, y: (p.blocksY * p.blockSizeM) / 2 };
  backbone(b, metro, p);
  for (let bx = 0; bx < p.blocksX; bx++) {
    for (let by = 0; by < p.blocksY; by++) {
      const cabinet: TopologyNode = { id: `cab-${bx}-${by}`, role: "aggregation", x: (bx + 0.5) * p.blockSizeM, y: (by + 0.5) * p.blockSizeM };
      b.node(cabinet);
      b.spatial(cabinet, metro, p.accessBandwidthBps);
      for (let h = 0; h < p.homesPerBlock; h++) {
        const home: TopologyNode = {
          id: `home-${bx}-${by}-${h}`,
          role: "edge",
          device: p.homeDevice,
          x: (bx + rng.uniform(0.05, 0.95)) * p.blockSizeM,
          y: (by + rng.uniform(0.05, 0.95)) * p.blockSizeM,
          cellRangeM: p.cellRangeM,
        };
        b.node(home);
        b.spatial(home, cabinet, p.accessBandwidthBps);
      }
    }
  }
  return { name: "city", nodes: b.nodes, links: b.links, meta: { generator: "city", blocksX: p.blocksX, blocksY: p.blocksY, homesPerBlock: p.homesPerBlock } };
}

/** Edge devices on a rows × cols grid with 4-neighbour links; node (0,0) uplinks to the backbone. */
export function gridTopology(p: GridParams): Topology {
  const b = new Build(p.perHopDelayS);
  const at = (r: number, c: number): TopologyNode => ({ id: `e-${r}-${c}`, role: "edge", device: p.device, x: c * p.spacingM, y: r * p.spacingM, cellRangeM: p.cellRangeM });
  for (let r = 0; r < p.rows; r++) for (let c = 0; c < p.cols; c++) b.node(at(r, c));
  for (let r = 0; r < p.rows; r++) {
    for (let c = 0; c < p.cols; c++) {
      if (c + 1 < p.cols) b.spatial(at(r, c), at(r, c + 1), p.accessBandwidthBps);
      if (r + 1 < p.rows) b.spatial(at(r, c), at(r + 1, c), p.accessBandwidthBps);
    }
  }
  const metro: TopologyNode = { id: "metro", role: "metro", x: 0, y: 0 };
  backbone(b, metro, p);
  b.fixed("e-0-0", "metro", 0, p.accessBandwidthBps);
  return { name: "grid", nodes: b.nodes, links: b.links, meta: { generator: "grid", rows: p.rows, cols: p.cols } };
}

/** A tree: the core at the root with the NFVI, aggregation levels, edge devices as leaves. */
export function treeTopology(p: TreeParams): Topology {
  const b = new Build(p.perHopDelayS);
  b.node({ id: "core", role: "core" });
  b.node({ id: "nfvi", role: "nfvi", device: p.nfviDevice });
  b.node({ id: "internet", role: "internet" });
  b.fixed("core", "nfvi", p.coreToNfviS, p.coreBandwidthBps, true);
  b.fixed("core", "internet", p.coreToInternetS, p.coreBandwidthBps, true);
  let level = ["core"];
  for (let depth = 1; depth <= p.depth; depth++) {
    const next: string[] = [];
    for (const parent of level) {
      for (let k = 0; k < p.fanout; k++) {
        const leaf = depth === p.depth;
        const id = `${leaf ? "e" : "agg"}-${parent === "core" ? "" : `${parent.replace(/^(agg|e)-/, "")}.`}${k}`;
        b.node(leaf ? { id, role: "edge", device: p.device, cellRangeM: p.cellRangeM } : { id, role: "aggregation" });
        b.fixed(parent, id, p.levelDelayS, depth === 1 ? p.coreBandwidthBps : p.accessBandwidthBps, depth === 1);
        next.push(id);
      }
    }
    level = next;
  }
  return { name: "tree", nodes: b.nodes, links: b.links, meta: { generator: "tree", depth: p.depth, fanout: p.fanout } };
}

/** `leaves` edge devices around one aggregation hub, which uplinks to the backbone. */
export function starTopology(p: StarParams): Topology {
  const b = new Build(p.perHopDelayS);
  const hub: TopologyNode = { id: "hub", role: "aggregation", x: 0, y: 0 };
  b.node(hub);
  for (let i = 0; i < p.leaves; i++) {
    const angle = (2 * Math.PI * i) / p.leaves;
    const leaf: TopologyNode = { id: `e-${i}`, role: "edge", device: p.device, x: p.radiusM * Math.cos(angle), y: p.radiusM * Math.sin(angle), cellRangeM: p.cellRangeM };
    b.node(leaf);
    b.spatial(leaf, hub, p.accessBandwidthBps);
  }
  const metro: TopologyNode = { id: "metro", role: "metro", x: 0, y: 0 };
  backbone(b, metro, p);
  b.fixed("hub", "metro", 0, p.accessBandwidthBps);
  return { name: "star", nodes: b.nodes, links: b.links, meta: { generator: "star", leaves: p.leaves } };
}
