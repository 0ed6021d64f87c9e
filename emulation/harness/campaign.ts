/**
 * A measurement campaign on the lab (`gnf emulation campaign`): the harness's measurements run over
 * a plan (`campaign-plan.ts`), each point `plan.repeat` times so the lab's own spread is known, and
 * gathered into the campaign's tables and headline metrics (`campaign-tables.ts`).
 *
 * Order: this machine's core speed first (idle), then repetition 1 of every part, repetition 2 of
 * every part, … — drift over the run (other users of the machine) spreads over all parts instead
 * of landing on one. Devices: lifecycle and memory run once per device; a device of the catalog
 * runs in a fresh `DeviceCgroup` per batch (its CPU quota and vNF memory shared by all its
 * containers, each container also given the device's quota with Docker's `--cpus`), with failures
 * recorded instead of thrown — where a device runs out of memory is a result — and a start that
 * takes over START_DEADLINE_MS counts as failed. On the lab as
 * itself failures are recorded too (a 20-minute campaign is not lost to one stuck start), and a
 * part that throws is recorded in `errors` and the campaign goes on.
 *
 * The roaming part needs the scenario layer: the caller passes `measureRoaming` (see
 * scenarios/worlds/campaign.ts). Everything each measurement creates is torn down by it, also on
 * failure; device cgroups go with the campaign's own Teardown (SIGINT/SIGTERM too).
 */
import { cpus, loadavg } from "node:os";
import { UserError } from "../../base/errors.ts";
import type { MetricSummary } from "../../base/results/summary.ts";
import type { Table } from "../../base/tables.ts";
import { loadDeviceCapacities } from "../../topologies/devices/index.ts";
import type { VnfKind } from "../images/catalog.ts";
import { stopRequested, Teardown } from "../lab/teardown.ts";
import { DeviceCgroup } from "../vnf/device-cgroup.ts";
import { lifecycleBatchesInOrder, MEASUREMENT_SPECS, repeatOf, type CampaignPart, type CampaignPlan, type MigrationMode } from "./campaign-plan.ts";
import { campaignMetrics, campaignTables, emptyCampaignData, type CampaignData, type RoamingRun } from "./campaign-tables.ts";
import { measureCoreSpeed, type CoreSpeed } from "../vnf/core-speed.ts";
import { deviceScaling, perContainerQuota, type DeviceScaling } from "../vnf/device-scaling.ts";
import { measureFlowModLatency } from "./flowmod-latency.ts";
import { measureForwarding } from "./forwarding.ts";
import { measureInstantiation } from "./instantiation.ts";
import { measureIdleMemory } from "./memory.ts";
import { monotonicMs } from "./pool.ts";
import { measureIdleRtt } from "./rtt.ts";

/**
 * A vNF start (create → ready line) taking longer than this counts as failed (`LateStarts`): on a
 * small device out of memory `docker start` can hang for minutes while the device thrashes.
 */
export const START_DEADLINE_MS = 60_000;

const load1m = (): number => loadavg()[0] ?? NaN;

export interface CampaignHooks {
  /** Runs the roaming scenario once with `mode`; without it the roaming part is skipped. */
  measureRoaming?: (mode: MigrationMode) => Promise<RoamingRun>;
  /** Image reference per vNF kind (default `gnf/<kind>:latest`). */
  images?: Partial<Record<VnfKind, string>>;
  /** Progress lines. */
  say?: (line: string) => void;
}

export interface CampaignResult {
  data: CampaignData;
  tables: Table[];
  metrics: Record<string, MetricSummary>;
  coreSpeed: CoreSpeed;
  scaling: DeviceScaling[];
  /** Parts that threw, with the repetition and the message (the campaign went on). */
  errors: { part: CampaignPart | "campaign"; repetition: number; what: string; message: string }[];
  /** Parts not measured, and why. */
  skipped: Partial<Record<CampaignPart, string>>;
  /** Wall seconds per part, summed over repetitions. */
  partSeconds: Partial<Record<CampaignPart, number>>;
}

export async function runCampaign(plan: CampaignPlan, hooks: CampaignHooks = {}): Promise<CampaignResult> {
  const say = hooks.say ?? (() => undefined);
  const image = (kind: VnfKind): string | undefined => hooks.images?.[kind];
  const t0 = monotonicMs();
  const log = (line: string): void => say(`[${((monotonicMs() - t0) / 1000).toFixed(0)} s] ${line}`);

  log("core speed of this machine (dependent add/xor chain)");
  const coreSpeed = measureCoreSpeed();
  const capacities = loadDeviceCapacities();
  const scaling = plan.devices.map((d) => deviceScaling(d, capacities, coreSpeed.labCoreSpeed, cpus().length));
  log(`one core = ${coreSpeed.labCoreSpeed.toFixed(3)} reference cores (${coreSpeed.effectiveGHz.toFixed(2)} GHz); ${scaling.map((s) => `${s.device}: ${s.cpuQuotaCores === null ? "no limits" : `${s.cpuQuotaCores.toFixed(3)} cores, ${((s.memoryLimitBytes ?? 0) / 2 ** 20).toFixed(0)} MiB`}`).join("; ")}`);

  const data = emptyCampaignData();
  data.scaling = scaling;
  const errors: CampaignResult["errors"] = [];
  const skipped: CampaignResult["skipped"] = {};
  const partSeconds: CampaignResult["partSeconds"] = {};
  const teardown = new Teardown();

  /** Runs one measurement; a failure is recorded and the campaign goes on. */
  const attempt = async (part: CampaignPart, repetition: number, what: string, fn: () => Promise<void>): Promise<void> => {
    if (stopRequested()) return; // Ctrl-C: the teardown is running, start nothing new
    const s = monotonicMs();
    log(`rep ${repetition}/${repeatOf(plan, part)} ${part}: ${what}`);
    try {
      await fn();
    } catch (err) {
      if (stopRequested()) return;
      const message = (err as Error).message.split("\n")[0] ?? String(err);
      errors.push({ part, repetition, what, message });
      log(`  FAILED: ${message}`);
    } finally {
      partSeconds[part] = (partSeconds[part] ?? 0) + (monotonicMs() - s) / 1000;
    }
  };

  /**
   * Runs `fn` with the device's cgroup (none for the lab as itself), removed afterwards (with any
   * container of this run left under it). A failure to remove it does not lose `fn`'s result: the
   * campaign's teardown tries again at the end, and records it as an error if it fails then too.
   */
  const onDevice = async <T>(s: DeviceScaling, fn: (limits: { cgroupParent?: string; cpuQuotaCores?: number }) => Promise<T>): Promise<T> => {
    if (s.cpuQuotaCores === null && s.memoryLimitBytes === null) return fn({});
    const cg = await DeviceCgroup.create({ cpuQuotaCores: s.cpuQuotaCores, memoryLimitBytes: s.memoryLimitBytes }, teardown);
    try {
      return await fn({ cgroupParent: cg.parent, ...perContainerQuota(s, cpus().length) });
    } finally {
      await cg.remove().catch((err: Error) => log(`  could not remove ${cg.name} yet (tried again at the end): ${err.message}`));
    }
  };

  const repetitions = Math.max(...plan.parts.map((p) => repeatOf(plan, p)));
  let rep = 0;
  /** Whether `p` runs in the current repetition. */
  const has = (p: CampaignPart): boolean => plan.parts.includes(p) && rep <= repeatOf(plan, p);
  if (plan.parts.includes("roaming") && !hooks.measureRoaming) skipped.roaming = "no roaming scenario given (the scenario layer runs it)";
  try {
    for (rep = 1; rep <= repetitions; rep++) {
      if (has("lifecycle")) {
        for (const s of scaling) {
          for (const kind of plan.lifecycle.kinds) {
            for (const [position, { n, parallelism }] of lifecycleBatchesInOrder(plan, rep).entries()) {
              await attempt("lifecycle", rep, `${s.device}, ${n} ${kind} vNF(s), ${parallelism} at once`, async () => {
                const result = await onDevice(s, (limits) =>
                  measureInstantiation({ count: n, parallelism, spec: MEASUREMENT_SPECS[kind], image: image(kind), timeoutMs: plan.lifecycle.timeoutMs, tolerateFailures: true, startDeadlineMs: START_DEADLINE_MS, ...limits }),
                );
                data.lifecycle.push({ repetition: rep, device: s.device, result, position: position + 1, load1m: load1m() });
                log(`  ready-all ${result.readyAllSeconds.toFixed(2)} s, stop+remove ${(result.stopAllSeconds + result.removeAllSeconds).toFixed(2)} s${result.failed > 0 ? `, ${result.failed} failed: ${result.vnfs.find((v) => v.failed)?.reason}` : ""}`);
              });
            }
          }
        }
      }
      if (has("memory")) {
        for (const s of scaling) {
          for (const kind of plan.memory.kinds) {
            await attempt("memory", rep, `${s.device}, idle ${kind} at N = ${plan.memory.counts.join(", ")}`, async () => {
              const result = await onDevice(s, (limits) =>
                measureIdleMemory({ counts: plan.memory.counts, parallelism: plan.memory.parallelism, settleMs: plan.memory.settleMs, spec: MEASUREMENT_SPECS[kind], image: image(kind), tolerateFailures: true, startDeadlineMs: START_DEADLINE_MS, ...limits }),
              );
              data.memory.push({ repetition: rep, device: s.device, kind, result, load1m: load1m() });
              const last = result.points.at(-1);
              log(`  ${last ? `${((last.totalUsageBytes / last.running) / 1e6).toFixed(2)} MB per vNF with ${last.running} running` : "no point"}${last?.failed ? `; ${last.failed} failed: ${last.failure}` : ""}`);
            });
          }
        }
      }
      if (has("rtt")) {
        await attempt("rtt", rep, `idle RTT through 0…${plan.rtt.maxVnfs} wire vNFs, ${plan.rtt.samples} pings each`, async () => {
          const result = await measureIdleRtt({ ...plan.rtt, image: image("wire") });
          data.rtt.push({ repetition: rep, result, load1m: load1m() });
          log(`  p50 ${result.points.map((p) => p.p50Ms.toFixed(3)).join(" / ")} ms`);
        });
      }
      if (has("flowmod")) {
        await attempt("flowmod", rep, `FLOW_MOD batches of ${plan.flowmod.batchSizes.join(", ")} + barrier, ${plan.flowmod.samples} each`, async () => {
          data.flowmod.push({ repetition: rep, samples: await measureFlowModLatency(plan.flowmod), load1m: load1m() });
        });
      }
      if (has("roaming") && hooks.measureRoaming) {
        const measure = hooks.measureRoaming;
        for (const mode of plan.roaming.modes) {
          await attempt("roaming", rep, `the default scenario sped up, ${mode}`, async () => {
            const run = await measure(mode);
            data.roaming.push({ repetition: rep, mode, run, load1m: load1m() });
            log(`  interruptions ${run.handovers.map((h) => `${h.interruptionMs.toFixed(0)} ms`).join(", ") || "none"}; probes lost ${run.probeLost}/${run.probeSent}`);
          });
        }
      }
      if (has("forwarding")) {
        const f = plan.forwarding;
        const kinds: (VnfKind | "none")[] = [...(f.baseline ? ["none" as const] : []), ...f.kinds];
        for (const kind of kinds) {
          await attempt("forwarding", rep, `UDP at ${f.ratesPps.join(", ")} packets/s through ${kind === "none" ? "no vNF" : kind}`, async () => {
            const points = await measureForwarding({ spec: kind === "none" ? null : MEASUREMENT_SPECS[kind], image: kind === "none" ? undefined : image(kind), ratesPps: f.ratesPps, seconds: f.seconds, payloadBytes: f.payloadBytes, stopLossRatio: f.stopLossRatio });
            data.forwarding.push({ repetition: rep, kind, payloadBytes: f.payloadBytes, points, load1m: load1m() });
            log(`  delivered ${points.map((p) => `${(p.deliveredPps / 1000).toFixed(1)}k (${(p.lossRatio * 100).toFixed(1)} %)`).join(", ")}`);
          });
        }
      }
    }
  } finally {
    // Device cgroups not removed yet (each was tried after its batch); a failure here is recorded, not thrown: the results stand.
    await teardown.teardown().catch((err: Error) => errors.push({ part: "campaign", repetition: 0, what: "final teardown of device cgroups", message: err.message }));
  }
  // Interrupted: what was measured meanwhile is not to be trusted, and no folder may look complete.
  if (stopRequested()) throw new UserError("the campaign was interrupted (SIGINT/SIGTERM): everything it created is removed, nothing is written");
  log("done");
  return { data, tables: campaignTables(data), metrics: campaignMetrics(data), coreSpeed, scaling, errors, skipped, partSeconds };
}
