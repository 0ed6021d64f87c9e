/** Parameters of the topology generators (zod schemas with documented defaults). */
import { z } from "zod";
import { seconds } from "../../scenarios/schema/units.ts";

const common = {
  perHopDelayS: seconds({ allowZero: true }).default(1e-4).describe("switching delay added to every link, seconds"),
  accessBandwidthBps: z.number().positive().default(1e9).describe("capacity of access and aggregation links, bit/s"),
  coreBandwidthBps: z.number().positive().default(100e9).describe("capacity of core links, bit/s"),
  nfviDevice: z.string().default("nfvi-i7").describe("device model of the central NFVI (topologies/devices.yaml)"),
  metroToCoreS: seconds({ allowZero: true }).default(1e-3).describe("metro → core delay, seconds"),
  coreToNfviS: seconds({ allowZero: true }).default(2e-3).describe("core → central NFVI delay, seconds"),
  coreToInternetS: seconds({ allowZero: true }).default(10e-3).describe("core → internet delay, seconds"),
  cellRangeM: z.number().positive().default(30).describe("radio cell range of edge devices, metres (Wi-Fi ≈ 30 m)"),
};

export const cityParams = z
  .object({
    type: z.literal("city"),
    blocksX: z.number().int().min(1).max(1000).default(4),
    blocksY: z.number().int().min(1).max(1000).default(4),
    homesPerBlock: z.number().int().min(1).max(1000).default(10),
    blockSizeM: z.number().positive().default(100).describe("side of a street block, metres"),
    homeDevice: z.string().default("tp-link-archer-c9").describe("device model of the home routers"),
    ...common,
  })
  .strict();

export const gridParams = z
  .object({
    type: z.literal("grid"),
    rows: z.number().int().min(1).max(1000).default(5),
    cols: z.number().int().min(1).max(1000).default(5),
    spacingM: z.number().positive().default(100),
    device: z.string().default("nexcom-cps-200"),
    ...common,
  })
  .strict();

export const treeParams = z
  .object({
    type: z.literal("tree"),
    depth: z.number().int().min(1).max(10).default(3),
    fanout: z.number().int().min(1).max(100).default(3),
    levelDelayS: seconds({ allowZero: true }).default(5e-4).describe("delay of each tree link, seconds"),
    device: z.string().default("tp-link-archer-c9"),
    ...common,
  })
  .strict();

export const starParams = z
  .object({
    type: z.literal("star"),
    leaves: z.number().int().min(1).max(100_000).default(8),
    radiusM: z.number().positive().default(200),
    device: z.string().default("tp-link-archer-c9"),
    ...common,
  })
  .strict();

export type CityParams = z.output<typeof cityParams>;
export type GridParams = z.output<typeof gridParams>;
export type TreeParams = z.output<typeof treeParams>;
export type StarParams = z.output<typeof starParams>;
