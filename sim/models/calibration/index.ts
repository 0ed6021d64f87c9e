export { loadCalibration, calibrationSchema, DEFAULT_CALIBRATION_PATH, type Calibration } from "./profile.ts";
