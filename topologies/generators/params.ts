/**
 * Parameters of the topology generators: zod schemas with documented defaults (units in names).
 * `type` selects the generator in the scenario's `topology` section (see `../config.ts`).
 */
import { z } from "zod";
import { seconds } from "../../base/units.ts";

const size = (max: number, fallback: number, what: string) => z.number().int().min(1).max(max).default(fallback).describe(what);
const deviceKey = (fallback: string, what: string) => z.string().min(1).default(fallback).describe(`${what}: a device key of topologies/devices/devices.yaml`);

/** Parameters every generated or imported edge topology shares: link capacities, backbone delays, NFVI device, cell range. */
export const commonParams = {
  perHopDelayS: seconds({ allowZero: true }).default(1e-4).describe("switching delay added to every link, seconds"),
  accessBandwidthBps: z.number().positive().default(1e9).describe("capacity of access and aggregation links, bit/s"),
  coreBandwidthBps: z.number().positive().default(100e9).describe("capacity of core links, bit/s"),
  nfviDevice: deviceKey("nfvi-i7", "device model of the central NFVI"),
  metroToCoreS: seconds({ allowZero: true }).default(1e-3).describe("metro → core delay, seconds"),
  coreToNfviS: seconds({ allowZero: true }).default(2e-3).describe("core → central NFVI delay, seconds"),
  coreToInternetS: seconds({ allowZero: true }).default(10e-3).describe("core → internet delay, seconds"),
  cellRangeM: z.number().positive().default(30).describe("radio cell range of edge devices, metres (Wi-Fi ≈ 30 m)"),
};

export const cityParams = z
  .object({
    type: z.literal("city"),
    blocksX: size(1000, 4, "street blocks west–east"),
    blocksY: size(1000, 4, "street blocks south–north"),
    homesPerBlock: size(1000, 10, "home routers per street block"),
    blockSizeM: z.number().positive().default(100).describe("side of a street block, metres"),
    homeDevice: deviceKey("tp-link-archer-c9", "device model of the home routers"),
    ...commonParams,
  })
  .strict()
  .describe("residential city: home routers per street block → street cabinet → metro → core → NFVI and internet");

export const gridParams = z
  .object({
    type: z.literal("grid"),
    rows: size(1000, 5, "rows of edge devices"),
    cols: size(1000, 5, "columns of edge devices"),
    spacingM: z.number().positive().default(100).describe("distance between neighbouring devices, metres"),
    device: deviceKey("nexcom-cps-200", "device model of the edge devices"),
    ...commonParams,
  })
  .strict()
  .describe("rows × cols edge devices with 4-neighbour links; e-0-0 uplinks to metro → core → NFVI and internet");

export const treeParams = z
  .object({
    type: z.literal("tree"),
    depth: size(10, 3, "levels below the core (the last level holds the edge devices)"),
    fanout: size(100, 3, "children per node"),
    levelDelayS: seconds({ allowZero: true }).default(5e-4).describe("delay of each tree link, seconds"),
    leafSpacingM: z
      .number()
      .positive()
      .optional()
      .describe("when given, the edge devices stand on a west–east line this many metres apart (x = i · spacing, y = 0, in leaf order) so their radio cells can hand UEs over; without it they have no positions"),
    device: deviceKey("tp-link-archer-c9", "device model of the edge devices (leaves)"),
    ...commonParams,
  })
  .strict()
  .describe("tree rooted at the core (NFVI and internet beside it): fanout^depth edge devices as leaves");

export const starParams = z
  .object({
    type: z.literal("star"),
    leaves: size(100_000, 8, "edge devices around the hub"),
    radiusM: z.number().positive().default(200).describe("distance of the edge devices from the hub, metres"),
    device: deviceKey("tp-link-archer-c9", "device model of the edge devices"),
    ...commonParams,
  })
  .strict()
  .describe("edge devices on a circle around one aggregation hub → metro → core → NFVI and internet");

export type CityParams = z.output<typeof cityParams>;
export type GridParams = z.output<typeof gridParams>;
export type TreeParams = z.output<typeof treeParams>;
export type StarParams = z.output<typeof starParams>;
