/**
 * A chain from request to removal: place and start it (`waiting` → `starting`), shut it down
 * (removal, stop-on-disconnect, failure), and notice when a removed chain is gone for good.
 * `starting` → `active` happens when its vNFs report started (`reports.ts`).
 */
import type { ChainSpec } from "../chains.ts";
import type { Command } from "../commands.ts";
import type { ChainState } from "../state.ts";
import { newVnfId, place, request, type ManagerContext } from "./context.ts";
import { startInstance, stopInstance } from "./instances.ts";
import { releaseHeld } from "./migration-steps.ts";

/** A new chain (or one re-requested after removal): fails at once on an unknown vNF type. */
export function onChainRequested(ctx: ManagerContext, spec: ChainSpec, now: number): Command[] {
  const existing = ctx.chains.get(spec.id);
  if (existing && existing.status !== "removed") return [];
  const chain: ChainState = { spec, status: "waiting", slots: [], steeringVersion: existing?.steeringVersion ?? 0, installedVersion: 0, hasSteering: false, steeringRemovalPending: false };
  ctx.chains.set(spec.id, chain);
  const unknown = spec.vnfs.find((v) => ctx.catalog[v.type] === undefined);
  if (unknown) {
    chain.status = "failed";
    chain.failure = `unknown vNF type "${unknown.type}"`;
    return [];
  }
  return startChain(ctx, chain, now);
}

export function onChainRemoved(ctx: ManagerContext, id: string, now: number): Command[] {
  const chain = ctx.chains.get(id);
  if (!chain || chain.status === "removing" || chain.status === "removed") return [];
  return shutDown(ctx, chain, "removing", "chain removed", now);
}

/** Places and starts a waiting chain if its UE is attached and every vNF finds room. */
export function startChain(ctx: ManagerContext, chain: ChainState, _now: number): Command[] {
  const ue = ctx.ues.get(chain.spec.ue);
  if (ue?.device === undefined) {
    chain.status = "waiting";
    chain.failure = `UE ${chain.spec.ue} is not attached`;
    return [];
  }
  const accessNode = ue.device;
  const ids = chain.spec.vnfs.map((v, slot) => newVnfId(ctx, chain.spec.id, slot, v.type));
  const requests = chain.spec.vnfs.map((v, slot) => request(ctx, ids[slot] as string, v.type, chain.spec.ue, accessNode));
  const placement = place(ctx, requests, new Set());
  const hosts: string[] = [];
  for (const r of requests) {
    const host = placement.assignment.get(r.id);
    if (host === undefined || !ctx.ledger.fits(host, r.cpuDemand, r.memoryDemand)) {
      for (const done of requests) ctx.ledger.release(done.id);
      chain.status = "waiting";
      chain.failure = placement.infeasible.find((i) => i.vnf === r.id)?.reason ?? `no room for ${r.id}`;
      return [];
    }
    ctx.ledger.reserve(r.id, host, r.cpuDemand, r.memoryDemand);
    hosts.push(host);
  }
  chain.status = "starting";
  delete chain.failure;
  chain.slots = ids;
  chain.accessNode = accessNode;
  return ids.flatMap((id, slot) => startInstance(ctx, chain, id, slot, hosts[slot] as string));
}

/** Stops every live instance and the steering of a chain (removal, stop-on-disconnect, failure). */
export function shutDown(ctx: ManagerContext, chain: ChainState, status: "removing" | "stopped" | "failed", reason: string, now: number): Command[] {
  if (chain.migration) {
    const m = chain.migration;
    delete chain.migration;
    m.abort(reason, now);
    releaseHeld(ctx, m);
  }
  delete chain.pending;
  chain.status = status;
  if (status === "failed") chain.failure = reason;
  const out: Command[] = [];
  for (const inst of ctx.vnfs.values()) if (inst.chain === chain.spec.id) out.push(...stopInstance(inst));
  if (chain.hasSteering) {
    out.push({ type: "remove-steering", chain: chain.spec.id, version: chain.steeringVersion });
    chain.hasSteering = false;
    chain.steeringRemovalPending = true;
    chain.installedVersion = 0;
  }
  chain.slots = [];
  maybeRemoved(ctx, chain);
  return out;
}

/** A removing chain becomes `removed` once its steering is gone and no instance is live. */
export function maybeRemoved(ctx: ManagerContext, chain: ChainState): void {
  if (chain.status !== "removing" || chain.steeringRemovalPending) return;
  for (const inst of ctx.vnfs.values()) if (inst.chain === chain.spec.id && (inst.state === "starting" || inst.state === "running" || inst.state === "stopping")) return;
  chain.status = "removed";
}
