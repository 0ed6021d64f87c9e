/**
 * The simulation environment: the clock (`now`, seconds) and the event heap keyed
 * `(time, priority, seq)`. `step()` processes one event; `run()` processes events until a time,
 * an event, or an empty heap.
 *
 * @example
 *   const env = new Environment();
 *   env.process((function* () { yield env.timeout(3); })());
 *   env.run({ until: 10 });   // env.now === 10
 */
import { AllOf, AnyOf } from "./condition.ts";
import { Event, PENDING, PROCESSED, TRIGGERED, Timeout } from "./event.ts";
import { EventQueue, PRIORITY_SHIFT } from "./event-queue.ts";
import { Process, type ProcessGenerator } from "./process.ts";

export interface RunOptions {
  /** Stop before processing events at or after this time (seconds), or once this event is processed. */
  until?: number | Event<unknown>;
}

export class Environment {
  private clock: number;
  private seq = 0;
  private readonly queue = new EventQueue<Event<unknown>>();
  private processedEvents = 0;
  /** The process whose generator is running right now, or null. */
  activeProcess: Process<unknown> | null = null;

  constructor(initialTime = 0) {
    this.clock = initialTime;
  }

  /** Current simulated time, seconds. */
  get now(): number {
    return this.clock;
  }

  /** Events processed so far. */
  get eventsProcessed(): number {
    return this.processedEvents;
  }

  /** Time of the next scheduled event, or Infinity. */
  peek(): number {
    return this.queue.peekTime();
  }

  /** @internal Schedules a triggered event `delay` seconds from now. */
  schedule(event: Event<unknown>, priority: number, delay: number): void {
    if (event.state === PENDING) event.state = TRIGGERED;
    this.queue.push(event, this.clock + delay, priority * PRIORITY_SHIFT + this.seq++);
  }

  /** A new pending event, to be triggered with succeed/fail. */
  event<T = unknown>(): Event<T> {
    return new Event<T>(this);
  }

  /** An event that succeeds `delay` seconds from now with `value`. */
  timeout<T = undefined>(delay: number, value?: T): Timeout<T> {
    return new Timeout<T>(this, delay, value);
  }

  /** Starts a process from a generator (or a generator function called with no arguments). */
  process<R>(generator: ProcessGenerator<R> | (() => ProcessGenerator<R>), name?: string): Process<R> {
    const gen = typeof generator === "function" ? generator() : generator;
    return new Process<R>(this, gen, name);
  }

  allOf(events: readonly Event<unknown>[]): AllOf {
    return new AllOf(this, events);
  }

  anyOf(events: readonly Event<unknown>[]): AnyOf {
    return new AnyOf(this, events);
  }

  /**
   * Processes the next event. Throws the cause of a failed event that nobody handled, and throws
   * `EmptySchedule` when there is nothing to process.
   */
  step(): void {
    const queue = this.queue;
    const event = queue.pop();
    if (event === undefined) throw new EmptySchedule();
    this.clock = queue.lastPoppedTime;
    this.processedEvents++;
    // Event.runCallbacks, inlined for the hot path: one waiter (usually a process) and no array.
    event.state = PROCESSED;
    const first = event.first;
    if (first !== null) {
      event.first = null;
      if (typeof first === "function") first(event);
      else first.resume(event);
      const rest = event.rest;
      if (rest !== null) {
        event.rest = null;
        for (const callback of rest) {
          if (typeof callback === "function") callback(event);
          else callback.resume(event);
        }
      }
    }
    if (!event.ok && !event.defused) throw event.payload;
  }

  /**
   * Runs until `until`: a time (events at that time are not processed; `now` becomes `until`), an
   * event (returns its value, throws its cause if it failed), or, without it, until no events remain.
   */
  run(options: RunOptions = {}): unknown {
    const until = options.until;
    if (until === undefined) {
      while (this.queue.size > 0) this.step();
      return undefined;
    }
    if (typeof until === "number") {
      if (!(until >= this.clock)) throw new RangeError(`until (${until}) must not be before now (${this.clock})`);
      while (this.queue.size > 0 && this.queue.peekTime() < until) this.step();
      this.clock = until;
      return undefined;
    }
    while (!until.processed) {
      if (this.queue.size === 0) throw new Error("no events left to process, but the `until` event was never triggered");
      this.step();
    }
    return until.value;
  }
}

/** Thrown by `step()` when the heap is empty. */
export class EmptySchedule extends Error {
  override readonly name = "EmptySchedule";
  constructor() {
    super("there are no scheduled events left");
  }
}
