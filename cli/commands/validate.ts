/**
 * `gnf validate [--profile P] [--reference DIR | --lab [--quick]] [--json] [--check]`: the calibrated
 * simulator predicts the lab points it was not fitted on and is compared with the lab — the
 * committed reference campaign (default) or a fresh campaign on this machine's lab (`--lab`).
 * Without `--profile`: against the reference, the committed lab profile; with `--lab`, a profile
 * fitted on the fresh campaign's fitted points (so the held-out points are predicted for this
 * machine as it runs today). `--check` exits 3 when a held-out point misses its target
 * (× `--tolerance`) and lies outside the lab's own 95 % interval.
 */
import { existsSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { CheckFailed, UserError } from "../../base/errors.ts";
import { DEFAULT_SUBSET, LAB_DEVICE, labHostOf } from "../../sim/calibration/calibrate.ts";
import { readCampaign } from "../../sim/calibration/campaign.ts";
import { formatValidation, validationJson } from "../../sim/calibration/format.ts";
import { summariseValidation, TARGETS, validate, type ValidatedMetric } from "../../sim/calibration/validate.ts";
import { campaignPlan, type CampaignPlan } from "../../emulation/harness/campaign-plan.ts";
import { calibrateFromLab } from "../../scenarios/worlds/calibrate.ts";
import { roamingRows } from "../../scenarios/worlds/roaming-validation.ts";
import { loadCalibration } from "../../sim/models/calibration/profile.ts";

export const REFERENCE_CAMPAIGN = fileURLToPath(new URL("../../results/reference/emulation/campaign", import.meta.url));
export const REFERENCE_PROFILE = fileURLToPath(new URL("../../results/reference/calibration/lab-profile.yaml", import.meta.url));

/**
 * The lab points a validation measures: the lab machine only, both the fitted points (N 1, 10 and
 * 50 — quick: 1 and 10 —, parallelism 1, 2 and 8 — quick: 1 and 2 —, chains of 0, 1 and 3 vNFs, make-before-break) and
 * held-out ones (N 2, 5, 20, 100; parallelism 4; chains of 2, 4, 5; break-before-make).
 * Idle memory of wire and firewall; no forwarding sweep (the validation does not use it).
 */
export function validationPlan(quick: boolean): CampaignPlan {
  return campaignPlan({
    quick,
    repeat: quick ? 2 : 3,
    // The lifecycle fit uses the lab's median makespan: with 3 repetitions one slow one (this lab
    // has them, up to 1.5 x) does not move it; with 2 the median is their mean.
    partRepeat: quick ? { lifecycle: 3 } : {},
    devices: [LAB_DEVICE],
    parts: ["lifecycle", "memory", "rtt", "flowmod", "roaming"],
    lifecycleCounts: quick ? [1, 5, 10, 20] : [1, 2, 5, 10, 20, 50, 100],
    lifecycleParallelism: quick ? [1, 2, 4] : [1, 2, 4, 8],
    memoryCounts: quick ? [1, 10, 20] : [1, 10, 50, 100],
    memoryKinds: ["wire", "firewall"],
    // chains of 0 … 4 vNFs, 200 pings each, also quick: the forwarding fit needs chains of 0, 1 and 3; 2 and 4 are held out
    rttMaxVnfs: quick ? 4 : 5,
    rttSamples: 200,
  });
}

interface ValidateOptions {
  profile?: string;
  reference?: string;
  lab?: boolean;
  quick?: boolean;
  json?: boolean;
  check?: boolean;
  checkOnly?: string;
  tolerance: string;
}

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("predict the lab points the calibration did not use and compare them with the lab (held-out validation)")
    .option("--profile <file>", "calibration profile (default: with --lab, fitted on the fresh campaign; else results/reference/calibration/lab-profile.yaml)")
    .option("--reference <dir>", "lab campaign to compare with (default: results/reference/emulation/campaign)")
    .option("--lab", "measure a fresh campaign on this machine's lab first (root; `gnf emulation doctor`)")
    .option("--quick", "with --lab: the quick campaign")
    .option("--json", "print one JSON object (instantiationError, memoryError, rttError, roamingError, pass, rows)")
    .option("--check", "exit 3 when a metric's largest held-out error misses its target × --tolerance (and no lab-spread match)")
    .option("--check-only <metrics>", "with --check: only these metrics (instantiation,memory,rtt,roaming); the others are reported, not checked")
    .option("--tolerance <factor>", "multiply the targets by this factor for --check", "1")
    .action(async (options: ValidateOptions) => {
      if (options.lab && options.reference) throw new UserError("gnf validate: give --reference or --lab, not both");
      const tolerance = Number(options.tolerance);
      if (!(tolerance >= 1)) throw new UserError(`--tolerance: expected a number ≥ 1, found "${options.tolerance}"`);
      let labFolder = options.reference ?? REFERENCE_CAMPAIGN;
      let scratch: string | undefined;
      try {
        if (options.lab) {
          const { harnessLabStatus } = await import("../../emulation/harness/availability.ts");
          const status = await harnessLabStatus();
          if (!status.ok) throw new UserError(`gnf validate --lab: the lab is missing: ${status.reason}`);
          const { runCampaignToFolder } = await import("../../scenarios/worlds/campaign.ts");
          scratch = mkdtempSync(join(tmpdir(), "gnf-validate-"));
          labFolder = join(scratch, "campaign");
          const say = (l: string): void => void process.stderr.write(`gnf validate: ${l}\n`);
          await runCampaignToFolder(validationPlan(options.quick === true), labFolder, { say });
        }
        if (!existsSync(labFolder)) throw new UserError(`${labFolder}: no lab campaign there (run \`gnf emulation campaign --out ${labFolder}\`, or give --reference DIR or --lab)`);
        const campaign = readCampaign(labFolder, ["lifecycle", "lifecycle_batches"]);
        // A fresh lab campaign is validated with a profile fitted on its own fitted points (the held-out
        // points are then predicted for this machine as it runs today); the reference with the committed profile.
        const profilePath = options.profile ?? (!options.lab && existsSync(REFERENCE_PROFILE) ? REFERENCE_PROFILE : undefined);
        const profile = profilePath ? loadCalibration(profilePath) : (await calibrateFromLab([labFolder])).profile;
        const host = labHostOf(campaign);
        const report = summariseValidation([...validate(profile, host, campaign, LAB_DEVICE, DEFAULT_SUBSET).rows, ...(await roamingRows(profile, host, campaign))]);
        process.stdout.write(options.json ? `${JSON.stringify(validationJson(report), null, 2)}\n` : `${formatValidation(report).join("\n")}\n`);
        if (options.check) {
          const all = Object.keys(TARGETS) as ValidatedMetric[];
          const checked = options.checkOnly === undefined ? all : options.checkOnly.split(",").map((m) => m.trim());
          for (const m of checked) if (!all.includes(m as ValidatedMetric)) throw new UserError(`--check-only: unknown metric "${m}"; expected some of ${all.join(", ")}`);
          const missed = all.filter((m) => checked.includes(m)).filter((m) => {
            const held = report.rows.filter((r) => r.metric === m && r.heldOut);
            return held.some((r) => r.relativeError > TARGETS[m] * tolerance && r.match !== "spread");
          });
          if (missed.length > 0) throw new CheckFailed(`validation missed ${missed.join(", ")} (targets × ${tolerance})`);
        }
      } finally {
        if (scratch) rmSync(scratch, { recursive: true, force: true });
      }
    });
}
