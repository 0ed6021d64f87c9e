/**
 * `gnf validate`: the simulator, calibrated on a subset of the lab's points, predicts the points it
 * was not fitted on, and each prediction is compared with the lab. Per point: the simulation's mean
 * and 95 % interval (replications), the lab's mean and 95 % interval (its repetitions), the relative
 * error |sim − lab| / lab, and whether the point was fitted or held out.
 *
 * A held-out point matches when its relative error is within the metric's target, or — where the
 * lab disagrees with itself by more than that — when the simulation's mean lies inside the lab's
 * 95 % interval (the `spread` rule; such points are flagged). Targets: instantiation, memory and
 * added RTT 0.10, roaming interruption 0.20.
 */
import { confidenceInterval95 } from "../../base/stats/confidence.ts";
import { quantile } from "../../base/stats/fit.ts";
import { RngStreams } from "../../base/rng.ts";
import { VNF_CATALOG } from "../../deployment/vnfs/catalog.ts";
import type { Calibration } from "../models/calibration/profile.ts";
import { chainRttS } from "../models/traffic/forwarding.ts";
import { simulateBatches, type LabHost } from "./batch.ts";
import { num, rowsOf, type Campaign } from "./campaign.ts";
import { labRtts } from "./fit-forwarding.ts";
import { labBatches } from "./fit-lifecycle.ts";
import type { CalibrationSubset } from "./calibrate.ts";

export type ValidatedMetric = "instantiation" | "memory" | "rtt" | "roaming";

export const TARGETS: Record<ValidatedMetric, number> = { instantiation: 0.1, memory: 0.1, rtt: 0.1, roaming: 0.2 };

/** A value with its 95 % interval (NaN bounds with fewer than 2 values). */
export interface Estimate {
  mean: number;
  low: number;
  high: number;
  n: number;
}

export interface ValidationRow {
  metric: ValidatedMetric;
  /** What was predicted, e.g. "ready all, N=20 p=2" (units in `unit`). */
  point: string;
  unit: string;
  sim: Estimate;
  lab: Estimate;
  relativeError: number;
  heldOut: boolean;
  /** held-out rows: within the target, or inside the lab's own 95 % interval ("spread"). */
  match: "target" | "spread" | "miss" | "fitted";
}

export interface ValidationReport {
  rows: ValidationRow[];
  /** Per metric: the largest relative error over held-out points (NaN: no held-out point). */
  errors: Record<ValidatedMetric, number>;
  /** Per metric: every held-out point matched (by target or spread). */
  pass: Record<ValidatedMetric, boolean>;
  /** Held-out points that matched only by the lab's spread. */
  spreadRule: string[];
}

/** Simulation replications per point. */
export const REPLICATIONS = 10;

function estimate(values: readonly number[]): Estimate {
  const ci = confidenceInterval95(values);
  return { mean: ci.mean, low: ci.low, high: ci.high, n: ci.n };
}

/** A validation row from the simulated and the lab values of one point. */
export function validationRow(metric: ValidatedMetric, point: string, unit: string, sim: readonly number[], lab: readonly number[], heldOut: boolean): ValidationRow {
  const s = estimate(sim);
  const l = estimate(lab);
  const relativeError = Math.abs(s.mean - l.mean) / Math.abs(l.mean);
  const inSpread = Number.isFinite(l.low) && s.mean >= l.low && s.mean <= l.high;
  const match = !heldOut ? "fitted" : relativeError <= TARGETS[metric] ? "target" : inSpread ? "spread" : "miss";
  return { metric, point, unit, sim: s, lab: l, relativeError, heldOut, match };
}

/** Instantiation: every lab batch of the lab machine, the time until all N are ready. */
function instantiationRows(profile: Calibration, host: LabHost, campaign: Campaign, device: string, subset: CalibrationSubset): ValidationRow[] {
  return labBatches(campaign, device).batches.map((b) => {
    const sim = simulateBatches(profile, host, b.n, b.parallelism, REPLICATIONS).readyAllS;
    const heldOut = !(subset.counts.includes(b.n) && subset.parallelism.includes(b.parallelism));
    return validationRow("instantiation", `ready all, N=${b.n} p=${b.parallelism}`, "s", sim, b.readyAllS, heldOut);
  });
}

/** Memory: the containers' total idle memory at each (type, N). */
function memoryRows(profile: Calibration, campaign: Campaign, device: string, subset: CalibrationSubset): ValidationRow[] {
  const points = new Map<string, { type: string; n: number; bytes: number[] }>();
  for (const r of rowsOf(campaign, "memory")) {
    if (r["device"] !== device) continue;
    const type = r["vnf_type"] ?? "";
    const n = num(campaign, "memory", r, "n");
    const key = `${type}/${n}`;
    (points.get(key) ?? points.set(key, { type, n, bytes: [] }).get(key))?.bytes.push(num(campaign, "memory", r, "total_bytes"));
  }
  return [...points.values()]
    .filter((p) => profile.memoryPerVnfBytes?.[p.type] !== undefined)
    .sort((a, b) => a.type.localeCompare(b.type) || a.n - b.n)
    .map((p) => {
      const perVnf = profile.memoryPerVnfBytes?.[p.type] ?? (VNF_CATALOG as Record<string, { idleMemoryBytes: number }>)[p.type]?.idleMemoryBytes ?? Number.NaN;
      const sim = [perVnf * p.n];
      return validationRow("memory", `idle memory, ${p.type} N=${p.n}`, "bytes", sim, p.bytes, !subset.counts.includes(p.n));
    });
}

/** Added RTT (p50 and p95 over the RTT through no vNF) through each chain length the lab measured. */
function rttRows(profile: Calibration, host: LabHost, campaign: Campaign, subset: CalibrationSubset): ValidationRow[] {
  const forwarding = profile.forwarding;
  const samples = labRtts(campaign);
  const base = samples.get(0);
  if (!forwarding || !base?.length) return [];
  const byRep = labRttsByRepetition(campaign);
  const out: ValidationRow[] = [];
  const rng = new RngStreams(1);
  for (const k of [...samples.keys()].sort((a, b) => a - b)) {
    if (k === 0) continue;
    for (const q of [0.5, 0.95]) {
      const sim = Array.from({ length: REPLICATIONS }, (_, r) => {
        const stream = rng.stream(`validate/rtt/${k}/${q}/${r}`);
        const draws = Array.from({ length: base.length }, () => chainRttS(stream, base[Math.floor(stream.random() * base.length)] as number, k, forwarding, host.coreSpeed));
        return (quantile(draws, q) - quantile(base, q)) * 1000;
      });
      const lab = [...byRep.values()].map((reps) => (quantile(reps.get(k) ?? [], q) - quantile(reps.get(0) ?? [], q)) * 1000).filter(Number.isFinite);
      out.push(validationRow("rtt", `added RTT p${q * 100}, ${k} vNF(s)`, "ms", sim, lab, !subset.chainLengths.includes(k)));
    }
  }
  return out;
}

function labRttsByRepetition(campaign: Campaign): Map<string, Map<number, number[]>> {
  const out = new Map<string, Map<number, number[]>>();
  for (const r of rowsOf(campaign, "rtt")) {
    const rep = r["repetition"] ?? "0";
    const byK = out.get(rep) ?? out.set(rep, new Map()).get(rep);
    const k = num(campaign, "rtt", r, "vnfs");
    (byK?.get(k) ?? byK?.set(k, []).get(k))?.push(num(campaign, "rtt", r, "rtt_ms") / 1000);
  }
  return out;
}

export function validate(profile: Calibration, host: LabHost, campaign: Campaign, device: string, subset: CalibrationSubset): ValidationReport {
  return summariseValidation([...instantiationRows(profile, host, campaign, device, subset), ...memoryRows(profile, campaign, device, subset), ...rttRows(profile, host, campaign, subset)]);
}

/** Errors, verdicts and spread-rule points of a set of rows. */
export function summariseValidation(rows: ValidationRow[]): ValidationReport {
  const metrics: ValidatedMetric[] = ["instantiation", "memory", "rtt", "roaming"];
  const errors = {} as Record<ValidatedMetric, number>;
  const pass = {} as Record<ValidatedMetric, boolean>;
  for (const m of metrics) {
    const held = rows.filter((r) => r.metric === m && r.heldOut);
    errors[m] = held.length > 0 ? Math.max(...held.map((r) => r.relativeError)) : Number.NaN;
    pass[m] = held.length > 0 && held.every((r) => r.match !== "miss");
  }
  return { rows, errors, pass, spreadRule: rows.filter((r) => r.match === "spread").map((r) => `${r.metric}: ${r.point}`) };
}
