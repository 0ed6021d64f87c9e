/**
 * Manhattan grid: UEs move along streets (horizontal and vertical lines every `blockSize` metres)
 * at a constant per-UE speed in [minSpeed, maxSpeed]; at each intersection they go straight with
 * probability 1 − 2·turnProbability, or turn left/right with `turnProbability` each (and turn
 * back at the area's edge). Invariant: every UE is always on a street.
 */
import type { RandomStream, RngStreams } from "../../../base/rng.ts";
import { checkArea } from "./area.ts";
import { ueStreams, type Area, type MobilityModel } from "./types.ts";

export interface ManhattanParams {
  /** Distance between parallel streets, m. */
  blockSize: number;
  /** m/s. */
  minSpeed: number;
  /** m/s. */
  maxSpeed: number;
  /** Probability of a left turn (and of a right turn) at an intersection, 0..0.5. */
  turnProbability: number;
}

const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];

export class ManhattanGrid implements MobilityModel {
  readonly name = "manhattan";
  readonly x: Float64Array;
  readonly y: Float64Array;
  private readonly heading: Uint8Array;
  private readonly speed: Float64Array;
  private readonly rngs: RandomStream[];
  private readonly cols: number;
  private readonly rows: number;

  constructor(
    readonly count: number,
    area: Area,
    private readonly params: ManhattanParams,
    rng: RngStreams,
    firstUe = 0,
  ) {
    checkArea(area, "manhattan");
    if (!(params.minSpeed >= 0 && params.maxSpeed >= params.minSpeed)) throw new RangeError("Manhattan grid needs 0 <= minSpeed <= maxSpeed");
    if (!(params.turnProbability >= 0 && params.turnProbability <= 0.5)) throw new RangeError("Manhattan grid needs 0 <= turnProbability <= 0.5");
    this.cols = Math.floor(area.width / params.blockSize);
    this.rows = Math.floor(area.height / params.blockSize);
    if (this.cols < 1 || this.rows < 1) throw new RangeError("the area must be at least one block wide and high");
    this.x = new Float64Array(count);
    this.y = new Float64Array(count);
    this.heading = new Uint8Array(count);
    this.speed = new Float64Array(count);
    this.rngs = ueStreams(rng, count, firstUe);
    for (let i = 0; i < count; i++) {
      const r = this.rngs[i] as RandomStream;
      this.x[i] = r.integer(0, this.cols) * params.blockSize;
      this.y[i] = r.integer(0, this.rows) * params.blockSize;
      this.heading[i] = r.integer(0, 3);
      this.speed[i] = r.uniform(params.minSpeed, params.maxSpeed);
      this.fixHeading(i);
    }
  }

  /** Turns around when the current heading leaves the street grid. */
  private fixHeading(i: number): void {
    for (let k = 0; k < 4; k++) {
      const h = this.heading[i] as number;
      const nx = (this.x[i] as number) + (DX[h] as number) * this.params.blockSize;
      const ny = (this.y[i] as number) + (DY[h] as number) * this.params.blockSize;
      if (nx >= -1e-9 && ny >= -1e-9 && nx <= this.cols * this.params.blockSize + 1e-9 && ny <= this.rows * this.params.blockSize + 1e-9) return;
      this.heading[i] = (h + 1) % 4;
    }
  }

  step(dt: number): void {
    const b = this.params.blockSize;
    for (let i = 0; i < this.count; i++) {
      let left = (this.speed[i] as number) * dt;
      while (left > 1e-12) {
        const h = this.heading[i] as number;
        // Distance to the next intersection along the heading.
        const along = DX[h] !== 0 ? (this.x[i] as number) : (this.y[i] as number);
        const dir = (DX[h] as number) + (DY[h] as number);
        const next = dir > 0 ? (Math.floor(along / b + 1e-9) + 1) * b : (Math.ceil(along / b - 1e-9) - 1) * b;
        const toNext = Math.abs(next - along);
        const move = Math.min(left, toNext);
        this.x[i] = (this.x[i] as number) + (DX[h] as number) * move;
        this.y[i] = (this.y[i] as number) + (DY[h] as number) * move;
        left -= move;
        if (move === toNext) {
          this.x[i] = Math.round((this.x[i] as number) / b) * b;
          this.y[i] = Math.round((this.y[i] as number) / b) * b;
          const u = (this.rngs[i] as RandomStream).random();
          const p = this.params.turnProbability;
          if (u < p) this.heading[i] = (h + 1) % 4;
          else if (u < 2 * p) this.heading[i] = (h + 3) % 4;
          this.fixHeading(i);
        }
      }
    }
  }
}
