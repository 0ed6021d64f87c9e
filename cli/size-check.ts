/**
 * The plausibility check `gnf run` and `gnf check` make before a run starts
 * (`scenarios/checks/work-estimate.ts`): an estimate above 10 min of wall time is a warning on
 * stderr, one above 24 h a refusal (exit 2) unless `--allow-long-run` is given.
 */
import { UserError } from "../base/errors.ts";
import { describeEstimate, estimateWork, refusalText, type WorkEstimate } from "../scenarios/checks/index.ts";
import type { Scenario } from "../scenarios/schema/scenario.ts";

/** The flag that lets an implausibly large run go ahead. */
export const ALLOW_LONG_RUN_FLAG = "--allow-long-run";

/** Estimates the run's work; throws a `UserError` when it is too large and not allowed, warns when large. */
export function checkRunSize(scenario: Scenario, allowLongRun: boolean, warn: (line: string) => void): WorkEstimate {
  const estimate = estimateWork(scenario);
  if (estimate.verdict === "refuse" && !allowLongRun) throw new UserError(refusalText(scenario, estimate, ALLOW_LONG_RUN_FLAG));
  if (estimate.verdict !== "ok") warn(`warning: a long run: ${describeEstimate(estimate)}`);
  return estimate;
}
