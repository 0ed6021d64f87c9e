/** The committed loop: the lab profile was fitted from the committed reference campaign, and validating it covers every metric. */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_SUBSET, LAB_DEVICE, labHostOf } from "../../sim/calibration/calibrate.ts";
import { readCampaign } from "../../sim/calibration/campaign.ts";
import { validationJson } from "../../sim/calibration/format.ts";
import { summariseValidation, validate } from "../../sim/calibration/validate.ts";
import { loadCalibration } from "../../sim/models/calibration/profile.ts";
import { roamingRows } from "./roaming-validation.ts";

const REFERENCE = fileURLToPath(new URL("../../results/reference/emulation/campaign", import.meta.url));
const PROFILE = fileURLToPath(new URL("../../results/reference/calibration/lab-profile.yaml", import.meta.url));

describe("the committed reference campaign and lab profile", async () => {
  const campaign = readCampaign(REFERENCE, ["lifecycle", "lifecycle_batches"]);
  const profile = loadCalibration(PROFILE);
  const host = labHostOf(campaign);
  const report = summariseValidation([...validate(profile, host, campaign, LAB_DEVICE, DEFAULT_SUBSET).rows, ...(await roamingRows(profile, host, campaign))]);

  it("the profile names the reference's files by their current sha256", () => {
    const hashes = new Map(campaign.sources.map((s) => [s.path.split("/").pop(), s.sha256]));
    for (const f of profile.source?.files ?? []) expect(hashes.get(f.path.split("/").pop())).toBe(f.sha256);
    expect(profile.source?.files.length).toBeGreaterThan(5);
  });

  it("holds out points of every metric and reports each one's largest error", () => {
    for (const m of ["instantiation", "memory", "rtt", "roaming"] as const) {
      expect(report.rows.some((r) => r.metric === m && r.heldOut)).toBe(true);
      expect(Number.isFinite(report.errors[m])).toBe(true);
    }
    const json = validationJson(report);
    expect(Object.keys(json).slice(0, 4)).toEqual(["instantiationError", "memoryError", "rttError", "roamingError"]);
  });

  it("predicts instantiation at N = 2, 5, 20, 100 and at parallelism 4 from N = 1, 10, 50 at parallelism 1, 2 and 8: every held-out point within 10 % or the lab's own interval", () => {
    const held = report.rows.filter((r) => r.metric === "instantiation" && r.heldOut);
    expect(held.length).toBe(15);
    expect(held.filter((r) => r.match === "miss").map((r) => r.point)).toEqual([]);
    expect(held.filter((r) => r.match === "spread").length).toBeLessThanOrEqual(1);
    expect(report.pass.instantiation).toBe(true);
  });

  it("predicts memory at N = 100 from N = 1, 10, 50 within the 10 % target", () => {
    expect(report.pass.memory).toBe(true);
    expect(report.errors.memory).toBeLessThan(0.1);
  });

  it("predicts the added RTT through 2, 4 and 5 vNFs from chains of 0, 1 and 3 (a chain entry plus a pass per vNF)", () => {
    expect(report.pass.rtt).toBe(true);
    expect(report.rows.filter((r) => r.metric === "rtt" && r.heldOut).length).toBe(6);
  });

  it("predicts break-before-make roaming from make-before-break (handover gap and state transfer cost fitted there) within the 20 % target", () => {
    expect(report.pass.roaming).toBe(true);
    expect(report.errors.roaming).toBeLessThan(0.2);
  });
});
