/**
 * Small statistics for lab measurements: quantiles (linear interpolation between order statistics,
 * R type 7 / NumPy's default), mean, and the least-squares line y = intercept + slope·x.
 * Pure functions; inputs are never modified.
 *
 * Example: quantile([1, 2, 3, 4], 0.5) = 2.5; leastSquares([0, 1, 2], [1, 3, 5]) = { slope: 2, intercept: 1 }.
 */

/** The q-quantile (0 ≤ q ≤ 1) of `values`; throws on an empty list or a NaN value. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError("quantile of an empty list");
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile level ${q} is not in [0, 1]`);
  if (values.some((v) => Number.isNaN(v))) throw new RangeError("quantile of a list with NaN");
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return below + (h - lo) * (above - below);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("mean of an empty list");
  return values.reduce((s, v) => s + v, 0) / values.length;
}

export interface LineFit {
  slope: number;
  intercept: number;
}

/** Ordinary least squares of `ys` on `xs` (same length, at least two distinct x). */
export function leastSquares(xs: readonly number[], ys: readonly number[]): LineFit {
  if (xs.length !== ys.length) throw new RangeError(`leastSquares: ${xs.length} x values for ${ys.length} y values`);
  const mx = mean(xs);
  const my = mean(ys);
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i] as number) - mx;
    sxx += dx * dx;
    sxy += dx * ((ys[i] as number) - my);
  }
  if (sxx === 0) throw new RangeError("leastSquares needs at least two distinct x values");
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}
