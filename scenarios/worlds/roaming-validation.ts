/**
 * Roaming in the validation: the simulator runs the lab's roaming measurement (the default scenario
 * sped up, `ROAMING_OVERRIDES`, every device as the lab machine) with a calibration profile, and its
 * handover → steering-in-force interruptions are compared with the lab's (`roaming` table of a
 * campaign). The handover gap (the lab's Agent noticing the move and moving the UE's host, which the
 * simulator does not model) is fitted from make-before-break; break-before-make is then a held-out
 * prediction: its interruption adds a vNF stop and start, the lifecycle the campaign fitted.
 * Times in ms in the rows, s in the profile.
 */
import { fileURLToPath } from "node:url";
import { UserError } from "../../base/errors.ts";
import type { LabHost } from "../../sim/calibration/batch.ts";
import { num, rowsOf, type Campaign } from "../../sim/calibration/campaign.ts";
import { validationRow, type ValidationRow } from "../../sim/calibration/validate.ts";
import { FITTED_ROAMING_MODE } from "../../sim/calibration/fit-state-transfer.ts";
import type { Calibration } from "../../sim/models/calibration/profile.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import type { DeviceCapacity } from "../../topologies/devices/capacity.ts";
import { loadDeviceCapacities } from "../../topologies/devices/index.ts";
import { loadScenarioFile } from "../load.ts";
import { ROAMING_OVERRIDES } from "./roaming-measurement.ts";

export type MigrationMode = "make-before-break" | "break-before-make";
export const ROAMING_MODES: readonly MigrationMode[] = ["make-before-break", "break-before-make"];
/** The mode the handover gap is fitted on; the other is held out. */
export const FITTED_MODE: MigrationMode = FITTED_ROAMING_MODE;
/** Simulation replications (seeds 1 … R) per mode. */
const REPLICATIONS = 5;

const DEFAULT_SCENARIO = fileURLToPath(new URL("../default.yaml", import.meta.url));

/** Every device of the catalog as the lab machine (its cores and speed; memory as the catalog's). */
export function labDevices(host: LabHost): Map<string, DeviceCapacity> {
  const out = new Map<string, DeviceCapacity>();
  for (const [key, c] of loadDeviceCapacities()) out.set(key, { ...c, cores: host.cores, perCoreSpeed: host.coreSpeed, cpuCapacity: host.cores * host.coreSpeed, assumed: [...c.assumed, "cores and speed of the lab machine"] });
  return out;
}

/** Every simulated handover interruption of the roaming run in `mode`, ms (replications pooled). */
export async function simulateRoaming(profile: Calibration, host: LabHost, mode: MigrationMode, replications = REPLICATIONS): Promise<number[]> {
  const { scenario } = loadScenarioFile(DEFAULT_SCENARIO, { overrides: [...ROAMING_OVERRIDES, `manager.migration=${mode}`] });
  const devices = labDevices(host);
  const out: number[] = [];
  for (let seed = 1; seed <= replications; seed++) {
    const run = await runScenario({ ...scenario, calibrationProfile: profile, devices }, seed);
    const table = run.tables.find((t) => t.name === "handover_interruptions");
    const col = table?.columns.indexOf("interruption_ms") ?? -1;
    const resolved = table?.columns.indexOf("resolved") ?? -1;
    for (const r of table?.rows ?? []) if (r[resolved] === true) out.push(Number(r[col]));
  }
  return out;
}

/** The lab's interruptions by mode, ms. */
export function labRoaming(campaign: Campaign): Map<MigrationMode, number[]> {
  const out = new Map<MigrationMode, number[]>();
  for (const r of rowsOf(campaign, "roaming")) {
    const mode = r["mode"] as MigrationMode;
    if (!ROAMING_MODES.includes(mode)) continue;
    const ms = num(campaign, "roaming", r, "interruption_ms");
    if (Number.isFinite(ms)) (out.get(mode) ?? out.set(mode, []).get(mode))?.push(ms);
  }
  return out;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The handover gap (s) that makes the simulated make-before-break interruption's mean the lab's. */
export async function fitHandoverGap(profile: Calibration, host: LabHost, campaign: Campaign): Promise<number | undefined> {
  const lab = labRoaming(campaign).get(FITTED_MODE);
  if (!lab?.length) return undefined;
  const sim = await simulateRoaming({ ...profile, handover: { gapS: 0 } }, host, FITTED_MODE);
  if (sim.length === 0) throw new UserError("the simulated roaming run had no handover interruption to fit the handover gap on");
  return Math.max(0, (mean(lab) - mean(sim)) / 1000);
}

/** One row per mode the lab measured: the fitted mode, then the held-out one. */
export async function roamingRows(profile: Calibration, host: LabHost, campaign: Campaign): Promise<ValidationRow[]> {
  const lab = labRoaming(campaign);
  const rows: ValidationRow[] = [];
  for (const mode of ROAMING_MODES) {
    const measured = lab.get(mode);
    if (!measured?.length) continue;
    rows.push(validationRow("roaming", `interruption, ${mode}`, "ms", await simulateRoaming(profile, host, mode), measured, mode !== FITTED_MODE));
  }
  return rows;
}
