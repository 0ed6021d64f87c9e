/**
 * A placer wrapped to count the Manager's placement calls and, with a wall clock, to time them
 * (seconds, kept out of the deterministic metrics: they go to the manifest's `wall`).
 */
import type { Placer } from "../placement/types.ts";

export class CountedPlacer implements Placer {
  readonly name: string;
  /** Placement decisions asked for. */
  calls = 0;
  /** Wall seconds spent in the placer (0 without a wall clock). */
  wallSeconds = 0;

  constructor(
    private readonly placer: Placer,
    /** Wall clock, seconds from any origin; never used for the run's time. */
    private readonly wallClock?: () => number,
  ) {
    this.name = placer.name;
  }

  place(problem: Parameters<Placer["place"]>[0]): ReturnType<Placer["place"]> {
    this.calls++;
    const clock = this.wallClock;
    if (!clock) return this.placer.place(problem);
    const t0 = clock();
    const placement = this.placer.place(problem);
    this.wallSeconds += clock() - t0;
    return placement;
  }
}
