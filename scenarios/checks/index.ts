export { scenarioProblems } from "./scenario-problems.ts";
export { nameProblems, type NameContext } from "./names.ts";
export { timeProblems } from "./times.ts";
