/** Placement algorithms by name (like Mininet's registries); `latency-ilp` loads HiGHS first. */
import { RandomStream } from "../sim/engine/rng.ts";
import { bestFit, centralOnly, firstFit, nearestEdge, randomPlacer } from "./algorithms/greedy.ts";
import { createLatencyIlp } from "./algorithms/latency-ilp.ts";
import type { Placer } from "./types.ts";

export const PLACERS = {
  "nearest-edge": async () => nearestEdge(),
  "central-only": async () => centralOnly(),
  "first-fit": async () => firstFit(),
  "best-fit": async () => bestFit(),
  random: async (seed: number | string = 1) => randomPlacer(new RandomStream(`${seed}/placement/random`)),
  "latency-ilp": () => createLatencyIlp(),
} satisfies Record<string, (seed?: number | string) => Promise<Placer>>;

export type PlacerName = keyof typeof PLACERS;
export const PLACER_NAMES = Object.keys(PLACERS) as PlacerName[];

export function createPlacer(name: PlacerName, seed?: number | string): Promise<Placer> {
  return PLACERS[name](seed);
}
