export { Counter } from "./counter.ts";
export { Tally, type TallySummary } from "./tally.ts";
export { TimeWeighted } from "./time-weighted.ts";
export { TimeSeries } from "./time-series.ts";
export { confidenceInterval95, studentT975, type ConfidenceInterval } from "./confidence.ts";
