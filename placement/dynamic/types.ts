/**
 * Dynamic re-placement: when to re-run placement (and migrate vNFs) as latencies drift, decided
 * once per time slot from the latency samples of that slot. Policies are pure objects: the same
 * state and observations always give the same decision.
 */

/** One latency measurement of one vNF in a slot. */
export interface SlotObservation {
  vnf: string;
  /** Measured UE → vNF latency, seconds. */
  latencyS: number;
  /** The vNF's latency bound, seconds (a sample above it is a violation). */
  boundS: number;
}

/** What a policy knows at the start of a slot. Counters are non-negative integers. */
export interface ReplacementState {
  /** Slots observed so far (0 before the first). */
  slot: number;
  /** Slots since the last re-placement (or since the start). */
  slotsSinceReplacement: number;
  /** Latency-bound violations since the last re-placement (or since the start). */
  violationsSinceReplacement: number;
  /** All samples and all violations ever observed (the violation-rate estimate). */
  samplesTotal: number;
  violationsTotal: number;
}

export interface ReplacementDecision {
  replace: boolean;
  /** Why, for logs and notifications, e.g. "12 violations since the last re-placement ≥ threshold 9". */
  reason: string;
}

export interface ReplacementPolicy {
  readonly name: string;
  /** Decide after this slot's observations (they count towards the decision). */
  decide(state: ReplacementState, observations: readonly SlotObservation[]): ReplacementDecision;
}

export const INITIAL_REPLACEMENT_STATE: Readonly<ReplacementState> = Object.freeze({ slot: 0, slotsSinceReplacement: 0, violationsSinceReplacement: 0, samplesTotal: 0, violationsTotal: 0 });

/** Violations in a slot: samples strictly above their bound. */
export function countViolations(observations: readonly SlotObservation[]): number {
  let n = 0;
  for (const o of observations) if (o.latencyS > o.boundS) n++;
  return n;
}

/** The state after a slot with `observations` and `decision` (counters since re-placement reset when it re-placed). */
export function advanceState(state: ReplacementState, observations: readonly SlotObservation[], decision: ReplacementDecision): ReplacementState {
  const violations = countViolations(observations);
  return {
    slot: state.slot + 1,
    slotsSinceReplacement: decision.replace ? 0 : state.slotsSinceReplacement + 1,
    violationsSinceReplacement: decision.replace ? 0 : state.violationsSinceReplacement + violations,
    samplesTotal: state.samplesTotal + observations.length,
    violationsTotal: state.violationsTotal + violations,
  };
}
