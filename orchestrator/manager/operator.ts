/**
 * Operator actions on single vNFs (`vnf-stop-requested`, `vnf-start-requested`,
 * `vnf-migration-requested`, see `../events.ts`). `planOperator` checks one against the current
 * state: the REST API asks before submitting, and the Manager asks again when it handles the
 * event (the state may have changed in between); a refused event causes no commands. An
 * operator-stopped vNF keeps its chain slot and is bypassed by steering and re-placement until
 * it is restarted.
 */
import type { Command } from "../commands.ts";
import type { MigrationMode } from "../config.ts";
import type { OperatorVnfEvent } from "../events.ts";
import type { MigrationMove } from "../migration.ts";
import type { ChainState, VnfInstance } from "../state.ts";
import { demand, newVnfId, type ManagerContext } from "./context.ts";
import { stopInstance } from "./instances.ts";
import { beginMigration } from "./migration-steps.ts";
import { currentHops, installSteering } from "./steering.ts";

/**
 * Why the Manager refuses an operator action: `not-found` (no such vNF), `conflict` (its chain or
 * the vNF is busy or in the wrong state; retry later), `unprocessable` (the request itself cannot
 * be met: unknown host, no capacity).
 */
export interface OperatorRefusal {
  kind: "not-found" | "conflict" | "unprocessable";
  message: string;
}

/** An operator event the Manager refused when it handled it. */
export interface RefusedOperatorEvent {
  /** When it was handled, seconds. */
  time: number;
  event: OperatorVnfEvent;
  refusal: OperatorRefusal;
}

/** What an accepted operator action will do. */
export type OperatorPlan =
  | { kind: "stop"; chain: ChainState; inst: VnfInstance }
  | { kind: "start"; chain: ChainState; inst: VnfInstance; host: string }
  | { kind: "migrate"; chain: ChainState; inst: VnfInstance; host: string; mode: MigrationMode };

/** Checks an operator action against the current state (read-only); the plan says what to do. */
export function planOperator(ctx: ManagerContext, event: OperatorVnfEvent): OperatorPlan | { refusal: OperatorRefusal } {
  const refuse = (kind: OperatorRefusal["kind"], message: string) => ({ refusal: { kind, message } });
  const inst = ctx.vnfs.get(event.vnfId);
  if (!inst) return refuse("not-found", `no vNF ${event.vnfId}`);
  const chain = ctx.chains.get(inst.chain) as ChainState;
  if (!chain.slots.includes(inst.id)) return refuse("conflict", `vNF ${inst.id} is no longer part of chain ${chain.spec.id} (state ${inst.state})`);
  if (chain.status !== "active") return refuse("conflict", `chain ${chain.spec.id} is ${chain.status}; operator actions need an active chain`);
  if (chain.migration) return refuse("conflict", `chain ${chain.spec.id} is busy with migration ${chain.migration.record.id}`);
  if (event.type === "vnf-start-requested") {
    if (!inst.operatorStopped) return refuse("conflict", `vNF ${inst.id} is ${inst.state}; only a vNF stopped by the operator can be started`);
    if (inst.state === "stopping") return refuse("conflict", `vNF ${inst.id} is still stopping`);
  } else if (inst.state !== "running" || inst.operatorStopped) {
    return refuse("conflict", `vNF ${inst.id} is ${inst.operatorStopped ? "stopped by the operator" : inst.state}; it must be running`);
  }
  if (event.type === "vnf-stop-requested") return { kind: "stop", chain, inst };
  const hostId = event.host ?? inst.host;
  const host = ctx.ledger.host(hostId);
  if (!host) return refuse("unprocessable", `unknown host "${hostId}"; expected one of ${ctx.ledger.hostList().map((h) => h.id).join(", ")}`);
  if (event.type === "vnf-migration-requested" && host.id === inst.host) return refuse("unprocessable", `vNF ${inst.id} already runs on ${host.id}`);
  const d = demand(ctx, inst.type);
  if (!ctx.ledger.fits(host.id, d.cpu, d.memoryBytes)) {
    const used = ctx.ledger.reserved(host.id);
    const bg = ctx.ledger.backgroundOf(host.id);
    return refuse(
      "unprocessable",
      `host ${host.id} lacks capacity for ${inst.type} (needs ${d.cpu} cores and ${d.memoryBytes} bytes; free ${round(host.cpuCapacity - used.cpu - bg.cpu)} cores and ${Math.max(0, host.memoryBytes - used.memoryBytes - bg.memoryBytes)} bytes)`,
    );
  }
  if (event.type === "vnf-start-requested") return { kind: "start", chain, inst, host: host.id };
  return { kind: "migrate", chain, inst, host: host.id, mode: event.mode ?? ctx.config.migration };
}

/**
 * Carries out an accepted plan at `now` (seconds): stop = bypass the slot, then stop the vNF;
 * start = a fresh instance without state (an `operator-restart` migration); migrate = a migration
 * with state in the requested mode.
 */
export function applyOperator(ctx: ManagerContext, plan: OperatorPlan, now: number): Command[] {
  const { chain, inst } = plan;
  switch (plan.kind) {
    case "stop": {
      inst.operatorStopped = true;
      const install = installSteering(ctx, chain, currentHops(ctx, chain));
      return [install, ...stopInstance(inst)];
    }
    case "start": {
      const d = demand(ctx, inst.type);
      const toVnfId = newVnfId(ctx, chain.spec.id, inst.slot, inst.type);
      ctx.ledger.reserve(toVnfId, plan.host, d.cpu, d.memoryBytes);
      const move: MigrationMove = { slot: inst.slot, vnfType: inst.type, fromVnfId: inst.id, fromHost: inst.host, toVnfId, toHost: plan.host, bytes: 0, stateLost: true };
      return beginMigration(ctx, chain, [move], "operator-restart", now, now);
    }
    case "migrate": {
      const d = demand(ctx, inst.type);
      const toVnfId = newVnfId(ctx, chain.spec.id, inst.slot, inst.type);
      ctx.ledger.reserve(toVnfId, plan.host, d.cpu, d.memoryBytes);
      const move: MigrationMove = { slot: inst.slot, vnfType: inst.type, fromVnfId: inst.id, fromHost: inst.host, toVnfId, toHost: plan.host, bytes: d.stateBytes, stateLost: false };
      return beginMigration(ctx, chain, [move], "operator", now, now, plan.mode);
    }
  }
}

/** Rounds to 1e-9 for messages (0.3 − 0.1 prints as 0.2). */
function round(x: number): number {
  return Math.round(Math.max(0, x) * 1e9) / 1e9;
}
