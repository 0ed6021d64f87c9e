/**
 * All Fig. 2 measurements in one go (what `gnf bench emulation` runs): idle RTT over chain length,
 * instantiation of 50 vNFs (sequential and k in parallel), idle memory over N — with the headline
 * numbers as metrics and every observation as a tidy table.
 *
 * Headline metrics: `ready50Seconds` (parallel run: first create → 50th vNF forwarding),
 * `idleMemoryMBPerVnf` (mean cgroup memory.usage_in_bytes per idle vNF at the largest N,
 * MB = 10^6 bytes), `addedRttMsPerVnf` (slope of the median RTT over chain length), and
 * `roamingInterruptionMs` from the emulation backend's roaming run (absent when it could not run:
 * `roaming.skipped` says why).
 */
import type { MetricSummary } from "../../base/results/summary.ts";
import type { Table } from "../../base/tables.ts";
import { measureInstantiation, type InstantiationResult } from "./instantiation.ts";
import { measureIdleMemory, type MemoryResult } from "./memory.ts";

/** What a roaming run measured (`scenarios/worlds/roaming-measurement.ts` runs the default scenario sped up). */
export interface RoamingResult {
  /** Handovers whose steering followed the UE. */
  interruptions: number;
  /** Mean and 95th percentile handover → steering at the new access node, ms (NaN if none). */
  interruptionMeanMs: number;
  interruptionP95Ms: number;
  /** Per probe flow (label): packets sent and lost over the whole run. */
  probes: { label: string; sent: number; lost: number }[];
}
import { measureIdleRtt, type IdleRttResult } from "./rtt.ts";
import { emulationLabStatus } from "../backend/availability.ts";
import { instantiationTables, memoryTables, rttTables } from "./tables.ts";

export interface Fig2Options {
  /** vNF image reference for every measurement (default `gnf/wire:latest`). */
  image?: string;
  rtt: { maxVnfs: number; samples: number; intervalMs: number };
  instantiation: { count: number; parallelism: number; sequential: boolean };
  memory: { counts: number[]; parallelism: number; settleMs: number };
  /** Also run the backend's roaming scenario (needs Mininet; ~35 s). */
  roaming: boolean;
  /** Runs the roaming scenario (given by the caller, which loads it); required when `roaming`. */
  measureRoaming?: () => Promise<RoamingResult>;
}

/** Full settings (the issue's): RTT N = 0…4, 200 pings at 10 ms; 50 vNFs sequential and 6 at once; memory N = 1…100. */
export const FIG2_FULL: Fig2Options = {
  rtt: { maxVnfs: 4, samples: 200, intervalMs: 10 },
  instantiation: { count: 50, parallelism: 6, sequential: true },
  memory: { counts: [1, 2, 5, 10, 20, 50, 100], parallelism: 6, settleMs: 2000 },
  roaming: true,
};

/** Quick settings: RTT N = 0…2, 50 pings; 50 vNFs in parallel only; memory N = 1, 5, 20. */
export const FIG2_QUICK: Fig2Options = {
  rtt: { maxVnfs: 2, samples: 50, intervalMs: 10 },
  instantiation: { count: 50, parallelism: 6, sequential: false },
  memory: { counts: [1, 5, 20], parallelism: 6, settleMs: 1000 },
  roaming: true,
};

export interface Fig2Result {
  rtt: IdleRttResult;
  instantiation: InstantiationResult[];
  memory: MemoryResult;
  /** The roaming result, or why it was not measured. */
  roaming: RoamingResult | { skipped: string };
  metrics: Record<string, MetricSummary>;
  tables: Table[];
}

const metric = (value: number, unit: string, description: string): MetricSummary => ({ value, unit, description });

/** Runs RTT, then instantiation (parallel, then sequential if asked), then memory; `say` gets progress lines. */
export async function measureFig2(options: Fig2Options, say: (line: string) => void = () => undefined): Promise<Fig2Result> {
  say(`idle RTT through 0…${options.rtt.maxVnfs} wire vNFs, ${options.rtt.samples} pings each`);
  const rtt = await measureIdleRtt({ ...options.rtt, image: options.image });
  const runs: InstantiationResult[] = [];
  say(`instantiation of ${options.instantiation.count} vNFs, ${options.instantiation.parallelism} at once`);
  runs.push(await measureInstantiation({ count: options.instantiation.count, parallelism: options.instantiation.parallelism, image: options.image }));
  if (options.instantiation.sequential && options.instantiation.parallelism !== 1) {
    say(`instantiation of ${options.instantiation.count} vNFs, sequential`);
    runs.push(await measureInstantiation({ count: options.instantiation.count, parallelism: 1, image: options.image }));
  }
  say(`idle memory at N = ${options.memory.counts.join(", ")}`);
  const memory = await measureIdleMemory({ ...options.memory, image: options.image });
  let roaming: RoamingResult | { skipped: string } = { skipped: "not asked for" };
  if (options.roaming) {
    const lab = await emulationLabStatus();
    if (!options.measureRoaming) roaming = { skipped: "no roaming scenario given" };
    else if (lab.ok) {
      say("roaming: the default scenario sped up (one handover, firewall migrated)");
      roaming = await options.measureRoaming();
    } else roaming = { skipped: lab.reason };
  }
  const parallel = runs[0] as InstantiationResult;
  const metrics: Record<string, MetricSummary> = {
    addedRttMsPerVnf: metric(rtt.addedRttMsPerVnf, "ms", "added idle RTT per chained wire vNF: least-squares slope of the median RTT over chain length"),
    directRttP50Ms: metric((rtt.points[0] as IdleRttResult["points"][number]).p50Ms, "ms", "median idle RTT UE → server without vNFs (through OVS userspace)"),
    idleMemoryMBPerVnf: metric(memory.usagePerVnfBytes / 1e6, "MB", `mean cgroup memory.usage_in_bytes per idle vNF with ${memory.points.at(-1)?.vnfs} running (MB = 10^6 bytes)`),
    idleMemorySlopeMBPerVnf: metric(memory.usageSlopeBytesPerVnf / 1e6, "MB", "least-squares slope of the total cgroup memory over N"),
    hostMemoryMBPerVnf: metric(memory.hostPerVnfBytes / 1e6, "MB", "host MemAvailable drop per vNF at the largest N (includes shim, dockerd; noisy on a shared machine)"),
    allForwardingSeconds: metric(parallel.allForwardingSeconds, "s", `first create → all ${parallel.count} vNFs forwarding, ${parallel.parallelism} at once`),
    cpuSecondsPerVnf: metric(parallel.cpuSecondsPerVnf, "s", "CPU time per vNF instantiated (dockerd, containerd, shims, containers, OVS, the harness and its commands)"),
    cpuBoundReady50Seconds: metric(parallel.cpuBoundReady50Seconds, "s", "50 × CPU time per vNF / CPUs: ready-50 on this machine if nothing else ran and the work spread perfectly (a lower bound, not a measurement)"),
    stopAllSeconds: metric(parallel.stopAllSeconds, "s", `stopping all ${parallel.count} vNFs, ${parallel.parallelism} at once`),
    removeAllSeconds: metric(parallel.removeAllSeconds, "s", `removing all ${parallel.count} vNFs (OVS ports, veths, containers), ${parallel.parallelism} at once`),
  };
  if (parallel.ready50Seconds !== null) metrics["ready50Seconds"] = metric(parallel.ready50Seconds, "s", `first create → 50th vNF forwarding (ready line and a probe through it), ${parallel.parallelism} at once`);
  const sequential = runs[1];
  if (sequential?.ready50Seconds != null) metrics["ready50SequentialSeconds"] = metric(sequential.ready50Seconds, "s", "first create → 50th vNF forwarding, one at a time");
  if ("interruptionMeanMs" in roaming && Number.isFinite(roaming.interruptionMeanMs)) {
    metrics["roamingInterruptionMs"] = metric(roaming.interruptionMeanMs, "ms", `handover → chain steered at the new access node (make-before-break: a detour to the old vNF until the migration switches), mean of ${roaming.interruptions} (emulation backend, default scenario sped up)`);
    for (const p of roaming.probes) metrics[`roamingProbeLost.${p.label}`] = metric(p.lost, "count", `packets of probe flow ${p.label} lost during the roaming run (of ${p.sent})`);
  }
  return { rtt, instantiation: runs, memory, roaming, metrics, tables: [...rttTables(rtt), ...instantiationTables(runs), ...memoryTables(memory)] };
}
