import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../../../base/errors.ts";
import { RandomStream } from "../../../base/rng.ts";
import { calibrationKeySchema, resolveCalibrationPath } from "./config.ts";
import { lognormalByMean } from "./lognormal.ts";
import { DEFAULT_CALIBRATION_PATH, loadCalibration, parseCalibration } from "./profile.ts";

function profileFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "gnf-calibration-")), "profile.yaml");
  writeFileSync(path, text);
  return path;
}

describe("calibration profile", () => {
  it("the default profile gives 0.2 s per container create+start on a reference core (the paper's 50 in 10 s)", () => {
    const c = loadCalibration();
    expect(c.create.mean + c.start.mean).toBeCloseTo(0.2, 12);
    expect(c.stop).toEqual({ mean: 0.05, cv: 0.2, cpuShare: 0, cpuParallelism: 1, runtimeShare: 0, growthPerVnf: 0 });
    expect(c.imagePullBandwidthBps).toBe(1e8);
  });

  it("names the file, the key path, what was expected and what was found", () => {
    const bad = profileFile("create: { mean: -1, cv: 0.2 }\nstart: { mean: 0.08, cv: 0.2 }\nstop: { mean: 0.05, cv: 0.2 }\nremove: { mean: 0.03, cv: 0.2 }\nimagePullBandwidthBps: 1e8\n");
    expect(() => loadCalibration(bad)).toThrow(UserError);
    expect(() => loadCalibration(bad)).toThrow(`${bad}:1:17: create.mean: expected a number > 0, found -1 (a number)`);
    expect(() => parseCalibration({ ...loadCalibration(), stop: { mean: 0.05 } }, "p.yaml")).toThrow("p.yaml: stop.cv: missing required key (expected a number)");
    expect(() => parseCalibration({ ...loadCalibration(), pull: 1 }, "p.yaml")).toThrow('p.yaml: (top level): unknown key');
    expect(() => loadCalibration("/nonexistent/profile.yaml")).toThrow("/nonexistent/profile.yaml: no such calibration profile file");
  });

  it("resolves the scenario key `calibration` against the scenario's folder", () => {
    expect(resolveCalibrationPath(undefined, "/s/x.yaml")).toBe(DEFAULT_CALIBRATION_PATH);
    expect(resolveCalibrationPath("fit.yaml", "/s/x.yaml")).toBe("/s/fit.yaml");
    expect(resolveCalibrationPath("/abs/fit.yaml", "/s/x.yaml")).toBe("/abs/fit.yaml");
    expect(calibrationKeySchema.safeParse("").success).toBe(false);
  });

  it("lognormal draws have the requested mean and coefficient of variation", () => {
    const rng = new RandomStream("lognormal-test");
    const xs = Array.from({ length: 100_000 }, () => lognormalByMean(rng, 0.12, 0.2));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
    expect(mean).toBeCloseTo(0.11990566912533733, 12);
    expect(Math.abs(mean / 0.12 - 1)).toBeLessThan(0.002);
    expect(Math.abs(sd / mean / 0.2 - 1)).toBeLessThan(0.01);
    expect(lognormalByMean(rng, 0.05, 0)).toBe(0.05);
  });
});
