/**
 * A process: a `function*` generator that yields events and is resumed with each event's value
 * (or has the failure thrown into it). The process is itself an event that succeeds with the
 * generator's return value, or fails with what the generator threw.
 *
 * @example
 *   function* customer(env: Environment) {
 *     yield env.timeout(5);           // wait 5 s
 *     return "done";
 *   }
 *   const p = env.process(customer(env));
 */
import type { Environment } from "./environment.ts";
import { Event, Interrupt, NORMAL, PROCESSED, URGENT, type Waiter } from "./event.ts";

/** What a process generator yields and returns. */
export type ProcessGenerator<R = unknown> = Generator<Event<any>, R, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export class Process<R = unknown> extends Event<R> implements Waiter {
  /** The event the process waits on, or null when it runs or has ended. */
  private target: Event<unknown> | null;

  constructor(
    env: Environment,
    private readonly generator: ProcessGenerator<R>,
    /** Optional name, for traces and error messages. */
    readonly name = "process",
  ) {
    super(env);
    const start = new Event<unknown>(env);
    start.addCallback(this);
    start.ok = true;
    env.schedule(start, URGENT, 0);
    this.target = start;
  }

  /** True until the generator returns or throws. */
  get isAlive(): boolean {
    return this.state === 0;
  }

  /** The event the process currently waits for (null while running or after it ended). */
  get waitingOn(): Event<unknown> | null {
    return this.target;
  }

  /**
   * Throws an `Interrupt(cause)` into the process at the current time (before other events of
   * this instant). It stops waiting on its current event. Interrupting an ended process throws.
   */
  interrupt(cause?: unknown): void {
    if (!this.isAlive) throw new Error(`${this.name} has ended and cannot be interrupted`);
    if (this.env.activeProcess === this) throw new Error(`${this.name} cannot interrupt itself`);
    const interruption = new Event<unknown>(this.env);
    interruption.ok = false;
    interruption.payload = new Interrupt(cause);
    interruption.defused = true;
    interruption.addCallback(() => {
      if (!this.isAlive) return;
      this.target?.removeCallback(this);
      this.resume(interruption);
    });
    this.env.schedule(interruption, URGENT, 0);
  }

  /** @internal Resumes the generator with `event`'s outcome until it waits again or ends. */
  resume(event: Event<unknown>): void {
    const env = this.env;
    const generator = this.generator;
    env.activeProcess = this as Process<unknown>;
    let current = event;
    for (;;) {
      let step: IteratorResult<Event<unknown>, R>;
      try {
        if (current.ok) {
          step = generator.next(current.payload);
        } else {
          current.defused = true;
          step = generator.throw(current.payload);
        }
      } catch (err) {
        this.end(false, err);
        break;
      }
      if (step.done === true) {
        this.end(true, step.value);
        break;
      }
      const next = step.value;
      if (!(next instanceof Event)) {
        current = invalidYield(env, this.name, next);
        continue;
      }
      if (next.state === PROCESSED) {
        current = next;
        continue;
      }
      // Event.addCallback, inlined: the common case is a single waiter, stored without an array.
      if (next.first === null) next.first = this;
      else (next.rest ??= []).push(this);
      this.target = next;
      break;
    }
    env.activeProcess = null;
  }

  private end(ok: boolean, payload: unknown): void {
    this.target = null;
    this.ok = ok;
    this.payload = payload;
    this.env.schedule(this as Event<unknown>, NORMAL, 0);
  }
}

function invalidYield(env: Environment, name: string, value: unknown): Event<unknown> {
  const failed = new Event<unknown>(env);
  failed.ok = false;
  failed.payload = new TypeError(`${name} yielded ${String(value)}, which is not an event`);
  failed.state = PROCESSED;
  return failed;
}
