import { describe, expect, it } from "vitest";
import { loadScenarioText } from "../load.ts";
import { ASSUMED_RATES, estimateWork, REFUSE_WALL_S, refusalText, WARN_WALL_S } from "./work-estimate.ts";

const CITY = "name: c\ntopology: { type: grid, rows: 1, cols: 2 }\ntraffic:\n  - { kind: cbr, rateBps: 1000000 }\n";

function scenario(overrides: string[]) {
  return loadScenarioText(CITY, "c.yaml", { overrides }).scenario;
}

describe("estimateWork", () => {
  it("counts UE-seconds, mobility steps and flow samples from the keys that drive them", () => {
    const e = estimateWork(scenario(["duration=600", "ues.count=40", "ues.step=0.5", "replications=2", "outputs.sampleInterval=5"]));
    expect(e.ueSeconds).toBe(2 * 40 * 600);
    expect(e.mobilitySteps).toBe((2 * 40 * 600) / 0.5);
    expect(e.flowSamples).toBe((2 * 600 * 40 * 1) / 5);
    expect(e.wallSeconds).toBeCloseTo(48_000 / ASSUMED_RATES.ueSecondsPerS + 96_000 / ASSUMED_RATES.mobilityStepsPerS + 9_600 / ASSUMED_RATES.flowSamplesPerS, 9);
    expect(e.verdict).toBe("ok");
  });

  it("counts no UE work without a topology", () => {
    const e = estimateWork(loadScenarioText("name: i\ninstantiation: { hosts: [{ name: a, device: nfvi-i7, vnfs: 5 }] }\n", "i.yaml").scenario);
    expect(e).toMatchObject({ ueSeconds: 0, flowSamples: 0, wallSeconds: 0, verdict: "ok" });
  });

  it("warns above 10 minutes and refuses above 24 hours of estimated wall time", () => {
    expect(WARN_WALL_S).toBe(600);
    expect(REFUSE_WALL_S).toBe(86_400);
    expect(estimateWork(scenario(["duration=12h", "ues.count=20000"])).verdict).toBe("warn");
    expect(estimateWork(scenario(["duration=1e12"])).verdict).toBe("refuse");
  });

  it("names the keys that drive a refusal and the way to insist", () => {
    const s = scenario(["duration=1e12"]);
    const text = refusalText(s, estimateWork(s), "--allow-long-run");
    expect(text).toMatch(/^scenario "c" is too large to run here: estimated work: 1\.0e\+13 UE-seconds, .* ≈ \d+ days of wall time/);
    expect(text).toContain("replications (1) × ues.count (10) × duration (1000000000000 s), divided by ues.step (1 s) and by outputs.sampleInterval (10 s) for 1 flow(s) counted per UE");
    expect(text).toContain("or pass --allow-long-run to run it anyway");
  });
});
