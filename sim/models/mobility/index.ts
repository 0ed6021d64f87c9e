export type { Area, MobilityModel } from "./types.ts";
export { meanDistanceInRectangle, meanPairDistance } from "./area.ts";
export { ConvexPolygon, projectPolygon, MELBOURNE_CBD_POLYGON, type Point } from "./region.ts";
export { RandomWaypoint, randomWaypointMeanSpeed, type RandomWaypointParams } from "./random-waypoint.ts";
export { RandomWalk, reflect, type RandomWalkParams } from "./random-walk.ts";
export { GaussMarkov, type GaussMarkovParams } from "./gauss-markov.ts";
export { ManhattanGrid, type ManhattanParams } from "./manhattan.ts";
export { StaticPositions } from "./static.ts";
export { TraceReplay, readTrace, type TraceSample, type TraceReadOptions } from "./trace-replay.ts";
export { MOBILITY_DATA } from "./data-files.ts";
export {
  uesSchema,
  mobilitySchema,
  createMobility,
  MOBILITY,
  MOBILITY_MODELS,
  type MobilityEntry,
  type MobilityContext,
  type MobilityModelName,
  type UesConfig,
  type MobilityConfig,
} from "./config.ts";
