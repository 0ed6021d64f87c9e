/**
 * The run's clock as the deployment layer sees it, the same interface in both worlds: simulated
 * seconds on the DES in the simulator (`sim/world/des-clock.ts`), wall seconds since the run began
 * in the lab (`emulation/backend/wall-clock.ts`). Callbacks run in time order; equal times in the
 * order they were scheduled.
 *
 * @example clock.at(30, () => backend.deliver({ type: "chain-removed", chain: "fw" }));
 */
export interface Clock {
  /** Seconds since the run began; never decreases. */
  now(): number;
  /** Calls `fn` at `time` seconds (at once, asynchronously, when `time` has passed). */
  at(time: number, fn: () => void): void;
  /** Calls `fn` `delayS` seconds from now (delayS ≥ 0). */
  after(delayS: number, fn: () => void): void;
}
