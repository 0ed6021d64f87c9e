/**
 * The backend's answers to the Manager's commands: a vNF started, stopped or failed, a state
 * arrived, steering was installed or removed. Each moves the instance, its chain and any
 * migration of the chain along; late or duplicate answers are ignored.
 */
import type { Command } from "../commands.ts";
import type { ChainState } from "../state.ts";
import { maybeRemoved, shutDown } from "./chain-lifecycle.ts";
import { chainOfVnf, type ManagerContext } from "./context.ts";
import { stopInstance } from "./instances.ts";
import { afterIdle, applySteps, recover } from "./migration-steps.ts";
import { currentHops, installSteering } from "./steering.ts";

/** A vNF runs: a migration target advances its migration; the last vNF of a starting chain activates it. */
export function onVnfStarted(ctx: ManagerContext, vnfId: string, now: number): Command[] {
  const inst = ctx.vnfs.get(vnfId);
  if (!inst || inst.state !== "starting") return [];
  if (inst.stopWhenStarted) {
    inst.state = "running";
    return stopInstance(inst);
  }
  inst.state = "running";
  const chain = ctx.chains.get(inst.chain) as ChainState;
  if (chain.migration?.isTarget(vnfId)) return applySteps(ctx, chain, chain.migration, chain.migration.targetStarted(vnfId, now), now);
  if (chain.status === "starting" && chain.slots.every((id) => ctx.vnfs.get(id)?.state === "running")) {
    chain.status = "active";
    const install = installSteering(ctx, chain, currentHops(ctx, chain));
    return [install, ...afterIdle(ctx, chain, now)];
  }
  return [];
}

/** A vNF stopped: its reservation is released unless a break-before-make migration holds it. */
export function onVnfStopped(ctx: ManagerContext, vnfId: string, now: number): Command[] {
  const inst = ctx.vnfs.get(vnfId);
  if (!inst || inst.state === "stopped" || inst.state === "failed") return [];
  inst.state = "stopped";
  if (!inst.keepReservation) ctx.ledger.release(vnfId);
  const chain = ctx.chains.get(inst.chain) as ChainState;
  const out = chain.migration?.isOld(vnfId) ? applySteps(ctx, chain, chain.migration, chain.migration.oldStopped(vnfId, now), now) : [];
  maybeRemoved(ctx, chain);
  return out;
}

/**
 * A vNF failed: one being stopped counts as stopped; a migration target fails its migration; a
 * starting chain fails; a running slot of an idle active chain is recovered.
 */
export function onVnfFailed(ctx: ManagerContext, vnfId: string, reason: string, now: number): Command[] {
  const inst = ctx.vnfs.get(vnfId);
  if (!inst || inst.state === "stopped" || inst.state === "failed") return [];
  const wasDoomed = inst.stopWhenStarted || inst.state === "stopping";
  inst.state = "failed";
  inst.failure = reason;
  if (!inst.keepReservation) ctx.ledger.release(vnfId);
  const chain = ctx.chains.get(inst.chain) as ChainState;
  if (wasDoomed) {
    const out = chain.migration?.isOld(vnfId) ? applySteps(ctx, chain, chain.migration, chain.migration.oldStopped(vnfId, now), now) : [];
    maybeRemoved(ctx, chain);
    return out;
  }
  if (chain.migration?.isTarget(vnfId)) {
    const steps = chain.migration.targetFailed(vnfId, reason, now);
    return steps.length > 0 ? applySteps(ctx, chain, chain.migration, steps, now) : [];
  }
  if (chain.status === "starting") return shutDown(ctx, chain, "failed", `${vnfId} failed to start on ${inst.host}: ${reason}`, now);
  if (chain.status === "active" && !chain.migration && chain.slots.includes(vnfId)) return recover(ctx, chain, inst, now);
  return [];
}

/** A migration target received its state. */
export function onStateTransferred(ctx: ManagerContext, toVnfId: string, now: number): Command[] {
  const chain = chainOfVnf(ctx, toVnfId);
  return chain?.migration ? applySteps(ctx, chain, chain.migration, chain.migration.stateTransferred(toVnfId, now), now) : [];
}

/** Steering `version` of a chain is installed (stale versions and removed chains are ignored). */
export function onSteeringInstalled(ctx: ManagerContext, chainId: string, version: number, now: number): Command[] {
  const chain = ctx.chains.get(chainId);
  if (!chain || chain.steeringRemovalPending || version > chain.steeringVersion) return [];
  if (version > chain.installedVersion) chain.installedVersion = version;
  return chain.migration ? applySteps(ctx, chain, chain.migration, chain.migration.steeringInstalled(version, now), now) : [];
}

export function onSteeringRemoved(ctx: ManagerContext, chainId: string): void {
  const chain = ctx.chains.get(chainId);
  if (!chain) return;
  chain.steeringRemovalPending = false;
  maybeRemoved(ctx, chain);
}
