/** Baseline re-placement policies of the INFOCOM 2018 evaluation: static, always, periodic. */
import type { ReplacementPolicy } from "./types.ts";

/** Never re-places (the initial placement is kept). */
export function staticPolicy(): ReplacementPolicy {
  return { name: "static", decide: () => ({ replace: false, reason: "static policy: never re-places" }) };
}

/** Re-places after every slot. */
export function alwaysPolicy(): ReplacementPolicy {
  return { name: "always", decide: () => ({ replace: true, reason: "always policy: re-places every slot" }) };
}

/** Re-places every `periodSlots` slots (≥ 1, integer); periodSlots = 1 is `always`. */
export function periodicPolicy(periodSlots: number): ReplacementPolicy {
  if (!Number.isInteger(periodSlots) || periodSlots < 1) throw new Error(`periodic policy: periodSlots must be an integer ≥ 1, got ${periodSlots}`);
  return {
    name: "periodic",
    decide(state) {
      const elapsed = state.slotsSinceReplacement + 1;
      return elapsed >= periodSlots
        ? { replace: true, reason: `periodic policy: ${elapsed} slots since the last re-placement (period ${periodSlots})` }
        : { replace: false, reason: `periodic policy: ${elapsed} of ${periodSlots} slots` };
    },
  };
}
