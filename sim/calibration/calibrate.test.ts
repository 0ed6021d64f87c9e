/** Calibration recovers known parameters from synthetic measurements written in the campaign's format. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SUBSET, LAB_DEVICE, calibrate } from "./calibrate.ts";
import { readCampaign } from "./campaign.ts";
import { FORWARDING, HOST, PACKET_COST, PER_VNF_BYTES, syntheticCampaign } from "./test-support.ts";
import { validate } from "./validate.ts";
import { simulateBatches } from "./batch.ts";

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

  it("recovers the slowdown per vNF already on the host", () => {
    expect(profile.create.growthPerVnf).toBeGreaterThan(0.002);
    expect(profile.create.growthPerVnf).toBeLessThan(0.006);
  });

  it("recovers the CPU share, the cores one step keeps busy and the runtime share from the parallel batches (fitted at parallelism 2 and 8 on 2 cores)", () => {
    expect(Math.abs(profile.create.cpuShare - 0.6)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(profile.create.runtimeShare - 0.2)).toBeLessThanOrEqual(0.1);
    expect(profile.create.cpuParallelism).toBeLessThanOrEqual(1.2);
    expect(profile.create.cpuShare + profile.create.runtimeShare).toBeLessThanOrEqual(1);
  });

  it("recovers memory per vNF, the forwarding delay and the FLOW_MOD costs", () => {
    expect(profile.memoryPerVnfBytes?.["wire"]).toBe(PER_VNF_BYTES);
    expect(profile.forwarding?.meanS).toBeGreaterThan(FORWARDING.meanS * 0.85);
    expect(profile.forwarding?.meanS).toBeLessThan(FORWARDING.meanS * 1.15);
    // the chain's entry (once per chain) apart from the per-vNF pass: fitted from chains of 0, 1 and 3
    expect(profile.forwarding?.entryMeanS).toBeGreaterThan(FORWARDING.entryMeanS * 0.85);
    expect(profile.forwarding?.entryMeanS).toBeLessThan(FORWARDING.entryMeanS * 1.15);
    expect(profile.control?.barrierS).toBeCloseTo(0.5e-3, 9);
    expect(profile.control?.flowModS).toBeCloseTo(0.02e-3, 9);
  });

  it("recovers each saturated type's bottleneck time per packet (catalog type names), and fits none for a type never saturated", () => {
    const perPacket = profile.forwarding?.perPacketS ?? {};
    expect(Object.keys(perPacket).sort()).toEqual(["firewall", "ids", "wire"]);
    expect(perPacket["wire"]).toBeCloseTo(PACKET_COST["wire"] as number, 11);
    expect(perPacket["firewall"]).toBeCloseTo(PACKET_COST["firewall"] as number, 11);
    expect(perPacket["ids"]).toBeCloseTo(PACKET_COST["ids-lite"] as number, 11);
    expect(profile.source?.quality?.["packetCost.troubleshooting.notSaturated"]).toBe(1);
    expect(profile.source?.quality?.["packetCost.directThroughputPps"]).toBeCloseTo(100_000, 3);
  });

  it("records the sha256 of every file it read and the fitted points", () => {
    expect(profile.source?.files.map((f) => f.path.split("/").pop()).sort()).toEqual(["device_scaling.csv", "flowmod.csv", "forwarding.csv", "forwarding_baseline.csv", "lifecycle.csv", "lifecycle_batches.csv", "manifest.json", "memory.csv", "rtt.csv"]);
    expect(profile.source?.fittedOn).toEqual({ counts: [1, 10, 50], parallelism: [1, 2, 8], chainLengths: [0, 1, 3] });
  });

  it("predicts the held-out points of its own model within the targets", () => {
    const report = validate(profile, host, readCampaign(folder), LAB_DEVICE, DEFAULT_SUBSET);
    expect(report.rows.filter((r) => r.heldOut).length).toBeGreaterThan(10);
    expect(report.pass.instantiation).toBe(true);
    expect(report.pass.memory).toBe(true);
    expect(report.pass.rtt).toBe(true);
    expect(report.errors.instantiation).toBeLessThan(0.1);
  });

  it("a hiccup of the lab (one repetition of a fitted batch 1.5 × slow) hardly moves the fitted model: the fit uses the lab's median", () => {
    const hiccup = syntheticCampaign();
    const file = join(hiccup, "lifecycle_batches.csv");
    const lines = readFileSync(file, "utf8").split("\n");
    const header = (lines[0] as string).split(",");
    const [rep, n, p, ready] = ["repetition", "n", "parallelism", "ready_all_s"].map((c) => header.indexOf(c)) as [number, number, number, number];
    const slowed = lines.map((line, i) => {
      const cells = line.split(",");
      if (i === 0 || cells[rep] !== "0" || cells[n] !== "50" || cells[p] !== "8") return line;
      cells[ready] = String(Number(cells[ready]) * 1.5);
      return cells.join(",");
    });
    expect(slowed).not.toEqual(lines);
    writeFileSync(file, slowed.join("\n"));
    // The lab mean of that point moves by 10 % (one of 5 repetitions 1.5 × slow); the fitted model's prediction there moves by less than 3 %.
    const predicted = (c: typeof profile): number => simulateBatches(c, host, 50, 8, 10).readyAllS.reduce((a, b) => a + b, 0) / 10;
    expect(Math.abs(predicted(calibrate([hiccup]).profile) / predicted(profile) - 1)).toBeLessThan(0.03);
  }, 180_000);

  it("fails a profile that does not fit (a validation that cannot fail is no validation)", () => {
    const wrong = { ...profile, create: { ...profile.create, cpuShare: 0, runtimeShare: 0 }, start: { ...profile.start, cpuShare: 0, runtimeShare: 0 } };
    const report = validate(wrong, host, readCampaign(folder), LAB_DEVICE, DEFAULT_SUBSET);
    expect(report.pass.instantiation).toBe(false);
  });
});
