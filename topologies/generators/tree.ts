/**
 * Tree: `core` at the root (with `nfvi` and `internet` beside it), `depth` levels of `fanout`
 * children each; inner levels are aggregation nodes `agg-<path>`, the leaves edge devices
 * `e-<path>` (path = child indices joined by dots, e.g. `e-0.1.2`). Every tree link has
 * `levelDelayS` + per-hop; links out of the core are core links. The wired delays ignore
 * geography; with `leafSpacingM` the leaves stand on a west–east line that far apart (positions
 * for their radio cells only), else they have no positions.
 * Size: fanout^depth edge devices, Σ_{k=1}^{depth-1} fanout^k aggregation nodes.
 */
import type { Topology } from "../types.ts";
import { TopologyBuilder } from "./build.ts";
import type { TreeParams } from "./params.ts";

export function treeTopology(p: TreeParams): Topology {
  const b = new TopologyBuilder(p.perHopDelayS);
  b.node({ id: "core", role: "core" });
  b.node({ id: "nfvi", role: "nfvi", device: p.nfviDevice });
  b.node({ id: "internet", role: "internet" });
  b.fixed("core", "nfvi", p.coreToNfviS, p.coreBandwidthBps, true);
  b.fixed("core", "internet", p.coreToInternetS, p.coreBandwidthBps, true);
  let level = ["core"];
  let leafIndex = 0;
  for (let depth = 1; depth <= p.depth; depth++) {
    const next: string[] = [];
    for (const parent of level) {
      for (let k = 0; k < p.fanout; k++) {
        const leaf = depth === p.depth;
        const id = `${leaf ? "e" : "agg"}-${parent === "core" ? "" : `${parent.replace(/^(agg|e)-/, "")}.`}${k}`;
        const at = leaf && p.leafSpacingM !== undefined ? { x: leafIndex++ * p.leafSpacingM, y: 0 } : {};
        b.node(leaf ? { id, role: "edge", device: p.device, cellRangeM: p.cellRangeM, ...at } : { id, role: "aggregation" });
        b.fixed(parent, id, p.levelDelayS, depth === 1 ? p.coreBandwidthBps : p.accessBandwidthBps, depth === 1);
        next.push(id);
      }
    }
    level = next;
  }
  return { name: "tree", nodes: b.nodes, links: b.links, meta: { generator: "tree", depth: p.depth, fanout: p.fanout } };
}
