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
 *
 * This class is the one entry point; the work is done by the modules of `manager/` on a shared
 * `ManagerContext`: chain-lifecycle, replacement (triggers), migration-steps, operator, reports
 * (the backend's answers), instances and steering. Each returns the commands it causes, in order.
 */
import type { Placer } from "../placement/index.ts";
import type { Command } from "./commands.ts";
import { defaultManagerConfig, type ManagerConfig } from "./config.ts";
import type { ManagerEvent, OperatorVnfEvent } from "./events.ts";
import type { MigrationRecord } from "./migration.ts";
import { NotificationStore } from "./notifications.ts";
import { CapacityLedger } from "./reservations.ts";
import type { ChainState, DeviceState, UeState, VnfInstance } from "./state.ts";
import type { HostSpec, LatencyFn, VnfDemandCatalog } from "./types.ts";
import { onChainRemoved, onChainRequested } from "./manager/chain-lifecycle.ts";
import type { ManagerContext } from "./manager/context.ts";
import { applyOperator, planOperator, type OperatorRefusal, type RefusedOperatorEvent } from "./manager/operator.ts";
import { PERIODIC_REPLACEMENT_TIMER, onDeviceReport, onLatency, onTimer, onUeAttached, onUeDisconnected, type ReplacementTrigger } from "./manager/replacement.ts";
import { onStateTransferred, onSteeringInstalled, onSteeringRemoved, onVnfFailed, onVnfStarted, onVnfStopped } from "./manager/reports.ts";

export { PERIODIC_REPLACEMENT_TIMER, type LatencySample, type ReplacementTrigger } from "./manager/replacement.ts";
export type { OperatorRefusal, RefusedOperatorEvent } from "./manager/operator.ts";

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
  private readonly ctx: ManagerContext;

  constructor(options: ManagerOptions) {
    this.config = { ...defaultManagerConfig(), ...options.config };
    this.ctx = {
      config: this.config,
      ledger: new CapacityLedger(options.hosts),
      catalog: options.catalog,
      latencyS: options.latencyS,
      placer: options.placer,
      trigger: options.replacementTrigger,
      ues: new Map(),
      devices: new Map(),
      chains: new Map(),
      vnfs: new Map(),
      migrationRecords: [],
      refusedOperatorEvents: [],
      idCounters: new Map(),
      migrationSequence: 0,
    };
  }

  /** Commands to issue when the run begins (the first periodic timer). */
  start(now: number): Command[] {
    return this.config.replacementPeriod > 0 ? [{ type: "set-timer", name: PERIODIC_REPLACEMENT_TIMER, at: now + this.config.replacementPeriod }] : [];
  }

  /** Applies one event at time `now` (seconds) and returns the commands it causes, in order. */
  handle(event: ManagerEvent, now: number): Command[] {
    const ctx = this.ctx;
    switch (event.type) {
      case "chain-requested":
        return onChainRequested(ctx, event.chain, now);
      case "chain-removed":
        return onChainRemoved(ctx, event.chain, now);
      case "ue-connected":
        return onUeAttached(ctx, event.ue, event.device, event.rssiDbm, event.packets ?? 0, "ue-reconnected", now);
      case "ue-handover":
        return onUeAttached(ctx, event.ue, event.to, event.rssiDbm, event.packets, "ue-handover", now);
      case "ue-disconnected":
        return onUeDisconnected(ctx, event.ue, event.rssiDbm, event.packets, now);
      case "device-report":
        return onDeviceReport(ctx, event, now);
      case "vnf-started":
        return onVnfStarted(ctx, event.vnfId, now);
      case "vnf-stopped":
        return onVnfStopped(ctx, event.vnfId, now);
      case "vnf-failed":
        return onVnfFailed(ctx, event.vnfId, event.reason, now);
      case "state-transferred":
        return onStateTransferred(ctx, event.toVnfId, now);
      case "steering-installed":
        return onSteeringInstalled(ctx, event.chain, event.version, now);
      case "steering-removed":
        onSteeringRemoved(ctx, event.chain);
        return [];
      case "notification":
        this.notifications.raise(event, now);
        return [];
      case "vnf-stop-requested":
      case "vnf-start-requested":
      case "vnf-migration-requested": {
        const plan = planOperator(ctx, event);
        if (!("refusal" in plan)) return applyOperator(ctx, plan, now);
        ctx.refusedOperatorEvents.push({ time: now, event, refusal: plan.refusal });
        return [];
      }
      case "timer":
        return onTimer(ctx, event.name, now);
      case "latency-observation":
        return onLatency(ctx, event.chain, event.latencyS, now);
    }
  }

  // ---- queries (read-only views; do not mutate) ----

  chain(id: string): Readonly<ChainState> | undefined {
    return this.ctx.chains.get(id);
  }

  chains(): Readonly<ChainState>[] {
    return [...this.ctx.chains.values()];
  }

  instance(id: string): Readonly<VnfInstance> | undefined {
    return this.ctx.vnfs.get(id);
  }

  instances(): Readonly<VnfInstance>[] {
    return [...this.ctx.vnfs.values()];
  }

  /** Every migration so far, in decision order (in-flight ones included). */
  migrations(): readonly Readonly<MigrationRecord>[] {
    return this.ctx.migrationRecords;
  }

  ue(id: string): Readonly<UeState> | undefined {
    return this.ctx.ues.get(id);
  }

  /** Every UE that has connected so far, in first-connection order. */
  ueList(): Readonly<UeState>[] {
    return [...this.ctx.ues.values()];
  }

  /** The vNF type names of the catalog, sorted. */
  vnfTypes(): string[] {
    return Object.keys(this.ctx.catalog).sort();
  }

  /** Name of the placement algorithm in use. */
  placerName(): string {
    return this.ctx.placer.name;
  }

  /**
   * Switches the placement algorithm for every later decision (in-flight migrations are not
   * redone). Call it between events, never from inside `handle`.
   */
  usePlacer(placer: Placer): void {
    this.ctx.placer = placer;
  }

  /** Operator events refused when they were handled, in order. */
  operatorRefusals(): readonly Readonly<RefusedOperatorEvent>[] {
    return this.ctx.refusedOperatorEvents;
  }

  /** Why an operator action would be refused now, or undefined when the Manager would act on it. */
  operatorRefusal(event: OperatorVnfEvent): OperatorRefusal | undefined {
    const plan = planOperator(this.ctx, event);
    return "refusal" in plan ? plan.refusal : undefined;
  }

  device(id: string): Readonly<DeviceState> | undefined {
    return this.ctx.devices.get(id);
  }

  hosts(): HostSpec[] {
    return this.ctx.ledger.hostList();
  }

  /** CPU (reference cores) and memory (bytes) the Manager has reserved on a host. */
  reserved(host: string): { cpu: number; memoryBytes: number } {
    return this.ctx.ledger.reserved(host);
  }
}
