/**
 * The Manager's store of vNF notifications (paper §IV: notifications are linked to the UE whose
 * traffic caused them; the operator acknowledges, deletes, and mutes them per vNF). Pure data
 * operations, no clock: the time of a notification is the `now` it was raised at.
 *
 * Invariants: ids are "n-1", "n-2", … in raise order and never reused; a notification raised
 * while its vNF is muted is stored with `muted: true`, counted, but never listed as unread.
 */
import type { NotificationKind } from "./events.ts";

export interface StoredNotification {
  id: string;
  vnf: string;
  ue: string;
  kind: NotificationKind;
  message: string;
  data: Record<string, unknown>;
  /** When it was raised, seconds. */
  time: number;
  acknowledged: boolean;
  /** Raised while its vNF was muted. */
  muted: boolean;
}

export interface NotificationFilter {
  vnf?: string;
  ue?: string;
  kind?: NotificationKind;
  /** Only unacknowledged ones raised while their vNF was not muted. */
  unreadOnly?: boolean;
}

export interface RaiseInput {
  vnf: string;
  ue: string;
  kind: NotificationKind;
  message: string;
  data?: Record<string, unknown>;
}

export class NotificationStore {
  private readonly items = new Map<string, StoredNotification>();
  private readonly mutedVnfs = new Set<string>();
  private readonly raisedPerVnf = new Map<string, number>();
  private readonly mutedPerVnf = new Map<string, number>();
  private sequence = 0;

  /** Stores a notification raised at `now` (seconds) and returns it. */
  raise(input: RaiseInput, now: number): StoredNotification {
    const muted = this.mutedVnfs.has(input.vnf);
    const n: StoredNotification = { id: `n-${++this.sequence}`, vnf: input.vnf, ue: input.ue, kind: input.kind, message: input.message, data: input.data ?? {}, time: now, acknowledged: false, muted };
    this.items.set(n.id, n);
    this.raisedPerVnf.set(input.vnf, (this.raisedPerVnf.get(input.vnf) ?? 0) + 1);
    if (muted) this.mutedPerVnf.set(input.vnf, (this.mutedPerVnf.get(input.vnf) ?? 0) + 1);
    return n;
  }

  /** Stored notifications in raise order that pass `filter`. */
  list(filter: NotificationFilter = {}): StoredNotification[] {
    return [...this.items.values()].filter(
      (n) =>
        (filter.vnf === undefined || n.vnf === filter.vnf) &&
        (filter.ue === undefined || n.ue === filter.ue) &&
        (filter.kind === undefined || n.kind === filter.kind) &&
        (!filter.unreadOnly || (!n.acknowledged && !n.muted)),
    );
  }

  get(id: string): StoredNotification | undefined {
    return this.items.get(id);
  }

  /** Marks a notification read; false when no such id. */
  acknowledge(id: string): boolean {
    const n = this.items.get(id);
    if (!n) return false;
    n.acknowledged = true;
    return true;
  }

  /** Deletes a notification; false when no such id. Counters are not decreased. */
  delete(id: string): boolean {
    return this.items.delete(id);
  }

  /** New notifications of `vnf` are stored muted (counted, not unread). Idempotent. */
  mute(vnf: string): void {
    this.mutedVnfs.add(vnf);
  }

  unmute(vnf: string): void {
    this.mutedVnfs.delete(vnf);
  }

  isMuted(vnf: string): boolean {
    return this.mutedVnfs.has(vnf);
  }

  /** How many notifications `vnf` raised in total, and how many of those while muted. */
  counts(vnf: string): { raised: number; muted: number } {
    return { raised: this.raisedPerVnf.get(vnf) ?? 0, muted: this.mutedPerVnf.get(vnf) ?? 0 };
  }

  /** Unread notifications (unacknowledged, not muted). */
  unreadCount(): number {
    return this.list({ unreadOnly: true }).length;
  }
}
