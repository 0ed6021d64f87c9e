/**
 * Random waypoint: pick a uniform destination in the area (or in its convex region) and a speed
 * uniform in [minSpeed, maxSpeed] (m/s), walk there in a straight line, pause `pause` seconds,
 * repeat.
 *
 * Speed decay: slow legs last longer, so the time-average speed is not the mean of the speed
 * range. With L the leg length (E[L] = mean distance between two uniform points of the area) and
 * E[1/V] = ln(vmax/vmin)/(vmax − vmin), the long-run average speed is
 *   E[L] / (E[L]·E[1/V] + pause),
 * which is (vmax − vmin)/ln(vmax/vmin) without pauses — below (vmin + vmax)/2. With minSpeed = 0
 * it decays to 0, hence minSpeed > 0 is required.
 *
 * Start: with `steadyState: true` UEs start in the stationary distribution (Navidi & Camp,
 * "Stationary distributions for the random waypoint mobility model", IEEE TMC 2004): paused with
 * probability pause/(pause + E[L]·E[1/V]) at a uniform point with a uniform residual pause;
 * otherwise on a leg drawn with density ∝ its length, at a uniform point of it, with a speed of
 * density ∝ 1/v. No warm-up is needed. With `steadyState: false` (the default, kept for
 * reproducibility of earlier results) every UE starts at a uniform point on a fresh leg, and the
 * first legs are faster than the long-run average: discard a warm-up of several leg times.
 */
import type { RandomStream, RngStreams } from "../../../base/rng.ts";
import { checkArea, meanPairDistance } from "./area.ts";
import { placeUniformly, ueStreams, type Area, type MobilityModel } from "./types.ts";

export interface RandomWaypointParams {
  /** Slowest leg speed, m/s (> 0). */
  minSpeed: number;
  /** Fastest leg speed, m/s (≥ minSpeed). */
  maxSpeed: number;
  /** Pause at each waypoint, s (≥ 0). */
  pause: number;
  /** Start in the stationary distribution (default false: uniform start, needs a warm-up). */
  steadyState?: boolean;
}

/** Long-run (and, from a steady-state start, any-time) mean speed of random waypoint UEs, m/s. */
export function randomWaypointMeanSpeed(area: Area, p: RandomWaypointParams): number {
  const meanLeg = meanPairDistance(area);
  return meanLeg / (meanLeg * meanInverseSpeed(p.minSpeed, p.maxSpeed) + p.pause);
}

/** E[1/V] for V uniform on [vmin, vmax], s/m. */
function meanInverseSpeed(vmin: number, vmax: number): number {
  return vmax > vmin ? Math.log(vmax / vmin) / (vmax - vmin) : 1 / vmin;
}

export class RandomWaypoint implements MobilityModel {
  readonly name = "random-waypoint";
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Current leg speed, m/s (0 while paused). */
  readonly speed: Float64Array;
  private readonly tx: Float64Array;
  private readonly ty: Float64Array;
  private readonly pauseLeft: Float64Array;
  private readonly rngs: RandomStream[];
  /** Mean leg length, m (steady-state start only). */
  private meanLeg = 0;

  constructor(
    readonly count: number,
    private readonly area: Area,
    private readonly params: RandomWaypointParams,
    rng: RngStreams,
    firstUe = 0,
  ) {
    checkArea(area, "random-waypoint", true);
    if (!(params.minSpeed > 0 && params.maxSpeed >= params.minSpeed)) throw new RangeError("random waypoint needs 0 < minSpeed <= maxSpeed");
    if (!(params.pause >= 0)) throw new RangeError("random waypoint needs pause >= 0");
    this.x = new Float64Array(count);
    this.y = new Float64Array(count);
    this.tx = new Float64Array(count);
    this.ty = new Float64Array(count);
    this.speed = new Float64Array(count);
    this.pauseLeft = new Float64Array(count);
    this.rngs = ueStreams(rng, count, firstUe);
    if (params.steadyState ?? false) {
      this.meanLeg = meanPairDistance(area);
      for (let i = 0; i < count; i++) this.startStationary(i);
    } else {
      placeUniformly(this.x, this.y, this.rngs, area);
      for (let i = 0; i < count; i++) this.newLeg(i);
    }
  }

  private readonly point = { x: 0, y: 0 };

  /** A uniform point of the area (or region) from UE i's stream, into `this.point`. */
  private uniformPoint(r: RandomStream): { x: number; y: number } {
    const region = this.area.region;
    if (region) return region.sample(r, this.point);
    this.point.x = r.uniform(0, this.area.width);
    this.point.y = r.uniform(0, this.area.height);
    return this.point;
  }

  private newLeg(i: number): void {
    const r = this.rngs[i] as RandomStream;
    const target = this.uniformPoint(r);
    this.tx[i] = target.x;
    this.ty[i] = target.y;
    this.speed[i] = r.uniform(this.params.minSpeed, this.params.maxSpeed);
  }

  /** Navidi & Camp's perfect-simulation start (see the file comment). */
  private startStationary(i: number): void {
    const r = this.rngs[i] as RandomStream;
    const { width, height } = this.area;
    const { minSpeed, maxSpeed, pause } = this.params;
    const moving = this.meanLeg * meanInverseSpeed(minSpeed, maxSpeed);
    if (r.random() < pause / (pause + moving)) {
      const at = this.uniformPoint(r);
      this.x[i] = at.x;
      this.y[i] = at.y;
      this.pauseLeft[i] = r.uniform(0, pause) || pause;
      this.speed[i] = 0;
      return;
    }
    const diagonal = Math.hypot(width, height);
    for (;;) {
      const { x: x1, y: y1 } = this.uniformPoint(r);
      const { x: x2, y: y2 } = this.uniformPoint(r);
      if (r.random() * diagonal >= Math.hypot(x2 - x1, y2 - y1)) continue;
      const u = r.random();
      this.x[i] = x1 + u * (x2 - x1);
      this.y[i] = y1 + u * (y2 - y1);
      this.tx[i] = x2;
      this.ty[i] = y2;
      this.speed[i] = maxSpeed > minSpeed ? minSpeed * (maxSpeed / minSpeed) ** r.random() : minSpeed;
      return;
    }
  }

  step(dt: number): void {
    for (let i = 0; i < this.count; i++) {
      let left = dt;
      while (left > 0) {
        const p = this.pauseLeft[i] as number;
        if (p > 0) {
          const used = Math.min(p, left);
          this.pauseLeft[i] = p - used;
          left -= used;
          if (this.pauseLeft[i] === 0) this.newLeg(i);
          continue;
        }
        const dx = (this.tx[i] as number) - (this.x[i] as number);
        const dy = (this.ty[i] as number) - (this.y[i] as number);
        const dist = Math.hypot(dx, dy);
        const reach = (this.speed[i] as number) * left;
        if (reach < dist) {
          this.x[i] = (this.x[i] as number) + (dx / dist) * reach;
          this.y[i] = (this.y[i] as number) + (dy / dist) * reach;
          left = 0;
        } else {
          this.x[i] = this.tx[i] as number;
          this.y[i] = this.ty[i] as number;
          left -= dist / (this.speed[i] as number);
          if (this.params.pause > 0) {
            this.pauseLeft[i] = this.params.pause;
            this.speed[i] = 0;
          } else this.newLeg(i);
        }
      }
    }
  }
}
