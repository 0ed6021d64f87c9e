import type { RandomStream } from "../../../base/rng.ts";

/**
 * A lognormal draw with the given mean and coefficient of variation (cv = sd / mean):
 * σ² = ln(1 + cv²), μ = ln(mean) − σ²/2, so E[X] = mean and sd[X] = cv · mean. cv = 0 gives
 * `mean` exactly and draws nothing.
 *
 * @example
 *   lognormalByMean(rng, 0.12, 0.2); // seconds, mean 0.12 s, sd 0.024 s
 */
export function lognormalByMean(rng: RandomStream, mean: number, cv: number): number {
  if (cv === 0) return mean;
  const sigma2 = Math.log(1 + cv * cv);
  return rng.lognormal(Math.log(mean) - sigma2 / 2, Math.sqrt(sigma2));
}
