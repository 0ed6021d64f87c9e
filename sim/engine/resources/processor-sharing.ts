/**
 * A processor-sharing server: `capacity` units of service (e.g. a host's cores) shared at every
 * instant by the jobs in service, as an OS scheduler time-shares cores among runnable threads.
 * A job brings `work` (capacity-seconds, e.g. core-seconds of CPU) and a `maxRate` (the most
 * units it can use at once: a job of two busy threads uses at most 2 cores).
 *
 * Rates are max-min fair (water-filling): every job gets the same share, except that a job never
 * gets more than its `maxRate`, and what it cannot use goes to the others. So with n jobs of
 * maxRate u on c cores, each runs at min(u, c / n). Invariants: Σ rates ≤ capacity; a job alone
 * runs at min(maxRate, capacity); a job's event succeeds exactly when its work is done.
 *
 * Deterministic: jobs are kept in arrival order and completions at the same instant succeed in
 * that order.
 *
 * @example
 *   const cpu = new ProcessorSharing(env, 2);
 *   function* job() { yield cpu.serve(0.3, 1.5); } // 0.3 core-s, at most 1.5 cores at once
 */
import type { Environment } from "../environment.ts";
import { Event } from "../event.ts";

interface Job {
  /** Work still to do, capacity-seconds. */
  remaining: number;
  readonly maxRate: number;
  /** Current rate, capacity units. */
  rate: number;
  readonly done: Event<void>;
}

/**
 * A job that would finish within this many seconds at its current rate is done: the rounding of
 * `now` (≈ 1e-10 s at a million simulated seconds) must not leave a sliver of work behind.
 */
const DONE_WITHIN_S = 1e-9;

export class ProcessorSharing {
  private readonly jobs: Job[] = [];
  /** Simulated time the jobs' `remaining` refers to, seconds. */
  private updatedAt: number;
  /** Bumped at every change; a completion timer of an older generation is stale. */
  private generation = 0;

  constructor(
    readonly env: Environment,
    /** Units of service shared, > 0 (e.g. cores). */
    readonly capacity: number,
  ) {
    if (!(capacity > 0 && Number.isFinite(capacity))) throw new RangeError(`processor-sharing capacity must be a finite number > 0, got ${capacity}`);
    this.updatedAt = env.now;
  }

  /**
   * Serves `work` capacity-seconds (≥ 0) at up to `maxRate` units at once (> 0). The event
   * succeeds when the work is done (at once for no work).
   */
  serve(work: number, maxRate: number): Event<void> {
    if (!(work >= 0 && Number.isFinite(work))) throw new RangeError(`processor-sharing work must be a finite number >= 0, got ${work}`);
    if (!(maxRate > 0)) throw new RangeError(`processor-sharing maxRate must be > 0, got ${maxRate}`);
    const done = new Event<void>(this.env);
    if (work === 0) return done.succeed();
    this.advance();
    this.jobs.push({ remaining: work, maxRate, rate: 0, done });
    this.reschedule();
    return done;
  }

  /** Brings every job's remaining work to the current time at its current rate. */
  private advance(): void {
    const elapsed = this.env.now - this.updatedAt;
    if (elapsed > 0) for (const j of this.jobs) j.remaining -= j.rate * elapsed;
    this.updatedAt = this.env.now;
  }

  /** Max-min fair rates: the jobs with the smallest caps are filled first. */
  private assignRates(): void {
    const byCap = [...this.jobs].sort((a, b) => a.maxRate - b.maxRate);
    let left = this.capacity;
    let count = byCap.length;
    for (const j of byCap) {
      j.rate = Math.min(j.maxRate, left / count);
      left -= j.rate;
      count--;
    }
  }

  /** Completes the jobs that are done, re-shares the capacity and sets a timer for the next completion. */
  private reschedule(): void {
    for (let i = 0; i < this.jobs.length; ) {
      const j = this.jobs[i] as Job;
      if (j.remaining <= j.rate * DONE_WITHIN_S) {
        this.jobs.splice(i, 1);
        j.done.succeed();
      } else i++;
    }
    this.assignRates();
    const generation = ++this.generation;
    if (this.jobs.length === 0) return;
    const next = Math.min(...this.jobs.map((j) => j.remaining / j.rate));
    this.env.timeout(Math.max(0, next)).addCallback(() => {
      if (generation !== this.generation) return;
      this.advance();
      this.reschedule();
    });
  }
}
