export type { Area, MobilityModel } from "./types.ts";
export { RandomWaypoint, type RandomWaypointParams } from "./random-waypoint.ts";
export { RandomWalk, reflect, type RandomWalkParams } from "./random-walk.ts";
export { GaussMarkov, type GaussMarkovParams } from "./gauss-markov.ts";
export { ManhattanGrid, type ManhattanParams } from "./manhattan.ts";
export { StaticPositions } from "./static.ts";
export { TraceReplay, readTrace, type TraceSample, type TraceReadOptions } from "./trace-replay.ts";
export { uesSchema, mobilitySchema, createMobility, MOBILITY, type UesConfig, type MobilityConfig } from "./config.ts";
