/**
 * The 95% confidence interval of a mean from independent replications, with Student's t
 * distribution: mean ± t(0.975, n−1) · s / √n (s the sample standard deviation). With a single
 * value no spread can be estimated: `halfWidth`, `low` and `high` are NaN.
 */
const T_975: readonly number[] = [
  Number.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** Two-sided 95% Student t quantile t(0.975, df); tabulated to df = 30, then a Cornish–Fisher series. */
export function studentT975(df: number): number {
  if (!(Number.isInteger(df) && df >= 1)) throw new RangeError(`degrees of freedom must be an integer >= 1, got ${df}`);
  if (df < T_975.length) return T_975[df] as number;
  const z = 1.959963984540054;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3;
}

export interface ConfidenceInterval {
  n: number;
  mean: number;
  /** Half-width of the interval (NaN for n < 2). */
  halfWidth: number;
  low: number;
  high: number;
}

export function confidenceInterval95(values: readonly number[]): ConfidenceInterval {
  const n = values.length;
  if (n === 0) throw new RangeError("confidenceInterval95() needs at least one value");
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { n, mean, halfWidth: Number.NaN, low: Number.NaN, high: Number.NaN };
  const variance = values.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  const halfWidth = (studentT975(n - 1) * Math.sqrt(variance)) / Math.sqrt(n);
  return { n, mean, halfWidth, low: mean - halfWidth, high: mean + halfWidth };
}
