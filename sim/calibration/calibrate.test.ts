/** Calibration recovers known parameters from synthetic measurements written in the campaign's format. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tableToCsv } from "../../base/results/csv.ts";
import { RngStreams } from "../../base/rng.ts";
import type { Cell } from "../../base/tables.ts";
import { lognormalByMean } from "../models/calibration/lognormal.ts";
import { calibrationSchema, loadCalibration } from "../models/calibration/profile.ts";
import { simulateBatch, type LabHost } from "./batch.ts";
import { calibrate, DEFAULT_SUBSET, LAB_DEVICE } from "./calibrate.ts";
import { readCampaign } from "./campaign.ts";
import { validate } from "./validate.ts";

const HOST: LabHost = { cores: 2, coreSpeed: 0.8 };
/** The truth, in reference-core seconds (the lab machine runs them 1 / 0.8 × slower). */
const TRUE = calibrationSchema.parse({
  ...loadCalibration(),
  create: { mean: 0.12, cv: 0.15, cpuShare: 0.6, runtimeShare: 0.2 },
  start: { mean: 0.16, cv: 0.15, cpuShare: 0.6, runtimeShare: 0.2 },
  stop: { mean: 0.05, cv: 0.1, cpuShare: 0.3, runtimeShare: 0 },
  remove: { mean: 0.03, cv: 0.1, cpuShare: 0.3, runtimeShare: 0 },
});
const PER_VNF_BYTES = 700_000;
const FORWARDING = { meanS: 0.1e-3, cv: 0.3 };

function write(dir: string, name: string, columns: string[], rows: Cell[][]): void {
  writeFileSync(join(dir, `${name}.csv`), tableToCsv({ name, columns, rows }));
}

/** A campaign folder as `gnf emulation campaign` writes it, drawn from the truth above. */
function syntheticCampaign(): string {
  const dir = mkdtempSync(join(tmpdir(), "gnf-campaign-"));
  const rng = new RngStreams(7);
  const lifecycle: Cell[][] = [];
  const batches: Cell[][] = [];
  const draw = (d: { mean: number; cv: number }, s: string) => (lognormalByMean(rng.stream(s), d.mean, d.cv) / HOST.coreSpeed) * 1000;
  for (const rep of [0, 1, 2]) {
    for (const n of [1, 2, 5, 10, 20, 50]) {
      for (const p of [1, 2, 4, 8]) {
        if (p === 1) {
          for (let i = 0; i < n; i++) {
            const start = draw(TRUE.start, "start");
            lifecycle.push([rep, LAB_DEVICE, "wire", n, p, i, draw(TRUE.create, "create"), start * 0.5, start * 0.3, start * 0.2, 1, draw(TRUE.stop, "stop"), draw(TRUE.remove, "remove"), false, ""]);
          }
        }
        const b = simulateBatch(TRUE, HOST, n, p, 100 + rep);
        batches.push([rep, LAB_DEVICE, "wire", n, p, b.readyAllS, b.stoppedAllS, false]);
      }
    }
  }
  write(dir, "lifecycle", ["repetition", "device", "vnf_type", "n", "parallelism", "index", "create_ms", "start_ms", "attach_ms", "ready_ms", "forwarding_ms", "stop_ms", "remove_ms", "failed", "reason"], lifecycle);
  write(dir, "lifecycle_batches", ["repetition", "device", "vnf_type", "n", "parallelism", "ready_all_s", "stopped_all_s", "failed"], batches);
  write(dir, "memory", ["repetition", "device", "vnf_type", "n", "total_bytes", "per_vnf_bytes"], [1, 10, 50, 100].flatMap((n) => [0, 1].map((rep) => [rep, LAB_DEVICE, "wire", n, PER_VNF_BYTES * n + 1000 * rep, PER_VNF_BYTES + (1000 * rep) / n])));
  const rtt: Cell[][] = [];
  for (const rep of [0, 1]) {
    const s = rng.stream(`rtt/${rep}`);
    for (const k of [0, 1, 2, 3]) for (let i = 0; i < 400; i++) rtt.push([rep, k, i, (0.2e-3 + s.exponential(0.02e-3) + Array.from({ length: k }, () => lognormalByMean(s, FORWARDING.meanS / HOST.coreSpeed, FORWARDING.cv)).reduce((a, b) => a + b, 0)) * 1000]);
  }
  write(dir, "rtt", ["repetition", "vnfs", "sample", "rtt_ms"], rtt);
  write(dir, "flowmod", ["repetition", "flow_mods", "barrier_ms"], [1, 10, 100].flatMap((k) => [0, 1].map((rep) => [rep, k, 0.5 + 0.02 * k])));
  write(dir, "device_scaling", ["device", "cores", "per_core_speed", "lab_core_speed", "cpu_quota_cores", "memory_limit_bytes"], [[LAB_DEVICE, HOST.cores, HOST.coreSpeed, HOST.coreSpeed, HOST.cores, 0]]);
  writeFileSync(join(dir, "summary.json"), "{}\n");
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ world: "emulation", machine: { cores: HOST.cores, cpuModel: "synthetic" } }));
  return dir;
}

describe("gnf calibrate", () => {
  const folder = syntheticCampaign();
  const { profile, host } = calibrate([folder]);

  it("recovers the step means (reference-core seconds) and the lab machine", () => {
    expect(host).toEqual(HOST);
    expect(profile.create.mean).toBeGreaterThan(0.12 * 0.93);
    expect(profile.create.mean).toBeLessThan(0.12 * 1.07);
    expect(profile.start.mean).toBeGreaterThan(0.16 * 0.93);
    expect(profile.start.mean).toBeLessThan(0.16 * 1.07);
    expect(profile.create.cv).toBeGreaterThan(0.1);
    expect(profile.create.cv).toBeLessThan(0.2);
  });

  it("recovers the contention shares from the parallel batches", () => {
    expect(Math.abs(profile.create.cpuShare - 0.6)).toBeLessThanOrEqual(0.15);
    expect(Math.abs(profile.create.runtimeShare - 0.2)).toBeLessThanOrEqual(0.15);
  });

  it("recovers memory per vNF, the forwarding delay and the FLOW_MOD costs", () => {
    expect(profile.memoryPerVnfBytes?.["wire"]).toBe(PER_VNF_BYTES);
    expect(profile.forwarding?.meanS).toBeGreaterThan(FORWARDING.meanS * 0.85);
    expect(profile.forwarding?.meanS).toBeLessThan(FORWARDING.meanS * 1.15);
    expect(profile.control?.barrierS).toBeCloseTo(0.5e-3, 9);
    expect(profile.control?.flowModS).toBeCloseTo(0.02e-3, 9);
  });

  it("records the sha256 of every file it read and the fitted points", () => {
    expect(profile.source?.files.map((f) => f.path.split("/").pop()).sort()).toEqual(["device_scaling.csv", "flowmod.csv", "lifecycle.csv", "lifecycle_batches.csv", "manifest.json", "memory.csv", "rtt.csv"]);
    expect(profile.source?.fittedOn).toEqual({ counts: [1, 10, 50], parallelism: [1, 4], chainLengths: [0, 1] });
  });

  it("predicts the held-out points of its own model within the targets", () => {
    const report = validate(profile, host, readCampaign(folder), LAB_DEVICE, DEFAULT_SUBSET);
    expect(report.rows.filter((r) => r.heldOut).length).toBeGreaterThan(10);
    expect(report.pass.instantiation).toBe(true);
    expect(report.pass.memory).toBe(true);
    expect(report.pass.rtt).toBe(true);
    expect(report.errors.instantiation).toBeLessThan(0.1);
  });

  it("fails a profile that does not fit (a validation that cannot fail is no validation)", () => {
    const wrong = { ...profile, create: { ...profile.create, cpuShare: 0, runtimeShare: 0 }, start: { ...profile.start, cpuShare: 0, runtimeShare: 0 } };
    const report = validate(wrong, host, readCampaign(folder), LAB_DEVICE, DEFAULT_SUBSET);
    expect(report.pass.instantiation).toBe(false);
  });
});
