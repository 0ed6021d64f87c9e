export { type SlotObservation, type ReplacementState, type ReplacementDecision, type ReplacementPolicy, INITIAL_REPLACEMENT_STATE, countViolations, advanceState } from "./types.ts";
export { staticPolicy, alwaysPolicy, periodicPolicy } from "./baselines.ts";
export { ostPolicy, ostThreshold, binomialPmf, type OstOptions } from "./ost.ts";
export { policyTrigger, type PolicyTrigger, type ChainLatencySample } from "./trigger.ts";
export { REPLACEMENT_POLICIES, REPLACEMENT_POLICY_NAMES, createReplacementPolicy, type ReplacementPolicyName } from "./registry.ts";
