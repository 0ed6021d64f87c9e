/**
 * Gauss–Markov mobility (Liang & Haas 1999): speed and direction are AR(1) processes updated every
 * `dt`: s' = α s + (1−α) s̄ + √(1−α²) σ_s N(0,1), the same for the direction d with mean d̄ and σ_d.
 * α ∈ [0, 1] tunes memory (0 = random, 1 = straight line). Speeds are clipped at 0 when moving
 * (the state keeps the unclipped value, so its stationary mean is s̄ and its variance σ_s²; lag-1
 * autocorrelation α). Borders reflect the direction; unlike Liang & Haas there is no steering of
 * the mean direction away from edges, so with a strong mean direction UEs linger along the
 * border it points to. UEs start at uniform positions with speed s̄ and a uniform direction.
 */
import type { RandomStream, RngStreams } from "../../../base/rng.ts";
import { reflect } from "./random-walk.ts";
import { checkArea } from "./area.ts";
import { placeUniformly, ueStreams, type Area, type MobilityModel } from "./types.ts";

export interface GaussMarkovParams {
  /** Memory, 0..1. */
  alpha: number;
  /** Mean speed, m/s. */
  meanSpeed: number;
  /** Stationary standard deviation of the speed, m/s. */
  speedStd: number;
  /** Mean direction, radians. */
  meanDirection: number;
  /** Stationary standard deviation of the direction, radians. */
  directionStd: number;
}

export class GaussMarkov implements MobilityModel {
  readonly name = "gauss-markov";
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly speed: Float64Array;
  readonly direction: Float64Array;
  private readonly vx: Float64Array;
  private readonly vy: Float64Array;
  private readonly rngs: RandomStream[];

  constructor(
    readonly count: number,
    private readonly area: Area,
    private readonly params: GaussMarkovParams,
    rng: RngStreams,
    firstUe = 0,
  ) {
    checkArea(area, "gauss-markov");
    if (!(params.alpha >= 0 && params.alpha <= 1)) throw new RangeError("Gauss-Markov needs 0 <= alpha <= 1");
    if (!(params.meanSpeed >= 0 && params.speedStd >= 0 && params.directionStd >= 0)) throw new RangeError("Gauss-Markov needs meanSpeed, speedStd, directionStd >= 0");
    this.x = new Float64Array(count);
    this.y = new Float64Array(count);
    this.speed = new Float64Array(count).fill(params.meanSpeed);
    this.direction = new Float64Array(count);
    this.vx = new Float64Array(count);
    this.vy = new Float64Array(count);
    this.rngs = ueStreams(rng, count, firstUe);
    placeUniformly(this.x, this.y, this.rngs, area);
    for (let i = 0; i < count; i++) {
      const r = this.rngs[i] as RandomStream;
      this.direction[i] = r.uniform(0, 2 * Math.PI);
    }
  }

  step(dt: number): void {
    const { alpha, meanSpeed, speedStd, meanDirection, directionStd } = this.params;
    const k = Math.sqrt(1 - alpha * alpha);
    for (let i = 0; i < this.count; i++) {
      const r = this.rngs[i] as RandomStream;
      this.speed[i] = alpha * (this.speed[i] as number) + (1 - alpha) * meanSpeed + k * speedStd * r.normal(0, 1);
      this.direction[i] = alpha * (this.direction[i] as number) + (1 - alpha) * meanDirection + k * directionStd * r.normal(0, 1);
      const s = Math.max(0, this.speed[i] as number);
      this.vx[i] = s * Math.cos(this.direction[i] as number);
      this.vy[i] = s * Math.sin(this.direction[i] as number);
      const flipX = this.vx[i] as number;
      this.x[i] = reflect((this.x[i] as number) + flipX * dt, this.area.width, this.vx, i);
      if (this.vx[i] !== flipX) this.direction[i] = Math.PI - (this.direction[i] as number);
      const flipY = this.vy[i] as number;
      this.y[i] = reflect((this.y[i] as number) + flipY * dt, this.area.height, this.vy, i);
      if (this.vy[i] !== flipY) this.direction[i] = -(this.direction[i] as number);
    }
  }
}
