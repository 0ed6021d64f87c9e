/**
 * Where a reproduction's emulation series come from: the committed reference (the lab campaign in
 * `results/reference/emulation/campaign/` and `gnf emulate` runs in `results/reference/emulation/runs/`),
 * labelled with its machine and date, or none (`--sim-only`).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { EmulationCampaign, ReproduceContext } from "./figure.ts";

export const REFERENCE_CAMPAIGN = fileURLToPath(new URL("../../results/reference/emulation/campaign", import.meta.url));
export const REFERENCE_RUNS = fileURLToPath(new URL("../../results/reference/emulation/runs", import.meta.url));
export const REFERENCE_LAB_PROFILE = fileURLToPath(new URL("../../results/reference/calibration/lab-profile.yaml", import.meta.url));

/** "campaign <folder>, <cores> × <cpu model>, <date>" from a campaign's manifest (what is known of it). */
export function campaignLabel(folder: string, what: string): string {
  const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as { machine?: { cpuModel?: string; cores?: number }; wall?: { startedAt?: string } };
  const m = manifest.machine ?? {};
  const machine = [m.cores !== undefined ? `${m.cores} cores` : null, m.cpuModel ?? null].filter((x) => x !== null).join(", ");
  const date = manifest.wall?.startedAt?.slice(0, 10);
  return [what, machine || null, date ? `measured ${date}` : null].filter((x) => x !== null).join(", ");
}

/** Results folders of the committed reference `gnf emulate` runs, by scenario name (folder name). */
export function referenceRuns(folder = REFERENCE_RUNS): Record<string, string> {
  if (!existsSync(folder)) return {};
  const runs: Record<string, string> = {};
  for (const name of readdirSync(folder).sort()) if (existsSync(join(folder, name, "manifest.json"))) runs[name] = join(folder, name);
  return runs;
}

export interface ContextChoices {
  simOnly: boolean;
  seed: number;
  replications: number;
}

/** The context of a reproduction from the committed reference (or none with `simOnly`). */
export function referenceContext(choices: ContextChoices): ReproduceContext {
  const campaign: EmulationCampaign | null = choices.simOnly ? null : { folder: REFERENCE_CAMPAIGN, label: campaignLabel(REFERENCE_CAMPAIGN, "committed reference lab campaign"), fresh: false };
  return { simOnly: choices.simOnly, campaign, labProfile: REFERENCE_LAB_PROFILE, emulationRuns: choices.simOnly ? {} : referenceRuns(), seed: choices.seed, replications: choices.replications };
}
