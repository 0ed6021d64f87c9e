/**
 * Adapts a slot policy to the Manager's per-chain trigger interface (`ReplacementTrigger` in
 * orchestrator/manager.ts, matched structurally so placement does not import the orchestrator):
 * every latency sample of a chain is one slot with one observation; `replaced` restarts the
 * chain's counters. Chains without a latency bound never violate.
 */
import { advanceState, INITIAL_REPLACEMENT_STATE, type ReplacementPolicy, type ReplacementState, type SlotObservation } from "./types.ts";

/** Shape of orchestrator's LatencySample (seconds). */
export interface ChainLatencySample {
  chain: string;
  latencyS: number;
  boundS?: number;
}

export interface PolicyTrigger {
  observe(sample: ChainLatencySample, now: number): boolean;
  replaced(chain: string, now: number): void;
  /** The last decision per chain (for notifications). */
  lastReason(chain: string): string | undefined;
}

export function policyTrigger(policy: ReplacementPolicy): PolicyTrigger {
  const states = new Map<string, ReplacementState>();
  const reasons = new Map<string, string>();
  return {
    observe(sample) {
      const state = states.get(sample.chain) ?? INITIAL_REPLACEMENT_STATE;
      const observations: SlotObservation[] = [{ vnf: sample.chain, latencyS: sample.latencyS, boundS: sample.boundS ?? Infinity }];
      const decision = policy.decide(state, observations);
      // Counters restart when the Manager reports the re-placement, not on the decision alone.
      states.set(sample.chain, advanceState(state, observations, { ...decision, replace: false }));
      reasons.set(sample.chain, decision.reason);
      return decision.replace;
    },
    replaced(chain) {
      const state = states.get(chain);
      if (state) states.set(chain, { ...state, slotsSinceReplacement: 0, violationsSinceReplacement: 0 });
    },
    lastReason: (chain) => reasons.get(chain),
  };
}
