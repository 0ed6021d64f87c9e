/**
 * The scenario's `topology` section and `buildTopology`, with the registry of topology sources
 * (Mininet's `TOPOS`): generators (`city`, `grid`, `tree`, `star`) and real data (`zoo`,
 * `eua-melbourne`, `ifogsim-melbourne`). `type` selects the source; the other keys are its
 * parameters, with documented defaults.
 *
 * @example
 *   topology: { type: city, blocksX: 3, blocksY: 3, homesPerBlock: 6 }
 *   topology: { type: zoo, network: Abilene, edgeDevice: nexcom-cps-200, nfviDevice: nfvi-xeon }
 *   topology: { type: eua-melbourne, siteDevice: nexcom-cps-200, aggregationCellM: 500 }
 */
import { z } from "zod";
import { UserError } from "../base/errors.ts";
import { closestName } from "../base/config/closest-name.ts";
import { seconds } from "../base/units.ts";
import type { RandomStream } from "../base/rng.ts";
import { checkTopology } from "./check.ts";
import { cityParams, cityTopology, commonParams, gridParams, gridTopology, starParams, starTopology, treeParams, treeTopology } from "./generators/index.ts";
import { importEuaMelbourne, importIfogsimMelbourne } from "./import/edge-sites.ts";
import { importZoo, ZOO_NETWORKS } from "./import/zoo.ts";
import type { Topology } from "./types.ts";

const zooParams = z
  .object({
    type: z.literal("zoo"),
    network: z.enum(ZOO_NETWORKS).describe("one of the bundled Topology Zoo networks"),
    perHopDelayS: seconds({ allowZero: true }).default(1e-4).describe("switching delay added to every link's great-circle fibre delay, seconds"),
    bandwidthBps: z.number().positive().default(10e9).describe("capacity of links the file gives no LinkSpeedRaw for, bit/s"),
    keepUnlocated: z.boolean().default(false).describe("keep nodes without coordinates (their links get the per-hop delay only)"),
    edgeDevice: z.string().min(1).optional().describe("when set, every PoP is an edge node hosting vNFs with this device model"),
    cellRangeM: z.number().positive().default(10_000).describe("radio cell range of PoPs made edge nodes, metres"),
    nfviDevice: z.string().min(1).optional().describe("when set, a central NFVI with this device model and the internet hang off the best-connected PoP"),
  })
  .strict()
  .describe("a Topology Zoo backbone (CC BY 4.0): delays from great-circle distance at 2/3 c plus a per-hop cost");

const edgeSiteParams = {
  ...commonParams,
  siteDevice: z.string().min(1).default("nexcom-cps-200").describe("device model of the edge sites: a device key of topologies/devices/devices.yaml"),
  nfviDevice: z.string().min(1).default("nfvi-xeon").describe("device model of the central NFVI: a device key of topologies/devices/devices.yaml"),
  cellRangeM: z.number().positive().default(250).describe("radio cell range of each site, metres"),
};
const euaParams = z
  .object({
    type: z.literal("eua-melbourne"),
    aggregationCellM: z.number().positive().default(500).describe("side of the square cells grouping sites under one aggregation switch, metres"),
    ...edgeSiteParams,
  })
  .strict()
  .describe("the 125 EUA Melbourne CBD base-station sites with a built backhaul (site → aggregation → metro → core → NFVI, internet)");
const ifogsimParams = z
  .object({ type: z.literal("ifogsim-melbourne"), ...edgeSiteParams })
  .strict()
  .describe("the 131 iFogSim2 Melbourne CBD resources: gateways → proxies → data centre (the NFVI)");

export const topologySchema = z
  .discriminatedUnion("type", [cityParams, gridParams, treeParams, starParams, zooParams, euaParams, ifogsimParams])
  .describe("the network: a generator (city, grid, tree, star) or real data (zoo, eua-melbourne, ifogsim-melbourne)");

export type TopologyConfig = z.output<typeof topologySchema>;
export type TopologyType = TopologyConfig["type"];

/** Registry: topology type → builder of the plain-data topology. Only `city` draws random numbers. */
export const TOPOLOGIES: { [K in TopologyType]: (config: Extract<TopologyConfig, { type: K }>, rng: RandomStream) => Topology } = {
  city: (c, rng) => cityTopology(c, rng),
  grid: (c) => gridTopology(c),
  tree: (c) => treeTopology(c),
  star: (c) => starTopology(c),
  zoo: (c) => importZoo(c.network, c).topology,
  "eua-melbourne": (c) => importEuaMelbourne(c),
  "ifogsim-melbourne": (c) => importIfogsimMelbourne(c),
};

/** Config keys that name a device model. */
const DEVICE_KEYS = ["device", "homeDevice", "siteDevice", "edgeDevice", "nfviDevice"] as const;

/**
 * Builds the topology a (parsed) `topology` section describes. Device models are checked against
 * `deviceKeys` (default: the keys of topologies/devices/devices.yaml): an unknown one is a UserError naming
 * `topology.<key>`. The result is checked with `checkTopology`. Deterministic given `rng`'s seed.
 */
export function buildTopology(config: TopologyConfig, rng: RandomStream, deviceKeys: readonly string[]): Topology {
  const record = config as Record<string, unknown>;
  for (const key of DEVICE_KEYS) {
    const value = record[key];
    if (typeof value !== "string" || deviceKeys.includes(value)) continue;
    const hint = closestName(value, deviceKeys);
    throw new UserError(`topology.${key}: unknown device "${value}"${hint ? ` (did you mean "${hint}"?)` : ""}; expected one of ${deviceKeys.join(", ")}`);
  }
  const build = TOPOLOGIES[config.type] as (c: TopologyConfig, r: RandomStream) => Topology;
  const topology = build(config, rng);
  checkTopology(topology, { where: `topology (${config.type})`, deviceKeys });
  return topology;
}
