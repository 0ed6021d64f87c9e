/** UEs that never move, at uniform random positions (or given ones). */
import type { RngStreams } from "../../../base/rng.ts";
import { checkArea } from "./area.ts";
import { placeUniformly, ueStreams, type Area, type MobilityModel } from "./types.ts";

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
    checkArea(area, "static", true);
    this.x = new Float64Array(count);
    this.y = new Float64Array(count);
    placeUniformly(this.x, this.y, ueStreams(rng, count, firstUe), area);
  }

  step(): void {}
}
