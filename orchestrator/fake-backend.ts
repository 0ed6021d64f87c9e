/**
 * An in-memory Backend for tests: answers every command with its event after a fixed delay
 * (seconds), on its own deterministic event list ordered by (time, sequence). No timers, no clock:
 * time advances only in `run`/`runUntil`/`step`.
 *
 * @example
 *   const backend = new FakeBackend({ delays: { start: 1 } });
 *   runLoop(manager, backend);
 *   backend.inject(0, { type: "ue-connected", ue: "ue-1", device: "edge-1", rssiDbm: -50 });
 *   backend.run();
 */
import { TraceSource } from "../base/trace.ts";
import type { Backend } from "./backend.ts";
import type { Command, StartVnf } from "./commands.ts";
import type { ManagerEvent } from "./events.ts";

/** Seconds from a command to its answering event. */
export interface FakeDelays {
  start: number;
  stop: number;
  transfer: number;
  steering: number;
  removeSteering: number;
}

export const DEFAULT_FAKE_DELAYS: FakeDelays = { start: 1, stop: 0.5, transfer: 2, steering: 0.1, removeSteering: 0.1 };

export interface FakeBackendOptions {
  delays?: Partial<FakeDelays>;
  /** A failure reason for a start-vnf that must fail, undefined to succeed. */
  startFailure?: (command: StartVnf) => string | undefined;
}

interface Pending {
  time: number;
  seq: number;
  event: ManagerEvent;
}

export class FakeBackend implements Backend {
  readonly delays: FakeDelays;
  /** Every executed command with the time it was executed, in order. */
  readonly log: { time: number; command: Command }[] = [];
  /** Every delivered event with its time, in order. */
  readonly delivered: { time: number; event: ManagerEvent }[] = [];
  /** The Manager's event stream (`onEvent` subscribers). */
  private readonly listeners = new TraceSource<ManagerEvent>("managerEvent");
  private readonly pending: Pending[] = [];
  private readonly startFailure: FakeBackendOptions["startFailure"];
  private clock = 0;
  private seq = 0;

  constructor(options: FakeBackendOptions = {}) {
    this.delays = { ...DEFAULT_FAKE_DELAYS, ...options.delays };
    this.startFailure = options.startFailure;
  }

  now(): number {
    return this.clock;
  }

  onEvent(listener: (event: ManagerEvent) => void): () => void {
    return this.listeners.subscribe(listener);
  }

  execute(command: Command): void {
    this.log.push({ time: this.clock, command });
    const d = this.delays;
    switch (command.type) {
      case "start-vnf": {
        const reason = this.startFailure?.(command);
        this.after(d.start, reason === undefined ? { type: "vnf-started", vnfId: command.vnfId, host: command.host } : { type: "vnf-failed", vnfId: command.vnfId, host: command.host, reason });
        break;
      }
      case "stop-vnf":
        this.after(d.stop, { type: "vnf-stopped", vnfId: command.vnfId, host: command.host });
        break;
      case "transfer-state":
        this.after(d.transfer, { type: "state-transferred", fromVnfId: command.fromVnfId, toVnfId: command.toVnfId, bytes: command.bytes });
        break;
      case "install-steering":
        this.after(d.steering, { type: "steering-installed", chain: command.chain, version: command.version });
        break;
      case "remove-steering":
        this.after(d.removeSteering, { type: "steering-removed", chain: command.chain, version: command.version });
        break;
      case "set-timer":
        this.inject(Math.max(command.at, this.clock), { type: "timer", name: command.name });
        break;
    }
  }

  /** Schedules an unsolicited event at absolute time `at` (seconds, >= now). */
  inject(at: number, event: ManagerEvent): void {
    if (at < this.clock) throw new Error(`cannot inject at ${at} < now ${this.clock}`);
    this.pending.push({ time: at, seq: this.seq++, event });
  }

  /** Delivers events in time order until none is left at or before `until` (default: all). */
  runUntil(until = Infinity): void {
    while (this.deliverNext(until));
    if (until !== Infinity && until > this.clock) this.clock = until;
  }

  /** Delivers the one next event (earliest time, then earliest produced); false when none is pending. */
  step(): boolean {
    return this.deliverNext(Infinity);
  }

  /** Delivers the next pending event at or before `until`, advancing the clock to it; false if there is none. */
  private deliverNext(until: number): boolean {
    let best = -1;
    for (let i = 0; i < this.pending.length; i++) {
      const p = this.pending[i] as Pending;
      const b = this.pending[best];
      if (p.time <= until && (b === undefined || p.time < b.time || (p.time === b.time && p.seq < b.seq))) best = i;
    }
    if (best < 0) return false;
    const [next] = this.pending.splice(best, 1) as [Pending];
    this.clock = next.time;
    this.delivered.push({ time: next.time, event: next.event });
    this.listeners.emit(next.event);
    return true;
  }

  /** Delivers every event (stops after `maxEvents` to guard against endless timers). */
  run(maxEvents = 100_000): void {
    const start = this.delivered.length;
    while (this.pending.length > 0) {
      if (this.delivered.length - start >= maxEvents) throw new Error(`FakeBackend: more than ${maxEvents} events`);
      const t = Math.min(...this.pending.map((p) => p.time));
      this.runUntil(t);
    }
  }

  /** Commands executed so far, rendered compactly (for exact-sequence assertions). */
  trace(): string[] {
    return this.log.map(({ time, command: c }) => `${time} ${describeCommand(c)}`);
  }

  private after(delay: number, event: ManagerEvent): void {
    this.inject(this.clock + delay, event);
  }
}

/** One line per command, e.g. "start-vnf c1.0.ids.1@edge-1". */
export function describeCommand(c: Command): string {
  switch (c.type) {
    case "start-vnf":
      return `start-vnf ${c.vnfId}@${c.host}`;
    case "stop-vnf":
      return `stop-vnf ${c.vnfId}@${c.host}`;
    case "transfer-state":
      return `transfer-state ${c.fromVnfId}@${c.fromHost}->${c.toVnfId}@${c.toHost} ${c.bytes}B`;
    case "install-steering":
      return `install-steering ${c.chain} v${c.version} via ${c.accessNode}: ${c.hops.map((h) => `${h.vnfId}@${h.host}`).join(",")}`;
    case "remove-steering":
      return `remove-steering ${c.chain} v${c.version}`;
    case "set-timer":
      return `set-timer ${c.name} at ${c.at}`;
  }
}
