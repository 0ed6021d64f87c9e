/**
 * The time-weighted average of a piecewise-constant level (memory in use, CPU load, queue length):
 * ∫ level dt / elapsed time, from the first `update` to `now`.
 *
 * @example
 *   const mem = new TimeWeighted("memory", 0, 0);
 *   mem.update(10, 2e6);      // 2 MB from t = 10 s
 *   mem.average(20);          // 1e6 (0 B for 10 s, 2 MB for 10 s)
 */
export class TimeWeighted {
  private lastTime: number;
  private lastLevel: number;
  private area = 0;
  private peak: number;

  constructor(
    readonly name: string,
    /** Start time, seconds. */
    private readonly startTime: number,
    initialLevel = 0,
  ) {
    this.lastTime = startTime;
    this.lastLevel = initialLevel;
    this.peak = initialLevel;
  }

  /** The level changes to `level` at time `now` (non-decreasing). */
  update(now: number, level: number): void {
    if (now < this.lastTime) throw new RangeError(`time went backwards: ${now} < ${this.lastTime}`);
    this.area += this.lastLevel * (now - this.lastTime);
    this.lastTime = now;
    this.lastLevel = level;
    if (level > this.peak) this.peak = level;
  }

  get level(): number {
    return this.lastLevel;
  }

  get max(): number {
    return this.peak;
  }

  /** Average over [start, now]; the current level if no time has passed. */
  average(now: number): number {
    const elapsed = now - this.startTime;
    if (elapsed <= 0) return this.lastLevel;
    return (this.area + this.lastLevel * (now - this.lastTime)) / elapsed;
  }
}
