/**
 * Random walk: each leg a UE picks a uniform direction and a speed uniform in [minSpeed, maxSpeed]
 * (m/s) and walks for `legTime` seconds (`legMode: "time"`) or `legDistance` metres
 * (`legMode: "distance"`); it reflects off the area's borders (angle of incidence = angle of
 * reflection; distance and time along the leg are unaffected). Invariant: 0 ≤ x ≤ width,
 * 0 ≤ y ≤ height.
 */
import type { RandomStream, RngStreams } from "../../../base/rng.ts";
import { checkArea } from "./area.ts";
import { placeUniformly, ueStreams, type Area, type MobilityModel } from "./types.ts";

export interface RandomWalkParams {
  /** m/s (≥ 0; > 0 for distance legs). */
  minSpeed: number;
  /** m/s (≥ minSpeed). */
  maxSpeed: number;
  /** Legs end after a fixed time (default) or a fixed distance. */
  legMode?: "time" | "distance";
  /** Leg duration for time legs, s (> 0). */
  legTime: number;
  /** Leg length for distance legs, m (> 0). */
  legDistance?: number;
}

export class RandomWalk implements MobilityModel {
  readonly name = "random-walk";
  readonly x: Float64Array;
  readonly y: Float64Array;
  private readonly vx: Float64Array;
  private readonly vy: Float64Array;
  /** Time left on the current leg, s. */
  private readonly legLeft: Float64Array;
  private readonly rngs: RandomStream[];

  constructor(
    readonly count: number,
    private readonly area: Area,
    private readonly params: RandomWalkParams,
    rng: RngStreams,
    firstUe = 0,
  ) {
    checkArea(area, "random-walk");
    if (!(params.minSpeed >= 0 && params.maxSpeed >= params.minSpeed)) throw new RangeError("random walk needs 0 <= minSpeed <= maxSpeed");
    if (params.legMode === "distance") {
      if (!(params.minSpeed > 0)) throw new RangeError("random walk with distance legs needs minSpeed > 0");
      if (!((params.legDistance ?? 0) > 0)) throw new RangeError("random walk with distance legs needs legDistance > 0");
    } else if (!(params.legTime > 0)) throw new RangeError("random walk needs legTime > 0");
    this.x = new Float64Array(count);
    this.y = new Float64Array(count);
    this.vx = new Float64Array(count);
    this.vy = new Float64Array(count);
    this.legLeft = new Float64Array(count);
    this.rngs = ueStreams(rng, count, firstUe);
    placeUniformly(this.x, this.y, this.rngs, area);
    for (let i = 0; i < count; i++) this.newLeg(i);
  }

  private newLeg(i: number): void {
    const r = this.rngs[i] as RandomStream;
    const angle = r.uniform(0, 2 * Math.PI);
    const v = r.uniform(this.params.minSpeed, this.params.maxSpeed);
    this.vx[i] = v * Math.cos(angle);
    this.vy[i] = v * Math.sin(angle);
    this.legLeft[i] = this.params.legMode === "distance" ? (this.params.legDistance as number) / v : this.params.legTime;
  }

  step(dt: number): void {
    for (let i = 0; i < this.count; i++) {
      let left = dt;
      while (left > 0) {
        const used = Math.min(left, this.legLeft[i] as number);
        this.x[i] = reflect((this.x[i] as number) + (this.vx[i] as number) * used, this.area.width, this.vx, i);
        this.y[i] = reflect((this.y[i] as number) + (this.vy[i] as number) * used, this.area.height, this.vy, i);
        this.legLeft[i] = (this.legLeft[i] as number) - used;
        left -= used;
        if ((this.legLeft[i] as number) <= 0) this.newLeg(i);
      }
    }
  }
}

/** Reflects a coordinate into [0, size], flipping the velocity component when it bounces. */
export function reflect(p: number, size: number, v: Float64Array, i: number): number {
  let q = p;
  for (let k = 0; k < 4 && (q < 0 || q > size); k++) {
    q = q < 0 ? -q : 2 * size - q;
    v[i] = -(v[i] as number);
  }
  return Math.min(Math.max(q, 0), size);
}
