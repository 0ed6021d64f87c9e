import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { longRunBench } from "./long-run.ts";

const leftovers = () => readdirSync(tmpdir()).filter((f) => f.startsWith("gnf-bench-long-run-"));

describe("gnf bench long-run", () => {
  it("reports the child run's peak RSS and wall time, and removes its results", async () => {
    const before = leftovers();
    const r = await longRunBench.run({ ues: "5", duration: "30" });
    expect(r).toMatchObject({ scenario: "scenarios/edge-city.yaml", ues: 5, duration: "30", targetPeakRssMB: 1500, withinTarget: true });
    // A Node process running the simulator holds tens of MB at least; a missing measurement would be 0 or NaN.
    expect(r["peakRssMB"]).toBeGreaterThan(30);
    expect(r["peakRssMB"]).toBeLessThan(1500);
    expect(r["outputMB"]).toBeGreaterThan(0);
    expect(leftovers()).toEqual(before);
    expect(longRunBench.describe(r)).toMatch(/^long run: scenarios\/edge-city\.yaml, 5 UEs × 30: peak RSS \d+ MB \(target ≤ 1500 MB: met\)/);
  }, 60_000);

  it("fails with the child's message when the run fails", async () => {
    await expect(longRunBench.run({ ues: "5", duration: "forever" })).rejects.toThrow(/exited with 2: .*duration/s);
  }, 60_000);
});
