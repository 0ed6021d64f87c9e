/**
 * Random waypoint: pick a uniform destination in the area and a speed uniform in
 * [minSpeed, maxSpeed], walk there in a straight line, pause `pause` seconds, repeat.
 *
 * Speed decay: with minSpeed > 0 the time-average speed of the moving phase is the harmonic-type
 * mean E[distance]/E[distance/v] = (vmax − vmin)/ln(vmax/vmin), not (vmin + vmax)/2, because slow
 * legs last longer. UEs start at uniform positions with a fresh leg (not in the stationary
 * distribution); discard a warm-up if the transient matters.
 */
import type { RandomStream, RngStreams } from "../../engine/rng.ts";
import { placeUniformly, ueStreams, type Area, type MobilityModel } from "./types.ts";

export interface RandomWaypointParams {
  minSpeed: number;
  maxSpeed: number;
  /** Pause at each waypoint, seconds. */
  pause: number;
}

export class RandomWaypoint implements MobilityModel {
  readonly name = "random-waypoint";
  readonly x: Float64Array;
  readonly y: Float64Array;
  private readonly tx: Float64Array;
  private readonly ty: Float64Array;
  private readonly speed: Float64Array;
  private readonly pauseLeft: Float64Array;
  private readonly rngs: RandomStream[];

  constructor(
    readonly count: number,
    private readonly area: Area,
    private readonly params: RandomWaypointParams,
    rng: RngStreams,
    firstUe = 0,
  ) {
    if (!(params.minSpeed > 0 && params.maxSpeed >= params.minSpeed)) throw new RangeError("random waypoint needs 0 < minSpeed <= maxSpeed");
    this.x = new Float64Array(count);
    this.y = new Float64Array(count);
    this.tx = new Float64Array(count);
    this.ty = new Float64Array(count);
    this.speed = new Float64Array(count);
    this.pauseLeft = new Float64Array(count);
    this.rngs = ueStreams(rng, count, firstUe);
    placeUniformly(this.x, this.y, this.rngs, area);
    for (let i = 0; i < count; i++) this.newLeg(i);
  }

  private newLeg(i: number): void {
    const r = this.rngs[i] as RandomStream;
    this.tx[i] = r.uniform(0, this.area.width);
    this.ty[i] = r.uniform(0, this.area.height);
    this.speed[i] = r.uniform(this.params.minSpeed, this.params.maxSpeed);
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
          if (this.params.pause > 0) this.pauseLeft[i] = this.params.pause;
          else this.newLeg(i);
        }
      }
    }
  }
}
