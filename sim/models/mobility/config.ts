/**
 * The scenario's `ues` section (how many UEs, how they move) and the MOBILITY registry: model
 * name → parameter schema + factory. Units: metres, seconds, m/s, radians.
 *
 * @example
 *   ues: { count: 500, step: 1, mobility: { model: "random-waypoint", minSpeed: 0.5, maxSpeed: 1.5, pause: 30 } }
 *   ues: { mobility: { model: "trace", file: "sim/models/mobility/data/ifogsim-melbcbd/usersLocation-melbCBD_1.csv" } }
 */
import { z } from "zod";
import type { RngStreams } from "../../../base/rng.ts";
import type { LatLon } from "../../../topologies/geo.ts";
import { GaussMarkov } from "./gauss-markov.ts";
import { ManhattanGrid } from "./manhattan.ts";
import { RandomWalk } from "./random-walk.ts";
import { RandomWaypoint } from "./random-waypoint.ts";
import { StaticPositions } from "./static.ts";
import { readTrace, TraceReplay } from "./trace-replay.ts";
import type { Area, MobilityModel } from "./types.ts";
import { waypointSamples } from "./waypoints.ts";

const speed = (fallback: number, what: string) => z.number().min(0).max(100).default(fallback).describe(`${what}, m/s`);

const staticSchema = z.object({ model: z.literal("static") }).strict().describe("UEs at uniform random positions that never move");

const randomWaypointSchema = z
  .object({
    model: z.literal("random-waypoint"),
    minSpeed: z.number().gt(0, "random waypoint needs minSpeed > 0 (its mean speed decays to 0 otherwise)").max(100).default(0.5).describe("slowest leg speed, m/s (> 0)"),
    maxSpeed: speed(1.5, "fastest leg speed"),
    pause: z.number().min(0).default(30).describe("pause at each waypoint, s"),
    steadyState: z.boolean().optional().describe("start in the stationary distribution so no warm-up is needed (default false: uniform start, early legs are faster than the long-run mean)"),
  })
  .strict()
  .refine((p) => p.maxSpeed >= p.minSpeed, { message: "maxSpeed must be >= minSpeed", path: ["maxSpeed"] })
  .describe("walk to uniform waypoints at uniform speeds, pausing at each");

const randomWalkSchema = z
  .object({
    model: z.literal("random-walk"),
    minSpeed: speed(0.5, "slowest leg speed"),
    maxSpeed: speed(1.5, "fastest leg speed"),
    legMode: z.enum(["time", "distance"]).default("time").describe("legs end after legTime seconds or after legDistance metres"),
    legTime: z.number().positive().default(30).describe("leg duration for time legs, s"),
    legDistance: z.number().positive().default(30).describe("leg length for distance legs, m"),
  })
  .strict()
  .refine((p) => p.maxSpeed >= p.minSpeed, { message: "maxSpeed must be >= minSpeed", path: ["maxSpeed"] })
  .refine((p) => p.legMode === "time" || p.minSpeed > 0, { message: "distance legs need minSpeed > 0", path: ["minSpeed"] })
  .describe("uniform direction and speed per leg, reflecting at the borders");

const gaussMarkovSchema = z
  .object({
    model: z.literal("gauss-markov"),
    alpha: z.number().min(0).max(1).default(0.75).describe("memory: 0 = memoryless, 1 = straight line"),
    meanSpeed: speed(1.2, "mean speed"),
    speedStd: z.number().min(0).default(0.3).describe("stationary standard deviation of the speed, m/s"),
    meanDirection: z.number().default(0).describe("mean direction, radians (0 = +x, π/2 = +y)"),
    directionStd: z.number().min(0).default(0.5).describe("stationary standard deviation of the direction, radians"),
  })
  .strict()
  .describe("speed and direction as AR(1) processes (Liang & Haas 1999)");

const manhattanSchema = z
  .object({
    model: z.literal("manhattan"),
    blockSize: z.number().positive().default(100).describe("distance between parallel streets, m"),
    minSpeed: speed(0.5, "slowest UE speed"),
    maxSpeed: speed(1.5, "fastest UE speed"),
    turnProbability: z.number().min(0).max(0.5).default(0.25).describe("probability of turning left (and, separately, right) at an intersection"),
  })
  .strict()
  .refine((p) => p.maxSpeed >= p.minSpeed, { message: "maxSpeed must be >= minSpeed", path: ["maxSpeed"] })
  .describe("UEs on a street grid, turning at intersections");

const traceSchema = z
  .object({
    model: z.literal("trace"),
    file: z.string().min(1).describe("CSV with a header: time,id,x,y (m) or time,id,lat,lon (deg), or Latitude,Longitude rows (iFogSim / EUA files)"),
    sampleInterval: z.number().positive().default(1).describe("seconds between rows of files without a time column"),
    oneUePerRow: z.boolean().default(false).describe("files without id column: every row is its own static UE (EUA users) instead of one UE's path"),
  })
  .strict()
  .describe("replay recorded positions, linearly interpolated");

const point = z.tuple([z.number(), z.number()]).describe("[x, y], metres");
const waypointsSchema = z
  .object({
    model: z.literal("waypoints"),
    speed: z.number().gt(0).max(100).default(1.4).describe("walking speed, m/s"),
    points: z.array(point).min(2).describe("the polyline every UE walks, [[x, y], …] in metres (area frame: (0, 0) is the south-west corner of the cells)"),
    stagger: z.number().min(0).default(0).describe("seconds between the starts of consecutive UEs"),
    pause: z.number().min(0).default(0).describe("pause at each intermediate waypoint, s"),
  })
  .strict()
  .describe("scripted walks along a polyline at constant speed (deterministic)");

/** Everything a factory may need besides the model's own parameters. */
export interface MobilityContext {
  /** UEs to create (traces: ignored, one UE per trace id). */
  count: number;
  area: Area;
  rng: RngStreams;
  /** Projection origin for lat/lon traces (use the topology's), and an offset subtracted after projecting, m. */
  origin?: LatLon;
  offset?: { x: number; y: number };
}

/** One registry entry: the parameter schema (with `model`) and a factory. */
export interface MobilityEntry<S extends z.ZodType = z.ZodType> {
  schema: S;
  create(params: z.output<S>, context: MobilityContext): MobilityModel;
}

const entry = <S extends z.ZodType>(schema: S, create: (params: z.output<S>, context: MobilityContext) => MobilityModel): MobilityEntry<S> => ({ schema, create });

/** The mobility models by name (DESIGN.md rule 3: strings map to constructors via registries). */
export const MOBILITY = {
  static: entry(staticSchema, (_p, c) => new StaticPositions(c.count, c.area, c.rng)),
  "random-waypoint": entry(randomWaypointSchema, (p, c) => new RandomWaypoint(c.count, c.area, p, c.rng)),
  "random-walk": entry(randomWalkSchema, (p, c) => new RandomWalk(c.count, c.area, p, c.rng)),
  "gauss-markov": entry(gaussMarkovSchema, (p, c) => new GaussMarkov(c.count, c.area, p, c.rng)),
  manhattan: entry(manhattanSchema, (p, c) => new ManhattanGrid(c.count, c.area, p, c.rng)),
  waypoints: entry(waypointsSchema, (p, c) => new TraceReplay(waypointSamples(c.count, p))),
  trace: entry(traceSchema, (p, c) => new TraceReplay(readTrace(p.file, { ...p, ...(c.origin ? { origin: c.origin } : {}), ...(c.offset ? { offset: c.offset } : {}) }))),
} as const;

export type MobilityModelName = keyof typeof MOBILITY;
/** Model names, for help texts. */
export const MOBILITY_MODELS = Object.keys(MOBILITY) as MobilityModelName[];

export const mobilitySchema = z.discriminatedUnion("model", [staticSchema, randomWaypointSchema, randomWalkSchema, gaussMarkovSchema, manhattanSchema, waypointsSchema, traceSchema]);

export const uesSchema = z
  .object({
    count: z.number().int().min(0).max(1_000_000).default(10).describe("number of UEs (ignored for traces: one UE per trace id)"),
    mobility: mobilitySchema.default({ model: "random-waypoint", minSpeed: 0.5, maxSpeed: 1.5, pause: 30 }),
    step: z.number().positive().max(3600).default(1).describe("mobility time step, s"),
  })
  .strict();

export type MobilityConfig = z.output<typeof mobilitySchema>;
export type UesConfig = z.output<typeof uesSchema>;

/**
 * Builds the mobility model for `count` UEs in `area` from a parsed config (model + parameters).
 * Invalid areas or parameters throw a RangeError naming the constraint.
 */
export function createMobility(config: MobilityConfig, count: number, area: Area, rng: RngStreams, frame: { origin?: LatLon; offset?: { x: number; y: number } } = {}): MobilityModel {
  const context: MobilityContext = { count, area, rng, ...frame };
  const make = MOBILITY[config.model].create as (params: MobilityConfig, context: MobilityContext) => MobilityModel;
  return make(config, context);
}
