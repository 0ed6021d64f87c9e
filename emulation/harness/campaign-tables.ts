/**
 * The tables and headline metrics of a lab measurement campaign. The tables are a contract with
 * the calibration code: tidy, one row per observation, snake_case columns with units in the
 * names; the first columns of each are fixed (`CAMPAIGN_COLUMNS`) and new columns only ever go at
 * the end. Every table is written even when its part did not run (header only). Non-integer
 * numbers are rounded to 6 significant digits. Pure.
 *
 * | table | one row per | notes |
 * |---|---|---|
 * | lifecycle | vNF started | phases in ms: create, start (docker), attach (veths + OVS ports), ready (attached → ready line), forwarding (ready line → first probe through it), stop, remove; NaN for phases not reached; `failed`/`reason`; then the absolute times from the batch's first create |
 * | lifecycle_batches | batch (N vNFs, parallelism p) | first create → last ready (`ready_all_s`), stop + remove of the batch (`stopped_all_s`), `failed` (any vNF failed), then → last forwarding, stop and remove apart, failed vNFs, CPU s per vNF |
 * | memory | checkpoint (N idle vNFs of a type) | sum of the containers' cgroup memory.usage_in_bytes and its mean; then running (< n when starts failed), failed, the rss/cache/kmem breakdown, host MemAvailable drop |
 * | rtt | ping reply | through `vnfs` chained wire vNFs |
 * | flowmod | batch of `flow_mods` FLOW_MODs + barrier | then the sample number |
 * | roaming | handover interruption | `probe_lost`: probe packets lost in the whole run (all flows; the sped-up default scenario has one handover per run — `handovers_in_run` says how many share it); `state_transfer_ms`: that handover's migration from the new instance ready to its state transferred (make-before-break: export from the running source + import; break-before-make: the import only, the export ran at the stop) |
 * | forwarding | offered rate through one vNF | cgroup CPU of the vNF per delivered packet and its utilisation (near 0 for vNFs that forward in the kernel); then the sender's rate, ovs-vswitchd and whole-machine CPU per delivered packet, payload, seconds |
 * | forwarding_baseline | offered rate without a vNF | same columns, vnf_type "none" |
 *
 * Every table but device_scaling ends with `load_1m`: the 1-minute load average when its
 * measurement ended.
 * | device_scaling | device | the limits used (null: none) |
 */
import type { MetricSummary } from "../../base/results/summary.ts";
import { confidenceInterval95 } from "../../base/stats/index.ts";
import type { Cell, Table } from "../../base/tables.ts";
import type { VnfKind } from "../images/catalog.ts";
import type { DeviceScaling } from "../vnf/device-scaling.ts";
import type { FlowModLatencySample } from "./flowmod-latency.ts";
import type { ForwardingPoint } from "./forwarding.ts";
import type { InstantiationResult } from "./instantiation.ts";
import type { MemoryResult } from "./memory.ts";
import type { IdleRttResult } from "./rtt.ts";
import { leastSquares, mean, quantile } from "./stats.ts";
import type { MigrationMode } from "./campaign-plan.ts";

/** One roaming run of the scenario layer: its handover interruptions and probe packets. */
export interface RoamingRun {
  handovers: { from: string; to: string; interruptionMs: number; resolved: boolean }[];
  probeSent: number;
  probeLost: number;
  /** Each completed migration's new instance ready → state transferred, ms (export + import through the containers). */
  stateTransfersMs?: number[];
}

/**
 * Everything a campaign measured, by repetition (1-based). `load1m`: the machine's 1-minute load
 * average when the measurement ended (other users of the machine skew lab timings; the tables
 * carry it so calibration can set contaminated points apart).
 */
export interface CampaignData {
  /** `position`: the batch's place (1-based) in its repetition's lifecycle order. */
  lifecycle: { repetition: number; device: string; result: InstantiationResult; position?: number; load1m?: number }[];
  memory: { repetition: number; device: string; kind: VnfKind; result: MemoryResult; load1m?: number }[];
  rtt: { repetition: number; result: IdleRttResult; load1m?: number }[];
  flowmod: { repetition: number; samples: FlowModLatencySample[]; load1m?: number }[];
  roaming: { repetition: number; mode: MigrationMode; run: RoamingRun; load1m?: number }[];
  /** kind "none": the direct path (baseline). */
  forwarding: { repetition: number; kind: VnfKind | "none"; payloadBytes: number; points: ForwardingPoint[]; load1m?: number }[];
  scaling: DeviceScaling[];
}

export function emptyCampaignData(): CampaignData {
  return { lifecycle: [], memory: [], rtt: [], flowmod: [], roaming: [], forwarding: [], scaling: [] };
}

const FORWARDING_COLUMNS = ["repetition", "vnf_type", "offered_pps", "delivered_pps", "loss_ratio", "cpu_s_per_packet", "cpu_utilisation", "sent_pps", "ovs_cpu_s_per_packet", "host_cpu_s_per_packet", "udp_payload_bytes", "seconds", "load_1m"];

/** The columns of every campaign table (the contract: the leading ones never change). */
export const CAMPAIGN_COLUMNS = {
  lifecycle: ["repetition", "device", "vnf_type", "n", "parallelism", "index", "create_ms", "start_ms", "attach_ms", "ready_ms", "forwarding_ms", "stop_ms", "remove_ms", "failed", "reason", "create_at_ms", "ready_at_ms", "forwarding_at_ms", "load_1m"],
  lifecycle_batches: ["repetition", "device", "vnf_type", "n", "parallelism", "ready_all_s", "stopped_all_s", "failed", "forwarding_all_s", "stop_all_s", "remove_all_s", "failed_vnfs", "cpu_s_per_vnf", "position", "load_1m"],
  memory: ["repetition", "device", "vnf_type", "n", "total_bytes", "per_vnf_bytes", "running", "failed", "mean_rss_bytes", "mean_cache_bytes", "mean_kmem_bytes", "host_delta_bytes", "failure", "load_1m"],
  rtt: ["repetition", "vnfs", "sample", "rtt_ms", "load_1m"],
  flowmod: ["repetition", "flow_mods", "barrier_ms", "sample", "load_1m"],
  roaming: ["repetition", "mode", "handover", "interruption_ms", "probe_lost", "resolved", "from", "to", "probe_sent", "handovers_in_run", "state_transfer_ms", "load_1m"],
  forwarding: FORWARDING_COLUMNS,
  forwarding_baseline: FORWARDING_COLUMNS,
  device_scaling: ["device", "cores", "per_core_speed", "lab_core_speed", "cpu_quota_cores", "memory_limit_bytes", "cpu_capacity_ref_cores"],
} as const satisfies Record<string, readonly string[]>;

export type CampaignTableName = keyof typeof CAMPAIGN_COLUMNS;

/** Lab measurements carry no more than 6 significant digits (µs of a ms-scale time); integers stay exact. Keeps the CSVs small. */
export function roundCell(cell: Cell): Cell {
  return typeof cell === "number" && Number.isFinite(cell) && !Number.isInteger(cell) ? Number(cell.toPrecision(6)) : cell;
}

function table(name: CampaignTableName, rows: Cell[][]): Table {
  return { name, columns: [...CAMPAIGN_COLUMNS[name]], rows: rows.map((r) => r.map(roundCell)) };
}

export function campaignTables(d: CampaignData): Table[] {
  const lifecycle: Cell[][] = [];
  const batches: Cell[][] = [];
  for (const { repetition, device, result: r, position = null, load1m = null } of d.lifecycle) {
    for (const v of r.vnfs) {
      lifecycle.push([repetition, device, r.kind, r.count, r.parallelism, v.index, v.createMs, v.startMs, v.attachMs, v.readyLineMs, v.forwardingAtMs - v.readyAtMs, v.stopMs, v.removeMs, v.failed, v.reason, v.createAtMs, v.readyAtMs, v.forwardingAtMs, load1m]);
    }
    batches.push([repetition, device, r.kind, r.count, r.parallelism, r.readyAllSeconds, r.stopAllSeconds + r.removeAllSeconds, r.failed > 0, r.allForwardingSeconds, r.stopAllSeconds, r.removeAllSeconds, r.failed, r.cpuSecondsPerVnf, position, load1m]);
  }
  const memory = d.memory.flatMap(({ repetition, device, kind, result, load1m = null }) =>
    result.points.map((p) => [repetition, device, kind, p.vnfs, p.totalUsageBytes, p.running > 0 ? p.totalUsageBytes / p.running : NaN, p.running, p.failed, p.meanRssBytes, p.meanCacheBytes, p.meanKmemBytes, p.hostDeltaBytes, p.failure, load1m]),
  );
  const rtt = d.rtt.flatMap(({ repetition, result, load1m = null }) => result.points.flatMap((p) => p.rttsMs.map((ms, i) => [repetition, p.vnfs, i, ms, load1m])));
  const flowmod = d.flowmod.flatMap(({ repetition, samples, load1m = null }) => samples.map((s) => [repetition, s.flowMods, s.barrierMs, s.sample, load1m]));
  const roaming = d.roaming.flatMap(({ repetition, mode, run, load1m = null }) =>
    run.handovers.map((h, i) => [repetition, mode, i, h.interruptionMs, run.probeLost, h.resolved, h.from, h.to, run.probeSent, run.handovers.length, run.stateTransfersMs?.[i] ?? null, load1m]),
  );
  const fwRows = (base: boolean): Cell[][] =>
    d.forwarding
      .filter((f) => (f.kind === "none") === base)
      .flatMap(({ repetition, kind, payloadBytes, points, load1m = null }) =>
        points.map((p) => [repetition, kind, p.offeredPps, p.deliveredPps, p.lossRatio, p.cpuSPerPacket, p.cpuUtilisation, p.sentPps, p.ovsCpuSPerPacket, p.hostCpuSPerPacket, payloadBytes, p.seconds, load1m]),
      );
  const scaling = d.scaling.map((s) => [s.device, s.cores, s.perCoreSpeed, s.labCoreSpeed, s.cpuQuotaCores, s.memoryLimitBytes, s.cores * s.perCoreSpeed]);
  return [
    table("lifecycle", lifecycle),
    table("lifecycle_batches", batches),
    table("memory", memory),
    table("rtt", rtt),
    table("flowmod", flowmod),
    table("roaming", roaming),
    table("forwarding", fwRows(false)),
    table("forwarding_baseline", fwRows(true)),
    table("device_scaling", scaling),
  ];
}

/** A metric over repetitions: the mean, with each repetition's value and (≥ 2) the 95 % interval of the mean. */
function overRepetitions(values: readonly number[], unit: string, description: string): MetricSummary {
  const ok = values.filter((v) => Number.isFinite(v));
  if (ok.length === 0) return { value: NaN, unit, description, values: [...values] };
  const ci = confidenceInterval95(ok);
  return ok.length >= 2 ? { value: ci.mean, unit, description, ci95: [ci.low, ci.high], values: [...values] } : { value: ci.mean, unit, description, values: [...values] };
}

const one = (value: number, unit: string, description: string): MetricSummary => ({ value, unit, description });

const groupBy = <T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> => {
  const m = new Map<K, T[]>();
  for (const x of xs) (m.get(key(x)) ?? m.set(key(x), []).get(key(x)))?.push(x);
  return m;
};

/** Headline metrics (names `<part>.<what>[.<key>…]`), computed from what was measured. */
export function campaignMetrics(d: CampaignData): Record<string, MetricSummary> {
  const m: Record<string, MetricSummary> = {};
  // rtt: quantiles over every sample of every repetition, per chain length; added RTT per vNF.
  const byLength = groupBy(d.rtt.flatMap((r) => r.result.points), (p) => p.vnfs);
  const p50s: [number, number][] = [];
  for (const [n, points] of [...byLength].sort((a, b) => a[0] - b[0])) {
    const all = points.flatMap((p) => p.rttsMs);
    if (all.length === 0) continue;
    const p50 = quantile(all, 0.5);
    p50s.push([n, p50]);
    m[`rtt.p50Ms.${n}`] = one(p50, "ms", `median idle RTT through ${n} chained wire vNF(s), all ${all.length} samples of all repetitions`);
    m[`rtt.p95Ms.${n}`] = one(quantile(all, 0.95), "ms", `95th percentile idle RTT through ${n} chained wire vNF(s)`);
  }
  if (p50s.length >= 2) m["rtt.addedMsPerVnf"] = one(leastSquares(p50s.map((x) => x[0]), p50s.map((x) => x[1])).slope, "ms", "added idle RTT per chained wire vNF: least-squares slope of the median over chain length");
  // lifecycle: ready-all of the largest batch at each parallelism, per device; per-vNF phase medians; failures.
  const byDevice = groupBy(d.lifecycle, (l) => l.device);
  for (const [device, runs] of byDevice) {
    const largest = Math.max(...runs.map((r) => r.result.count));
    const target = runs.some((r) => r.result.count === 50) ? 50 : largest;
    for (const [p, rs] of groupBy(runs.filter((r) => r.result.count === target), (r) => r.result.parallelism)) {
      m[`lifecycle.readyAllS.${device}.n${target}.p${p}`] = overRepetitions(rs.map((r) => r.result.readyAllSeconds), "s", `first create → last of ${target} vNFs ready, ${p} at once (${device})`);
    }
    const ok = runs.flatMap((r) => r.result.vnfs.filter((v) => !v.failed));
    if (ok.length > 0) {
      const phases: [string, (v: (typeof ok)[number]) => number][] = [
        ["create", (v) => v.createMs],
        ["start", (v) => v.startMs],
        ["attach", (v) => v.attachMs],
        ["ready", (v) => v.readyLineMs],
        ["forwarding", (v) => v.forwardingAtMs - v.readyAtMs],
        ["stop", (v) => v.stopMs],
        ["remove", (v) => v.removeMs],
      ];
      const seq = runs.filter((r) => r.result.parallelism === 1).flatMap((r) => r.result.vnfs.filter((v) => !v.failed));
      const from = seq.length > 0 ? seq : ok;
      for (const [phase, f] of phases) {
        const xs = from.map(f).filter((x) => Number.isFinite(x));
        if (xs.length > 0) m[`lifecycle.${phase}P50Ms.${device}`] = one(quantile(xs, 0.5), "ms", `median ${phase} phase per vNF${seq.length > 0 ? ", one at a time" : ""} (${device}, ${xs.length} vNFs)`);
      }
    }
    const failed = runs.flatMap((r) => r.result.vnfs.filter((v) => v.failed));
    m[`lifecycle.failedVnfs.${device}`] = one(failed.length, "count", `vNFs that failed to start or forward or exited, all batches (${device})`);
    const firstFailures = runs.filter((r) => r.result.failed > 0).map((r) => Math.min(...r.result.vnfs.filter((v) => v.failed).map((v) => v.index)) + 1);
    if (firstFailures.length > 0) m[`lifecycle.firstFailedStart.${device}`] = one(Math.min(...firstFailures), "count", `the earliest start (1-based, in start order) that failed in any batch (${device}): starts begin to fail here`);
  }
  // memory: per-vNF idle memory at the largest N reached, per device and type.
  for (const [key, runs] of groupBy(d.memory, (x) => `${x.device}.${x.kind}`)) {
    const last = runs.map((r) => r.result.points.at(-1)).filter((p) => p !== undefined);
    m[`memory.perVnfMB.${key}`] = overRepetitions(last.map((p) => p.totalUsageBytes / p.running / 1e6), "MB", `mean cgroup memory.usage_in_bytes per idle vNF at the largest N reached (${last.map((p) => p.running).join(", ")}) — MB = 10^6 bytes`);
    const oom = runs.map((r) => r.result.points.find((p) => p.failed > 0)).filter((p) => p !== undefined);
    if (oom.length > 0) m[`memory.runningAtFirstFailure.${key}`] = overRepetitions(oom.map((p) => p.running), "count", `idle vNFs still running at the checkpoint where starts began to fail (checkpoint N = ${oom.map((p) => p.vnfs).join(", ")})`);
  }
  // flowmod: quantiles per batch size.
  for (const [k, samples] of [...groupBy(d.flowmod.flatMap((f) => f.samples), (s) => s.flowMods)].sort((a, b) => a[0] - b[0])) {
    const ms = samples.map((s) => s.barrierMs);
    m[`flowmod.p50Ms.k${k}`] = one(quantile(ms, 0.5), "ms", `median first FLOW_MOD → barrier reply for a batch of ${k} (${ms.length} batches)`);
    m[`flowmod.p95Ms.k${k}`] = one(quantile(ms, 0.95), "ms", `95th percentile first FLOW_MOD → barrier reply for a batch of ${k}`);
  }
  // roaming: mean and p95 over every handover, per mode.
  for (const [mode, runs] of groupBy(d.roaming, (r) => r.mode)) {
    const ms = runs.flatMap((r) => r.run.handovers.map((h) => h.interruptionMs)).filter((x) => Number.isFinite(x));
    if (ms.length > 0) {
      m[`roaming.meanMs.${mode}`] = one(mean(ms), "ms", `handover → chain steered at the new access node, mean of ${ms.length} handovers in ${runs.length} runs (${mode})`);
      m[`roaming.p95Ms.${mode}`] = one(quantile(ms, 0.95), "ms", `handover → chain steered at the new access node, 95th percentile (${mode})`);
    }
    m[`roaming.probeLost.${mode}`] = overRepetitions(runs.map((r) => r.run.probeLost), "count", `probe packets lost per run (${mode})`);
  }
  // forwarding: the highest delivered rate per vNF type (saturation when the last rate lost > half).
  for (const [kind, runs] of groupBy(d.forwarding, (f) => f.kind)) {
    m[`forwarding.maxDeliveredPps.${kind}`] = overRepetitions(runs.map((r) => Math.max(...r.points.map((p) => p.deliveredPps))), "packets/s", `highest delivered rate ${kind === "none" ? "without a vNF" : `through one ${kind} vNF`} over the offered rates (${runs[0]?.payloadBytes} B UDP payload)`);
  }
  const lab = d.scaling[0];
  if (lab) m["deviceScaling.labCoreSpeed"] = one(lab.labCoreSpeed, "reference cores", "one core of this machine in reference cores (one i7 core at 3.4 GHz): measured effective clock / 3.4 GHz");
  for (const s of d.scaling) if (s.cpuQuotaCores !== null) m[`deviceScaling.cpuQuotaCores.${s.device}`] = one(s.cpuQuotaCores, "cores", `CPU quota emulating ${s.device}: ${s.cores} cores × ${s.perCoreSpeed.toFixed(4)} / ${s.labCoreSpeed.toFixed(4)}`);
  return m;
}
