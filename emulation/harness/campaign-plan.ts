/**
 * What a lab measurement campaign measures (`gnf emulation campaign`): the points of each part,
 * the repetitions, the devices of the catalog to emulate, and the vNF parameters used. Two
 * settings — full and quick — and `campaignPlan()` to adjust them. Pure.
 *
 * Parts: lifecycle (per-vNF phases and batch makespans over N × parallelism), memory (idle
 * memory over N per vNF type), rtt (every ping through 0 … k chained wire vNFs), flowmod
 * (FLOW_MOD batch → barrier latency), roaming (handover → steering in force, per migration mode;
 * needs the scenario layer, given by the caller), forwarding (delivered rate, loss and CPU against
 * offered packet rate per vNF type). Devices apply to lifecycle and memory.
 */
import { UserError } from "../../base/errors.ts";
import { RngStreams } from "../../base/rng.ts";
import { isVnfKind, VNF_KINDS, type VnfKind } from "../images/catalog.ts";
import type { VnfSpec } from "../images/params.ts";
import { LAB_DEVICE } from "../vnf/device-scaling.ts";
import { DEFAULT_RATES_PPS } from "./forwarding.ts";

export const CAMPAIGN_PARTS = ["lifecycle", "memory", "rtt", "flowmod", "roaming", "forwarding"] as const;
export type CampaignPart = (typeof CAMPAIGN_PARTS)[number];

export const LIFECYCLE_ORDERS = ["shuffled", "ascending"] as const;
export type LifecycleOrder = (typeof LIFECYCLE_ORDERS)[number];

export const MIGRATION_MODES = ["make-before-break", "break-before-make"] as const;
export type MigrationMode = (typeof MIGRATION_MODES)[number];

export interface CampaignPlan {
  quick: boolean;
  /** Times each point is measured (repetitions run one after another, each through every part). */
  repeat: number;
  /** Fewer (or more) repetitions for some parts, e.g. `{ memory: 1 }` (default: `repeat`). */
  partRepeat: Partial<Record<CampaignPart, number>>;
  /** "lab" (this machine as itself) and device catalog keys; lifecycle and memory run once per device. */
  devices: string[];
  parts: CampaignPart[];
  lifecycle: {
    kinds: VnfKind[];
    counts: number[];
    /** vNFs started at once; a parallelism above N is left out (it would equal parallelism N). */
    parallelism: number[];
    /** Per vNF: wait for the ready line, then for the probe, ms. */
    timeoutMs: number;
    /**
     * Order of the (N, parallelism) batches within a repetition: "shuffled" (a seeded permutation
     * per repetition, so a drift of the machine through a repetition spreads over every point as
     * noise instead of biasing the large N that come last) or "ascending" (N, then parallelism).
     */
    order: LifecycleOrder;
  };
  memory: { kinds: VnfKind[]; counts: number[]; parallelism: number; settleMs: number };
  rtt: { maxVnfs: number; samples: number; intervalMs: number };
  flowmod: { batchSizes: number[]; samples: number };
  roaming: { modes: MigrationMode[] };
  forwarding: { kinds: VnfKind[]; ratesPps: number[]; seconds: number; payloadBytes: number; stopLossRatio: number; baseline: boolean };
}

/**
 * The vNF of each kind as measured: the kind's smallest realistic configuration, passing the
 * measurement traffic (UDP to port 5201, pings, the probes' UDP to 9000): a firewall with one drop
 * rule (telnet), a rate limiter at 1 Gbit/s, a DDoS dropper for TEST-NET-1, an HTTP filter for
 * "/admin", an IDS with one signature; monitor and troubleshoot with their defaults.
 */
export const MEASUREMENT_SPECS: Readonly<Record<VnfKind, VnfSpec>> = {
  wire: { kind: "wire" },
  firewall: { kind: "firewall", drop: ["tcp:23"] },
  "rate-limiter": { kind: "rate-limiter", rateBitsPerSecond: 1_000_000_000 },
  "ddos-dropper": { kind: "ddos-dropper", sources: ["192.0.2.0/24"] },
  "http-filter": { kind: "http-filter", urls: ["/admin"] },
  monitor: { kind: "monitor" },
  troubleshoot: { kind: "troubleshoot" },
  "ids-lite": { kind: "ids-lite", signatures: [{ name: "test", pattern: "GNF-TEST-SIGNATURE" }] },
};

const FULL: CampaignPlan = {
  quick: false,
  repeat: 3,
  partRepeat: {},
  devices: [LAB_DEVICE, "tp-link-archer-c9"],
  parts: [...CAMPAIGN_PARTS],
  lifecycle: { kinds: ["wire"], counts: [1, 2, 5, 10, 20, 50, 100], parallelism: [1, 2, 4, 8], timeoutMs: 30_000, order: "shuffled" },
  memory: { kinds: [...VNF_KINDS], counts: [1, 10, 50, 100], parallelism: 8, settleMs: 1500 },
  rtt: { maxVnfs: 5, samples: 200, intervalMs: 10 },
  flowmod: { batchSizes: [1, 10, 100], samples: 50 },
  roaming: { modes: [...MIGRATION_MODES] },
  forwarding: { kinds: [...VNF_KINDS], ratesPps: [...DEFAULT_RATES_PPS], seconds: 2, payloadBytes: 64, stopLossRatio: 0.5, baseline: true },
};

const QUICK: CampaignPlan = {
  quick: true,
  repeat: 2,
  partRepeat: {},
  devices: [LAB_DEVICE],
  parts: [...CAMPAIGN_PARTS],
  lifecycle: { kinds: ["wire"], counts: [1, 10], parallelism: [1, 4], timeoutMs: 30_000, order: "shuffled" },
  memory: { kinds: ["wire", "firewall"], counts: [1, 10], parallelism: 4, settleMs: 1000 },
  rtt: { maxVnfs: 2, samples: 50, intervalMs: 10 },
  flowmod: { batchSizes: [1, 10, 100], samples: 20 },
  roaming: { modes: [...MIGRATION_MODES] },
  forwarding: { kinds: ["wire", "firewall"], ratesPps: [1000, 10_000, 50_000], seconds: 2, payloadBytes: 64, stopLossRatio: 0.5, baseline: true },
};

export interface PlanChoices {
  quick?: boolean;
  repeat?: number;
  /** Repetitions of single parts, e.g. `{ memory: 1 }`. */
  partRepeat?: Record<string, number>;
  /** Replaces the default devices. */
  devices?: string[];
  /** Only these parts (default all). */
  parts?: string[];
  /** Replaces the lifecycle counts / parallelism, the memory counts, the forwarding rates, the memory and forwarding kinds. */
  lifecycleCounts?: number[];
  lifecycleParallelism?: number[];
  lifecycleOrder?: string;
  memoryCounts?: number[];
  /** Memory and forwarding kinds (both), or each apart. */
  kinds?: string[];
  memoryKinds?: string[];
  forwardingKinds?: string[];
  ratesPps?: number[];
  /** RTT: the longest chain (chains of 0 … this many vNFs) and pings per chain. */
  rttMaxVnfs?: number;
  rttSamples?: number;
}

function ascending(what: string, xs: readonly number[]): number[] {
  if (xs.length === 0 || xs.some((x, i) => !(Number.isInteger(x) && x >= 1) || (i > 0 && x <= (xs[i - 1] as number)))) throw new UserError(`${what}: expected ascending positive integers, got ${xs.join(",")}`);
  return [...xs];
}

const isPart = (p: string): p is CampaignPart => (CAMPAIGN_PARTS as readonly string[]).includes(p);

/** Repetitions of `part` in `plan`. */
export function repeatOf(plan: CampaignPlan, part: CampaignPart): number {
  return plan.partRepeat[part] ?? plan.repeat;
}

function kinds(flag: string, names: readonly string[]): VnfKind[] {
  const bad = names.filter((k) => !isVnfKind(k));
  if (bad.length > 0 || names.length === 0) throw new UserError(`${flag}: unknown vNF type(s) ${bad.join(", ")}; expected ${VNF_KINDS.join(", ")}`);
  return names.filter(isVnfKind);
}

/** The full or quick plan with the caller's choices applied; throws a UserError on a bad choice. */
export function campaignPlan(choices: PlanChoices = {}): CampaignPlan {
  const base = structuredClone(choices.quick ? QUICK : FULL);
  if (choices.repeat !== undefined) {
    if (!(Number.isInteger(choices.repeat) && choices.repeat >= 1 && choices.repeat <= 100)) throw new UserError(`--repeat: expected an integer in [1, 100], got ${choices.repeat}`);
    base.repeat = choices.repeat;
  }
  for (const [part, n] of Object.entries(choices.partRepeat ?? {})) {
    if (!isPart(part)) throw new UserError(`--repeat-for: unknown part ${part}; expected ${CAMPAIGN_PARTS.join(", ")}`);
    if (!(Number.isInteger(n) && n >= 1 && n <= 100)) throw new UserError(`--repeat-for ${part}: expected an integer in [1, 100], got ${n}`);
    base.partRepeat[part] = n;
  }
  if (choices.devices !== undefined && choices.devices.length > 0) base.devices = [...new Set(choices.devices)];
  if (choices.parts !== undefined && choices.parts.length > 0) {
    const bad = choices.parts.filter((p) => !(CAMPAIGN_PARTS as readonly string[]).includes(p));
    if (bad.length > 0) throw new UserError(`--only: unknown part(s) ${bad.join(", ")}; expected ${CAMPAIGN_PARTS.join(", ")}`);
    base.parts = CAMPAIGN_PARTS.filter((p) => choices.parts?.includes(p));
  }
  if (choices.rttMaxVnfs !== undefined) base.rtt.maxVnfs = ascending("rtt max vNFs", [choices.rttMaxVnfs])[0] as number;
  if (choices.rttSamples !== undefined) base.rtt.samples = ascending("rtt samples", [choices.rttSamples])[0] as number;
  if (choices.lifecycleCounts) base.lifecycle.counts = ascending("--lifecycle-counts", choices.lifecycleCounts);
  if (choices.lifecycleParallelism) base.lifecycle.parallelism = ascending("--parallelism", choices.lifecycleParallelism);
  if (choices.lifecycleOrder !== undefined) {
    const order = LIFECYCLE_ORDERS.find((o) => o === choices.lifecycleOrder);
    if (!order) throw new UserError(`--lifecycle-order: expected one of ${LIFECYCLE_ORDERS.join(", ")}, got "${choices.lifecycleOrder}"`);
    base.lifecycle.order = order;
  }
  if (choices.memoryCounts) base.memory.counts = ascending("--memory-counts", choices.memoryCounts);
  if (choices.ratesPps) base.forwarding.ratesPps = ascending("--rates", choices.ratesPps);
  if (choices.kinds) base.memory.kinds = base.forwarding.kinds = kinds("--kinds", choices.kinds);
  if (choices.memoryKinds) base.memory.kinds = kinds("--memory-kinds", choices.memoryKinds);
  if (choices.forwardingKinds) base.forwarding.kinds = kinds("--forwarding-kinds", choices.forwardingKinds);
  if (base.lifecycle.counts.some((n) => n > 1000) || base.memory.counts.some((n) => n > 1000)) throw new UserError("vNF counts above 1000 are not supported");
  return base;
}

/** The (n, parallelism) batches of the lifecycle part, in order: parallelism above n is left out. */
export function lifecycleBatches(plan: CampaignPlan): { n: number; parallelism: number }[] {
  return plan.lifecycle.counts.flatMap((n) => plan.lifecycle.parallelism.filter((p) => p <= n).map((parallelism) => ({ n, parallelism })));
}

/**
 * The lifecycle batches of repetition `repetition` (1-based) in the order they run: ascending, or
 * a permutation drawn from the seed "gnf-lab-campaign" and the repetition (the same every run).
 */
export function lifecycleBatchesInOrder(plan: CampaignPlan, repetition: number): { n: number; parallelism: number }[] {
  const batches = lifecycleBatches(plan);
  if (plan.lifecycle.order === "ascending") return batches;
  const rng = new RngStreams(LIFECYCLE_ORDER_SEED).stream(`lifecycle-order/${repetition}`);
  for (let i = batches.length - 1; i > 0; i--) {
    const j = rng.integer(0, i);
    [batches[i], batches[j]] = [batches[j] as { n: number; parallelism: number }, batches[i] as { n: number; parallelism: number }];
  }
  return batches;
}

const LIFECYCLE_ORDER_SEED = "gnf-lab-campaign";

/** Every vNF kind the plan starts (images to build). */
export function planKinds(plan: CampaignPlan): VnfKind[] {
  const kinds = new Set<VnfKind>();
  const has = (p: CampaignPart): boolean => plan.parts.includes(p);
  if (has("lifecycle")) plan.lifecycle.kinds.forEach((k) => kinds.add(k));
  if (has("memory")) plan.memory.kinds.forEach((k) => kinds.add(k));
  if (has("rtt")) kinds.add("wire");
  if (has("forwarding")) plan.forwarding.kinds.forEach((k) => kinds.add(k));
  return VNF_KINDS.filter((k) => kinds.has(k));
}
