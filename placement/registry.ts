/** Placement algorithms by name (like Mininet's registries); `latency-ilp` loads HiGHS first. */
import { RngStreams } from "../base/rng.ts";
import { bestFit, centralOnly, firstFit, nearestEdge, randomPlacer } from "./algorithms/greedy.ts";
import { createLatencyIlp, type LatencyIlpOptions } from "./algorithms/latency-ilp.ts";
import type { PlacementConfig } from "./config.ts";
import type { Placer } from "./types.ts";

/** Factories: `seed` feeds the random placer's stream; `ilp` the latency ILP's options. */
export const PLACERS = {
  "nearest-edge": async () => nearestEdge(),
  "central-only": async () => centralOnly(),
  "first-fit": async () => firstFit(),
  "best-fit": async () => bestFit(),
  random: async (seed: number | string = 1) => randomPlacer(new RngStreams(seed).stream("placement/random")),
  "latency-ilp": (_seed?: number | string, ilp?: LatencyIlpOptions) => createLatencyIlp(ilp),
} satisfies Record<string, (seed?: number | string, ilp?: LatencyIlpOptions) => Promise<Placer>>;

export type PlacerName = keyof typeof PLACERS;
export const PLACER_NAMES = Object.keys(PLACERS) as PlacerName[];

export function createPlacer(name: PlacerName, seed?: number | string, ilp?: LatencyIlpOptions): Promise<Placer> {
  const factory = PLACERS[name] as ((seed?: number | string, ilp?: LatencyIlpOptions) => Promise<Placer>) | undefined;
  if (!factory) return Promise.reject(new Error(`unknown placement algorithm "${String(name)}"; expected one of ${PLACER_NAMES.join(", ")}`));
  return factory(seed, ilp);
}

/** The placer a scenario's `placement:` section asks for (`scenarioSeed` when it sets no seed). */
export function placerFromConfig(config: PlacementConfig, scenarioSeed: number | string): Promise<Placer> {
  return createPlacer(config.algorithm, config.seed ?? scenarioSeed, { initialCandidates: config.ilp.initialCandidates, timeLimitS: config.ilp.timeLimitS });
}
