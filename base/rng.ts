/**
 * Named, seeded random streams (DESIGN.md rule 2).
 *
 * One master seed feeds any number of independent streams, each named after the model component
 * that draws from it (`"mobility"`, `"radio"`, `"container/ue-7"` …). A stream's draws depend only
 * on the master seed and its own name, never on which other streams exist or how often they were
 * drawn from, so adding a UE or a model never perturbs another component's numbers.
 *
 * Generator: seedrandom's Alea (fast, 2^116 period), seeded with `"<masterSeed>/<name>"`.
 *
 * @example
 *   const rng = new RngStreams(42);
 *   const mob = rng.stream("mobility");
 *   mob.exponential(5); // seconds
 */
import seedrandom from "seedrandom";

/** A uniform source on [0, 1). */
export interface UniformSource {
  /** A float uniformly distributed on [0, 1). */
  random(): number;
}

/** A seeded stream with the distributions the models draw from. All parameters in model units. */
export class RandomStream implements UniformSource {
  private readonly prng: () => number;
  /** Spare standard-normal deviate from the Box–Muller pair, or NaN when none is cached. */
  private spareNormal = Number.NaN;

  constructor(readonly seed: string) {
    this.prng = seedrandom.alea(seed);
  }

  random(): number {
    return this.prng();
  }

  /** Uniform on [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.prng();
  }

  /** Integer uniform on [low, high] (both inclusive). */
  integer(low: number, high: number): number {
    return low + Math.floor(this.prng() * (high - low + 1));
  }

  /** Exponential with the given mean (> 0). Variance mean². */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.prng());
  }

  /** Normal (Gaussian) with mean `mu` and standard deviation `sigma` (Box–Muller, pairs cached). */
  normal(mu: number, sigma: number): number {
    if (!Number.isNaN(this.spareNormal)) {
      const z = this.spareNormal;
      this.spareNormal = Number.NaN;
      return mu + sigma * z;
    }
    let u = 0;
    while (u === 0) u = this.prng();
    const v = this.prng();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return mu + sigma * r * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal: exp(N(mu, sigma)). Mean exp(mu + sigma²/2). */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  /**
   * Gamma with shape `k` ≥ 1 and scale `theta` > 0 (mean kθ, variance kθ²): Marsaglia & Tsang
   * (2000), "A simple method for generating gamma variables", squeeze and rejection on a normal
   * and a uniform per try. Shape 1 is one exponential draw. An integer shape n gives the Erlang
   * sum of n exponentials of mean θ.
   */
  gamma(k: number, theta: number): number {
    if (!(k >= 1)) throw new RangeError(`gamma shape must be >= 1, got ${k}`);
    if (k === 1) return this.exponential(theta);
    const d = k - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal(0, 1);
      const t = 1 + c * x;
      if (t <= 0) continue;
      const v = t * t * t;
      const u = this.prng();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v * theta;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * theta;
    }
  }

  /**
   * Pareto (type I) with shape `alpha` > 0 and scale (minimum) `xm` > 0.
   * Mean alpha·xm/(alpha−1) for alpha > 1.
   */
  pareto(alpha: number, xm: number): number {
    return xm / Math.pow(1 - this.prng(), 1 / alpha);
  }

  /**
   * Poisson count with mean `lambda` ≥ 0. Knuth's product method below 30, otherwise the
   * PTRS transformed-rejection method of Hörmann (1993), so large means stay O(1).
   */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda < 30) {
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = this.prng();
      while (p > limit) {
        k++;
        p *= this.prng();
      }
      return k;
    }
    const slam = Math.sqrt(lambda);
    const loglam = Math.log(lambda);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.prng() - 0.5;
      const v = this.prng();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) {
        return k;
      }
    }
  }

  /** One of `items`, chosen with probability proportional to `weights` (non-negative, not all 0). */
  choice<T>(items: readonly T[], weights?: readonly number[]): T {
    if (items.length === 0) throw new RangeError("choice() needs at least one item");
    if (!weights) return items[Math.floor(this.prng() * items.length)] as T;
    if (weights.length !== items.length) throw new RangeError("choice(): weights and items differ in length");
    let total = 0;
    for (const w of weights) {
      if (!(w >= 0)) throw new RangeError(`choice(): weight ${w} is not a non-negative number`);
      total += w;
    }
    if (total <= 0) throw new RangeError("choice(): all weights are 0");
    let target = this.prng() * total;
    for (let i = 0; i < items.length; i++) {
      target -= weights[i] as number;
      if (target < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }
}

function logFactorial(k: number): number {
  // Stirling series; exact enough (< 1e-10 relative) for k ≥ 10, table below.
  if (k < 10) {
    let f = 1;
    for (let i = 2; i <= k; i++) f *= i;
    return Math.log(f);
  }
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
}

/** The registry of named streams under one master seed. */
export class RngStreams {
  private readonly streams = new Map<string, RandomStream>();

  constructor(readonly masterSeed: number | string) {}

  /** The stream called `name`, created on first use; the same object on later calls. */
  stream(name: string): RandomStream {
    let s = this.streams.get(name);
    if (!s) {
      s = new RandomStream(`${this.masterSeed}/${name}`);
      this.streams.set(name, s);
    }
    return s;
  }
}

/**
 * Seed of replication `index` (0-based) derived from a scenario's master seed; replication 0
 * uses the master seed itself so a single run and the first replication agree.
 */
export function replicationSeed(masterSeed: number, index: number): number {
  if (index === 0) return masterSeed;
  const prng = seedrandom.alea(`${masterSeed}/replication/${index}`);
  return Math.floor(prng() * 2 ** 31);
}
