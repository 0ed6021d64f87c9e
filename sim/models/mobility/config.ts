/** The scenario's `ues` section: how many UEs and how they move; and the MOBILITY registry. */
import { z } from "zod";
import type { RngStreams } from "../../engine/rng.ts";
import { GaussMarkov } from "./gauss-markov.ts";
import { ManhattanGrid } from "./manhattan.ts";
import { RandomWalk } from "./random-walk.ts";
import { RandomWaypoint } from "./random-waypoint.ts";
import { StaticPositions } from "./static.ts";
import { readTrace, TraceReplay } from "./trace-replay.ts";
import type { Area, MobilityModel } from "./types.ts";

const speed = z.number().min(0).describe("m/s");
export const mobilitySchema = z.discriminatedUnion("model", [
  z.object({ model: z.literal("static") }).strict(),
  z.object({ model: z.literal("random-waypoint"), minSpeed: speed.default(0.5), maxSpeed: speed.default(1.5), pause: z.number().min(0).default(30).describe("pause at waypoints, s") }).strict(),
  z.object({ model: z.literal("random-walk"), minSpeed: speed.default(0.5), maxSpeed: speed.default(1.5), legTime: z.number().positive().default(30).describe("s") }).strict(),
  z.object({ model: z.literal("gauss-markov"), alpha: z.number().min(0).max(1).default(0.75), meanSpeed: speed.default(1.2), speedStd: z.number().min(0).default(0.3), meanDirection: z.number().default(0), directionStd: z.number().min(0).default(0.5) }).strict(),
  z.object({ model: z.literal("manhattan"), blockSize: z.number().positive().default(100), minSpeed: speed.default(0.5), maxSpeed: speed.default(1.5), turnProbability: z.number().min(0).max(0.5).default(0.25) }).strict(),
  z.object({ model: z.literal("trace"), file: z.string().describe("CSV: time,id,x,y or time,id,lat,lon, or Latitude,Longitude"), sampleInterval: z.number().positive().default(1), oneUePerRow: z.boolean().default(false) }).strict(),
]);

export const uesSchema = z
  .object({
    count: z.number().int().min(0).max(1_000_000).default(10).describe("number of UEs (ignored for traces: one per trace id)"),
    mobility: mobilitySchema.default({ model: "random-waypoint", minSpeed: 0.5, maxSpeed: 1.5, pause: 30 }),
    step: z.number().positive().default(1).describe("mobility time step, s"),
  })
  .strict();

export type MobilityConfig = z.output<typeof mobilitySchema>;
export type UesConfig = z.output<typeof uesSchema>;

/** Builds the mobility model for `count` UEs in `area`. */
export function createMobility(config: MobilityConfig, count: number, area: Area, rng: RngStreams): MobilityModel {
  switch (config.model) {
    case "static":
      return new StaticPositions(count, area, rng);
    case "random-waypoint":
      return new RandomWaypoint(count, area, config, rng);
    case "random-walk":
      return new RandomWalk(count, area, config, rng);
    case "gauss-markov":
      return new GaussMarkov(count, area, config, rng);
    case "manhattan":
      return new ManhattanGrid(count, area, config, rng);
    case "trace":
      return new TraceReplay(readTrace(config.file, config));
  }
}

/** Model names, for help texts. */
export const MOBILITY = mobilitySchema.options.map((o) => o.shape.model.value);
