export type { HostKind, HostState, VnfRequest, PlacementProblem, Placement, PlacementStats, Placer, Infeasible, Clock } from "./types.ts";
export { Residual, assertWithinCapacity, totalLatency, noHostReason, withinBound } from "./capacity.ts";
export { nearestEdge, centralOnly, firstFit, bestFit, randomPlacer } from "./algorithms/greedy.ts";
export { createLatencyIlp, type LatencyIlpOptions } from "./algorithms/latency-ilp.ts";
export { loadHighs } from "./ilp/highs.ts";
export { PLACERS, PLACER_NAMES, createPlacer, placerFromConfig, type PlacerName } from "./registry.ts";
export { placementConfigSchema, replacementConfigSchema, latencyIlpConfigSchema, PLACER_CHOICES, type PlacementConfig, type ReplacementConfig, type LatencyIlpConfig } from "./config.ts";
export * from "./dynamic/index.ts";
