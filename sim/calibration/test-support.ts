/**
 * A synthetic lab campaign for tests: the folder \`gnf emulation campaign\` writes, with every table
 * drawn from known parameters (\`TRUE\`, \`PER_VNF_BYTES\`, \`FORWARDING\`, a FLOW_MOD line), so a test can
 * check that the calibration recovers them. Roaming rows are added by the caller when needed.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableToCsv } from "../../base/results/csv.ts";
import { RngStreams } from "../../base/rng.ts";
import type { Cell } from "../../base/tables.ts";
import { lognormalByMean } from "../models/calibration/lognormal.ts";
import { calibrationSchema, loadCalibration } from "../models/calibration/profile.ts";
import { simulateBatch, type LabHost } from "./batch.ts";
import { LAB_DEVICE } from "./calibrate.ts";

export const HOST: LabHost = { cores: 2, coreSpeed: 0.8 };
/** The truth, in reference-core seconds (the lab machine runs them 1 / 0.8 × slower). */
export const TRUE = calibrationSchema.parse({
  ...loadCalibration(),
  create: { mean: 0.12, cv: 0.15, cpuShare: 0.6, cpuParallelism: 1, runtimeShare: 0.2, growthPerVnf: 0.004 },
  start: { mean: 0.16, cv: 0.15, cpuShare: 0.6, cpuParallelism: 1, runtimeShare: 0.2, growthPerVnf: 0.004 },
  stop: { mean: 0.05, cv: 0.1, cpuShare: 0.3, runtimeShare: 0 },
  remove: { mean: 0.03, cv: 0.1, cpuShare: 0.3, runtimeShare: 0 },
});
export const PER_VNF_BYTES = 700_000;
export const FORWARDING = { meanS: 0.1e-3, cv: 0.3, entryMeanS: 0.2e-3, entryCv: 0.3 };
/** Bottleneck time per packet of the direct path, s on the lab machine (it delivers at most 100k packets/s). */
export const DIRECT_PACKET_S = 10e-6;
/** The bottleneck time a pass through one vNF adds, by image kind, reference-core seconds. */
export const PACKET_COST: Readonly<Record<string, number>> = { wire: 2e-6, firewall: 4.5e-6, "ids-lite": 16e-6 };

/** Forwarding rows (repetition, kind, offered, delivered, loss) of a path with `addedS` lab seconds per packet over the direct path's, at `rates`. */
function forwardingRows(kind: string, addedS: number, rates: readonly number[]): Cell[][] {
  return [0, 1].flatMap((rep) =>
    rates.map((offered) => {
      const delivered = Math.min(offered, 1 / (DIRECT_PACKET_S + addedS));
      return [rep, kind, offered, delivered, 1 - delivered / offered];
    }),
  );
}

export function writeTable(dir: string, name: string, columns: string[], rows: Cell[][]): void {
  writeFileSync(join(dir, `${name}.csv`), tableToCsv({ name, columns, rows }));
}

/** A campaign folder as `gnf emulation campaign` writes it, drawn from the truth above. */
export function syntheticCampaign(): string {
  const dir = mkdtempSync(join(tmpdir(), "gnf-campaign-"));
  const rng = new RngStreams(7);
  const lifecycle: Cell[][] = [];
  const batches: Cell[][] = [];
  const draw = (d: { mean: number; cv: number }, s: string) => (lognormalByMean(rng.stream(s), d.mean, d.cv) / HOST.coreSpeed) * 1000;
  for (const rep of [0, 1, 2, 3, 4]) {
    for (const n of [1, 2, 5, 10, 20, 50]) {
      for (const p of [1, 2, 4, 8]) {
        const b = simulateBatch(TRUE, HOST, n, p, 100 + rep);
        if (p === 1) {
          for (let i = 0; i < n; i++) {
            const grow = (d: { growthPerVnf: number }, others: number) => 1 + d.growthPerVnf * others;
            const start = draw(TRUE.start, "start") * grow(TRUE.start, i);
            lifecycle.push([rep, LAB_DEVICE, "wire", n, p, i, draw(TRUE.create, "create") * grow(TRUE.create, i), start * 0.5, start * 0.3, start * 0.2, 1, draw(TRUE.stop, "stop") * grow(TRUE.stop, n - 1 - i), draw(TRUE.remove, "remove") * grow(TRUE.remove, n - 1 - i), false, ""]);
          }
        }
        batches.push([rep, LAB_DEVICE, "wire", n, p, b.readyAllS, b.stoppedAllS, false]);
      }
    }
  }
  writeTable(dir, "lifecycle", ["repetition", "device", "vnf_type", "n", "parallelism", "index", "create_ms", "start_ms", "attach_ms", "ready_ms", "forwarding_ms", "stop_ms", "remove_ms", "failed", "reason"], lifecycle);
  writeTable(dir, "lifecycle_batches", ["repetition", "device", "vnf_type", "n", "parallelism", "ready_all_s", "stopped_all_s", "failed"], batches);
  writeTable(dir, "memory", ["repetition", "device", "vnf_type", "n", "total_bytes", "per_vnf_bytes"], [1, 10, 50, 100].flatMap((n) => [0, 1].map((rep) => [rep, LAB_DEVICE, "wire", n, PER_VNF_BYTES * n + 1000 * rep, PER_VNF_BYTES + (1000 * rep) / n])));
  const rtt: Cell[][] = [];
  for (const rep of [0, 1]) {
    const s = rng.stream(`rtt/${rep}`);
    for (const k of [0, 1, 2, 3, 4, 5]) {
      for (let i = 0; i < 400; i++) {
        const entry = k > 0 ? lognormalByMean(s, FORWARDING.entryMeanS / HOST.coreSpeed, FORWARDING.entryCv) : 0;
        const passes = Array.from({ length: k }, () => lognormalByMean(s, FORWARDING.meanS / HOST.coreSpeed, FORWARDING.cv)).reduce((a, b) => a + b, 0);
        rtt.push([rep, k, i, (0.2e-3 + s.exponential(0.02e-3) + entry + passes) * 1000]);
      }
    }
  }
  writeTable(dir, "rtt", ["repetition", "vnfs", "sample", "rtt_ms"], rtt);
  const columns = ["repetition", "vnf_type", "offered_pps", "delivered_pps", "loss_ratio"];
  const rates = [20_000, 50_000, 100_000, 150_000];
  // troubleshoot is measured only up to 50k packets/s: never saturated, so no cost can be fitted for it
  const vnfRows = [...Object.entries(PACKET_COST).flatMap(([kind, c]) => forwardingRows(kind, c / HOST.coreSpeed, rates)), ...forwardingRows("troubleshoot", 1e-6, [20_000, 50_000])];
  writeTable(dir, "forwarding", columns, vnfRows);
  writeTable(dir, "forwarding_baseline", columns, forwardingRows("none", 0, rates));
  writeTable(dir, "flowmod", ["repetition", "flow_mods", "barrier_ms"], [1, 10, 100].flatMap((k) => [0, 1].map((rep) => [rep, k, 0.5 + 0.02 * k])));
  writeTable(dir, "device_scaling", ["device", "cores", "per_core_speed", "lab_core_speed", "cpu_quota_cores", "memory_limit_bytes"], [[LAB_DEVICE, HOST.cores, HOST.coreSpeed, HOST.coreSpeed, HOST.cores, 0]]);
  writeFileSync(join(dir, "summary.json"), "{}\n");
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ world: "emulation", machine: { cores: HOST.cores, cpuModel: "synthetic" } }));
  return dir;
}

