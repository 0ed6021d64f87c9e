/**
 * The deployment layer's `Clock` in the lab: wall seconds since the run began (`now`). Callbacks
 * run at their time or later, never earlier, and equal times in the order they were scheduled:
 * Node's timers may wake up to a millisecond early on `performance.now()`, and separate timers due
 * together may fire out of order, so callbacks wait in one queue ordered by (time, order scheduled)
 * and one Node timer is armed for the first; when it fires, every due callback runs in queue order
 * and an early wake-up re-arms for the rest. `clear()` (the run's teardown) cancels everything.
 */
import type { Clock } from "../../deployment/clock.ts";

interface Pending {
  /** Due time, s. */
  at: number;
  fn: () => void;
}

export class WallClock implements Clock {
  /** Pending callbacks by due time, then order scheduled; `wakeUp` is armed for the first. */
  private readonly queue: Pending[] = [];
  private wakeUp: NodeJS.Timeout | undefined;
  private cleared = false;

  constructor(
    /** Seconds since the run began. */
    readonly now: () => number,
  ) {}

  at(time: number, fn: () => void): void {
    if (this.cleared) return;
    const pending = { at: Math.max(time, this.now()), fn };
    let i = this.queue.length;
    while (i > 0 && (this.queue[i - 1] as Pending).at > pending.at) i--; // after every callback due at the same time
    this.queue.splice(i, 0, pending);
    if (i === 0) this.arm();
  }

  after(delayS: number, fn: () => void): void {
    this.at(this.now() + delayS, fn);
  }

  /** Cancels every pending callback; later `at`/`after` calls are ignored. */
  clear(): void {
    this.cleared = true;
    clearTimeout(this.wakeUp);
    this.wakeUp = undefined;
    this.queue.length = 0;
  }

  private arm(): void {
    clearTimeout(this.wakeUp);
    this.wakeUp = undefined;
    const first = this.queue[0];
    if (first === undefined || this.cleared) return;
    this.wakeUp = setTimeout(() => {
      this.wakeUp = undefined;
      this.runDue();
    }, Math.max(0, Math.ceil((first.at - this.now()) * 1000)));
  }

  private runDue(): void {
    for (let first = this.queue[0]; first !== undefined && first.at <= this.now() && !this.cleared; first = this.queue[0]) {
      this.queue.shift();
      first.fn();
    }
    // A callback may have scheduled another (and armed for it) meanwhile; arm for whatever is first now.
    if (this.wakeUp === undefined) this.arm();
  }
}
