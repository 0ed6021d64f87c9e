/**
 * Migrations as the Manager runs them: a `Migration` (../migration.ts) sequences the steps, this
 * module turns each step into state changes and commands, settles the outcome, and releases what
 * a break-before-make migration held. When a chain becomes idle again it recovers a crashed vNF
 * or runs the trigger deferred while it was busy.
 */
import type { Command, SteeringHop } from "../commands.ts";
import type { MigrationMode } from "../config.ts";
import { Migration, type MigrationMove, type MigrationReason, type MigrationStep } from "../migration.ts";
import type { ChainState, VnfInstance } from "../state.ts";
import { shutDown } from "./chain-lifecycle.ts";
import { demand, newVnfId, place, request, type ManagerContext } from "./context.ts";
import { startInstance, stopInstance } from "./instances.ts";
import { replace } from "./replacement.ts";
import { installSteering, slotHops } from "./steering.ts";

/**
 * Starts migration `m-<n>` of `moves` (targets already reserved) and applies its first steps.
 * `triggerTime` and `now` are seconds; `mode` defaults to the configured one.
 */
export function beginMigration(ctx: ManagerContext, chain: ChainState, moves: MigrationMove[], reason: MigrationReason, triggerTime: number, now: number, mode: MigrationMode = ctx.config.migration): Command[] {
  const m = new Migration({ id: `m-${++ctx.migrationSequence}`, chain: chain.spec.id, ue: chain.spec.ue, reason, mode, triggerTime, decisionTime: now, moves });
  chain.migration = m;
  ctx.migrationRecords.push(m.record);
  return applySteps(ctx, chain, m, m.begin(), now);
}

/** A running vNF died: restart it (no state) where the placer says, or fail the chain. */
export function recover(ctx: ManagerContext, chain: ChainState, failed: VnfInstance, now: number): Command[] {
  const ue = ctx.ues.get(chain.spec.ue);
  const accessNode = ue?.device ?? chain.accessNode ?? failed.host;
  const toVnfId = newVnfId(ctx, chain.spec.id, failed.slot, failed.type);
  const req = request(ctx, toVnfId, failed.type, chain.spec.ue, accessNode);
  const target = place(ctx, [req], new Set()).assignment.get(toVnfId);
  if (target === undefined || !ctx.ledger.fits(target, req.cpuDemand, req.memoryDemand)) {
    return shutDown(ctx, chain, "failed", `${failed.id} failed (${failed.failure ?? "unknown"}) and no host can take its replacement`, now);
  }
  ctx.ledger.reserve(toVnfId, target, req.cpuDemand, req.memoryDemand);
  const move: MigrationMove = { slot: failed.slot, vnfType: failed.type, fromVnfId: failed.id, fromHost: failed.host, toVnfId, toHost: target, bytes: 0, stateLost: true };
  return beginMigration(ctx, chain, [move], "vnf-failed", now, now);
}

/** Carries out the steps of migration `m` of `chain`, in order; returns the commands they cause. */
export function applySteps(ctx: ManagerContext, chain: ChainState, m: Migration, steps: readonly MigrationStep[], now: number): Command[] {
  const out: Command[] = [];
  for (const step of steps) {
    switch (step.kind) {
      case "start-target":
        out.push(...startInstance(ctx, chain, step.move.toVnfId, step.move.slot, step.move.toHost));
        break;
      case "transfer":
        out.push({ type: "transfer-state", fromVnfId: step.move.fromVnfId, toVnfId: step.move.toVnfId, fromHost: step.move.fromHost, toHost: step.move.toHost, bytes: step.move.bytes });
        break;
      case "switch-steering": {
        const hops = slotHops(ctx, chain);
        for (const move of m.moves) hops[move.slot] = { vnfId: move.toVnfId, host: move.toHost };
        const install = installSteering(ctx, chain, hops.filter((h): h is SteeringHop => h !== undefined));
        out.push(install);
        m.steeringRequested(install.version, now);
        break;
      }
      case "stop-old": {
        const old = ctx.vnfs.get(step.move.fromVnfId);
        if (old) {
          old.keepReservation = m.record.mode === "break-before-make";
          out.push(...stopInstance(old));
        }
        break;
      }
      case "stop-target": {
        const target = ctx.vnfs.get(step.move.toVnfId);
        if (target) out.push(...stopInstance(target));
        else ctx.ledger.release(step.move.toVnfId);
        break;
      }
      case "restart-at-source": {
        const d = demand(ctx, step.move.vnfType);
        const id = newVnfId(ctx, chain.spec.id, step.move.slot, step.move.vnfType);
        ctx.ledger.release(step.move.fromVnfId);
        ctx.ledger.reserve(id, step.move.fromHost, d.cpu, d.memoryBytes);
        out.push(...applySteps(ctx, chain, m, m.retarget(step.move, id), now));
        break;
      }
      case "finished":
        out.push(...finishMigration(ctx, chain, m, now));
        break;
    }
  }
  return out;
}

/** Settles a finished migration: new slots on success (or BBM rollback), chain failure, or nothing. */
function finishMigration(ctx: ManagerContext, chain: ChainState, m: Migration, now: number): Command[] {
  if (chain.migration !== m) return [];
  delete chain.migration;
  const r = m.record;
  releaseHeld(ctx, m);
  if (r.outcome === "failed" && r.reason === "operator-restart") {
    // The restarted instance did not come up: the slot stays stopped, the chain keeps serving.
    return afterIdle(ctx, chain, now);
  }
  if (r.outcome === "failed") return shutDown(ctx, chain, "failed", r.failure ?? "migration failed", now);
  if (r.outcome === "completed" || (r.outcome === "rolled-back" && r.mode === "break-before-make")) {
    for (const move of r.moves) chain.slots[move.slot] = move.toVnfId;
  }
  return afterIdle(ctx, chain, now);
}

/** Releases the source reservations a break-before-make migration held for a rollback. */
export function releaseHeld(ctx: ManagerContext, m: Migration): void {
  for (const move of m.moves) {
    const old = ctx.vnfs.get(move.fromVnfId);
    if (!old?.keepReservation) continue;
    old.keepReservation = false;
    if (old.state === "stopped" || old.state === "failed") ctx.ledger.release(old.id);
  }
}

/** The chain just became idle: recover crashed vNFs, then run a deferred trigger. */
export function afterIdle(ctx: ManagerContext, chain: ChainState, now: number): Command[] {
  const crashed = chain.slots.map((id) => ctx.vnfs.get(id)).find((inst) => inst?.state === "failed" && !inst.operatorStopped);
  if (crashed) return recover(ctx, chain, crashed, now);
  const pending = chain.pending;
  if (!pending) return [];
  delete chain.pending;
  return replace(ctx, [chain], pending.reason, pending.triggerTime, pending.relocate, now);
}
