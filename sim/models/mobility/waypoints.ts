/**
 * Scripted walks: every UE follows the same polyline of waypoints at a constant speed, UE i
 * starting `stagger · i` seconds after UE 0 (it waits at the first waypoint until then) and
 * pausing `pause` seconds at each waypoint. Deterministic: draws no random numbers. Positions are
 * metres in the area frame, whose (0, 0) is the south-west corner of the cells.
 *
 * @example a UE walking along a street of four Wi-Fi cells 60 m apart:
 *   mobility: { model: waypoints, speed: 1.4, points: [[0, 0], [180, 0]] }
 */
import type { TraceSample } from "./trace-replay.ts";

export interface WaypointParams {
  /** m/s, > 0. */
  speed: number;
  /** [x, y] in metres; at least two. */
  points: readonly (readonly [number, number])[];
  /** Seconds between the starts of consecutive UEs. */
  stagger: number;
  /** Seconds spent at each intermediate waypoint. */
  pause: number;
}

/** The trace samples of `count` UEs walking the polyline (ids ue-0, ue-1, … in order). */
export function waypointSamples(count: number, p: WaypointParams): TraceSample[] {
  const samples: TraceSample[] = [];
  for (let ue = 0; ue < count; ue++) {
    const id = `ue-${ue}`;
    let t = p.stagger * ue;
    const [x0, y0] = p.points[0] as readonly [number, number];
    samples.push({ time: t, id, x: x0, y: y0 });
    for (let k = 1; k < p.points.length; k++) {
      const [ax, ay] = p.points[k - 1] as readonly [number, number];
      const [bx, by] = p.points[k] as readonly [number, number];
      t += Math.hypot(bx - ax, by - ay) / p.speed;
      samples.push({ time: t, id, x: bx, y: by });
      if (p.pause > 0 && k < p.points.length - 1) {
        t += p.pause;
        samples.push({ time: t, id, x: bx, y: by });
      }
    }
  }
  return samples;
}
