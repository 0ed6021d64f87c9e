import type { SampleStore } from "../tables.ts";
import { InMemorySamples } from "./sample-store.ts";

/**
 * A tally of observations (e.g. per-packet latency in seconds): count, mean, standard deviation
 * (sample, n−1), min, max and exact percentiles over the stored samples.
 *
 * Percentiles use linear interpolation between closest ranks (the "R-7" / NumPy default
 * definition): for p in [0, 100], h = (n − 1)·p/100, result = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 * Mean and variance use Welford's update (numerically stable).
 *
 * The observations are kept for percentiles by a `SampleStore`: in memory by default, or a
 * `SpillingSamples` store that moves them to a file past a size (exact percentiles either way, so
 * the results do not depend on the store).
 */
export class Tally {
  private n = 0;
  private runningMean = 0;
  private m2 = 0;
  private lo = Infinity;
  private hi = -Infinity;

  constructor(
    readonly name: string,
    private readonly samples: SampleStore = new InMemorySamples(),
  ) {}

  observe(x: number): void {
    this.samples.push(x);
    this.n++;
    const delta = x - this.runningMean;
    this.runningMean += delta / this.n;
    this.m2 += delta * (x - this.runningMean);
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  get count(): number {
    return this.n;
  }

  /** Mean; NaN with no observations. */
  get mean(): number {
    return this.n > 0 ? this.runningMean : Number.NaN;
  }

  /** Sample variance (n − 1 denominator); NaN with fewer than two observations. */
  get variance(): number {
    return this.n > 1 ? this.m2 / (this.n - 1) : Number.NaN;
  }

  get stddev(): number {
    return Math.sqrt(this.variance);
  }

  get min(): number {
    return this.n > 0 ? this.lo : Number.NaN;
  }

  get max(): number {
    return this.n > 0 ? this.hi : Number.NaN;
  }

  /** Percentile p in [0, 100] (R-7 interpolation); NaN with no observations. */
  percentile(p: number): number {
    if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be in [0, 100], got ${p}`);
    if (this.n === 0) return Number.NaN;
    const h = ((this.n - 1) * p) / 100;
    const i = Math.floor(h);
    const [lower, upper] = this.samples.orderStatistics([i, Math.min(i + 1, this.n - 1)]) as [number, number];
    return lower + (h - i) * (upper - lower);
  }

  /** The usual summary: count, mean, stddev, min, p50, p95, p99, max. */
  summary(): TallySummary {
    return {
      count: this.count,
      mean: this.mean,
      stddev: this.stddev,
      min: this.min,
      p50: this.percentile(50),
      p95: this.percentile(95),
      p99: this.percentile(99),
      max: this.max,
    };
  }
}

export interface TallySummary {
  count: number;
  mean: number;
  stddev: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}
