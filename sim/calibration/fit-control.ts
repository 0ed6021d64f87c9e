/**
 * Controller → switch costs from the lab's FLOW_MOD measurements (`flowmod` table): the least-squares
 * line of the time from the first FLOW_MOD to the barrier reply against the batch size gives the
 * fixed cost (barrier round trip and processing, s) and the cost of each FLOW_MOD (s).
 */
import { linearFit } from "../../base/stats/fit.ts";
import { num, rowsOf, type Campaign } from "./campaign.ts";

export function fitControl(campaign: Campaign): { control: { barrierS: number; flowModS: number }; quality: Record<string, number> } | undefined {
  const rows = rowsOf(campaign, "flowmod");
  const k = rows.map((r) => num(campaign, "flowmod", r, "flow_mods"));
  if (new Set(k).size < 2) return undefined;
  const fit = linearFit(k, rows.map((r) => num(campaign, "flowmod", r, "barrier_ms") / 1000));
  return { control: { barrierS: Math.max(0, fit.intercept), flowModS: Math.max(0, fit.slope) }, quality: { "control.r2": fit.r2 } };
}
