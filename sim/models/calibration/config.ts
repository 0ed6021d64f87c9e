/**
 * Scenario key `calibration`: the calibration profile file of the container vNF lifecycle
 * (default `sim/models/calibration/default.yaml`). A relative path is resolved against the
 * scenario file's folder (`resolveCalibrationPath`).
 *
 * @example
 *   calibration: calibration/fitted-from-emulation.yaml
 */
import { dirname, isAbsolute, resolve } from "node:path";
import { z } from "zod";
import { DEFAULT_CALIBRATION_PATH } from "./profile.ts";

export const calibrationKeySchema = z
  .string()
  .min(1)
  .describe("calibration profile file (YAML) of the container vNF lifecycle, relative to the scenario file (default sim/models/calibration/default.yaml)");

/** The profile path for a scenario's `calibration` key (undefined: the default profile). */
export function resolveCalibrationPath(calibration: string | undefined, scenarioFile?: string): string {
  if (calibration === undefined) return DEFAULT_CALIBRATION_PATH;
  if (isAbsolute(calibration) || scenarioFile === undefined) return resolve(calibration);
  return resolve(dirname(scenarioFile), calibration);
}
