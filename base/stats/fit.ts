/**
 * Small statistical fits for the calibration, on mathjs: linear least squares, sample quantiles,
 * mean and coefficient of variation. Inputs are plain numbers; non-finite values are an error
 * (a fit never silently drops samples).
 *
 * @example linearFit([1, 10, 50], [0.7e6, 7.1e6, 35e6]) → { intercept, slope, r2 }
 */
import { lusolve, mean, quantileSeq, std } from "mathjs";

function finite(values: readonly number[], what: string): number[] {
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`${what}: every value must be finite, found ${v}`);
  return [...values];
}

export interface LinearFit {
  intercept: number;
  slope: number;
  /** Coefficient of determination, 1 for a perfect fit (NaN with < 3 points or no spread in y). */
  r2: number;
}

/** Ordinary least squares y ≈ intercept + slope · x (≥ 2 distinct x). */
export function linearFit(x: readonly number[], y: readonly number[]): LinearFit {
  const xs = finite(x, "linearFit x");
  const ys = finite(y, "linearFit y");
  if (xs.length !== ys.length || new Set(xs).size < 2) throw new RangeError(`linearFit needs ≥ 2 distinct x values and one y per x, got ${xs.length} x, ${ys.length} y`);
  const n = xs.length;
  const sx = xs.reduce((a, b) => a + b, 0);
  const sxx = xs.reduce((a, b) => a + b * b, 0);
  const sy = ys.reduce((a, b) => a + b, 0);
  const sxy = xs.reduce((a, b, i) => a + b * (ys[i] as number), 0);
  const solution = lusolve([[n, sx], [sx, sxx]], [sy, sxy]) as number[][];
  const intercept = (solution[0] as number[])[0] as number;
  const slope = (solution[1] as number[])[0] as number;
  const my = sy / n;
  const ssTot = ys.reduce((a, b) => a + (b - my) ** 2, 0);
  const ssRes = ys.reduce((a, b, i) => a + (b - intercept - slope * (xs[i] as number)) ** 2, 0);
  return { intercept, slope, r2: n >= 3 && ssTot > 0 ? 1 - ssRes / ssTot : Number.NaN };
}

/** Least squares through the origin, y ≈ slope · x. */
export function proportionalFit(x: readonly number[], y: readonly number[]): number {
  const xs = finite(x, "proportionalFit x");
  const ys = finite(y, "proportionalFit y");
  const sxx = xs.reduce((a, b) => a + b * b, 0);
  if (!(sxx > 0) || xs.length !== ys.length) throw new RangeError("proportionalFit needs one y per x and some x ≠ 0");
  return xs.reduce((a, b, i) => a + b * (ys[i] as number), 0) / sxx;
}

/** The p-quantile (0 ≤ p ≤ 1) of `values`, linear interpolation between order statistics. */
export function quantile(values: readonly number[], p: number): number {
  const xs = finite(values, "quantile");
  if (xs.length === 0) return Number.NaN;
  return Number(quantileSeq(xs, p));
}

/** Sample mean and coefficient of variation (sample standard deviation / mean; 0 for one value). */
export function meanCv(values: readonly number[]): { mean: number; cv: number } {
  const xs = finite(values, "meanCv");
  if (xs.length === 0) throw new RangeError("meanCv needs at least one value");
  const m = Number(mean(xs));
  const sd = xs.length > 1 ? Number(std(xs)) : 0;
  return { mean: m, cv: m !== 0 ? sd / m : 0 };
}
