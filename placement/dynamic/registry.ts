/** Re-placement policies by name (scenario key `placement.replacement.policy`). */
import { alwaysPolicy, periodicPolicy, staticPolicy } from "./baselines.ts";
import { ostPolicy } from "./ost.ts";
import type { ReplacementPolicy } from "./types.ts";
import type { ReplacementConfig } from "../config.ts";

export const REPLACEMENT_POLICIES = {
  static: () => staticPolicy(),
  always: () => alwaysPolicy(),
  periodic: (c: ReplacementConfig) => periodicPolicy(c.periodSlots),
  ost: (c: ReplacementConfig) => ostPolicy({ toleratedViolations: c.toleratedViolations, ...(c.violationProbability === undefined ? {} : { violationProbability: c.violationProbability }) }),
} satisfies Record<string, (config: ReplacementConfig) => ReplacementPolicy>;

export type ReplacementPolicyName = keyof typeof REPLACEMENT_POLICIES;
export const REPLACEMENT_POLICY_NAMES = Object.keys(REPLACEMENT_POLICIES) as ReplacementPolicyName[];

export function createReplacementPolicy(config: ReplacementConfig): ReplacementPolicy {
  return REPLACEMENT_POLICIES[config.policy](config);
}
