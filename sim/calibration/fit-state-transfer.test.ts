/** The state transfer's fixed cost is the mean ready → transferred span of the fitted mode's migrations; older campaigns without the column give none. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCampaign } from "./campaign.ts";
import { fitStateTransfer } from "./fit-state-transfer.ts";
import { writeTable } from "./test-support.ts";

function campaignWith(columns: string[], rows: (string | number | null)[][]): string {
  const dir = mkdtempSync(join(tmpdir(), "gnf-transfer-"));
  writeTable(dir, "roaming", columns, rows);
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ machine: { cores: 2 } }));
  return dir;
}

describe("fitStateTransfer", () => {
  it("averages the fitted mode's migrations (s) and ignores the other mode and missing values", () => {
    const dir = campaignWith(
      ["repetition", "mode", "interruption_ms", "state_transfer_ms"],
      [
        [1, "make-before-break", 100, 140],
        [2, "make-before-break", 95, 160],
        [3, "make-before-break", 98, null],
        [1, "break-before-make", 560, 70],
      ],
    );
    const fit = fitStateTransfer(readCampaign(dir), "make-before-break");
    expect(fit?.fixedS).toBeCloseTo(0.15, 12);
    expect(fit?.quality["stateTransfer.migrations"]).toBe(2);
  });

  it("gives none for a campaign without the column", () => {
    const dir = campaignWith(["repetition", "mode", "interruption_ms"], [[1, "make-before-break", 100]]);
    expect(fitStateTransfer(readCampaign(dir), "make-before-break")).toBeUndefined();
  });
});
