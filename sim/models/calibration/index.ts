export { loadCalibration, parseCalibration, calibrationSchema, durationDistributionSchema, DEFAULT_CALIBRATION_PATH, type Calibration, type DurationDistribution } from "./profile.ts";
export { calibrationKeySchema, resolveCalibrationPath } from "./config.ts";
export { lognormalByMean } from "./lognormal.ts";
