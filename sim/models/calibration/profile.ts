/**
 * Calibration profiles of the container lifecycle (`sim/models/calibration/default.yaml`, or a
 * file named by the scenario key `calibration`).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import { UserError } from "../../../cli/errors.ts";
import { formatKeyPath } from "../../../scenarios/describe-value.ts";

const duration = z.object({ mean: z.number().positive().describe("seconds on a reference core"), cv: z.number().min(0).max(5) }).strict();

export const calibrationSchema = z
  .object({
    create: duration,
    start: duration,
    stop: duration,
    remove: duration,
    imagePullBandwidthBps: z.number().positive(),
  })
  .strict();

export type Calibration = z.output<typeof calibrationSchema>;

export const DEFAULT_CALIBRATION_PATH = fileURLToPath(new URL("./default.yaml", import.meta.url));

export function loadCalibration(path = DEFAULT_CALIBRATION_PATH): Calibration {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new UserError(`${path}: cannot read the calibration profile: ${(err as Error).message.split("\n")[0]}`);
  }
  const result = calibrationSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0] as z.core.$ZodIssue;
    throw new UserError(`${path}: ${formatKeyPath(issue.path)}: ${issue.message}`);
  }
  return result.data;
}
