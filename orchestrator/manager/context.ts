/**
 * The Manager's state, shared by the modules that handle its events (`../manager.ts` owns it and
 * is the only entry point), and the placement helpers that read it. Nothing here emits commands:
 * every handler returns the commands it causes, in order, and the caller appends them to its own.
 *
 * Units: CPU in reference cores, memory and state in bytes, latency in seconds.
 */
import type { HostState, Placement, Placer, VnfRequest } from "../../placement/index.ts";
import type { ManagerConfig } from "../config.ts";
import type { MigrationRecord } from "../migration.ts";
import type { CapacityLedger } from "../reservations.ts";
import type { ChainState, DeviceState, UeState, VnfInstance } from "../state.ts";
import type { LatencyFn, VnfDemand, VnfDemandCatalog } from "../types.ts";
import type { RefusedOperatorEvent } from "./operator.ts";
import type { ReplacementTrigger } from "./replacement.ts";

export interface ManagerContext {
  readonly config: ManagerConfig;
  /** Reservations per host; never over-reserves. */
  readonly ledger: CapacityLedger;
  readonly catalog: VnfDemandCatalog;
  /** Access node → host one-way latency, seconds. */
  readonly latencyS: LatencyFn;
  /** Replaced between events only (`Manager.usePlacer`). */
  placer: Placer;
  readonly trigger: ReplacementTrigger | undefined;
  /** By UE id, in first-connection order. */
  readonly ues: Map<string, UeState>;
  readonly devices: Map<string, DeviceState>;
  /** By chain id, in request order. */
  readonly chains: Map<string, ChainState>;
  /** Every instance ever started, by id. */
  readonly vnfs: Map<string, VnfInstance>;
  /** Every migration, in decision order. */
  readonly migrationRecords: MigrationRecord[];
  readonly refusedOperatorEvents: RefusedOperatorEvent[];
  /** `chain.slot.type` → last instance number used. */
  readonly idCounters: Map<string, number>;
  /** Last migration number used (ids are `m-1`, `m-2`, …). */
  migrationSequence: number;
}

/** The catalog entry of a vNF type; throws on an unknown type (chains are checked on request). */
export function demand(ctx: ManagerContext, type: string): VnfDemand {
  const d = ctx.catalog[type];
  if (!d) throw new Error(`unknown vNF type "${type}"`);
  return d;
}

/** A placement request for one instance of `type`; `currentHost` when it already runs somewhere. */
export function request(ctx: ManagerContext, id: string, type: string, ue: string, accessNode: string, currentHost?: string): VnfRequest {
  const d = demand(ctx, type);
  const r: VnfRequest = { id, ue, accessNode, cpuDemand: d.cpu, memoryDemand: d.memoryBytes };
  if (d.maxLatencyS !== undefined) r.maxLatencyS = d.maxLatencyS;
  if (currentHost !== undefined) r.currentHost = currentHost;
  return r;
}

/**
 * Runs the placer on the Manager's view; `except` are the vNFs being re-placed (not counted as
 * used), `excludeHosts` hosts the placer must not use (an overloaded device).
 */
export function place(ctx: ManagerContext, requests: VnfRequest[], except: ReadonlySet<string>, excludeHosts?: ReadonlySet<string>): Placement {
  const hosts: HostState[] = ctx.ledger.hostList().filter((h) => !excludeHosts?.has(h.id)).map((h) => {
    const mine = ctx.ledger.reserved(h.id, except);
    const bg = ctx.ledger.backgroundOf(h.id);
    return { id: h.id, kind: h.kind, cpuCapacity: h.cpuCapacity, memoryBytes: h.memoryBytes, cpuUsed: mine.cpu + bg.cpu, memoryUsed: mine.memoryBytes + bg.memoryBytes };
  });
  return ctx.placer.place({ hosts, requests, latencyS: ctx.latencyS });
}

/** A fresh instance id `chain.slot.type.n` (n = 1, 2, … per chain, slot and type). */
export function newVnfId(ctx: ManagerContext, chain: string, slot: number, type: string): string {
  const base = `${chain}.${slot}.${type}`;
  const n = (ctx.idCounters.get(base) ?? 0) + 1;
  ctx.idCounters.set(base, n);
  return `${base}.${n}`;
}

export function chainOfVnf(ctx: ManagerContext, vnfId: string): ChainState | undefined {
  const inst = ctx.vnfs.get(vnfId);
  return inst ? ctx.chains.get(inst.chain) : undefined;
}
