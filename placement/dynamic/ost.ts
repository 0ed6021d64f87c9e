/**
 * `ost`: re-placement scheduled by optimal stopping, after Cziva, Anagnostopoulos & Pezaros,
 * "Dynamic, latency-optimal vNF placement at the network edge" (IEEE INFOCOM 2018). Re-placing
 * migrates vNFs (service disruption, state transfer), so it is postponed while latency violations
 * are tolerable and triggered when the count of violations since the last re-placement reaches a
 * threshold.
 *
 * Model (our statement of the assumptions; see placement/README.md):
 * - X_t = violations of per-vNF latency bounds since the last re-placement; each slot adds
 *   V ~ Binomial(n, p) violations, independent across slots, n = vNFs observed in the slot and
 *   p = violation probability per sample (fixed, or estimated as all violations / all samples).
 * - Stopping (re-placing) at X_t = x earns x if x ≤ Θ (the violations absorbed while saving
 *   migrations) and 0 if x > Θ (the tolerated maximum was exceeded: the postponement failed).
 * - One-stage look-ahead (1-sla) rule: stop as soon as stopping now is worth at least as much as
 *   continuing exactly one more slot and stopping then:
 *       x ≥ E[(x + V) · 1{x + V ≤ Θ}]  ⇔  x · P(V > Θ − x) ≥ E[V · 1{V ≤ Θ − x}].
 *   The left side grows with x and the right side shrinks, so once the rule says stop it keeps
 *   saying stop (a monotone problem), and for monotone problems the 1-sla rule is optimal
 *   (Chow, Robbins & Siegmund 1971; Ferguson, "Optimal Stopping and Applications", ch. 5).
 * - Hence a threshold: x* = the least x in 1..Θ satisfying the inequality (Θ if none does);
 *   re-place when X_t ≥ x*.
 *
 * @example
 *   ostThreshold(10, binomialPmf(20, 0.05)) // 9: with ~1 violation per slot, re-place at 9 of 10
 */
import type { ReplacementPolicy, ReplacementState, SlotObservation } from "./types.ts";
import { countViolations } from "./types.ts";

/** P(V = k) for k = 0..n of V ~ Binomial(n, p), computed by the stable multiplicative recurrence. */
export function binomialPmf(n: number, p: number): Float64Array {
  if (!Number.isInteger(n) || n < 0) throw new Error(`binomialPmf: n must be a non-negative integer, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new Error(`binomialPmf: p must be in [0, 1], got ${p}`);
  const pmf = new Float64Array(n + 1);
  if (p === 0 || p === 1) {
    pmf[p === 0 ? 0 : n] = 1;
    return pmf;
  }
  // Work in logs for the first term so (1 − p)^n does not underflow for large n.
  let log = n * Math.log1p(-p);
  const ratio = Math.log(p) - Math.log1p(-p);
  for (let k = 0; k <= n; k++) {
    pmf[k] = Math.exp(log);
    log += Math.log(n - k) - Math.log(k + 1) + ratio;
  }
  return pmf;
}

/**
 * The 1-sla stopping threshold x* for tolerated maximum Θ (`toleratedViolations`, integer ≥ 1) and
 * per-slot violation pmf (`pmf[k]` = P(V = k)): the least x in 1..Θ with
 * x · P(V > Θ − x) ≥ E[V · 1{V ≤ Θ − x}], or Θ when no x satisfies it (e.g. p = 0).
 */
export function ostThreshold(toleratedViolations: number, pmf: ArrayLike<number>): number {
  const theta = toleratedViolations;
  if (!Number.isInteger(theta) || theta < 1) throw new Error(`ost: toleratedViolations must be an integer ≥ 1, got ${theta}`);
  for (let x = 1; x <= theta; x++) {
    let atMost = 0; // P(V ≤ Θ − x)
    let partialMean = 0; // E[V · 1{V ≤ Θ − x}]
    for (let k = 0; k <= theta - x && k < pmf.length; k++) {
      atMost += pmf[k] as number;
      partialMean += k * (pmf[k] as number);
    }
    if (x * Math.max(0, 1 - atMost) >= partialMean && partialMean + (1 - atMost) > 0) return x;
  }
  return theta;
}

export interface OstOptions {
  /** Θ: the most violations tolerated between re-placements (integer ≥ 1). */
  toleratedViolations: number;
  /** Per-sample violation probability; default: estimated as all violations / all samples so far. */
  violationProbability?: number;
}

/** The optimal-stopping policy: re-place when the violations since the last re-placement reach x*. */
export function ostPolicy(options: OstOptions): ReplacementPolicy {
  const theta = options.toleratedViolations;
  ostThreshold(theta, [1]); // validates Θ up front
  const fixedP = options.violationProbability;
  if (fixedP !== undefined && !(fixedP >= 0 && fixedP <= 1)) throw new Error(`ost: violationProbability must be in [0, 1], got ${fixedP}`);
  return {
    name: "ost",
    decide(state: ReplacementState, observations: readonly SlotObservation[]) {
      const violations = countViolations(observations);
      const x = state.violationsSinceReplacement + violations;
      const samples = state.samplesTotal + observations.length;
      const p = fixedP ?? (samples === 0 ? 0 : (state.violationsTotal + violations) / samples);
      const threshold = ostThreshold(theta, binomialPmf(observations.length, p));
      const what = `${x} violations since the last re-placement`;
      const model = `threshold ${threshold} of tolerated ${theta}, p = ${p.toFixed(4)}, n = ${observations.length}`;
      return x >= threshold ? { replace: true, reason: `ost: ${what} ≥ ${model}` } : { replace: false, reason: `ost: ${what} < ${model}` };
    },
  };
}
