/**
 * Conditions over several events: `AllOf` succeeds when every event has succeeded, `AnyOf` when at
 * least one has. The value is a `ConditionValue`: the events processed so far, in the order they
 * were processed, with their values. If a watched event fails first, the condition fails with
 * that cause (the failure counts as handled). An empty AllOf/AnyOf succeeds immediately.
 */
import type { Environment } from "./environment.ts";
import { Event, PROCESSED } from "./event.ts";

export class ConditionValue {
  /** Events in the order they were processed, and their values. */
  readonly events: Event<unknown>[] = [];
  private readonly values = new Map<Event<unknown>, unknown>();

  /** @internal */
  add(event: Event<unknown>): void {
    this.events.push(event);
    this.values.set(event, event.value);
  }

  has(event: Event<unknown>): boolean {
    return this.values.has(event);
  }

  /** The value of `event` (throws if it is not part of the result). */
  get<T>(event: Event<T>): T {
    if (!this.values.has(event as Event<unknown>)) throw new Error("that event is not part of this condition's value");
    return this.values.get(event as Event<unknown>) as T;
  }

  /** Values in processing order. */
  toArray(): unknown[] {
    return this.events.map((e) => this.values.get(e));
  }
}

export type ConditionEvaluator = (events: readonly Event<unknown>[], processedCount: number) => boolean;

export class Condition extends Event<ConditionValue> {
  private processedCount = 0;
  private readonly result = new ConditionValue();

  constructor(
    env: Environment,
    private readonly evaluate: ConditionEvaluator,
    private readonly events: readonly Event<unknown>[],
  ) {
    super(env);
    for (const event of events) {
      if (event.env !== env) throw new Error("a condition cannot mix events of different environments");
    }
    if (events.length === 0 || evaluate(events, 0)) {
      this.succeed(this.result);
      return;
    }
    for (const event of events) {
      if (event.state === PROCESSED) this.check(event);
      else event.addCallback(this.check);
      if (this.triggered) break;
    }
  }

  private readonly check = (event: Event<unknown>): void => {
    if (this.triggered) return;
    this.processedCount++;
    if (!event.isOk) {
      event.defused = true;
      this.fail(event.error);
      return;
    }
    this.result.add(event);
    if (this.evaluate(this.events, this.processedCount)) this.succeed(this.result);
  };
}

/** Succeeds once all `events` succeeded. */
export class AllOf extends Condition {
  constructor(env: Environment, events: readonly Event<unknown>[]) {
    super(env, (all, count) => count === all.length, events);
  }
}

/** Succeeds once any of `events` succeeded. */
export class AnyOf extends Condition {
  constructor(env: Environment, events: readonly Event<unknown>[]) {
    super(env, (_all, count) => count > 0, events);
  }
}
