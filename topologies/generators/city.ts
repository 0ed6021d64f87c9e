/**
 * Residential city: `blocksX × blocksY` street blocks of `blockSizeM` metres; each block has
 * `homesPerBlock` home routers (edge nodes with a Wi-Fi cell) placed uniformly at random inside the
 * block (5–95% of its side, seeded), all wired to a street cabinet (aggregation) at the block's
 * centre; cabinets to one `metro` node at the city centre → `core` → central `nfvi` and `internet`.
 * Link delay = straight-line fibre distance at 2/3 c + per-hop; backbone delays as given.
 * Ids: `home-<bx>-<by>-<h>`, `cab-<bx>-<by>`, `metro`, `core`, `nfvi`, `internet`.
 */
import type { RandomStream } from "../../base/rng.ts";
import type { Topology, TopologyNode } from "../types.ts";
import { addBackbone, TopologyBuilder } from "./build.ts";
import type { CityParams } from "./params.ts";

export function cityTopology(p: CityParams, rng: RandomStream): Topology {
  const b = new TopologyBuilder(p.perHopDelayS);
  const metro: TopologyNode = { id: "metro", role: "metro", x: (p.blocksX * p.blockSizeM) / 2, y: (p.blocksY * p.blockSizeM) / 2 };
  addBackbone(b, metro, p);
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
