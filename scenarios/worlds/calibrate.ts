/**
 * The whole calibration (`gnf calibrate`): the simulator's fits of a lab campaign
 * (sim/calibration: lifecycle and contention, memory, forwarding delay, FLOW_MOD costs), then the
 * state transfer's fixed cost (from the fitted roaming mode's migrations) and the handover gap,
 * which needs the roaming scenario run in the simulator (so it lives here, where scenarios are
 * composed with the worlds).
 */
import { calibrate, type CalibrationResult, type CalibrationSubset, DEFAULT_SUBSET } from "../../sim/calibration/calibrate.ts";
import { calibrationSchema } from "../../sim/models/calibration/profile.ts";
import { fitStateTransfer } from "../../sim/calibration/fit-state-transfer.ts";
import { FITTED_MODE, fitHandoverGap } from "./roaming-validation.ts";

const roundQuality = (q: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(q).map(([k, v]) => [k, Number(v.toPrecision(6))]));

export async function calibrateFromLab(folders: readonly string[], subset: CalibrationSubset = DEFAULT_SUBSET): Promise<CalibrationResult> {
  const fitted = calibrate(folders, subset);
  const transfer = fitStateTransfer(fitted.campaign, FITTED_MODE);
  const withTransfer = transfer ? calibrationSchema.parse({ ...fitted.profile, stateTransfer: { fixedS: Number(transfer.fixedS.toPrecision(6)) }, ...(fitted.profile.source ? { source: { ...fitted.profile.source, quality: { ...fitted.profile.source.quality, ...roundQuality(transfer.quality) } } } : {}) }) : fitted.profile;
  const result = { ...fitted, profile: withTransfer };
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
