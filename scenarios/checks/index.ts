export { scenarioProblems } from "./scenario-problems.ts";
export { nameProblems, type NameContext } from "./names.ts";
export { timeProblems } from "./times.ts";
export { estimateWork, describeEstimate, refusalText, ASSUMED_RATES, WARN_WALL_S, REFUSE_WALL_S, type WorkEstimate } from "./work-estimate.ts";
