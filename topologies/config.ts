/**
 * The scenario's `topology` section and `buildTopology`, with the registry of topology sources
 * (Mininet's `TOPOS`): generators (city, grid, tree, star) and importers (Topology Zoo, EUA and
 * iFogSim Melbourne sites).
 */
import { z } from "zod";
import type { RandomStream } from "../sim/engine/rng.ts";
import { cityTopology, gridTopology, starTopology, treeTopology } from "./generators/generators.ts";
import { cityParams, gridParams, starParams, treeParams } from "./generators/params.ts";
import { importEuaMelbourne, importIfogsimMelbourne } from "./import/edge-sites.ts";
import { importZoo, ZOO_NETWORKS } from "./import/zoo.ts";
import type { Topology } from "./types.ts";

const zooParams = z
  .object({
    type: z.literal("zoo"),
    network: z.enum(ZOO_NETWORKS).describe("one of the bundled Topology Zoo networks"),
    perHopDelayS: z.number().min(0).default(1e-4),
    keepUnlocated: z.boolean().default(false).describe("keep nodes without coordinates (links of per-hop delay only)"),
  })
  .strict();

const edgeSiteParams = {
  siteDevice: z.string().default("nexcom-cps-200"),
  nfviDevice: z.string().default("nfvi-xeon"),
  cellRangeM: z.number().positive().default(250),
  perHopDelayS: z.number().min(0).default(1e-4),
};
const euaParams = z.object({ type: z.literal("eua-melbourne"), aggregationCellM: z.number().positive().default(500), ...edgeSiteParams }).strict();
const ifogsimParams = z.object({ type: z.literal("ifogsim-melbourne"), ...edgeSiteParams }).strict();

export const topologySchema = z
  .discriminatedUnion("type", [cityParams, gridParams, treeParams, starParams, zooParams, euaParams, ifogsimParams])
  .describe("the network: a generator (city, grid, tree, star) or real data (zoo, eua-melbourne, ifogsim-melbourne)");

export type TopologyConfig = z.output<typeof topologySchema>;

/** Registry: topology type → builder. */
export const TOPOLOGIES: { [K in TopologyConfig["type"]]: (config: Extract<TopologyConfig, { type: K }>, rng: RandomStream) => Topology } = {
  city: (c, rng) => cityTopology(c, rng),
  grid: (c) => gridTopology(c),
  tree: (c) => treeTopology(c),
  star: (c) => starTopology(c),
  zoo: (c) => importZoo(c.network, c).topology,
  "eua-melbourne": (c) => importEuaMelbourne(c),
  "ifogsim-melbourne": (c) => importIfogsimMelbourne(c),
};

export function buildTopology(config: TopologyConfig, rng: RandomStream): Topology {
  const build = TOPOLOGIES[config.type] as (c: TopologyConfig, r: RandomStream) => Topology;
  return build(config, rng);
}
