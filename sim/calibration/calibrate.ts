/**
 * `gnf calibrate`: fits the simulator's parameters to lab campaigns and writes a calibration
 * profile (`sim/models/calibration/profile.ts`). Fitted on a named subset of the lab's points
 * (`DEFAULT_SUBSET`: N ∈ {1, 10, 50}, parallelism 1, 2 and 8 — on the 2-core lab: alone, one per core
 * and well beyond the cores —, chains of 0, 1 and 3 vNFs); the validation predicts the rest. The profile records the sha256
 * of every file it was fitted from and the fit quality. Deterministic: the same campaign gives the same profile, byte for byte.
 */
import { stringify } from "yaml";
import { UserError } from "../../base/errors.ts";
import type { Calibration } from "../models/calibration/profile.ts";
import { calibrationSchema, loadCalibration } from "../models/calibration/profile.ts";
import type { LabHost } from "./batch.ts";
import { readCampaign, type Campaign } from "./campaign.ts";
import { fitControl } from "./fit-control.ts";
import { fitForwarding } from "./fit-forwarding.ts";
import { fitLifecycle, type FitSubset } from "./fit-lifecycle.ts";
import { fitPacketCost } from "./fit-packet-cost.ts";
import { FITTED_ROAMING_MODE, fitStateTransfer } from "./fit-state-transfer.ts";
import { fitMemory } from "./fit-memory.ts";

/** The points a calibration may use; everything else is held out for the validation. */
export interface CalibrationSubset extends FitSubset {
  /** Chain lengths of the RTT fit: 0 and one or two lengths ≥ 1 (the first two give the entry and the per-vNF pass). */
  chainLengths: readonly number[];
}

export const DEFAULT_SUBSET: CalibrationSubset = { counts: [1, 10, 50], parallelism: [1, 2, 8], chainLengths: [0, 1, 3] };

/**
 * The lab builds every vNF image locally (no registry), so a start never pulls: the profile's
 * pull bandwidth is set so high that a pull takes no measurable time (1 Tbit/s: 8 µs for 1 MB).
 */
export const LAB_IMAGE_PULL_BPS = 1e12;

/** The device label of the lab machine's own measurements (no Table I limits). */
export const LAB_DEVICE = "lab";

export interface CalibrationResult {
  profile: Calibration;
  host: LabHost;
  /** The campaigns pooled into one (tables concatenated). */
  campaign: Campaign;
}

/** The lab machine of the first campaign, as the simulator models it. */
export function labHostOf(campaign: Campaign): LabHost {
  return { cores: campaign.machine.cores, coreSpeed: campaign.machine.coreSpeed };
}

/** Fits a profile to the campaign folders (their tables are pooled; the first names the machine). */
export function calibrate(folders: readonly string[], subset: CalibrationSubset = DEFAULT_SUBSET): CalibrationResult {
  if (folders.length === 0) throw new UserError("gnf calibrate: name at least one campaign folder");
  const campaigns = folders.map((f) => readCampaign(f, ["lifecycle", "lifecycle_batches"]));
  const campaign = pool(campaigns);
  const host = labHostOf(campaign);
  const base = loadCalibration();
  const lifecycle = fitLifecycle(campaign, host, LAB_DEVICE, subset, base);
  const memory = fitMemory(campaign, LAB_DEVICE, subset.counts);
  const forwarding = campaign.tables.has("rtt") ? fitForwarding(campaign, host.coreSpeed, subset.chainLengths) : undefined;
  const packetCost = forwarding ? fitPacketCost(campaign, host.coreSpeed) : undefined;
  const control = fitControl(campaign);
  const transfer = fitStateTransfer(campaign, FITTED_ROAMING_MODE);
  const quality: Record<string, number> = { ...memory.quality, ...forwarding?.quality, ...packetCost?.quality, ...control?.quality };
  for (const q of lifecycle.quality) quality[`lifecycle.n${q.n}.p${q.parallelism}.relativeError`] = round(q.relativeError);
  if (lifecycle.measuredCpuSPerVnf !== null) {
    quality["lifecycle.measuredCpuSPerVnf"] = round(lifecycle.measuredCpuSPerVnf);
    quality["lifecycle.fittedCpuSPerVnf"] = round(lifecycle.fittedCpuSPerVnf);
  }
  Object.assign(quality, transfer?.quality);
  const profile = calibrationSchema.parse({
    ...lifecycle.steps,
    imagePullBandwidthBps: LAB_IMAGE_PULL_BPS,
    ...(Object.keys(memory.perVnfBytes).length > 0 ? { memoryPerVnfBytes: memory.perVnfBytes } : {}),
    ...(forwarding ? { forwarding: { ...roundAll(forwarding.forwarding), ...(packetCost && Object.keys(packetCost.perPacketS).length > 0 ? { perPacketS: roundAll(packetCost.perPacketS) } : {}) } } : {}),
    ...(control ? { control: roundAll(control.control) } : {}),
    ...(transfer ? { stateTransfer: { fixedS: round(transfer.fixedS) } } : {}),
    source: {
      files: campaign.sources.map((s) => ({ path: s.path, sha256: s.sha256 })),
      machine: { cores: host.cores, coreSpeed: round(host.coreSpeed), ...(campaign.machine.cpuModel ? { cpuModel: campaign.machine.cpuModel } : {}) },
      fittedOn: { counts: [...subset.counts], parallelism: [...subset.parallelism], chainLengths: [...subset.chainLengths] },
      quality: roundAll(quality),
    },
  });
  return { profile: roundSteps(profile), host, campaign };
}

/** The campaigns as one: tables concatenated (a `campaign` column is not needed: repetitions stay distinct rows). */
export function pool(campaigns: Campaign[]): Campaign {
  const first = campaigns[0] as Campaign;
  if (campaigns.length === 1) return first;
  const tables = new Map(first.tables);
  for (const c of campaigns.slice(1)) {
    for (const [name, t] of c.tables) {
      const into = tables.get(name);
      tables.set(name, into ? { file: into.file, rows: [...into.rows, ...t.rows] } : t);
    }
  }
  return { folder: first.folder, machine: first.machine, sources: campaigns.flatMap((c) => c.sources), tables };
}

/** The profile as YAML, with a header saying where it comes from. */
export function profileYaml(profile: Calibration, command: string): string {
  return `# Calibration profile fitted from lab measurements by \`${command}\`.\n# Schema: sim/models/calibration/profile.ts. Every number below is a fit, not from the paper.\n${stringify(profile, { lineWidth: 0 })}`;
}

function round(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : x;
}

function roundAll<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v as number)])) as T;
}

function roundSteps(p: Calibration): Calibration {
  const step = (d: Calibration["create"]) => ({ ...d, mean: round(d.mean), cv: round(d.cv) });
  return { ...p, create: step(p.create), start: step(p.start), stop: step(p.stop), remove: step(p.remove) };
}
