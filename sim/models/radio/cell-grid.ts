/**
 * A uniform grid index over radio cells. The plane is cut into square buckets of side `bucketM`
 * (default: a quarter of the largest cell range, so one bucket holds ≈ the cells that cover its
 * points); every bucket stores, once, the indices of the cells whose coverage disc — grown by
 * `marginM` — touches the bucket. A query reads one bucket: O(1) cells on average for roughly
 * uniform deployments, no hashing, no allocation (flat CSR arrays).
 *
 * Invariants: `candidates(x, y)` lists, in ascending index order, every cell c with
 * dist(c, (x, y)) ≤ rangeM(c) + marginM (and possibly a few more); `covering(x, y)` is exactly the
 * cells with dist ≤ rangeM, in ascending index order (= a brute-force scan).
 *
 * @example
 *   const grid = new CellGrid([{ id: "A", x: 0, y: 0, rangeM: 100 }]);
 *   grid.covering(30, 40); // [0]
 */
export interface Cell {
  id: string;
  /** Position, metres. */
  x: number;
  y: number;
  /** Coverage range, metres (> 0). */
  rangeM: number;
}

export interface CellGridOptions {
  /** Bucket side, metres (default max range / 4). */
  bucketM?: number;
  /** Extra reach of every cell in the candidate lists, metres (default 0). */
  marginM?: number;
  /** Upper bound on the number of buckets (memory guard: the bucket side grows). Default 4,000,000. */
  maxBuckets?: number;
}

export class CellGrid {
  readonly bucketM: number;
  readonly marginM: number;
  /** Lower-left corner of the indexed box, metres. */
  private readonly originX: number;
  private readonly originY: number;
  readonly columns: number;
  readonly rows: number;
  /** CSR: cells of bucket b are `bucketCells[bucketStart[b] .. bucketStart[b+1])`. */
  private readonly bucketStart: Int32Array;
  private readonly bucketCells: Int32Array;
  private readonly scratch: number[] = [];
  private static readonly EMPTY: Int32Array = new Int32Array(0);

  constructor(
    readonly cells: readonly Cell[],
    options: CellGridOptions = {},
  ) {
    this.marginM = options.marginM ?? 0;
    let maxRange = 1;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const c of cells) {
      if (!(c.rangeM > 0) || !Number.isFinite(c.x) || !Number.isFinite(c.y)) throw new RangeError(`cell ${c.id}: needs finite x, y and rangeM > 0`);
      const reach = c.rangeM + this.marginM;
      maxRange = Math.max(maxRange, c.rangeM);
      minX = Math.min(minX, c.x - reach);
      minY = Math.min(minY, c.y - reach);
      maxX = Math.max(maxX, c.x + reach);
      maxY = Math.max(maxY, c.y + reach);
    }
    if (cells.length === 0) minX = minY = maxX = maxY = 0;
    const maxBuckets = options.maxBuckets ?? 4_000_000;
    let side = options.bucketM ?? maxRange / 4;
    const area = Math.max(maxX - minX, 1) * Math.max(maxY - minY, 1);
    if (area / (side * side) > maxBuckets) side = Math.sqrt(area / maxBuckets);
    this.bucketM = side;
    this.originX = minX;
    this.originY = minY;
    this.columns = Math.max(1, Math.ceil((maxX - minX) / side));
    this.rows = Math.max(1, Math.ceil((maxY - minY) / side));
    const n = this.columns * this.rows;
    // Two passes (count, fill) so the lists are flat and in ascending cell order.
    const counts = new Int32Array(n + 1);
    this.forEachTouchedBucket((b) => {
      counts[b + 1] = (counts[b + 1] as number) + 1;
    });
    for (let b = 0; b < n; b++) counts[b + 1] = (counts[b + 1] as number) + (counts[b] as number);
    this.bucketStart = counts;
    this.bucketCells = new Int32Array(counts[n] as number);
    const fill = counts.slice(0, n);
    this.forEachTouchedBucket((b, c) => {
      this.bucketCells[fill[b] as number] = c;
      fill[b] = (fill[b] as number) + 1;
    });
  }

  /** Calls `visit(bucket, cell)` for every bucket that cell's disc (range + margin) touches, cells in order. */
  private forEachTouchedBucket(visit: (bucket: number, cell: number) => void): void {
    const s = this.bucketM;
    this.cells.forEach((c, i) => {
      const reach = c.rangeM + this.marginM;
      const c0 = Math.max(0, Math.floor((c.x - reach - this.originX) / s));
      const c1 = Math.min(this.columns - 1, Math.floor((c.x + reach - this.originX) / s));
      const r0 = Math.max(0, Math.floor((c.y - reach - this.originY) / s));
      const r1 = Math.min(this.rows - 1, Math.floor((c.y + reach - this.originY) / s));
      for (let row = r0; row <= r1; row++) {
        for (let col = c0; col <= c1; col++) {
          // Distance from the cell centre to the bucket square; touch when ≤ reach.
          const bx = this.originX + col * s;
          const by = this.originY + row * s;
          const dx = Math.max(bx - c.x, 0, c.x - (bx + s));
          const dy = Math.max(by - c.y, 0, c.y - (by + s));
          if (dx * dx + dy * dy <= reach * reach) visit(row * this.columns + col, i);
        }
      }
    });
  }

  /** Bucket index of (x, y), or −1 outside the indexed box (where no cell reaches). */
  bucketOf(x: number, y: number): number {
    const col = Math.floor((x - this.originX) / this.bucketM);
    const row = Math.floor((y - this.originY) / this.bucketM);
    if (col < 0 || row < 0 || col >= this.columns || row >= this.rows) return -1;
    return row * this.columns + col;
  }

  /** Start (inclusive) of bucket `b`'s slice of `candidateList` (b ≥ 0). */
  bucketBegin(b: number): number {
    return this.bucketStart[b] as number;
  }

  /** End (exclusive) of bucket `b`'s slice of `candidateList`. */
  bucketEnd(b: number): number {
    return this.bucketStart[b + 1] as number;
  }

  /** The flat candidate array the bucket slices index into (read-only by contract). */
  get candidateList(): Int32Array {
    return this.bucketCells;
  }

  /** Cells that may reach (x, y) (a view into the index; do not modify). */
  candidates(x: number, y: number): Int32Array {
    const b = this.bucketOf(x, y);
    if (b < 0) return CellGrid.EMPTY;
    return this.bucketCells.subarray(this.bucketStart[b] as number, this.bucketStart[b + 1] as number);
  }

  /** Indices of cells whose range covers (x, y), ascending. The returned array is reused by the next call. */
  covering(x: number, y: number): number[] {
    const out = this.scratch;
    out.length = 0;
    const b = this.bucketOf(x, y);
    if (b < 0) return out;
    const end = this.bucketStart[b + 1] as number;
    for (let k = this.bucketStart[b] as number; k < end; k++) {
      const i = this.bucketCells[k] as number;
      const c = this.cells[i] as Cell;
      const dx = c.x - x;
      const dy = c.y - y;
      if (dx * dx + dy * dy <= c.rangeM * c.rangeM) out.push(i);
    }
    return out;
  }
}
