/**
 * The lab measurement campaign with everything it needs (`gnf emulation campaign`): the harness's
 * campaign (`emulation/harness/campaign.ts`: lifecycle, memory, RTT, FLOW_MOD latency, forwarding,
 * Table I devices) composed with the roaming measurement, which runs a scenario
 * (`roaming-measurement.ts`: the default scenario sped up, once per migration mode and
 * repetition). Builds the images it uses (content-hash tags: other checkouts may retag :latest
 * meanwhile), then writes an ordinary results folder with the one results writer: the campaign's
 * tables, `summary.json` with the headline metrics, and `manifest.json` with the plan, the
 * machine (CPU model, cores, kernel, Docker, OVS and Node versions, load average before and
 * after), the core-speed measurement and the device scaling, part timings, errors and skips.
 *
 * @example const { result } = await runCampaignToFolder(campaignPlan({ quick: true }), "results/campaign", { say: console.error });
 */
import { loadavg } from "node:os";
import { buildImages } from "../../emulation/images/build.ts";
import type { VnfKind } from "../../emulation/images/catalog.ts";
import { machineFacts } from "../../emulation/harness/machine-facts.ts";
import { planKinds, type CampaignPlan, type MigrationMode } from "../../emulation/harness/campaign-plan.ts";
import { runCampaign, type CampaignResult } from "../../emulation/harness/campaign.ts";
import { writeEmulationRun } from "../../emulation/harness/write-results.ts";
import { measureRoamingRun, ROAMING_OVERRIDES } from "./roaming-measurement.ts";
import { emulationLabStatus } from "../../emulation/backend/availability.ts";

export interface CampaignRunOptions {
  say?: (line: string) => void;
}

export interface CampaignFolder {
  dir: string;
  files: string[];
  result: CampaignResult;
  seconds: number;
}

/** Runs `plan` (roaming through the scenario layer when Mininet is there) and writes the results folder `dir`. */
export async function runCampaignToFolder(plan: CampaignPlan, dir: string, options: CampaignRunOptions = {}): Promise<CampaignFolder> {
  const say = options.say ?? (() => undefined);
  const startedAt = new Date();
  const loadAverageBefore = loadavg();
  const kinds = planKinds(plan);
  say(`images: ${kinds.join(", ")}`);
  const built = await buildImages({ kinds });
  const images: Partial<Record<VnfKind, string>> = Object.fromEntries(kinds.map((k) => [k, built.find((i) => i.name === `gnf/${k}`)?.ref]).filter(([, ref]) => ref !== undefined));
  const facts = await machineFacts();
  let measureRoaming: ((mode: MigrationMode) => ReturnType<typeof measureRoamingRun>) | undefined;
  let roamingUnavailable: string | undefined;
  if (plan.parts.includes("roaming")) {
    const status = await emulationLabStatus();
    if (status.ok) measureRoaming = (mode) => measureRoamingRun(mode);
    else roamingUnavailable = status.reason;
  }
  const result = await runCampaign(plan, { images, say, measureRoaming });
  if (roamingUnavailable !== undefined) result.skipped.roaming = roamingUnavailable;
  const files = writeEmulationRun(dir, {
    measurement: "campaign",
    options: { plan, images, roamingOverrides: ROAMING_OVERRIDES },
    tables: result.tables,
    metrics: result.metrics,
    startedAt,
    loadAverageBefore,
    machine: { ...facts, coreSpeed: result.coreSpeed },
    extra: {
      deviceScaling: result.scaling,
      deviceScalingMethod:
        "CPU quota (cores here) = device cores × device perCoreSpeed / lab core speed, all in reference cores (one i7 core at 3.4 GHz; machine.coreSpeed says how the lab core was measured); memory limit = the device's vNF memory (memory × its category's vNF share). Both on one cgroup v1 parent per batch (Docker --cgroup-parent) shared by all its containers, each container also given the quota with --cpus.",
      partSeconds: result.partSeconds,
      skipped: result.skipped,
      errors: result.errors,
    },
  });
  return { dir, files, result, seconds: (Date.now() - startedAt.getTime()) / 1000 };
}
