/**
 * Grid: `rows × cols` edge devices `e-<r>-<c>` spaced `spacingM` metres apart with 4-neighbour
 * links (fibre delay + per-hop); `e-0-0` uplinks to `metro` (per-hop only) → `core` → `nfvi`,
 * `internet`. Deterministic (no randomness).
 */
import type { Topology, TopologyNode } from "../types.ts";
import { addBackbone, TopologyBuilder } from "./build.ts";
import type { GridParams } from "./params.ts";

export function gridTopology(p: GridParams): Topology {
  const b = new TopologyBuilder(p.perHopDelayS);
  const at = (r: number, c: number): TopologyNode => ({ id: `e-${r}-${c}`, role: "edge", device: p.device, x: c * p.spacingM, y: r * p.spacingM, cellRangeM: p.cellRangeM });
  for (let r = 0; r < p.rows; r++) for (let c = 0; c < p.cols; c++) b.node(at(r, c));
  for (let r = 0; r < p.rows; r++) {
    for (let c = 0; c < p.cols; c++) {
      if (c + 1 < p.cols) b.spatial(at(r, c), at(r, c + 1), p.accessBandwidthBps);
      if (r + 1 < p.rows) b.spatial(at(r, c), at(r + 1, c), p.accessBandwidthBps);
    }
  }
  const metro: TopologyNode = { id: "metro", role: "metro", x: 0, y: 0 };
  addBackbone(b, metro, p);
  b.fixed("e-0-0", "metro", 0, p.accessBandwidthBps);
  return { name: "grid", nodes: b.nodes, links: b.links, meta: { generator: "grid", rows: p.rows, cols: p.cols } };
}
