/**
 * Re-placement: what triggers it and how it runs.
 *
 * Triggers: a UE attaching (handover or reconnect; `ueMobility` decides between re-placing and
 * re-steering) or leaving (stop-on-disconnect); a device report at or above `overloadThreshold`
 * CPU utilisation (overload: its vNFs are re-placed one by one, below); a device report whose CPU
 * utilisation differs by >= `utilisationThreshold` from the value at that device's last trigger;
 * the periodic timer (`replacementPeriod` > 0); latency observations through an optional
 * `ReplacementTrigger`.
 *
 * Overload (`shedOverload`): the device's vNFs of idle active chains are taken one at a time,
 * largest CPU demand first (ties by id), and each is placed on its own (a one-request problem
 * without the overloaded device) at the best feasible other host, its demand reserved there,
 * until the projected utilisation (reported − Σ moved demand / capacity) is below the threshold.
 * A chain's moves run as one migration (reason "overload"), so one vNF of a chain can stay at the
 * edge, another move to a nearby edge device and a third to the central NFVI. While a migration
 * away from the device is in flight its reports wait; a device with no vNF to move falls back to
 * the utilisation-change rule.
 *
 * `replace` re-runs the placer for the chains (relocate) or only re-steers them to their UE's
 * device; a busy chain keeps the trigger as pending and runs it when idle (`afterIdle`).
 */
import type { Placement, VnfRequest } from "../../placement/index.ts";
import type { Command } from "../commands.ts";
import type { DeviceReport } from "../events.ts";
import type { MigrationMove, MigrationReason } from "../migration.ts";
import type { ChainState, PendingReplacement, VnfInstance } from "../state.ts";
import { shutDown, startChain } from "./chain-lifecycle.ts";
import { demand, newVnfId, place, request, type ManagerContext } from "./context.ts";
import { beginMigration } from "./migration-steps.ts";
import { currentHops, installSteering } from "./steering.ts";

/** Name of the timer that drives periodic re-placement. */
export const PERIODIC_REPLACEMENT_TIMER = "gnf/periodic-replacement";

/** Tolerance of the utilisation-change comparison (0.35 − 0.20 is 0.1499999… in binary). */
const UTILISATION_EPSILON = 1e-9;

/** One latency sample of a chain, for a dynamic re-placement policy. */
export interface LatencySample {
  chain: string;
  ue: string;
  /** Seconds. */
  latencyS: number;
  /** Tightest latency bound of the chain's vNF types, seconds (absent when none has one). */
  boundS?: number;
}

/** A dynamic re-placement policy over latency observations (e.g. optimal stopping). */
export interface ReplacementTrigger {
  /** Feeds one sample; true = re-place this chain now. */
  observe(sample: LatencySample, now: number): boolean;
  /** The chain was re-placed at `now` (restart counting). */
  replaced(chain: string, now: number): void;
}

/** UE handover or reconnect: start its waiting or stopped chains, re-place (follow) or re-steer the placed ones. */
export function onUeAttached(ctx: ManagerContext, ueId: string, device: string, rssiDbm: number, packets: number, reason: "ue-handover" | "ue-reconnected", now: number): Command[] {
  ctx.ues.set(ueId, { id: ueId, device, rssiDbm, packets });
  const relocate = ctx.config.ueMobility === "follow";
  const mine = [...ctx.chains.values()].filter((c) => c.spec.ue === ueId);
  const placed = mine.filter((c) => c.status === "active" || c.status === "starting");
  const out: Command[] = [];
  for (const chain of mine) if (chain.status === "waiting" || chain.status === "stopped") out.push(...startChain(ctx, chain, now));
  out.push(...replace(ctx, placed, reason, now, relocate, now));
  return out;
}

/** UE left: under stop-on-disconnect its placed chains stop (they start again when it returns). */
export function onUeDisconnected(ctx: ManagerContext, ueId: string, rssiDbm: number, packets: number, now: number): Command[] {
  ctx.ues.set(ueId, { id: ueId, rssiDbm, packets });
  if (ctx.config.ueMobility !== "stop-on-disconnect") return [];
  const out: Command[] = [];
  for (const chain of ctx.chains.values()) {
    if (chain.spec.ue === ueId && (chain.status === "active" || chain.status === "starting")) out.push(...shutDown(ctx, chain, "stopped", `UE ${ueId} disconnected`, now));
  }
  return out;
}

/**
 * Records a device's load; when its CPU utilisation moved by >= the threshold since its last
 * trigger, re-places the chains associated with it (a vNF on it, or the UE attached to it).
 */
export function onDeviceReport(ctx: ManagerContext, report: DeviceReport, now: number): Command[] {
  ctx.ledger.observeLoad(report.device, report.cpuUtilisation, report.memoryUsedBytes);
  const previous = ctx.devices.get(report.device);
  if (report.cpuUtilisation >= ctx.config.overloadThreshold - UTILISATION_EPSILON) {
    const shed = shedOverload(ctx, report, now);
    if (shed) {
      ctx.devices.set(report.device, { report, reportedAt: now, utilisationAtLastDecision: shed.decided ? report.cpuUtilisation : (previous?.utilisationAtLastDecision ?? report.cpuUtilisation) });
      return shed.commands;
    }
  }
  const baseline = previous?.utilisationAtLastDecision ?? report.cpuUtilisation;
  const changed = previous !== undefined && Math.abs(report.cpuUtilisation - baseline) >= ctx.config.utilisationThreshold - UTILISATION_EPSILON;
  ctx.devices.set(report.device, { report, reportedAt: now, utilisationAtLastDecision: changed ? report.cpuUtilisation : baseline });
  if (!changed) return [];
  const associated = [...ctx.chains.values()].filter((c) => ctx.ues.get(c.spec.ue)?.device === report.device || c.slots.some((id) => ctx.vnfs.get(id)?.host === report.device));
  return replaceOrStart(ctx, associated, "utilisation-change", now);
}

/**
 * An overloaded device's vNFs, re-placed one by one (see the module comment). Undefined when the
 * device has no vNF of an idle active chain to move (the caller falls back to the
 * utilisation-change rule); `decided` false while a migration away from it is in flight.
 */
function shedOverload(ctx: ManagerContext, report: DeviceReport, now: number): { commands: Command[]; decided: boolean } | undefined {
  const device = report.device;
  const host = ctx.ledger.host(device);
  if (!host) return undefined;
  const chains = [...ctx.chains.values()];
  if (chains.some((c) => c.migration?.moves.some((m) => m.fromHost === device))) return { commands: [], decided: false };
  const candidates: { inst: VnfInstance; chain: ChainState; cpu: number }[] = [];
  for (const chain of chains) {
    if (chain.status !== "active" || chain.migration || ctx.ues.get(chain.spec.ue)?.device === undefined) continue;
    for (const id of chain.slots) {
      const inst = ctx.vnfs.get(id) as VnfInstance;
      if (inst.host === device && inst.state === "running" && !inst.operatorStopped) candidates.push({ inst, chain, cpu: demand(ctx, inst.type).cpu });
    }
  }
  if (candidates.length === 0) return undefined;
  candidates.sort((a, b) => b.cpu - a.cpu || (a.inst.id < b.inst.id ? -1 : a.inst.id > b.inst.id ? 1 : 0));
  const excluded = new Set([device]);
  const movesByChain = new Map<ChainState, MigrationMove[]>();
  let projected = report.cpuUtilisation;
  for (const { inst, chain } of candidates) {
    if (projected < ctx.config.overloadThreshold - UTILISATION_EPSILON) break;
    const accessNode = ctx.ues.get(chain.spec.ue)?.device as string;
    const req = request(ctx, inst.id, inst.type, chain.spec.ue, accessNode, inst.host);
    const target = place(ctx, [req], new Set([inst.id]), excluded).assignment.get(inst.id);
    const d = demand(ctx, inst.type);
    if (target === undefined || !ctx.ledger.fits(target, d.cpu, d.memoryBytes)) continue;
    const toVnfId = newVnfId(ctx, chain.spec.id, inst.slot, inst.type);
    ctx.ledger.reserve(toVnfId, target, d.cpu, d.memoryBytes);
    (movesByChain.get(chain) ?? movesByChain.set(chain, []).get(chain))?.push({ slot: inst.slot, vnfType: inst.type, fromVnfId: inst.id, fromHost: device, toVnfId, toHost: target, bytes: d.stateBytes, stateLost: false });
    projected -= d.cpu / host.cpuCapacity;
  }
  const commands: Command[] = [];
  for (const [chain, moves] of movesByChain) commands.push(...beginMigration(ctx, chain, moves.sort((a, b) => a.slot - b.slot), "overload", now, now));
  return { commands, decided: true };
}

/** The periodic timer: re-place every chain and set the next timer. */
export function onTimer(ctx: ManagerContext, name: string, now: number): Command[] {
  if (name !== PERIODIC_REPLACEMENT_TIMER || ctx.config.replacementPeriod <= 0) return [];
  const out = replaceOrStart(ctx, [...ctx.chains.values()], "periodic", now);
  out.push({ type: "set-timer", name: PERIODIC_REPLACEMENT_TIMER, at: now + ctx.config.replacementPeriod });
  return out;
}

/** Records a chain's latency (seconds) and asks the replacement trigger whether to re-place it. */
export function onLatency(ctx: ManagerContext, chainId: string, latencyS: number, now: number): Command[] {
  const chain = ctx.chains.get(chainId);
  if (!chain) return [];
  chain.lastLatencyS = latencyS;
  if (!ctx.trigger || chain.status !== "active") return [];
  const bounds = chain.spec.vnfs.map((v) => ctx.catalog[v.type]?.maxLatencyS).filter((b): b is number => b !== undefined);
  const sample: LatencySample = { chain: chainId, ue: chain.spec.ue, latencyS };
  if (bounds.length > 0) sample.boundS = Math.min(...bounds);
  return ctx.trigger.observe(sample, now) ? replace(ctx, [chain], "optimal-stopping", now, true, now) : [];
}

/** Re-places the placed chains among `chains` and retries placing the waiting ones. */
export function replaceOrStart(ctx: ManagerContext, chains: readonly ChainState[], reason: MigrationReason, now: number): Command[] {
  const placed = chains.filter((c) => c.status === "active" || c.status === "starting");
  const out: Command[] = [];
  for (const chain of chains) if (chain.status === "waiting") out.push(...startChain(ctx, chain, now));
  out.push(...replace(ctx, placed, reason, now, true, now));
  return out;
}

/**
 * Re-runs placement for `chains` (relocate) or only re-steers them to their UE's device. Busy
 * chains keep the trigger as pending; chains not active are skipped. Times are seconds.
 */
export function replace(ctx: ManagerContext, chains: readonly ChainState[], reason: MigrationReason, triggerTime: number, relocate: boolean, now: number): Command[] {
  const ready: ChainState[] = [];
  for (const chain of chains) {
    if (chain.status === "starting" || (chain.status === "active" && chain.migration)) {
      chain.pending = mergePending(chain.pending, { reason, triggerTime, relocate });
      continue;
    }
    if (chain.status !== "active" || ctx.ues.get(chain.spec.ue)?.device === undefined) continue;
    ready.push(chain);
  }
  if (ready.length === 0) return [];
  let placement: Placement | undefined;
  if (relocate) {
    const requests: VnfRequest[] = [];
    for (const chain of ready) {
      const accessNode = ctx.ues.get(chain.spec.ue)?.device as string;
      for (const id of chain.slots) {
        const inst = ctx.vnfs.get(id) as VnfInstance;
        if (!inst.operatorStopped) requests.push(request(ctx, id, inst.type, chain.spec.ue, accessNode, inst.host));
      }
    }
    placement = place(ctx, requests, new Set(requests.map((r) => r.id)));
  }
  const out: Command[] = [];
  for (const chain of ready) {
    const moves = placement ? reservedMoves(ctx, chain, placement) : [];
    if (placement) ctx.trigger?.replaced(chain.spec.id, now);
    const device = ctx.ues.get(chain.spec.ue)?.device;
    if (moves.length > 0) {
      // Make-before-break keeps serving from the old instances: steer the UE's new access node
      // to them at once (a detour) so its traffic is not left unsteered while the targets start.
      if (ctx.config.migration === "make-before-break" && chain.accessNode !== device) out.push(installSteering(ctx, chain, currentHops(ctx, chain)));
      out.push(...beginMigration(ctx, chain, moves, reason, triggerTime, now));
    } else if (chain.accessNode !== ctx.ues.get(chain.spec.ue)?.device) out.push(installSteering(ctx, chain, currentHops(ctx, chain)));
  }
  return out;
}

/** The moves `placement` asks of `chain`'s running slots that fit their target; reserves each target. */
function reservedMoves(ctx: ManagerContext, chain: ChainState, placement: Placement): MigrationMove[] {
  const moves: MigrationMove[] = [];
  for (const id of chain.slots) {
    const inst = ctx.vnfs.get(id) as VnfInstance;
    const target = placement.assignment.get(id);
    const d = demand(ctx, inst.type);
    if (inst.operatorStopped || target === undefined || target === inst.host || !ctx.ledger.fits(target, d.cpu, d.memoryBytes)) continue;
    const toVnfId = newVnfId(ctx, chain.spec.id, inst.slot, inst.type);
    ctx.ledger.reserve(toVnfId, target, d.cpu, d.memoryBytes);
    moves.push({ slot: inst.slot, vnfType: inst.type, fromVnfId: id, fromHost: inst.host, toVnfId, toHost: target, bytes: d.stateBytes, stateLost: false });
  }
  return moves;
}

/** Two deferred triggers as one: the first reason, the earliest trigger time, relocate if either does. */
function mergePending(a: PendingReplacement | undefined, b: PendingReplacement): PendingReplacement {
  if (!a) return b;
  return { reason: a.reason, triggerTime: Math.min(a.triggerTime, b.triggerTime), relocate: a.relocate || b.relocate };
}
