/**
 * Events of the discrete-event engine (SimPy's `events.py`, in TypeScript).
 *
 * An event is PENDING until it is triggered (`succeed`/`fail`, or created as a `Timeout`), which
 * schedules it in the environment's heap; it is PROCESSED when the environment pops it and runs
 * its callbacks in registration order. A failed event that no process waits on and nobody
 * `defused` aborts `Environment.run()` with its cause.
 *
 * Time is in seconds (float). Priorities: URGENT (0) runs before NORMAL (1) at the same time; among
 * equal (time, priority), insertion order (FIFO). So runs are deterministic.
 */
import type { Environment } from "./environment.ts";

export const URGENT = 0;
export const NORMAL = 1;

export const PENDING = 0;
export const TRIGGERED = 1;
export const PROCESSED = 2;

/** Something resumed when an event is processed: a callback or a process waiting on it. */
export type Callback<T = unknown> = (event: Event<T>) => void;

/** A process-like waiter (avoids allocating a closure per wait). */
export interface Waiter {
  resume(event: Event<unknown>): void;
}

/** Stored form of a callback: typed loosely so that `Event<T>` stays covariant in T. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type StoredCallback = ((event: any) => void) | Waiter;

export class Event<T = unknown> {
  /** @internal PENDING, TRIGGERED or PROCESSED. */
  state = PENDING;
  /** Whether the event succeeded (meaningful once triggered; see also `isOk`). */
  ok = true;
  /** @internal the success value or the failure cause. */
  payload: unknown = undefined;
  /** True once a failure has been handled (thrown into a process, or marked by the user). */
  defused = false;
  /** @internal first waiter or callback, kept out of the array for the common single-waiter case. */
  first: StoredCallback | null = null;
  /** @internal further waiters/callbacks in registration order. */
  rest: StoredCallback[] | null = null;

  constructor(readonly env: Environment) {}

  /** True once succeed/fail was called (the event is scheduled or processed). */
  get triggered(): boolean {
    return this.state !== PENDING;
  }

  /** True once the environment has run its callbacks. */
  get processed(): boolean {
    return this.state === PROCESSED;
  }

  /** Whether the event succeeded. Only meaningful once triggered. */
  get isOk(): boolean {
    return this.ok;
  }

  /** The success value (throws the cause if the event failed, or if not yet triggered). */
  get value(): T {
    if (this.state === PENDING) throw new Error("the value of an event is not available before it is triggered");
    if (!this.ok) throw this.payload;
    return this.payload as T;
  }

  /** The failure cause, or undefined if the event succeeded or is pending. */
  get error(): unknown {
    return this.ok ? undefined : this.payload;
  }

  /** Triggers the event as a success with `value`, scheduled now with `priority`. */
  succeed(value?: T, priority = NORMAL): this {
    if (this.state !== PENDING) throw new Error("event has already been triggered");
    this.ok = true;
    this.payload = value;
    this.env.schedule(this as Event<unknown>, priority, 0);
    return this;
  }

  /** Triggers the event as a failure with `cause`, scheduled now. */
  fail(cause: unknown, priority = NORMAL): this {
    if (this.state !== PENDING) throw new Error("event has already been triggered");
    this.ok = false;
    this.payload = cause;
    this.env.schedule(this as Event<unknown>, priority, 0);
    return this;
  }

  /** Triggers this event with the outcome of `other` (which must be triggered). */
  trigger(other: Event<T>): this {
    return other.ok ? this.succeed(other.payload as T) : this.fail(other.payload);
  }

  /** Adds a callback run when the event is processed. Throws if it already was. */
  addCallback(callback: Callback<T> | Waiter): void {
    if (this.state === PROCESSED) throw new Error("cannot add a callback to an event that was already processed");
    if (this.first === null) this.first = callback;
    else (this.rest ??= []).push(callback);
  }

  /** The callbacks and waiting processes in registration order (a copy); empty once processed. */
  get callbacks(): readonly StoredCallback[] {
    if (this.first === null) return [];
    return this.rest === null ? [this.first] : [this.first, ...this.rest];
  }

  /** Removes a callback (e.g. an interrupted process stops waiting). */
  removeCallback(callback: Callback<T> | Waiter): void {
    if (this.first === callback) {
      this.first = this.rest && this.rest.length > 0 ? (this.rest.shift() as StoredCallback) : null;
      return;
    }
    if (this.rest) {
      const i = this.rest.indexOf(callback);
      if (i >= 0) this.rest.splice(i, 1);
    }
  }

  /** @internal Runs the callbacks (called by the environment when it pops the event). */
  runCallbacks(): void {
    this.state = PROCESSED;
    const first = this.first;
    if (first === null) return;
    this.first = null;
    if (typeof first === "function") first(this);
    else first.resume(this as Event<unknown>);
    const rest = this.rest;
    if (rest !== null) {
      this.rest = null;
      for (const cb of rest) {
        if (typeof cb === "function") cb(this);
        else cb.resume(this as Event<unknown>);
      }
    }
  }
}

/** An event that succeeds `delay` seconds after its creation. */
export class Timeout<T = undefined> extends Event<T> {
  constructor(env: Environment, delay: number, value?: T) {
    super(env);
    if (!(delay >= 0)) throw new RangeError(`timeout delay must be a non-negative number of seconds, got ${delay}`);
    this.state = TRIGGERED;
    this.payload = value;
    env.schedule(this as Event<unknown>, NORMAL, delay);
  }
}

/** Thrown into a process by `Process.interrupt(cause)`. */
export class Interrupt extends Error {
  override readonly name = "Interrupt";
  constructor(override readonly cause: unknown) {
    super(`interrupted: ${String(cause)}`);
  }
}
