/**
 * The sim backend: the orchestrator's `Backend` contract (orchestrator/backend.ts) executed on the
 * DES. Every command becomes DES activity whose duration comes from the world models, and its
 * answering event is delivered when that activity ends:
 *
 *   start-vnf        → `VnfHost.start` (image pull, create, start; memory hard limit) → vnf-started | vnf-failed
 *   stop-vnf         → `VnfHost.stop` (stop, remove)                                 → vnf-stopped | vnf-failed
 *   transfer-state   → path delay + bytes / bottleneck bandwidth (`ControlPlane`)     → state-transferred
 *   install-steering → controller processing + FLOW_MODs + barrier to every switch   → steering-installed
 *   remove-steering  → the same for the removal                                      → steering-removed
 *   set-timer        → a DES timeout                                                  → timer
 *
 * Unsolicited events (Agents' client events and device reports, vNF notifications, operator
 * requests) enter through `deliver`, which schedules them as DES events at the current time, so
 * every event reaches the Manager in DES order and the Manager never re-enters.
 *
 * The data plane reads `installed`: the steering version in force per chain (what the switches
 * would do with a UE's packets right now). Times in seconds, sizes in bytes.
 */
import type { Backend } from "../../orchestrator/backend.ts";
import type { Command, InstallSteering } from "../../orchestrator/commands.ts";
import type { ManagerEvent } from "../../orchestrator/events.ts";
import type { Environment } from "../engine/environment.ts";
import { TraceSource } from "../../base/trace.ts";
import type { VnfType } from "../../deployment/vnfs/types.ts";
import type { VnfHost } from "../models/vnf/host.ts";
import type { ControlPlane } from "./control-plane.ts";

/** A chain's steering as the switches hold it. */
export interface InstalledSteering {
  chain: string;
  version: number;
  ue: string;
  accessNode: string;
  /** vNF ids and hosts in traversal order. */
  hops: { vnfId: string; host: string }[];
  /** When it took effect, seconds. */
  since: number;
}

export interface SimBackendOptions {
  env: Environment;
  /** Lifecycle model of every host that can run vNFs, by topology node id. */
  hosts: ReadonlyMap<string, VnfHost>;
  /** vNF types by name (with the scenario's overrides). */
  catalog: Readonly<Record<string, VnfType>>;
  control: ControlPlane;
}

export class SimBackend implements Backend {
  /** Steering in force, by chain id. */
  readonly installed = new Map<string, InstalledSteering>();
  /** Emitted when a chain's steering takes effect (install) or disappears (version 0). */
  readonly steeringChanged = new TraceSource<InstalledSteering>("steeringChanged");
  /** Every event delivered to the Manager, with its time. */
  readonly eventDelivered = new TraceSource<{ time: number; event: ManagerEvent }>("eventDelivered");
  /** The Manager's event stream (`onEvent` subscribers). */
  private readonly listeners = new TraceSource<ManagerEvent>("managerEvent");
  /** vNF id → host id of every vNF started and not yet removed. */
  private readonly vnfHost = new Map<string, string>();
  /** Last failure reason each host reported per vNF. */
  private readonly failureReasons = new Map<string, string>();
  private readonly env: Environment;

  constructor(private readonly options: SimBackendOptions) {
    this.env = options.env;
    for (const host of options.hosts.values()) host.vnfFailed.subscribe((f) => this.failureReasons.set(f.vnf, f.reason));
  }

  now(): number {
    return this.env.now;
  }

  onEvent(listener: (event: ManagerEvent) => void): () => void {
    return this.listeners.subscribe(listener);
  }

  /** Delivers `event` to the Manager as a DES event at the current time (after those already due now). */
  deliver(event: ManagerEvent): void {
    this.deliverAfter(0, event);
  }

  /** The host a vNF runs on (starting, running or stopping), if any. */
  hostOf(vnfId: string): string | undefined {
    return this.vnfHost.get(vnfId);
  }

  execute(command: Command): void {
    switch (command.type) {
      case "start-vnf":
        this.startVnf(command.vnfId, command.vnfType, command.host);
        break;
      case "stop-vnf":
        this.stopVnf(command.vnfId, command.host);
        break;
      case "transfer-state": {
        const t = this.options.control.transferSeconds(command.fromHost, command.toHost, command.bytes);
        this.deliverAfter(t, { type: "state-transferred", fromVnfId: command.fromVnfId, toVnfId: command.toVnfId, bytes: command.bytes });
        break;
      }
      case "install-steering":
        this.installSteering(command);
        break;
      case "remove-steering": {
        const current = this.installed.get(command.chain);
        const t = this.options.control.steeringSeconds(current ? entriesPerSwitch(current.accessNode, current.hops) : new Map());
        this.after(t, () => {
          const gone = this.installed.get(command.chain);
          this.installed.delete(command.chain);
          if (gone) this.steeringChanged.emit({ ...gone, version: 0, hops: [], since: this.env.now });
          this.emitNow({ type: "steering-removed", chain: command.chain, version: command.version });
        });
        break;
      }
      case "set-timer":
        this.deliverAfter(Math.max(0, command.at - this.env.now), { type: "timer", name: command.name });
        break;
    }
  }

  private startVnf(vnfId: string, typeName: string, hostId: string): void {
    const host = this.options.hosts.get(hostId);
    const type = this.options.catalog[typeName];
    if (!host || !type) {
      const reason = !host ? `no vNF host "${hostId}" in the topology` : `unknown vNF type "${typeName}"`;
      this.deliver({ type: "vnf-failed", vnfId, host: hostId, reason });
      return;
    }
    this.vnfHost.set(vnfId, hostId);
    const started = host.start(vnfId, type);
    started.addCallback((e) => {
      if (e.value === true) {
        this.emitNow({ type: "vnf-started", vnfId, host: hostId });
        return;
      }
      this.vnfHost.delete(vnfId);
      this.emitNow({ type: "vnf-failed", vnfId, host: hostId, reason: this.takeFailure(vnfId, "start failed") });
    });
  }

  private stopVnf(vnfId: string, hostId: string): void {
    const host = this.options.hosts.get(hostId);
    if (!host || !host.has(vnfId)) {
      this.deliver({ type: "vnf-failed", vnfId, host: hostId, reason: `no vNF ${vnfId} on ${hostId}` });
      return;
    }
    const stopped = host.stop(vnfId);
    stopped.addCallback((e) => {
      this.vnfHost.delete(vnfId);
      if (e.value === true) this.emitNow({ type: "vnf-stopped", vnfId, host: hostId });
      else this.emitNow({ type: "vnf-failed", vnfId, host: hostId, reason: this.takeFailure(vnfId, "stop failed") });
    });
  }

  private installSteering(command: InstallSteering): void {
    const t = this.options.control.steeringSeconds(entriesPerSwitch(command.accessNode, command.hops));
    this.after(t, () => {
      const current = this.installed.get(command.chain);
      // A newer version replaces every older one; a late older one changes nothing.
      if (!current || current.version < command.version) {
        const steering: InstalledSteering = { chain: command.chain, version: command.version, ue: command.ue, accessNode: command.accessNode, hops: command.hops.map((h) => ({ ...h })), since: this.env.now };
        this.installed.set(command.chain, steering);
        this.steeringChanged.emit(steering);
      }
      this.emitNow({ type: "steering-installed", chain: command.chain, version: command.version });
    });
  }

  /** The reason the host gave for vNF `vnfId`'s failure (forgotten once read). */
  private takeFailure(vnfId: string, fallback: string): string {
    const reason = this.failureReasons.get(vnfId) ?? fallback;
    this.failureReasons.delete(vnfId);
    return reason;
  }

  private after(delayS: number, action: () => void): void {
    this.env.timeout(delayS).addCallback(action);
  }

  private deliverAfter(delayS: number, event: ManagerEvent): void {
    this.after(delayS, () => this.emitNow(event));
  }

  private emitNow(event: ManagerEvent): void {
    if (this.eventDelivered.active) this.eventDelivered.emit({ time: this.env.now, event });
    this.listeners.emit(event);
  }
}

/**
 * Flow entries per switch for a chain entering at `accessNode` through `hops`: the access switch
 * sends the selected traffic toward the first hop; each hop's switch has an entry into and out of
 * its vNF (co-located hops share a switch).
 */
export function entriesPerSwitch(accessNode: string, hops: readonly { host: string }[]): Map<string, number> {
  const entries = new Map<string, number>([[accessNode, 1]]);
  for (const hop of hops) entries.set(hop.host, (entries.get(hop.host) ?? 0) + 2);
  return entries;
}
