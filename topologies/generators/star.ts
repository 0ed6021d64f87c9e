/**
 * Star: `leaves` edge devices `e-<i>` evenly on a circle of `radiusM` metres around one aggregation
 * `hub` (fibre delay + per-hop), the hub uplinked to `metro` (per-hop only) → `core` → `nfvi`,
 * `internet`. Deterministic (no randomness).
 */
import type { Topology, TopologyNode } from "../types.ts";
import { addBackbone, TopologyBuilder } from "./build.ts";
import type { StarParams } from "./params.ts";

export function starTopology(p: StarParams): Topology {
  const b = new TopologyBuilder(p.perHopDelayS);
  const hub: TopologyNode = { id: "hub", role: "aggregation", x: 0, y: 0 };
  b.node(hub);
  for (let i = 0; i < p.leaves; i++) {
    const angle = (2 * Math.PI * i) / p.leaves;
    const leaf: TopologyNode = { id: `e-${i}`, role: "edge", device: p.device, x: p.radiusM * Math.cos(angle), y: p.radiusM * Math.sin(angle), cellRangeM: p.cellRangeM };
    b.node(leaf);
    b.spatial(leaf, hub, p.accessBandwidthBps);
  }
  const metro: TopologyNode = { id: "metro", role: "metro", x: 0, y: 0 };
  addBackbone(b, metro, p);
  b.fixed("hub", "metro", 0, p.accessBandwidthBps);
  return { name: "star", nodes: b.nodes, links: b.links, meta: { generator: "star", leaves: p.leaves } };
}
