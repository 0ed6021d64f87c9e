/**
 * Spatially consistent log-normal shadowing: a fixed random field X_c(x, y) ~ N(0, σ²) dB per cell,
 * drawn once from a seed. Standard-normal values sit on a square lattice of pitch
 * `decorrelationM` (one independent set per cell) and are blended bilinearly, re-normalised so
 * the variance is exactly σ² everywhere; nearby points (≪ pitch apart) see nearly the same
 * shadowing, points a pitch or more apart independent values.
 *
 * Because the value depends only on (seed, cell, position) — a hash, not a draw from a shared
 * stream — a UE's RSSI never depends on how many other UEs exist or in which order they are
 * evaluated, and evaluating the same point twice gives the same number.
 *
 * @example
 *   const map = new ShadowingMap(8, 50, 1234);
 *   map.at(3, 120.5, 40); // dB, the same on every call
 */
export class ShadowingMap {
  /** Lattice values precomputed around some cells (same numbers as hashing, just cached). */
  private readonly tables: ({ i0: number; j0: number; columns: number; rows: number; values: Float64Array } | undefined)[] = [];

  /**
   * @param sigmaDb standard deviation of the shadowing, dB (≥ 0)
   * @param decorrelationM lattice pitch, metres (> 0)
   * @param seed 32-bit integer seed
   */
  constructor(
    readonly sigmaDb: number,
    readonly decorrelationM: number,
    private readonly seed: number,
  ) {
    if (!(sigmaDb >= 0)) throw new RangeError("shadowing sigma must be ≥ 0 dB");
    if (!(decorrelationM > 0)) throw new RangeError("shadowing decorrelation distance must be > 0 m");
  }

  /**
   * Precomputes cell `cell`'s lattice over the disc of radius `radiusM` around (x, y) metres, so
   * `at` there costs four array reads instead of four hashes (values unchanged).
   */
  prepare(cell: number, x: number, y: number, radiusM: number): void {
    const p = this.decorrelationM;
    const i0 = Math.floor((x - radiusM) / p);
    const j0 = Math.floor((y - radiusM) / p);
    const columns = Math.floor((x + radiusM) / p) + 2 - i0;
    const rows = Math.floor((y + radiusM) / p) + 2 - j0;
    const values = new Float64Array(columns * rows);
    for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) values[r * columns + c] = this.node(cell, i0 + c, j0 + r);
    this.tables[cell] = { i0, j0, columns, rows, values };
  }

  /** Shadowing of cell `cell` at (x, y) metres, dB. */
  at(cell: number, x: number, y: number): number {
    if (this.sigmaDb === 0) return 0;
    const gx = x / this.decorrelationM;
    const gy = y / this.decorrelationM;
    const i = Math.floor(gx);
    const j = Math.floor(gy);
    const fx = gx - i;
    const fy = gy - j;
    const w00 = (1 - fx) * (1 - fy);
    const w10 = fx * (1 - fy);
    const w01 = (1 - fx) * fy;
    const w11 = fx * fy;
    let z: number;
    const t = this.tables[cell];
    const c = t ? i - t.i0 : -1;
    const r = t ? j - t.j0 : -1;
    if (t && c >= 0 && r >= 0 && c + 1 < t.columns && r + 1 < t.rows) {
      const k = r * t.columns + c;
      const v = t.values;
      z = w00 * (v[k] as number) + w10 * (v[k + 1] as number) + w01 * (v[k + t.columns] as number) + w11 * (v[k + t.columns + 1] as number);
    } else {
      z = w00 * this.node(cell, i, j) + w10 * this.node(cell, i + 1, j) + w01 * this.node(cell, i, j + 1) + w11 * this.node(cell, i + 1, j + 1);
    }
    return (this.sigmaDb * z) / Math.sqrt(w00 * w00 + w10 * w10 + w01 * w01 + w11 * w11);
  }

  /** Standard-normal value at lattice node (i, j) of `cell` (Box–Muller on two hashed uniforms). */
  private node(cell: number, i: number, j: number): number {
    const h1 = mix(mix(mix(this.seed ^ 0x9e3779b9, cell), i), j);
    const h2 = mix(h1, 0x85ebca6b);
    const u1 = ((h1 >>> 0) + 0.5) / 4294967296;
    const u2 = ((h2 >>> 0) + 0.5) / 4294967296;
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}

/** One round of a 32-bit integer hash (MurmurHash3 body and finaliser); deterministic across platforms. */
function mix(h: number, value: number): number {
  let k = Math.imul(value | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let x = h ^ k;
  x = (x << 13) | (x >>> 19);
  x = (Math.imul(x, 5) + 0xe6546b64) | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x;
}
