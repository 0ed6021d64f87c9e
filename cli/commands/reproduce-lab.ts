/**
 * The lab half of `gnf reproduce` when the lab is set up: measures a campaign with the points the
 * figures plot (lifecycle N = 1 … 100 at parallelism 1, 2 and 8, idle memory of wire and firewall
 * at N = 1 … 100, RTT through 0 … 3 vNFs, FLOW_MOD, roaming; 3 repetitions; about 12 minutes on the
 * 2-core lab), fits a calibration profile on it (so the simulated lab machine is this machine as it
 * runs today) and runs `gnf emulate` of the scenarios whose lab series come from a whole run
 * (fig4-roaming). Everything is written under `dir` (inside the reproduction's results folder), and
 * the returned context points at it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { campaignPlan, type CampaignPlan } from "../../emulation/harness/campaign-plan.ts";
import { LAB_DEVICE, profileYaml } from "../../sim/calibration/calibrate.ts";
import { calibrateFromLab } from "../../scenarios/worlds/calibrate.ts";
import { runCampaignToFolder } from "../../scenarios/worlds/campaign.ts";
import { loadScenarioFile } from "../../scenarios/load.ts";
import { campaignLabel, type ContextChoices } from "../../notebooks/reproduce/context.ts";
import type { ReproduceContext } from "../../notebooks/reproduce/figure.ts";
import { emulateIntoFolder } from "./emulate.ts";

/** Scenarios run whole in the lab for a figure, by name (scenarios/<name>.yaml). */
export const EMULATED_SCENARIOS = ["fig4-roaming"] as const;

export function reproductionPlan(): CampaignPlan {
  return campaignPlan({
    quick: false,
    repeat: 3,
    devices: [LAB_DEVICE],
    parts: ["lifecycle", "memory", "rtt", "flowmod", "roaming"],
    lifecycleCounts: [1, 5, 10, 20, 50, 100],
    lifecycleParallelism: [1, 2, 8],
    memoryCounts: [1, 10, 50, 100],
    memoryKinds: ["wire", "firewall"],
    rttMaxVnfs: 3,
    rttSamples: 200,
  });
}

/** Measures everything the figures need in the lab into `dir`; resolves with the context that uses it. */
export async function labContext(dir: string, choices: ContextChoices, say: (line: string) => void): Promise<ReproduceContext> {
  const campaignDir = join(dir, "campaign");
  say("lab campaign (lifecycle, memory, RTT, FLOW_MOD, roaming; about 12 minutes)");
  await runCampaignToFolder(reproductionPlan(), campaignDir, { say });
  say("calibration profile fitted on that campaign");
  const labProfile = join(dir, "lab-profile.yaml");
  writeFileSync(labProfile, profileYaml((await calibrateFromLab([campaignDir])).profile, "gnf reproduce (fitted on lab/campaign)"));
  const emulationRuns: Record<string, string> = {};
  for (const name of EMULATED_SCENARIOS) {
    const runDir = join(dir, "runs", name);
    mkdirSync(runDir, { recursive: true });
    say(`gnf emulate scenarios/${name}.yaml`);
    const loaded = loadScenarioFile(fileURLToPath(new URL(`../../scenarios/${name}.yaml`, import.meta.url)));
    await emulateIntoFolder(runDir, loaded, { overrides: [], deviceLimits: "table-i", log: (l) => say(`  ${l}`) });
    emulationRuns[name] = runDir;
  }
  return { simOnly: false, campaign: { folder: campaignDir, label: campaignLabel(campaignDir, "lab campaign measured by this run"), fresh: true }, labProfile, emulationRuns, seed: choices.seed, replications: choices.replications };
}
