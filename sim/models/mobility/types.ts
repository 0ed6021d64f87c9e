import type { RandomStream, RngStreams } from "../../engine/rng.ts";
/**
 * Mobility models move UEs in a planar area (metres, seconds, m/s). Each model keeps its UEs'
 * state in flat arrays (struct of arrays) so stepping 10,000 UEs allocates nothing; positions are
 * read back through `x[i]`, `y[i]`. Each UE draws from its own stream (`mobility/ue-<i>`), so
 * adding a UE never changes another UE's path.
 */
export interface Area {
  /** Width (x extent) and height (y extent) of the area, metres; the area is [0, width] × [0, height]. */
  width: number;
  height: number;
}

export interface MobilityModel {
  readonly name: string;
  readonly count: number;
  /** Positions, metres. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Advances every UE by `dt` seconds. */
  step(dt: number): void;
}

/** One stream per UE (`mobility/ue-<index>`), so adding a UE never changes another UE's draws. */
export function ueStreams(rng: RngStreams, count: number, firstUe: number): RandomStream[] {
  return Array.from({ length: count }, (_, i) => rng.stream(`mobility/ue-${firstUe + i}`));
}

/** Places every UE at a uniform position in the area, drawing from its own stream. */
export function placeUniformly(x: Float64Array, y: Float64Array, rngs: readonly RandomStream[], area: Area): void {
  rngs.forEach((r, i) => {
    x[i] = r.uniform(0, area.width);
    y[i] = r.uniform(0, area.height);
  });
}
