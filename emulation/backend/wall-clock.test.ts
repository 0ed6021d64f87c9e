import { describe, expect, it } from "vitest";
import { WallClock } from "./wall-clock.ts";

describe("WallClock", () => {
  it("never calls back before the time asked for, and in time order", async () => {
    const t0 = performance.now();
    const clock = new WallClock(() => (performance.now() - t0) / 1000);
    const calls: [number, number][] = [];
    await new Promise<void>((resolve) => {
      for (const [i, at] of [0.03, 0.01, 0.02, 0.02].entries()) clock.at(at, () => calls.push([i, clock.now() - at]));
      clock.at(0.05, resolve);
    });
    expect(calls.map(([i]) => i)).toEqual([1, 2, 3, 0]);
    for (const [, late] of calls) expect(late).toBeGreaterThanOrEqual(0);
  });

  it("clear() cancels what is pending", async () => {
    const clock = new WallClock(() => 0);
    let called = false;
    clock.after(0, () => (called = true));
    clock.clear();
    await new Promise((r) => setTimeout(r, 20));
    expect(called).toBe(false);
  });
});
