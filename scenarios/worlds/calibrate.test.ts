/** The handover gap: fitted on make-before-break, then break-before-make is predicted (held out). */
import { describe, expect, it } from "vitest";
import { HOST, syntheticCampaign, writeTable } from "../../sim/calibration/test-support.ts";
import { readCampaign } from "../../sim/calibration/campaign.ts";
import { summariseValidation } from "../../sim/calibration/validate.ts";
import { calibrateFromLab } from "./calibrate.ts";
import { roamingRows, simulateRoaming } from "./roaming-validation.ts";
import { calibrate } from "../../sim/calibration/calibrate.ts";

const GAP_S = 0.05;

describe("roaming calibration", async () => {
  // The lab's interruptions: the simulator's own (with the fitted lifecycle) plus a 50 ms handover gap.
  const folder = syntheticCampaign();
  const { profile: noGap } = calibrate([folder]);
  const mbb = await simulateRoaming({ ...noGap, handover: { gapS: 0 } }, HOST, "make-before-break", 2);
  const bbm = await simulateRoaming({ ...noGap, handover: { gapS: 0 } }, HOST, "break-before-make", 2);
  const rows = [...mbb.map((ms, i) => [0, "make-before-break", i, ms + GAP_S * 1000, 0]), ...bbm.map((ms, i) => [0, "break-before-make", i, ms + GAP_S * 1000, 0])];
  writeTable(folder, "roaming", ["repetition", "mode", "handover", "interruption_ms", "probe_lost"], rows);
  const { profile } = await calibrateFromLab([folder]);

  it("fits the handover gap the lab adds", () => {
    expect(profile.handover?.gapS).toBeCloseTo(GAP_S, 6);
    expect(profile.source?.fittedOn?.["roamingModes"]).toEqual(["make-before-break"]);
  });

  it("predicts break-before-make, held out, within 20 %", async () => {
    const report = summariseValidation(await roamingRows(profile, HOST, readCampaign(folder)));
    expect(report.rows.map((r) => [r.point, r.heldOut])).toEqual([
      ["interruption, make-before-break", false],
      ["interruption, break-before-make", true],
    ]);
    expect(report.errors.roaming).toBeLessThan(0.2);
    expect(report.pass.roaming).toBe(true);
  });
});
