/**
 * A uniform grid index over radio cells: square buckets of side `bucketM` (≥ the largest cell
 * range), so the cells that can cover a point are in the 3 × 3 buckets around it — O(1) cells per
 * query on average for roughly uniform deployments.
 */
export interface Cell {
  id: string;
  x: number;
  y: number;
  /** Coverage range, metres. */
  rangeM: number;
}

export class CellGrid {
  private readonly buckets = new Map<number, number[]>();
  readonly bucketM: number;
  private readonly scratch: number[] = [];

  constructor(readonly cells: readonly Cell[]) {
    this.bucketM = Math.max(1, ...cells.map((c) => c.rangeM));
    cells.forEach((c, i) => {
      const key = this.key(Math.floor(c.x / this.bucketM), Math.floor(c.y / this.bucketM));
      (this.buckets.get(key) ?? this.buckets.set(key, []).get(key))?.push(i);
    });
  }

  private key(bx: number, by: number): number {
    return (bx + 32768) * 65536 + (by + 32768);
  }

  /** Indices of cells whose range covers (x, y). The returned array is reused by the next call. */
  covering(x: number, y: number): number[] {
    const out = this.scratch;
    out.length = 0;
    const bx = Math.floor(x / this.bucketM);
    const by = Math.floor(y / this.bucketM);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const bucket = this.buckets.get(this.key(bx + dx, by + dy));
        if (!bucket) continue;
        for (const i of bucket) {
          const c = this.cells[i] as Cell;
          const ddx = c.x - x;
          const ddy = c.y - y;
          if (ddx * ddx + ddy * ddy <= c.rangeM * c.rangeM) out.push(i);
        }
      }
    }
    return out;
  }
}
