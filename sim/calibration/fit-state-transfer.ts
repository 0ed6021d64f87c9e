/**
 * The fixed cost of carrying a vNF's state, from the lab's roaming runs (`roaming` table,
 * `state_transfer_ms`: a migration's new instance ready → state transferred). In make-before-break
 * that span is the whole transfer — the export from the still-running source and the import into
 * the new instance, each a `docker exec` of the vNF's own tool — while the bytes themselves (a few
 * kB of rules) take microseconds; so the mean over the fitted mode's migrations is the fixed cost
 * (s, the lab's wall time: process start-up, not CPU work scaled by core speed). Break-before-make,
 * where the same cost lands inside the UE's interruption, is then a held-out prediction.
 * Undefined when the table has no such column or rows (older campaigns).
 */
import { num, rowsOf, type Campaign } from "./campaign.ts";

/** The roaming mode calibrations fit on (state transfer here, the handover gap in scenarios/worlds); the other is held out. */
export const FITTED_ROAMING_MODE = "make-before-break";

export function fitStateTransfer(campaign: Campaign, mode: string): { fixedS: number; quality: Record<string, number> } | undefined {
  const ms = rowsOf(campaign, "roaming")
    .filter((r) => r["mode"] === mode && r["state_transfer_ms"] !== undefined && r["state_transfer_ms"] !== "")
    .map((r) => num(campaign, "roaming", r, "state_transfer_ms"))
    .filter((x) => Number.isFinite(x) && x >= 0);
  if (ms.length === 0) return undefined;
  const fixedS = ms.reduce((a, b) => a + b, 0) / ms.length / 1000;
  return { fixedS, quality: { "stateTransfer.migrations": ms.length, "stateTransfer.meanMs": fixedS * 1000 } };
}
