/**
 * The GNF Manager (NFVO) as a pure state machine in the style of Faucet's Valve:
 * `handle(event, now) → commands`. It never reads a clock, sleeps or does I/O; `now` is seconds.
 *
 * Triggers of (re-)placement:
 * - chain-requested: place its vNFs (nearest to the UE's device through the Placer), start them,
 *   install steering once all report started;
 * - UE handover / reconnect, per `ueMobility`: follow = re-place the UE's chains (migrate vNFs
 *   whose host changes, then re-steer); stay = re-steer only; stop-on-disconnect = re-steer on
 *   handover, stop the chains when the UE disconnects and start them again when it returns;
 * - a device report whose CPU utilisation differs by >= `utilisationThreshold` from the value at
 *   that device's last trigger: re-place the chains associated with the device (a vNF on it, or
 *   the UE attached to it);
 * - the periodic timer (`replacementPeriod` > 0): re-place every chain;
 * - latency observations through an optional optimal-stopping `ReplacementTrigger`.
 *
 * Capacity: every instance reserves its type's CPU and memory from `start-vnf` until it reports
 * stopped or failed; a migration target is reserved at the decision. Admission counts
 * reservations plus each host's unexplained reported load; the ledger never over-reserves.
 * A chain busy (starting or migrating) defers triggers and runs them when idle.
 *
 * Operator actions on single vNFs (`vnf-stop-requested`, `vnf-start-requested`,
 * `vnf-migration-requested`, see `events.ts`) are checked by `operatorRefusal` — the REST API
 * asks it before submitting, and the Manager asks it again when the event is handled: a refused
 * event causes no commands and is kept in `operatorRefusals` (the state may have changed between
 * the API's check and the handling). An operator-stopped vNF keeps its chain slot, is left out of the
 * chain's steering and of re-placement until it is restarted.
 */
import type { HostState, Placement, Placer, VnfRequest } from "../placement/index.ts";
import type { ChainSpec } from "./chains.ts";
import type { Command, SteeringHop } from "./commands.ts";
import { defaultManagerConfig, type ManagerConfig, type MigrationMode } from "./config.ts";
import type { DeviceReport, ManagerEvent, OperatorVnfEvent } from "./events.ts";
import { Migration, type MigrationMove, type MigrationReason, type MigrationRecord, type MigrationStep } from "./migration.ts";
import { NotificationStore } from "./notifications.ts";
import { CapacityLedger } from "./reservations.ts";
import type { ChainState, DeviceState, PendingReplacement, UeState, VnfInstance } from "./state.ts";
import type { HostSpec, LatencyFn, VnfDemand, VnfDemandCatalog } from "./types.ts";

/** Name of the timer that drives periodic re-placement. */
export const PERIODIC_REPLACEMENT_TIMER = "gnf/periodic-replacement";

/** Tolerance of the utilisation-change comparison (0.35 − 0.20 is 0.1499999… in binary). */
const UTILISATION_EPSILON = 1e-9;

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
type OperatorPlan =
  | { kind: "stop"; chain: ChainState; inst: VnfInstance }
  | { kind: "start"; chain: ChainState; inst: VnfInstance; host: string }
  | { kind: "migrate"; chain: ChainState; inst: VnfInstance; host: string; mode: MigrationMode };

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

export interface ManagerOptions {
  hosts: readonly HostSpec[];
  /** vNF type → CPU, memory and state size. */
  catalog: VnfDemandCatalog;
  /** Access node → host one-way latency, seconds. */
  latencyS: LatencyFn;
  placer: Placer;
  config?: Partial<ManagerConfig>;
  replacementTrigger?: ReplacementTrigger;
}

export class Manager {
  readonly config: ManagerConfig;
  readonly notifications = new NotificationStore();
  private readonly ledger: CapacityLedger;
  private readonly catalog: VnfDemandCatalog;
  private readonly latencyS: LatencyFn;
  private placer: Placer;
  private readonly trigger: ReplacementTrigger | undefined;
  private readonly ues = new Map<string, UeState>();
  private readonly devices = new Map<string, DeviceState>();
  private readonly chainStates = new Map<string, ChainState>();
  private readonly vnfs = new Map<string, VnfInstance>();
  private readonly migrationRecords: MigrationRecord[] = [];
  private readonly refusedOperatorEvents: RefusedOperatorEvent[] = [];
  private readonly idCounters = new Map<string, number>();
  private migrationSequence = 0;
  private out: Command[] = [];

  constructor(options: ManagerOptions) {
    this.config = { ...defaultManagerConfig(), ...options.config };
    this.ledger = new CapacityLedger(options.hosts);
    this.catalog = options.catalog;
    this.latencyS = options.latencyS;
    this.placer = options.placer;
    this.trigger = options.replacementTrigger;
  }

  /** Commands to issue when the run begins (the first periodic timer). */
  start(now: number): Command[] {
    return this.config.replacementPeriod > 0 ? [{ type: "set-timer", name: PERIODIC_REPLACEMENT_TIMER, at: now + this.config.replacementPeriod }] : [];
  }

  /** Applies one event at time `now` (seconds) and returns the commands it causes, in order. */
  handle(event: ManagerEvent, now: number): Command[] {
    this.out = [];
    switch (event.type) {
      case "chain-requested":
        this.onChainRequested(event.chain, now);
        break;
      case "chain-removed":
        this.onChainRemoved(event.chain, now);
        break;
      case "ue-connected":
        this.onUeAttached(event.ue, event.device, event.rssiDbm, event.packets ?? 0, "ue-reconnected", now);
        break;
      case "ue-handover":
        this.onUeAttached(event.ue, event.to, event.rssiDbm, event.packets, "ue-handover", now);
        break;
      case "ue-disconnected":
        this.onUeDisconnected(event.ue, event.rssiDbm, event.packets, now);
        break;
      case "device-report":
        this.onDeviceReport(event, now);
        break;
      case "vnf-started":
        this.onVnfStarted(event.vnfId, now);
        break;
      case "vnf-stopped":
        this.onVnfStopped(event.vnfId, now);
        break;
      case "vnf-failed":
        this.onVnfFailed(event.vnfId, event.reason, now);
        break;
      case "state-transferred": {
        const chain = this.chainOfVnf(event.toVnfId);
        if (chain?.migration) this.applySteps(chain, chain.migration, chain.migration.stateTransferred(event.toVnfId, now), now);
        break;
      }
      case "steering-installed":
        this.onSteeringInstalled(event.chain, event.version, now);
        break;
      case "steering-removed":
        this.onSteeringRemoved(event.chain);
        break;
      case "notification":
        this.notifications.raise(event, now);
        break;
      case "vnf-stop-requested":
      case "vnf-start-requested":
      case "vnf-migration-requested": {
        const plan = this.planOperator(event);
        if ("refusal" in plan) this.refusedOperatorEvents.push({ time: now, event, refusal: plan.refusal });
        else this.applyOperator(plan, now);
        break;
      }
      case "timer":
        this.onTimer(event.name, now);
        break;
      case "latency-observation":
        this.onLatency(event.chain, event.latencyS, now);
        break;
    }
    return this.out;
  }

  // ---- queries (read-only views; do not mutate) ----

  chain(id: string): Readonly<ChainState> | undefined {
    return this.chainStates.get(id);
  }

  chains(): Readonly<ChainState>[] {
    return [...this.chainStates.values()];
  }

  instance(id: string): Readonly<VnfInstance> | undefined {
    return this.vnfs.get(id);
  }

  instances(): Readonly<VnfInstance>[] {
    return [...this.vnfs.values()];
  }

  /** Every migration so far, in decision order (in-flight ones included). */
  migrations(): readonly Readonly<MigrationRecord>[] {
    return this.migrationRecords;
  }

  ue(id: string): Readonly<UeState> | undefined {
    return this.ues.get(id);
  }

  /** Every UE that has connected so far, in first-connection order. */
  ueList(): Readonly<UeState>[] {
    return [...this.ues.values()];
  }

  /** The vNF type names of the catalog, sorted. */
  vnfTypes(): string[] {
    return Object.keys(this.catalog).sort();
  }

  /** Name of the placement algorithm in use. */
  placerName(): string {
    return this.placer.name;
  }

  /**
   * Switches the placement algorithm for every later decision (in-flight migrations are not
   * redone). Call it between events, never from inside `handle`.
   */
  usePlacer(placer: Placer): void {
    this.placer = placer;
  }

  /** Operator events refused when they were handled, in order. */
  operatorRefusals(): readonly Readonly<RefusedOperatorEvent>[] {
    return this.refusedOperatorEvents;
  }

  /** Why an operator action would be refused now, or undefined when the Manager would act on it. */
  operatorRefusal(event: OperatorVnfEvent): OperatorRefusal | undefined {
    const plan = this.planOperator(event);
    return "refusal" in plan ? plan.refusal : undefined;
  }

  device(id: string): Readonly<DeviceState> | undefined {
    return this.devices.get(id);
  }

  hosts(): HostSpec[] {
    return this.ledger.hostList();
  }

  /** CPU (reference cores) and memory (bytes) the Manager has reserved on a host. */
  reserved(host: string): { cpu: number; memoryBytes: number } {
    return this.ledger.reserved(host);
  }

  // ---- chains ----

  private onChainRequested(spec: ChainSpec, now: number): void {
    const existing = this.chainStates.get(spec.id);
    if (existing && existing.status !== "removed") return;
    const chain: ChainState = { spec, status: "waiting", slots: [], steeringVersion: existing?.steeringVersion ?? 0, installedVersion: 0, hasSteering: false, steeringRemovalPending: false };
    this.chainStates.set(spec.id, chain);
    const unknown = spec.vnfs.find((v) => this.catalog[v.type] === undefined);
    if (unknown) {
      chain.status = "failed";
      chain.failure = `unknown vNF type "${unknown.type}"`;
      return;
    }
    this.startChain(chain, now);
  }

  private onChainRemoved(id: string, now: number): void {
    const chain = this.chainStates.get(id);
    if (!chain || chain.status === "removing" || chain.status === "removed") return;
    this.shutDown(chain, "removing", "chain removed", now);
  }

  /** Places and starts a waiting chain if its UE is attached and every vNF finds room. */
  private startChain(chain: ChainState, _now: number): void {
    const ue = this.ues.get(chain.spec.ue);
    if (ue?.device === undefined) {
      chain.status = "waiting";
      chain.failure = `UE ${chain.spec.ue} is not attached`;
      return;
    }
    const accessNode = ue.device;
    const ids = chain.spec.vnfs.map((v, slot) => this.newVnfId(chain.spec.id, slot, v.type));
    const requests = chain.spec.vnfs.map((v, slot) => this.request(ids[slot] as string, v.type, chain.spec.ue, accessNode));
    const placement = this.place(requests, new Set());
    const hosts: string[] = [];
    for (const r of requests) {
      const host = placement.assignment.get(r.id);
      if (host === undefined || !this.ledger.fits(host, r.cpuDemand, r.memoryDemand)) {
        for (const done of requests) this.ledger.release(done.id);
        chain.status = "waiting";
        chain.failure = placement.infeasible.find((i) => i.vnf === r.id)?.reason ?? `no room for ${r.id}`;
        return;
      }
      this.ledger.reserve(r.id, host, r.cpuDemand, r.memoryDemand);
      hosts.push(host);
    }
    chain.status = "starting";
    delete chain.failure;
    chain.slots = ids;
    chain.accessNode = accessNode;
    ids.forEach((id, slot) => this.startInstance(chain, id, slot, hosts[slot] as string));
  }

  /** Stops every live instance and the steering of a chain (removal, stop-on-disconnect, failure). */
  private shutDown(chain: ChainState, status: "removing" | "stopped" | "failed", reason: string, now: number): void {
    if (chain.migration) {
      const m = chain.migration;
      delete chain.migration;
      m.abort(reason, now);
      this.releaseHeld(m);
    }
    delete chain.pending;
    chain.status = status;
    if (status === "failed") chain.failure = reason;
    for (const inst of this.vnfs.values()) if (inst.chain === chain.spec.id) this.stopInstance(inst);
    if (chain.hasSteering) {
      this.out.push({ type: "remove-steering", chain: chain.spec.id, version: chain.steeringVersion });
      chain.hasSteering = false;
      chain.steeringRemovalPending = true;
      chain.installedVersion = 0;
    }
    chain.slots = [];
    this.maybeRemoved(chain);
  }

  private maybeRemoved(chain: ChainState): void {
    if (chain.status !== "removing" || chain.steeringRemovalPending) return;
    for (const inst of this.vnfs.values()) if (inst.chain === chain.spec.id && (inst.state === "starting" || inst.state === "running" || inst.state === "stopping")) return;
    chain.status = "removed";
  }

  // ---- UEs and devices ----

  private onUeAttached(ueId: string, device: string, rssiDbm: number, packets: number, reason: "ue-handover" | "ue-reconnected", now: number): void {
    this.ues.set(ueId, { id: ueId, device, rssiDbm, packets });
    const relocate = this.config.ueMobility === "follow";
    const mine = [...this.chainStates.values()].filter((c) => c.spec.ue === ueId);
    const placed = mine.filter((c) => c.status === "active" || c.status === "starting");
    for (const chain of mine) if (chain.status === "waiting" || chain.status === "stopped") this.startChain(chain, now);
    this.replace(placed, reason, now, relocate, now);
  }

  private onUeDisconnected(ueId: string, rssiDbm: number, packets: number, now: number): void {
    this.ues.set(ueId, { id: ueId, rssiDbm, packets });
    if (this.config.ueMobility !== "stop-on-disconnect") return;
    for (const chain of this.chainStates.values()) {
      if (chain.spec.ue === ueId && (chain.status === "active" || chain.status === "starting")) this.shutDown(chain, "stopped", `UE ${ueId} disconnected`, now);
    }
  }

  private onDeviceReport(report: DeviceReport, now: number): void {
    this.ledger.observeLoad(report.device, report.cpuUtilisation, report.memoryUsedBytes);
    const previous = this.devices.get(report.device);
    const baseline = previous?.utilisationAtLastDecision ?? report.cpuUtilisation;
    const changed = previous !== undefined && Math.abs(report.cpuUtilisation - baseline) >= this.config.utilisationThreshold - UTILISATION_EPSILON;
    this.devices.set(report.device, { report, reportedAt: now, utilisationAtLastDecision: changed ? report.cpuUtilisation : baseline });
    if (!changed) return;
    const associated = [...this.chainStates.values()].filter(
      (c) => this.ues.get(c.spec.ue)?.device === report.device || c.slots.some((id) => this.vnfs.get(id)?.host === report.device),
    );
    this.replaceOrStart(associated, "utilisation-change", now);
  }

  private onTimer(name: string, now: number): void {
    if (name !== PERIODIC_REPLACEMENT_TIMER || this.config.replacementPeriod <= 0) return;
    this.replaceOrStart([...this.chainStates.values()], "periodic", now);
    this.out.push({ type: "set-timer", name: PERIODIC_REPLACEMENT_TIMER, at: now + this.config.replacementPeriod });
  }

  private onLatency(chainId: string, latencyS: number, now: number): void {
    const chain = this.chainStates.get(chainId);
    if (!chain) return;
    chain.lastLatencyS = latencyS;
    if (!this.trigger || chain.status !== "active") return;
    const bounds = chain.spec.vnfs.map((v) => this.catalog[v.type]?.maxLatencyS).filter((b): b is number => b !== undefined);
    const sample: LatencySample = { chain: chainId, ue: chain.spec.ue, latencyS };
    if (bounds.length > 0) sample.boundS = Math.min(...bounds);
    if (this.trigger.observe(sample, now)) this.replace([chain], "optimal-stopping", now, true, now);
  }

  // ---- re-placement ----

  /** Re-places the placed chains among `chains` and retries placing the waiting ones. */
  private replaceOrStart(chains: readonly ChainState[], reason: MigrationReason, now: number): void {
    const placed = chains.filter((c) => c.status === "active" || c.status === "starting");
    for (const chain of chains) if (chain.status === "waiting") this.startChain(chain, now);
    this.replace(placed, reason, now, true, now);
  }

  /**
   * Re-runs placement for `chains` (relocate) or only re-steers them to their UE's device. Busy
   * chains keep the trigger as pending; chains not active are skipped.
   */
  private replace(chains: readonly ChainState[], reason: MigrationReason, triggerTime: number, relocate: boolean, now: number): void {
    const ready: ChainState[] = [];
    for (const chain of chains) {
      if (chain.status === "starting" || (chain.status === "active" && chain.migration)) {
        chain.pending = mergePending(chain.pending, { reason, triggerTime, relocate });
        continue;
      }
      if (chain.status !== "active" || this.ues.get(chain.spec.ue)?.device === undefined) continue;
      ready.push(chain);
    }
    if (ready.length === 0) return;
    let placement: Placement | undefined;
    if (relocate) {
      const requests: VnfRequest[] = [];
      for (const chain of ready) {
        const accessNode = this.ues.get(chain.spec.ue)?.device as string;
        for (const id of chain.slots) {
          const inst = this.vnfs.get(id) as VnfInstance;
          if (!inst.operatorStopped) requests.push(this.request(id, inst.type, chain.spec.ue, accessNode, inst.host));
        }
      }
      placement = this.place(requests, new Set(requests.map((r) => r.id)));
    }
    for (const chain of ready) {
      const moves: MigrationMove[] = [];
      if (placement) {
        for (const id of chain.slots) {
          const inst = this.vnfs.get(id) as VnfInstance;
          const target = placement.assignment.get(id);
          const demand = this.demand(inst.type);
          if (inst.operatorStopped || target === undefined || target === inst.host || !this.ledger.fits(target, demand.cpu, demand.memoryBytes)) continue;
          const toVnfId = this.newVnfId(chain.spec.id, inst.slot, inst.type);
          this.ledger.reserve(toVnfId, target, demand.cpu, demand.memoryBytes);
          moves.push({ slot: inst.slot, vnfType: inst.type, fromVnfId: id, fromHost: inst.host, toVnfId, toHost: target, bytes: demand.stateBytes, stateLost: false });
        }
        this.trigger?.replaced(chain.spec.id, now);
      }
      const device = this.ues.get(chain.spec.ue)?.device;
      if (moves.length > 0) {
        // Make-before-break keeps serving from the old instances: steer the UE's new access node
        // to them at once (a detour) so its traffic is not left unsteered while the targets start.
        if (this.config.migration === "make-before-break" && chain.accessNode !== device) this.installSteering(chain, this.currentHops(chain));
        this.beginMigration(chain, moves, reason, triggerTime, now);
      } else if (chain.accessNode !== this.ues.get(chain.spec.ue)?.device) this.installSteering(chain, this.currentHops(chain));
    }
  }

  private beginMigration(chain: ChainState, moves: MigrationMove[], reason: MigrationReason, triggerTime: number, now: number, mode: MigrationMode = this.config.migration): void {
    const m = new Migration({ id: `m-${++this.migrationSequence}`, chain: chain.spec.id, ue: chain.spec.ue, reason, mode, triggerTime, decisionTime: now, moves });
    chain.migration = m;
    this.migrationRecords.push(m.record);
    this.applySteps(chain, m, m.begin(), now);
  }

  /** A running vNF died: restart it (no state) where the placer says, or fail the chain. */
  private recover(chain: ChainState, failed: VnfInstance, now: number): void {
    const ue = this.ues.get(chain.spec.ue);
    const accessNode = ue?.device ?? chain.accessNode ?? failed.host;
    const toVnfId = this.newVnfId(chain.spec.id, failed.slot, failed.type);
    const request = this.request(toVnfId, failed.type, chain.spec.ue, accessNode);
    const target = this.place([request], new Set()).assignment.get(toVnfId);
    if (target === undefined || !this.ledger.fits(target, request.cpuDemand, request.memoryDemand)) {
      this.shutDown(chain, "failed", `${failed.id} failed (${failed.failure ?? "unknown"}) and no host can take its replacement`, now);
      return;
    }
    this.ledger.reserve(toVnfId, target, request.cpuDemand, request.memoryDemand);
    const move: MigrationMove = { slot: failed.slot, vnfType: failed.type, fromVnfId: failed.id, fromHost: failed.host, toVnfId, toHost: target, bytes: 0, stateLost: true };
    this.beginMigration(chain, [move], "vnf-failed", now, now);
  }

  private applySteps(chain: ChainState, m: Migration, steps: readonly MigrationStep[], now: number): void {
    for (const step of steps) {
      switch (step.kind) {
        case "start-target":
          this.startInstance(chain, step.move.toVnfId, step.move.slot, step.move.toHost);
          break;
        case "transfer":
          this.out.push({ type: "transfer-state", fromVnfId: step.move.fromVnfId, toVnfId: step.move.toVnfId, fromHost: step.move.fromHost, toHost: step.move.toHost, bytes: step.move.bytes });
          break;
        case "switch-steering": {
          const hops = this.slotHops(chain);
          for (const move of m.moves) hops[move.slot] = { vnfId: move.toVnfId, host: move.toHost };
          m.steeringRequested(this.installSteering(chain, hops.filter((h): h is SteeringHop => h !== undefined)), now);
          break;
        }
        case "stop-old": {
          const old = this.vnfs.get(step.move.fromVnfId);
          if (old) {
            old.keepReservation = m.record.mode === "break-before-make";
            this.stopInstance(old);
          }
          break;
        }
        case "stop-target": {
          const target = this.vnfs.get(step.move.toVnfId);
          if (target) this.stopInstance(target);
          else this.ledger.release(step.move.toVnfId);
          break;
        }
        case "restart-at-source": {
          const demand = this.demand(step.move.vnfType);
          const id = this.newVnfId(chain.spec.id, step.move.slot, step.move.vnfType);
          this.ledger.release(step.move.fromVnfId);
          this.ledger.reserve(id, step.move.fromHost, demand.cpu, demand.memoryBytes);
          this.applySteps(chain, m, m.retarget(step.move, id), now);
          break;
        }
        case "finished":
          this.finishMigration(chain, m, now);
          break;
      }
    }
  }

  private finishMigration(chain: ChainState, m: Migration, now: number): void {
    if (chain.migration !== m) return;
    delete chain.migration;
    const r = m.record;
    this.releaseHeld(m);
    if (r.outcome === "failed" && r.reason === "operator-restart") {
      // The restarted instance did not come up: the slot stays stopped, the chain keeps serving.
      this.afterIdle(chain, now);
      return;
    }
    if (r.outcome === "failed") {
      this.shutDown(chain, "failed", r.failure ?? "migration failed", now);
      return;
    }
    if (r.outcome === "completed" || (r.outcome === "rolled-back" && r.mode === "break-before-make")) {
      for (const move of r.moves) chain.slots[move.slot] = move.toVnfId;
    }
    this.afterIdle(chain, now);
  }

  /** Releases the source reservations a break-before-make migration held for a rollback. */
  private releaseHeld(m: Migration): void {
    for (const move of m.moves) {
      const old = this.vnfs.get(move.fromVnfId);
      if (!old?.keepReservation) continue;
      old.keepReservation = false;
      if (old.state === "stopped" || old.state === "failed") this.ledger.release(old.id);
    }
  }

  /** The chain just became idle: recover crashed vNFs, then run a deferred trigger. */
  private afterIdle(chain: ChainState, now: number): void {
    const crashed = chain.slots.map((id) => this.vnfs.get(id)).find((inst) => inst?.state === "failed" && !inst.operatorStopped);
    if (crashed) {
      this.recover(chain, crashed, now);
      return;
    }
    const pending = chain.pending;
    if (!pending) return;
    delete chain.pending;
    this.replace([chain], pending.reason, pending.triggerTime, pending.relocate, now);
  }

  // ---- instances ----

  private onVnfStarted(vnfId: string, now: number): void {
    const inst = this.vnfs.get(vnfId);
    if (!inst || inst.state !== "starting") return;
    if (inst.stopWhenStarted) {
      inst.state = "running";
      this.stopInstance(inst);
      return;
    }
    inst.state = "running";
    const chain = this.chainStates.get(inst.chain) as ChainState;
    if (chain.migration?.isTarget(vnfId)) {
      this.applySteps(chain, chain.migration, chain.migration.targetStarted(vnfId, now), now);
      return;
    }
    if (chain.status === "starting" && chain.slots.every((id) => this.vnfs.get(id)?.state === "running")) {
      chain.status = "active";
      this.installSteering(chain, this.currentHops(chain));
      this.afterIdle(chain, now);
    }
  }

  private onVnfStopped(vnfId: string, now: number): void {
    const inst = this.vnfs.get(vnfId);
    if (!inst || inst.state === "stopped" || inst.state === "failed") return;
    inst.state = "stopped";
    if (!inst.keepReservation) this.ledger.release(vnfId);
    const chain = this.chainStates.get(inst.chain) as ChainState;
    if (chain.migration?.isOld(vnfId)) this.applySteps(chain, chain.migration, chain.migration.oldStopped(vnfId, now), now);
    this.maybeRemoved(chain);
  }

  private onVnfFailed(vnfId: string, reason: string, now: number): void {
    const inst = this.vnfs.get(vnfId);
    if (!inst || inst.state === "stopped" || inst.state === "failed") return;
    const wasDoomed = inst.stopWhenStarted || inst.state === "stopping";
    inst.state = "failed";
    inst.failure = reason;
    if (!inst.keepReservation) this.ledger.release(vnfId);
    const chain = this.chainStates.get(inst.chain) as ChainState;
    if (wasDoomed) {
      if (chain.migration?.isOld(vnfId)) this.applySteps(chain, chain.migration, chain.migration.oldStopped(vnfId, now), now);
      this.maybeRemoved(chain);
      return;
    }
    if (chain.migration?.isTarget(vnfId)) {
      const steps = chain.migration.targetFailed(vnfId, reason, now);
      if (steps.length > 0) this.applySteps(chain, chain.migration, steps, now);
      return;
    }
    if (chain.status === "starting") {
      this.shutDown(chain, "failed", `${vnfId} failed to start on ${inst.host}: ${reason}`, now);
      return;
    }
    if (chain.status === "active" && !chain.migration && chain.slots.includes(vnfId)) this.recover(chain, inst, now);
  }

  private startInstance(chain: ChainState, id: string, slot: number, host: string): void {
    const v = chain.spec.vnfs[slot];
    if (!v) throw new Error(`chain ${chain.spec.id} has no slot ${slot}`);
    this.vnfs.set(id, { id, type: v.type, host, chain: chain.spec.id, slot, ue: chain.spec.ue, params: v.params, state: "starting", stopWhenStarted: false, keepReservation: false });
    this.out.push({ type: "start-vnf", vnfId: id, vnfType: v.type, host, params: v.params, ue: chain.spec.ue, chain: chain.spec.id });
  }

  private stopInstance(inst: VnfInstance): void {
    if (inst.state === "starting") inst.stopWhenStarted = true;
    else if (inst.state === "running") {
      inst.state = "stopping";
      this.out.push({ type: "stop-vnf", vnfId: inst.id, host: inst.host });
    }
  }

  // ---- steering ----

  /** The hop of each slot, undefined for an operator-stopped slot (bypassed). */
  private slotHops(chain: ChainState): (SteeringHop | undefined)[] {
    return chain.slots.map((id) => {
      const inst = this.vnfs.get(id) as VnfInstance;
      return inst.operatorStopped ? undefined : { vnfId: id, host: inst.host };
    });
  }

  private currentHops(chain: ChainState): SteeringHop[] {
    return this.slotHops(chain).filter((h): h is SteeringHop => h !== undefined);
  }

  /** Requests the next steering version of a chain; returns the version. */
  private installSteering(chain: ChainState, hops: SteeringHop[]): number {
    const accessNode = this.ues.get(chain.spec.ue)?.device ?? chain.accessNode ?? "";
    const version = ++chain.steeringVersion;
    chain.accessNode = accessNode;
    chain.hasSteering = true;
    this.out.push({ type: "install-steering", chain: chain.spec.id, version, ue: chain.spec.ue, accessNode, hops, selector: chain.spec.match, priority: chain.spec.priority });
    return version;
  }

  private onSteeringInstalled(chainId: string, version: number, now: number): void {
    const chain = this.chainStates.get(chainId);
    if (!chain || chain.steeringRemovalPending || version > chain.steeringVersion) return;
    if (version > chain.installedVersion) chain.installedVersion = version;
    if (chain.migration) this.applySteps(chain, chain.migration, chain.migration.steeringInstalled(version, now), now);
  }

  private onSteeringRemoved(chainId: string): void {
    const chain = this.chainStates.get(chainId);
    if (!chain) return;
    chain.steeringRemovalPending = false;
    this.maybeRemoved(chain);
  }

  // ---- operator actions ----

  /** Checks an operator action against the current state; the plan says what to do. */
  private planOperator(event: OperatorVnfEvent): OperatorPlan | { refusal: OperatorRefusal } {
    const refuse = (kind: OperatorRefusal["kind"], message: string) => ({ refusal: { kind, message } });
    const inst = this.vnfs.get(event.vnfId);
    if (!inst) return refuse("not-found", `no vNF ${event.vnfId}`);
    const chain = this.chainStates.get(inst.chain) as ChainState;
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
    const host = this.ledger.host(hostId);
    if (!host) return refuse("unprocessable", `unknown host "${hostId}"; expected one of ${this.ledger.hostList().map((h) => h.id).join(", ")}`);
    if (event.type === "vnf-migration-requested" && host.id === inst.host) return refuse("unprocessable", `vNF ${inst.id} already runs on ${host.id}`);
    const d = this.demand(inst.type);
    if (!this.ledger.fits(host.id, d.cpu, d.memoryBytes)) {
      const used = this.ledger.reserved(host.id);
      const bg = this.ledger.backgroundOf(host.id);
      return refuse(
        "unprocessable",
        `host ${host.id} lacks capacity for ${inst.type} (needs ${d.cpu} cores and ${d.memoryBytes} bytes; free ${round(host.cpuCapacity - used.cpu - bg.cpu)} cores and ${Math.max(0, host.memoryBytes - used.memoryBytes - bg.memoryBytes)} bytes)`,
      );
    }
    if (event.type === "vnf-start-requested") return { kind: "start", chain, inst, host: host.id };
    return { kind: "migrate", chain, inst, host: host.id, mode: event.mode ?? this.config.migration };
  }

  private applyOperator(plan: OperatorPlan, now: number): void {
    const { chain, inst } = plan;
    switch (plan.kind) {
      case "stop":
        inst.operatorStopped = true;
        this.installSteering(chain, this.currentHops(chain));
        this.stopInstance(inst);
        break;
      case "start": {
        const d = this.demand(inst.type);
        const toVnfId = this.newVnfId(chain.spec.id, inst.slot, inst.type);
        this.ledger.reserve(toVnfId, plan.host, d.cpu, d.memoryBytes);
        const move: MigrationMove = { slot: inst.slot, vnfType: inst.type, fromVnfId: inst.id, fromHost: inst.host, toVnfId, toHost: plan.host, bytes: 0, stateLost: true };
        this.beginMigration(chain, [move], "operator-restart", now, now);
        break;
      }
      case "migrate": {
        const d = this.demand(inst.type);
        const toVnfId = this.newVnfId(chain.spec.id, inst.slot, inst.type);
        this.ledger.reserve(toVnfId, plan.host, d.cpu, d.memoryBytes);
        const move: MigrationMove = { slot: inst.slot, vnfType: inst.type, fromVnfId: inst.id, fromHost: inst.host, toVnfId, toHost: plan.host, bytes: d.stateBytes, stateLost: false };
        this.beginMigration(chain, [move], "operator", now, now, plan.mode);
        break;
      }
    }
  }

  // ---- placement helpers ----

  private demand(type: string): VnfDemand {
    const d = this.catalog[type];
    if (!d) throw new Error(`unknown vNF type "${type}"`);
    return d;
  }

  private request(id: string, type: string, ue: string, accessNode: string, currentHost?: string): VnfRequest {
    const d = this.demand(type);
    const r: VnfRequest = { id, ue, accessNode, cpuDemand: d.cpu, memoryDemand: d.memoryBytes };
    if (d.maxLatencyS !== undefined) r.maxLatencyS = d.maxLatencyS;
    if (currentHost !== undefined) r.currentHost = currentHost;
    return r;
  }

  /** Runs the placer on the Manager's view; `except` are the vNFs being re-placed (not counted as used). */
  private place(requests: VnfRequest[], except: ReadonlySet<string>): Placement {
    const hosts: HostState[] = this.ledger.hostList().map((h) => {
      const mine = this.ledger.reserved(h.id, except);
      const bg = this.ledger.backgroundOf(h.id);
      return { id: h.id, kind: h.kind, cpuCapacity: h.cpuCapacity, memoryBytes: h.memoryBytes, cpuUsed: mine.cpu + bg.cpu, memoryUsed: mine.memoryBytes + bg.memoryBytes };
    });
    return this.placer.place({ hosts, requests, latencyS: this.latencyS });
  }

  private newVnfId(chain: string, slot: number, type: string): string {
    const base = `${chain}.${slot}.${type}`;
    const n = (this.idCounters.get(base) ?? 0) + 1;
    this.idCounters.set(base, n);
    return `${base}.${n}`;
  }

  private chainOfVnf(vnfId: string): ChainState | undefined {
    const inst = this.vnfs.get(vnfId);
    return inst ? this.chainStates.get(inst.chain) : undefined;
  }
}

/** Rounds to 1e-9 for messages (0.3 − 0.1 prints as 0.2). */
function round(x: number): number {
  return Math.round(Math.max(0, x) * 1e9) / 1e9;
}

function mergePending(a: PendingReplacement | undefined, b: PendingReplacement): PendingReplacement {
  if (!a) return b;
  return { reason: a.reason, triggerTime: Math.min(a.triggerTime, b.triggerTime), relocate: a.relocate || b.relocate };
}
