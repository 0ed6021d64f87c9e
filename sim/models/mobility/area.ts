/**
 * Geometry of the rectangular mobility area [0, width] × [0, height] (metres).
 */
import type { Area } from "./types.ts";

/**
 * Mean distance between two independent uniform points in a `width` × `height` rectangle, metres
 * (Ghosh 1951): for a unit square 0.5214054. Used by the random waypoint model's steady state.
 */
export function meanDistanceInRectangle(width: number, height: number): number {
  const a = width;
  const b = height;
  if (a <= 0 || b <= 0) return a > 0 ? a / 3 : b > 0 ? b / 3 : 0;
  const d = Math.hypot(a, b);
  return (a ** 3 / b ** 2 + b ** 3 / a ** 2 + d * (3 - a ** 2 / b ** 2 - b ** 2 / a ** 2)) / 15 + ((b ** 2 / a) * Math.acosh(d / b) + (a ** 2 / b) * Math.acosh(d / a)) / 6;
}

/**
 * Throws a RangeError unless the area has a positive, finite width and height, and its region (if
 * any) lies inside it and the model supports regions.
 */
export function checkArea(area: Area, model?: string, supportsRegion = false): void {
  if (!(area.width > 0 && area.height > 0 && Number.isFinite(area.width) && Number.isFinite(area.height))) {
    throw new RangeError(`mobility area must have positive finite width and height, got ${area.width} × ${area.height} m`);
  }
  const r = area.region;
  if (!r) return;
  if (!supportsRegion) throw new RangeError(`mobility model ${model ?? "?"} does not support a polygonal region (static and random-waypoint do)`);
  if (r.minX < -1e-6 || r.minY < -1e-6 || r.maxX > area.width + 1e-6 || r.maxY > area.height + 1e-6) {
    throw new RangeError(`the mobility region [${r.minX}, ${r.maxX}] × [${r.minY}, ${r.maxY}] m is not inside the ${area.width} × ${area.height} m area`);
  }
}

/** Mean distance between two uniform points of the area's region, or of its rectangle, metres. */
export function meanPairDistance(area: Area): number {
  return area.region ? area.region.meanPairDistance() : meanDistanceInRectangle(area.width, area.height);
}
