/**
 * The deployment layer's `Clock` on the DES: simulated seconds; `at` and `after` schedule a
 * timeout whose callback runs at that simulated time (equal times in scheduling order).
 */
import type { Clock } from "../../deployment/clock.ts";
import type { Environment } from "../engine/environment.ts";

export function desClock(env: Environment): Clock {
  return {
    now: () => env.now,
    at: (time, fn) => {
      env.timeout(Math.max(0, time - env.now)).addCallback(fn);
    },
    after: (delayS, fn) => {
      env.timeout(delayS).addCallback(fn);
    },
  };
}
