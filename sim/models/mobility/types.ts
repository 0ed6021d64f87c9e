import type { RandomStream, RngStreams } from "../../../base/rng.ts";
import type { ConvexPolygon } from "./region.ts";
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
  /**
   * Optional convex region inside the rectangle where UEs live (static and random waypoint;
   * the other models reject it).
   */
  region?: ConvexPolygon;
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

/** Places every UE at a uniform position in the area (or its region), drawing from its own stream. */
export function placeUniformly(x: Float64Array, y: Float64Array, rngs: readonly RandomStream[], area: Area): void {
  const point = { x: 0, y: 0 };
  rngs.forEach((r, i) => {
    if (area.region) {
      area.region.sample(r, point);
      x[i] = point.x;
      y[i] = point.y;
      return;
    }
    x[i] = r.uniform(0, area.width);
    y[i] = r.uniform(0, area.height);
  });
}
