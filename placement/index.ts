export type { HostKind, HostState, VnfRequest, PlacementProblem, Placement, Placer, Infeasible } from "./types.ts";
export { Residual, assertWithinCapacity, totalLatency, noHostReason } from "./capacity.ts";
export { nearestEdge, centralOnly, firstFit, bestFit, randomPlacer } from "./algorithms/greedy.ts";
export { createLatencyIlp } from "./algorithms/latency-ilp.ts";
export { PLACERS, PLACER_NAMES, createPlacer, type PlacerName } from "./registry.ts";
