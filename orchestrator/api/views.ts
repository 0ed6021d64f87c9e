/**
 * The Manager's state as the REST API shows it: plain JSON objects matching `schemas.ts`. Views
 * copy (a client can never reach into the Manager's state) and never change anything.
 */
import type { z } from "zod";
import type { LiveRun } from "../live-run.ts";
import type { Manager } from "../manager.ts";
import type { MigrationRecord } from "../migration.ts";
import type { ChainState, VnfInstance } from "../state.ts";
import type { chainSchema, deviceSchema, migrationSchema, notificationSchema, statusSchema, ueSchema, vnfSchema } from "./schemas.ts";
import type { StoredNotification } from "../notifications.ts";
import { copyJson } from "./json-text.ts";

export type ChainView = z.infer<typeof chainSchema>;
export type VnfView = z.infer<typeof vnfSchema>;
export type UeView = z.infer<typeof ueSchema>;
export type DeviceView = z.infer<typeof deviceSchema>;
export type MigrationView = z.infer<typeof migrationSchema>;
export type NotificationView = z.infer<typeof notificationSchema>;
export type StatusView = z.infer<typeof statusSchema>;

/** A deep copy through JSON (drops undefined fields, as the wire does), safe at any depth. */
const copy = copyJson;

export function chainView(chain: Readonly<ChainState>): ChainView {
  const view: ChainView = {
    id: chain.spec.id,
    spec: copy(chain.spec) as ChainView["spec"],
    status: chain.status,
    slots: [...chain.slots],
    steeringVersion: chain.steeringVersion,
    installedVersion: chain.installedVersion,
  };
  if (chain.accessNode !== undefined) view.accessNode = chain.accessNode;
  if (chain.failure !== undefined) view.failure = chain.failure;
  if (chain.lastLatencyS !== undefined) view.lastLatencyS = chain.lastLatencyS;
  if (chain.migration) view.migration = chain.migration.record.id;
  if (chain.pending) view.pending = { ...chain.pending };
  return view;
}

export function vnfView(manager: Manager, inst: Readonly<VnfInstance>): VnfView {
  const view: VnfView = {
    id: inst.id,
    type: inst.type,
    host: inst.host,
    chain: inst.chain,
    slot: inst.slot,
    ue: inst.ue,
    params: copy(inst.params),
    state: inst.state,
    inChain: manager.chain(inst.chain)?.slots[inst.slot] === inst.id,
    operatorStopped: inst.operatorStopped === true,
    muted: manager.notifications.isMuted(inst.id),
    notifications: manager.notifications.counts(inst.id),
  };
  if (inst.failure !== undefined) view.failure = inst.failure;
  return view;
}

export function migrationView(record: Readonly<MigrationRecord>): MigrationView {
  return copy(record) as MigrationView;
}

export function notificationView(n: Readonly<StoredNotification>): NotificationView {
  return copy(n) as NotificationView;
}

/** Ids of every UE known: connected at least once, or named by a chain. */
export function ueIds(manager: Manager): string[] {
  const ids = new Set(manager.ueList().map((u) => u.id));
  for (const c of manager.chains()) ids.add(c.spec.ue);
  return [...ids];
}

export function ueView(manager: Manager, id: string): UeView | undefined {
  const ue = manager.ue(id);
  const chains = manager
    .chains()
    .filter((c) => c.spec.ue === id)
    .map((c) => c.spec.id);
  if (!ue && chains.length === 0) return undefined;
  const view: UeView = { id, attached: ue?.device !== undefined, chains };
  if (ue?.device !== undefined) view.device = ue.device;
  if (ue) {
    view.rssiDbm = ue.rssiDbm;
    view.packets = ue.packets;
  }
  return view;
}

export function deviceViews(live: LiveRun): DeviceView[] {
  const manager = live.manager;
  return live.devices().map((d) => {
    const reserved = manager.reserved(d.id);
    const vnfs = manager
      .instances()
      .filter((i) => i.host === d.id && (i.state === "starting" || i.state === "running" || i.state === "stopping"))
      .map((i) => i.id);
    return { ...copy(d), reservedCpu: reserved.cpu, reservedMemoryBytes: reserved.memoryBytes, vnfs };
  });
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

export function statusView(live: LiveRun): StatusView {
  const m = live.manager;
  return {
    name: live.name,
    now: live.now(),
    placement: m.placerName(),
    chains: countBy(m.chains(), (c) => c.status),
    vnfs: countBy(m.instances(), (i) => i.state),
    migrationsInFlight: m.migrations().filter((r) => r.outcome === "in-flight").length,
    unreadNotifications: m.notifications.unreadCount(),
    operatorRefusals: m.operatorRefusals().length,
  };
}
