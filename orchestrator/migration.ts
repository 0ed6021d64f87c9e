/**
 * The vNF migration procedure, as pure sequencing: a `Migration` receives the outcomes of the
 * steps it asked for and answers with the next steps; the Manager turns steps into commands.
 *
 * make-before-break (MBB): start every target → transfer each state → switch steering → stop every
 *   old instance. Service interruption = steering switch requested → installed.
 * break-before-make (BBM): stop every old instance → start every target → transfer each state →
 *   switch steering. Service interruption = old instances put into `stopping` (the decision) →
 *   new steering installed.
 *
 * Failures: a target that fails to start before the steering switch rolls back. MBB: the targets
 * already started are stopped; the old instances never stopped serving (interruption 0). BBM: the
 * vNF is restarted on its source host from the checkpoint and re-steered; if that fails too, the
 * migration has failed (the Manager then fails the chain).
 *
 * A move whose old instance has already died (`stateLost`) is a recovery: it starts without a
 * state transfer and behaves as BBM.
 */
import type { MigrationMode } from "./config.ts";

export type MigrationReason = "ue-handover" | "ue-reconnected" | "utilisation-change" | "overload" | "periodic" | "optimal-stopping" | "vnf-failed" | "operator" | "operator-restart";

export type MigrationOutcome = "in-flight" | "completed" | "rolled-back" | "failed" | "aborted";

export type MigrationPhase = "stopping-old" | "starting" | "transferring" | "switching" | "stopping-old-after-switch" | "done";

/** One vNF moving from one host to another. */
export interface MigrationMove {
  /** Position of the vNF in its chain. */
  slot: number;
  vnfType: string;
  fromVnfId: string;
  fromHost: string;
  toVnfId: string;
  toHost: string;
  /** State carried, bytes (0 when `stateLost`). */
  bytes: number;
  /** The old instance is gone (crashed): nothing to stop, no state to transfer. */
  stateLost: boolean;
  /** When the target reported started, seconds. */
  readyAt?: number;
  /** When its state arrived, seconds. */
  transferredAt?: number;
  /** When the old instance reported stopped, seconds. */
  oldStoppedAt?: number;
  /** Set when a BBM target failed and the vNF is being restarted on `fromHost`. */
  restartedAtSource?: boolean;
}

/** The timeline of one migration (times in seconds, simulation or wall clock of the backend). */
export interface MigrationRecord {
  id: string;
  chain: string;
  ue: string;
  reason: MigrationReason;
  mode: MigrationMode;
  /** When the triggering event arrived. */
  triggerTime: number;
  /** When the Manager decided (after the trigger when the chain was busy). */
  decisionTime: number;
  moves: MigrationMove[];
  phase: MigrationPhase;
  outcome: MigrationOutcome;
  /** Every target reported started. */
  newReadyTime?: number;
  /** Every state transfer completed. */
  stateTransferredTime?: number;
  /** The Manager asked for the new steering. */
  steeringRequestedTime?: number;
  steeringVersion?: number;
  /** The new steering is installed. */
  steeringSwitchedTime?: number;
  /** Every old instance reported stopped. */
  oldStoppedTime?: number;
  /** When the outcome was settled. */
  endTime?: number;
  /** Traffic of the chain not served, seconds (see the module comment); set when known. */
  interruptionS?: number;
  /** Why it rolled back, failed or was aborted. */
  failure?: string;
}

export type MigrationStep =
  | { kind: "start-target"; move: MigrationMove }
  | { kind: "transfer"; move: MigrationMove }
  | { kind: "switch-steering" }
  | { kind: "stop-old"; move: MigrationMove }
  | { kind: "stop-target"; move: MigrationMove }
  | { kind: "restart-at-source"; move: MigrationMove }
  | { kind: "finished"; record: MigrationRecord };

export interface MigrationInit {
  id: string;
  chain: string;
  ue: string;
  reason: MigrationReason;
  mode: MigrationMode;
  triggerTime: number;
  decisionTime: number;
  moves: MigrationMove[];
}

export class Migration {
  readonly record: MigrationRecord;
  constructor(init: MigrationInit) {
    if (init.moves.length === 0) throw new Error(`migration ${init.id}: no moves`);
    const mode = init.moves.some((m) => m.stateLost) ? "break-before-make" : init.mode;
    this.record = { ...init, mode, phase: "starting", outcome: "in-flight" };
  }

  get moves(): readonly MigrationMove[] {
    return this.record.moves;
  }

  /** True when `vnfId` is one of this migration's current targets. */
  isTarget(vnfId: string): boolean {
    return this.record.moves.some((m) => m.toVnfId === vnfId);
  }

  /** True when `vnfId` is one of the instances being replaced. */
  isOld(vnfId: string): boolean {
    return this.record.moves.some((m) => m.fromVnfId === vnfId);
  }

  /** The first steps, at the decision. */
  begin(): MigrationStep[] {
    const r = this.record;
    if (r.mode === "make-before-break") return r.moves.map((move) => ({ kind: "start-target", move }));
    r.phase = "stopping-old";
    const stops: MigrationStep[] = r.moves.filter((m) => !m.stateLost).map((move) => ({ kind: "stop-old", move }));
    for (const m of r.moves) if (m.stateLost) m.oldStoppedAt = r.decisionTime;
    return stops.length > 0 ? stops : this.afterOldStopped(r.decisionTime);
  }

  targetStarted(vnfId: string, now: number): MigrationStep[] {
    const move = this.record.moves.find((m) => m.toVnfId === vnfId);
    if (!move || this.record.outcome !== "in-flight") return [];
    move.readyAt = now;
    if (this.record.moves.every((m) => m.readyAt !== undefined)) {
      this.record.newReadyTime = now;
      this.record.phase = "transferring";
    }
    if (move.stateLost) return this.stateTransferred(vnfId, now);
    return [{ kind: "transfer", move }];
  }

  stateTransferred(toVnfId: string, now: number): MigrationStep[] {
    const move = this.record.moves.find((m) => m.toVnfId === toVnfId);
    if (!move || this.record.outcome !== "in-flight" || move.transferredAt !== undefined) return [];
    move.transferredAt = now;
    if (!this.record.moves.every((m) => m.transferredAt !== undefined)) return [];
    this.record.stateTransferredTime = now;
    this.record.phase = "switching";
    return [{ kind: "switch-steering" }];
  }

  /** The Manager issued the steering switch as `version`. */
  steeringRequested(version: number, now: number): void {
    this.record.steeringVersion = version;
    this.record.steeringRequestedTime = now;
  }

  steeringInstalled(version: number, now: number): MigrationStep[] {
    const r = this.record;
    if (r.outcome !== "in-flight" || r.phase !== "switching" || version !== r.steeringVersion) return [];
    r.steeringSwitchedTime = now;
    if (r.mode === "make-before-break") {
      r.interruptionS = now - (r.steeringRequestedTime as number);
      r.phase = "stopping-old-after-switch";
      return r.moves.map((move) => ({ kind: "stop-old", move }));
    }
    r.interruptionS = now - r.decisionTime;
    return this.finish(r.moves.some((m) => m.restartedAtSource) ? "rolled-back" : "completed", now);
  }

  oldStopped(vnfId: string, now: number): MigrationStep[] {
    const move = this.record.moves.find((m) => m.fromVnfId === vnfId && m.oldStoppedAt === undefined);
    if (!move) return [];
    move.oldStoppedAt = now;
    if (!this.record.moves.every((m) => m.oldStoppedAt !== undefined)) return [];
    this.record.oldStoppedTime = now;
    if (this.record.mode === "make-before-break") return this.record.outcome === "in-flight" ? this.finish("completed", now) : [];
    return this.afterOldStopped(now);
  }

  /**
   * A target failed. Before the steering switch this rolls back (see the module comment); after
   * it the Manager treats it as a crash of a running vNF and this returns nothing.
   */
  targetFailed(vnfId: string, reason: string, now: number): MigrationStep[] {
    const r = this.record;
    const move = r.moves.find((m) => m.toVnfId === vnfId);
    if (!move || r.outcome !== "in-flight" || r.steeringRequestedTime !== undefined) return [];
    r.failure = `${vnfId} on ${move.toHost} failed: ${reason}`;
    if (r.mode === "make-before-break") {
      r.interruptionS = 0;
      const steps: MigrationStep[] = r.moves.filter((m) => m !== move).map((m) => ({ kind: "stop-target", move: m }));
      return [...steps, ...this.finish("rolled-back", now)];
    }
    if (move.restartedAtSource || move.stateLost) return this.finish("failed", now);
    return [{ kind: "restart-at-source", move }];
  }

  /** The Manager restarted a failed BBM target on its source host as `newVnfId`. */
  retarget(move: MigrationMove, newVnfId: string): MigrationStep[] {
    move.toVnfId = newVnfId;
    move.toHost = move.fromHost;
    move.restartedAtSource = true;
    delete move.readyAt;
    delete move.transferredAt;
    return [{ kind: "start-target", move }];
  }

  /** The chain was removed mid-way: targets are stopped by the Manager. */
  abort(reason: string, now: number): MigrationStep[] {
    if (this.record.outcome !== "in-flight") return [];
    this.record.failure = reason;
    return this.finish("aborted", now);
  }

  private afterOldStopped(now: number): MigrationStep[] {
    this.record.oldStoppedTime = now;
    this.record.phase = "starting";
    return this.record.moves.map((move) => ({ kind: "start-target", move }));
  }

  private finish(outcome: MigrationOutcome, now: number): MigrationStep[] {
    this.record.outcome = outcome;
    this.record.phase = "done";
    this.record.endTime = now;
    return [{ kind: "finished", record: this.record }];
  }
}
