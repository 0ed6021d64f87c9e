/**
 * A convex polygonal region inside the mobility area (metres), e.g. the Melbourne CBD. Convexity
 * guarantees that the straight leg between two points of the region stays inside it, so random
 * waypoint stays in the region by drawing its waypoints there (rejection sampling in the bounding
 * box; cost ∝ box area / polygon area).
 *
 * @example
 *   const square = new ConvexPolygon([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }]);
 *   square.contains(5, 5); // true
 */
import { RandomStream, type UniformSource } from "../../../base/rng.ts";
import { projectLocal, type LatLon } from "../../../topologies/geo.ts";

export interface Point {
  /** Metres. */
  x: number;
  y: number;
}

export class ConvexPolygon {
  readonly points: readonly Point[];
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  /** Area, m². */
  readonly areaM2: number;
  private meanDistance: number | undefined;

  /** @param points vertices in order (either orientation); a closing repeat of the first is dropped. */
  constructor(points: readonly Point[]) {
    const p = points.length > 1 && points[0]?.x === points.at(-1)?.x && points[0]?.y === points.at(-1)?.y ? points.slice(0, -1) : points.slice();
    if (p.length < 3) throw new RangeError(`a polygon needs at least 3 vertices, got ${p.length}`);
    let sign = 0;
    let twiceArea = 0;
    for (let i = 0; i < p.length; i++) {
      const a = p[i] as Point;
      const b = p[(i + 1) % p.length] as Point;
      const c = p[(i + 2) % p.length] as Point;
      twiceArea += a.x * b.y - b.x * a.y;
      const turn = Math.sign((b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x));
      if (turn !== 0 && sign !== 0 && turn !== sign) throw new RangeError("the polygon is not convex");
      if (turn !== 0) sign = turn;
    }
    if (sign === 0) throw new RangeError("the polygon has no area");
    // Store counter-clockwise so `contains` tests one side.
    this.points = sign > 0 ? p : p.reverse();
    this.areaM2 = Math.abs(twiceArea) / 2;
    this.minX = Math.min(...p.map((q) => q.x));
    this.minY = Math.min(...p.map((q) => q.y));
    this.maxX = Math.max(...p.map((q) => q.x));
    this.maxY = Math.max(...p.map((q) => q.y));
  }

  /** Whether (x, y) is inside or on the boundary. */
  contains(x: number, y: number): boolean {
    const p = this.points;
    for (let i = 0; i < p.length; i++) {
      const a = p[i] as Point;
      const b = p[(i + 1) % p.length] as Point;
      if ((b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x) < -1e-9) return false;
    }
    return true;
  }

  /** A uniform point of the region drawn from `r` (written to `out`, returned). */
  sample(r: UniformSource, out: Point = { x: 0, y: 0 }): Point {
    for (;;) {
      const x = this.minX + (this.maxX - this.minX) * r.random();
      const y = this.minY + (this.maxY - this.minY) * r.random();
      if (this.contains(x, y)) {
        out.x = x;
        out.y = y;
        return out;
      }
    }
  }

  /**
   * Mean distance between two independent uniform points of the region, metres: a Monte Carlo
   * estimate over 200,000 pairs from a fixed stream (a constant of the polygon; ≈ 0.2% accurate).
   */
  meanPairDistance(): number {
    if (this.meanDistance === undefined) {
      const r = new RandomStream("mobility/polygon-mean-distance");
      const a = { x: 0, y: 0 };
      const b = { x: 0, y: 0 };
      let sum = 0;
      const pairs = 200_000;
      for (let k = 0; k < pairs; k++) {
        this.sample(r, a);
        this.sample(r, b);
        sum += Math.hypot(a.x - b.x, a.y - b.y);
      }
      this.meanDistance = sum / pairs;
    }
    return this.meanDistance;
  }
}

/**
 * A lat/lon polygon projected to local metres around `origin` (use the topology's), minus
 * `offset` (metres), as a convex region.
 */
export function projectPolygon(points: readonly LatLon[], origin: LatLon, offset: Point = { x: 0, y: 0 }): ConvexPolygon {
  return new ConvexPolygon(
    points.map((p) => {
      const q = projectLocal(p, origin);
      return { x: q.x - offset.x, y: q.y - offset.y };
    }),
  );
}

/**
 * The Melbourne CBD polygon of the EUA dataset (users/README.md, MIT; data/eua/SOURCE.md): every
 * EUA site and generated user lies inside it. Degrees, first vertex not repeated.
 */
export const MELBOURNE_CBD_POLYGON: readonly LatLon[] = [
  { lon: 144.9513187173424, lat: -37.81313439053935 },
  { lon: 144.9549965367283, lat: -37.82117612446662 },
  { lon: 144.9748200238013, lat: -37.81524024624075 },
  { lon: 144.9715203527905, lat: -37.80786609093214 },
  { lon: 144.9705381920906, lat: -37.80755065732971 },
];
