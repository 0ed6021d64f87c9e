/** UEs that never move, at uniform random positions (or given ones). */
import type { RngStreams } from "../../engine/rng.ts";
import type { Area, MobilityModel } from "./types.ts";

export class StaticPositions implements MobilityModel {
  readonly name = "static";
  readonly x: Float64Array;
  readonly y: Float64Array;

  constructor(
    readonly count: number,
    area: Area,
    rng: RngStreams,
    firstUe = 0,
  ) {
    this.x = new Float64Array(count);
    this.y = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const r = rng.stream(`mobility/ue-${firstUe + i}`);
      this.x[i] = r.uniform(0, area.width);
      this.y[i] = r.uniform(0, area.height);
    }
  }

  step(): void {}
}
