/**
 * Fits the container lifecycle of a calibration profile to a lab campaign:
 * - each step's lognormal (mean, cv, growthPerVnf) from the per-vNF durations of the sequential
 *   batches (parallelism 1: no contention): a least-squares line of the duration against the number
 *   of other vNFs on the host at that moment (the lab's runtime and switch slow down as containers
 *   pile up) gives the mean with the host empty and the growth per vNF; the spread of the durations
 *   around the line gives the cv (without a rising line: the mean of each fitted batch size's mean
 *   duration, so the largest batch does not outweigh the others). Converted to reference-core seconds (× the lab core's speed);
 *   the simulator's `start` is the lab's start + attach + ready line (`docker start`, the two veth
 *   pairs on the switch, the entrypoint's ready line);
 * - the contention (cpuShare, runtimeShare and cpuParallelism; the same for create and start, and
 *   for stop and remove) by a grid search (shares in steps of 0.05) that minimises the squared
 *   relative error of the simulated batch makespans (mean over replications) against the lab's
 *   median over repetitions (a lab hiccup, e.g. one repetition 40 % slow, does not pull the fit)
 *   at the fitted parallel
 *   points (cpuParallelism on the grid 1, 1.1, …, 2). Identifiability: on a host of c cores,
 *   parallelism above c sees only the saturated throughput, so the fitted parallelism must include
 *   p = c, where a start's waiting (not CPU) leaves cores idle, and one p well above c
 *   (`DEFAULT_SUBSET`: 1, 2 and 8 on the 2-core lab). With {1, 4} the fit could not tell CPU from
 *   waiting: it chose all CPU, predicted p = 2 as fast as p = 8 and missed the lab by 0.13 at
 *   N = 100, p = 2 (the lab: 17.8 s at p = 2, 14.6 s at p = 8).
 * - a cross-check that is not fitted: the CPU work per vNF start the fit implies (cpuShare ×
 *   cpuParallelism × the create + start seconds) beside the CPU time the lab measured per vNF
 *   (`cpu_s_per_vnf`: dockerd, containerd, shims, containers, switch and harness; kernel threads
 *   and interrupts are not in it, so it is a lower bound). On the committed reference they
 *   disagree: the lab measures 0.24 s, the fit implies 0.10 core-s and explains the rest of the
 *   parallel slowdown by the runtime's serialised share (0.45). Restricting the grid to fits within
 *   20 % of the measured CPU gave cpuShare 0.85 at 1.4 cores (0.26 core-s) and a held-out error of
 *   0.18 (N = 100, p = 2 predicted 15.4 s against 17.8 s), so it stays a cross-check.
 * Only the points in `fitted` are used; the validation predicts the others.
 */
import { UserError } from "../../base/errors.ts";
import { linearFit, meanCv, quantile } from "../../base/stats/fit.ts";
import type { Calibration, DurationDistribution } from "../models/calibration/profile.ts";
import { simulateBatches, type LabHost } from "./batch.ts";
import { flag, num, rowsOf, type Campaign } from "./campaign.ts";

/** Which lab points a fit may use. */
export interface FitSubset {
  /** Batch sizes N used for fitting. */
  counts: readonly number[];
  /** Parallelism levels used for fitting (1 is needed for the step distributions). */
  parallelism: readonly number[];
}

/** A lab batch point: its makespans over the repetitions. */
export interface LabBatch {
  n: number;
  parallelism: number;
  readyAllS: number[];
  stoppedAllS: number[];
  /** CPU seconds per vNF started, per repetition that measured it (the column is absent in older campaigns). */
  cpuSPerVnf: number[];
}

export interface LifecycleFit {
  steps: Pick<Calibration, "create" | "start" | "stop" | "remove">;
  /** The fitted parallel points: lab mean makespan, simulated mean, relative error. */
  quality: { n: number; parallelism: number; labReadyAllS: number; simReadyAllS: number; relativeError: number }[];
  /** The lab's CPU seconds per vNF started, mean over the fitted batches (null: not measured). */
  measuredCpuSPerVnf: number | null;
  /** The CPU work per vNF start the fitted profile implies, core-seconds on the lab machine (host empty). */
  fittedCpuSPerVnf: number;
}

const SHARE_STEPS = 20;
const FIT_REPLICATIONS = 3;

/** The lab's batches of `device` (every repetition of each (N, parallelism)), failed batches left out and counted. */
export function labBatches(campaign: Campaign, device: string): { batches: LabBatch[]; failed: number } {
  const byPoint = new Map<string, LabBatch>();
  let failed = 0;
  for (const r of rowsOf(campaign, "lifecycle_batches")) {
    if (r["device"] !== device || r["vnf_type"] !== "wire") continue;
    if (flag(r, "failed")) {
      failed++;
      continue;
    }
    const n = num(campaign, "lifecycle_batches", r, "n");
    const parallelism = num(campaign, "lifecycle_batches", r, "parallelism");
    const key = `${n}/${parallelism}`;
    const b = byPoint.get(key) ?? byPoint.set(key, { n, parallelism, readyAllS: [], stoppedAllS: [], cpuSPerVnf: [] }).get(key);
    b?.readyAllS.push(num(campaign, "lifecycle_batches", r, "ready_all_s"));
    b?.stoppedAllS.push(num(campaign, "lifecycle_batches", r, "stopped_all_s"));
    const cpu = Number(r["cpu_s_per_vnf"]);
    if (cpu > 0 && Number.isFinite(cpu)) b?.cpuSPerVnf.push(cpu);
  }
  return { batches: [...byPoint.values()].sort((a, b) => a.n - b.n || a.parallelism - b.parallelism), failed };
}

/** A step's durations (s on the lab machine) and the other vNFs on the host when each ran. */
interface StepSamples {
  others: number[];
  seconds: number[];
  /** Batch size N of each sample. */
  n: number[];
}

/** Per-step samples of the sequential, successful vNFs of `device` at the fitted counts. */
function sequentialSteps(campaign: Campaign, device: string, subset: FitSubset): Record<"create" | "start" | "stop" | "remove", StepSamples> {
  const empty = (): StepSamples => ({ others: [], seconds: [], n: [] });
  const out = { create: empty(), start: empty(), stop: empty(), remove: empty() };
  for (const r of rowsOf(campaign, "lifecycle")) {
    if (r["device"] !== device || r["vnf_type"] !== "wire" || flag(r, "failed")) continue;
    const n = num(campaign, "lifecycle", r, "n");
    if (num(campaign, "lifecycle", r, "parallelism") !== 1 || !subset.counts.includes(n)) continue;
    const ms = (c: string): number => num(campaign, "lifecycle", r, c);
    const index = ms("index");
    // Started in index order: vNF i starts with i others on the host; stopped and removed in index order: N − 1 − i others remain.
    const add = (step: StepSamples, others: number, seconds: number): void => {
      step.others.push(others);
      step.seconds.push(seconds);
      step.n.push(n);
    };
    add(out.create, index, ms("create_ms") / 1000);
    add(out.start, index, (ms("start_ms") + ms("attach_ms") + ms("ready_ms")) / 1000);
    add(out.stop, n - 1 - index, ms("stop_ms") / 1000);
    add(out.remove, n - 1 - index, ms("remove_ms") / 1000);
  }
  return out;
}

/** mean (host empty, reference-core s), growth per other vNF and cv around the line. */
function stepDistribution(samples: StepSamples, coreSpeed: number): DurationDistribution {
  // Without a growth line, every fitted batch size counts alike (N = 50 has 50× the samples of N = 1).
  const sizes = [...new Set(samples.n)];
  let intercept = sizes.reduce((sum, n) => sum + meanCv(samples.seconds.filter((_, i) => samples.n[i] === n)).mean, 0) / sizes.length;
  let slope = 0;
  if (new Set(samples.others).size >= 2) {
    const fit = linearFit(samples.others, samples.seconds);
    if (fit.intercept > 0 && fit.slope > 0) ({ intercept, slope } = fit);
  }
  const ratios = samples.seconds.map((s, i) => s / (intercept + slope * (samples.others[i] as number)));
  return { mean: intercept * coreSpeed, cv: meanCv(ratios).cv, cpuShare: 0, cpuParallelism: 1, runtimeShare: 0, growthPerVnf: Math.min(1, slope / intercept) };
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const relativeError = (sim: number, lab: number): number => (sim - lab) / lab;

export function fitLifecycle(campaign: Campaign, host: LabHost, device: string, subset: FitSubset, base: Calibration): LifecycleFit {
  const samples = sequentialSteps(campaign, device, subset);
  if (samples.create.seconds.length < 2) throw new UserError(`${campaign.folder}: the lifecycle table has ${samples.create.seconds.length} sequential vNF(s) of device "${device}" at N ∈ {${subset.counts.join(", ")}}; the fit needs at least 2`);
  const dist = (s: StepSamples): DurationDistribution => stepDistribution(s, host.coreSpeed);
  let steps = { create: dist(samples.create), start: dist(samples.start), stop: dist(samples.stop), remove: dist(samples.remove) };
  const fitted = labBatches(campaign, device).batches.filter((b) => subset.counts.includes(b.n) && subset.parallelism.includes(b.parallelism));
  const parallel = fitted.filter((b) => b.parallelism > 1);
  const cpuSamples = fitted.flatMap((b) => b.cpuSPerVnf);
  const measuredCpuSPerVnf = cpuSamples.length > 0 ? mean(cpuSamples) : null;
  if (parallel.length > 0) {
    const [startShares] = bestShares(parallel, (c) => ({ ...base, ...steps, create: { ...steps.create, ...c }, start: { ...steps.start, ...c } }), host, "readyAllS");
    steps = { ...steps, create: { ...steps.create, ...startShares }, start: { ...steps.start, ...startShares } };
    const [stopShares] = bestShares(parallel, (c) => ({ ...base, ...steps, stop: { ...steps.stop, ...c }, remove: { ...steps.remove, ...c } }), host, "stoppedAllS");
    steps = { ...steps, stop: { ...steps.stop, ...stopShares }, remove: { ...steps.remove, ...stopShares } };
  }
  const profile = { ...base, ...steps };
  const quality = parallel.map((b) => {
    const sim = mean(simulateBatches(profile, host, b.n, b.parallelism, FIT_REPLICATIONS).readyAllS);
    const lab = mean(b.readyAllS);
    return { n: b.n, parallelism: b.parallelism, labReadyAllS: lab, simReadyAllS: sim, relativeError: Math.abs(sim - lab) / lab };
  });
  const cpuWork = (d: DurationDistribution): number => (d.mean / host.coreSpeed) * d.cpuShare * d.cpuParallelism;
  return { steps, quality, measuredCpuSPerVnf, fittedCpuSPerVnf: cpuWork(steps.create) + cpuWork(steps.start) };
}

/** How a step contends with parallel steps: its CPU share and parallelism, and its runtime share. */
type Contention = Pick<DurationDistribution, "cpuShare" | "cpuParallelism" | "runtimeShare">;

/** Values of cpuParallelism tried: 1 to 2 cores in steps of 0.1. */
const PARALLELISM_GRID = Array.from({ length: 11 }, (_, i) => 1 + i / 10);

/** The contention (shares on a 0.05 grid, parallelism on PARALLELISM_GRID) with the least squared relative makespan error. */
function bestShares(points: readonly LabBatch[], profileOf: (c: Contention) => Calibration, host: LabHost, what: "readyAllS" | "stoppedAllS"): [Contention, number] {
  let best: Contention = { cpuShare: 0, cpuParallelism: 1, runtimeShare: 0 };
  let bestError = Infinity;
  for (let i = 0; i <= SHARE_STEPS; i++) {
    for (let j = 0; i + j <= SHARE_STEPS; j++) {
      for (const cpuParallelism of i === 0 ? [1] : PARALLELISM_GRID) {
        const c = { cpuShare: i / SHARE_STEPS, cpuParallelism, runtimeShare: j / SHARE_STEPS };
        const profile = profileOf(c);
        let error = 0;
        for (const p of points) {
          const sim = simulateBatches(profile, host, p.n, p.parallelism, FIT_REPLICATIONS);
          error += relativeError(mean(sim[what]), quantile(p[what], 0.5)) ** 2;
        }
        if (error < bestError - 1e-12) {
          bestError = error;
          best = c;
        }
      }
    }
  }
  return [best, bestError];
}
