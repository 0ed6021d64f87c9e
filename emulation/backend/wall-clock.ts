/**
 * The deployment layer's `Clock` in the lab: the backend's wall clock (seconds since the run
 * began); `at` and `after` are Node timers, all cleared by `clear()` (the run's teardown).
 */
import type { Clock } from "../../deployment/clock.ts";

export class WallClock implements Clock {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    /** Seconds since the run began (the backend's `now`). */
    readonly now: () => number,
  ) {}

  /** Calls `fn` once the clock reads `time` or later (Node timers may wake up to ~1 ms early: then it waits again). */
  at(time: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.now() < time) this.at(time, fn);
      else fn();
    }, Math.max(0, Math.ceil((time - this.now()) * 1000)));
    this.timers.add(timer);
  }

  after(delayS: number, fn: () => void): void {
    this.at(this.now() + delayS, fn);
  }

  /** Cancels every pending callback. */
  clear(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
