/**
 * How much work a scenario asks of the simulator, estimated before it runs, so an implausible size
 * (`duration: 1e12`, a million UEs for a year) is refused with the keys that drive it instead of
 * running for months or exhausting memory.
 *
 * The estimate counts three things and converts each to wall-clock seconds with a throughput
 * MEASURED on the development machine (2 cores shared with other jobs, Node 20; `gnf run`,
 * December 2026): these are assumptions, good to a factor of a few, not promises.
 * - UE-seconds, replications × ues.count × duration: the radio, association and traffic models
 *   advance every UE over the run. edge-city with 4,000 UEs × 600 s (2.4 M UE-s) and with
 *   40 UEs × 60,000 s both took ≈ 2.5 s beyond start-up: ≈ 1e6 UE-s per wall second.
 * - UE mobility steps, UE-seconds / ues.step: 400 UEs × 6,000 s at step 0.1 s cost ≈ 1 s more than
 *   at step 1 s (21.6 M more steps): ≈ 2e7 steps per wall second.
 * - flow samples, replications × duration / outputs.sampleInterval × ues.count × flows: ddos-iot
 *   (16 UEs, 2 flows, chains, 1 s samples) for 3,600 s took ≈ 1.2 s beyond start-up, edge-city
 *   with 360,000 samples of one UE ≈ 2.4 s: ≈ 1e5 flow samples per wall second.
 * Without a topology no UE moves and only the instantiation batches run (seconds at most).
 */
import type { Scenario } from "../schema/scenario.ts";

/** Throughputs assumed for the estimate (measured as the module comment says). */
export const ASSUMED_RATES = {
  ueSecondsPerS: 1e6,
  mobilityStepsPerS: 2e7,
  flowSamplesPerS: 1e5,
} as const;

/** Above this estimated wall time a run gets a warning, seconds (10 min). */
export const WARN_WALL_S = 600;
/** Above this estimated wall time a run is refused unless the user insists, seconds (24 h). */
export const REFUSE_WALL_S = 86_400;

export interface WorkEstimate {
  /** replications × ues.count × duration (0 without a topology). */
  ueSeconds: number;
  /** ueSeconds / ues.step. */
  mobilitySteps: number;
  /** replications × (duration / outputs.sampleInterval) × ues.count × max(1, flows). */
  flowSamples: number;
  /** Estimated wall-clock seconds at `ASSUMED_RATES`. */
  wallSeconds: number;
  verdict: "ok" | "warn" | "refuse";
}

export function estimateWork(scenario: Scenario): WorkEstimate {
  const ues = scenario.topology === undefined ? 0 : scenario.ues.count;
  const ueSeconds = scenario.replications * ues * scenario.duration;
  const mobilitySteps = ueSeconds / scenario.ues.step;
  const flowSamples = ueSeconds === 0 ? 0 : (scenario.replications * scenario.duration * ues * Math.max(1, scenario.traffic.length)) / scenario.outputs.sampleInterval;
  const wallSeconds = ueSeconds / ASSUMED_RATES.ueSecondsPerS + mobilitySteps / ASSUMED_RATES.mobilityStepsPerS + flowSamples / ASSUMED_RATES.flowSamplesPerS;
  const verdict = !(wallSeconds <= REFUSE_WALL_S) ? "refuse" : wallSeconds > WARN_WALL_S ? "warn" : "ok";
  return { ueSeconds, mobilitySteps, flowSamples, wallSeconds, verdict };
}

/** "about 2.4e+6 UE-seconds, … ≈ 3 s of wall time" — the estimate in one sentence. */
export function describeEstimate(e: WorkEstimate): string {
  if (e.ueSeconds === 0) return "estimated work: no UEs to move (no topology), a few seconds at most";
  return `estimated work: ${count(e.ueSeconds)} UE-seconds, ${count(e.mobilitySteps)} mobility steps, ${count(e.flowSamples)} flow samples ≈ ${wall(e.wallSeconds)} of wall time (assuming ${count(ASSUMED_RATES.ueSecondsPerS)} UE-s/s, ${count(ASSUMED_RATES.mobilityStepsPerS)} steps/s, ${count(ASSUMED_RATES.flowSamplesPerS)} samples/s, measured on a 2-core machine)`;
}

/** The refusal, naming the keys that drive the size and how to go ahead anyway. */
export function refusalText(scenario: Scenario, e: WorkEstimate, overrideFlag: string): string {
  const s = scenario;
  return (
    `scenario "${s.name}" is too large to run here: ${describeEstimate(e)}, above the limit of ${wall(REFUSE_WALL_S)}. ` +
    `The size is replications (${s.replications}) × ues.count (${s.ues.count}) × duration (${s.duration} s), divided by ues.step (${s.ues.step} s) and by outputs.sampleInterval (${s.outputs.sampleInterval} s) for ${Math.max(1, s.traffic.length)} flow(s) counted per UE. ` +
    `Lower duration, ues.count or replications (e.g. --set duration=1h), raise ues.step or outputs.sampleInterval, or pass ${overrideFlag} to run it anyway`
  );
}

function count(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return n < 1e4 ? String(Math.round(n)) : n.toExponential(1);
}

function wall(seconds: number): string {
  if (!Number.isFinite(seconds)) return "forever";
  if (seconds < 120) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  if (seconds < 2 * 365 * 86_400) return `${Math.round(seconds / 86_400)} days`;
  return `${(seconds / (365 * 86_400)).toExponential(1)} years`;
}
