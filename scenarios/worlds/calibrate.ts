/**
 * The whole calibration (`gnf calibrate`): the simulator's fits of a lab campaign
 * (sim/calibration: lifecycle and contention, memory, forwarding delay, FLOW_MOD costs, state
 * transfer), then the handover gap, which needs the roaming scenario run in the simulator (so it
 * lives here, where scenarios are composed with the worlds).
 */
import { calibrate, type CalibrationResult, type CalibrationSubset, DEFAULT_SUBSET } from "../../sim/calibration/calibrate.ts";
import { calibrationSchema } from "../../sim/models/calibration/profile.ts";
import { FITTED_MODE, fitHandoverGap } from "./roaming-validation.ts";

export async function calibrateFromLab(folders: readonly string[], subset: CalibrationSubset = DEFAULT_SUBSET): Promise<CalibrationResult> {
  const result = calibrate(folders, subset);
  const gapS = await fitHandoverGap(result.profile, result.host, result.campaign);
  if (gapS === undefined) return result;
  const source = result.profile.source;
  const profile = calibrationSchema.parse({
    ...result.profile,
    handover: { gapS: Number(gapS.toPrecision(6)) },
    ...(source ? { source: { ...source, fittedOn: { ...source.fittedOn, roamingModes: [FITTED_MODE] } } } : {}),
  });
  return { ...result, profile };
}
