import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { meminfoBytes } from "./meminfo.ts";
import { instantiationTables, memoryTables, rttTables } from "./tables.ts";
import type { InstantiationResult } from "./instantiation.ts";
import { writeEmulationRun } from "./write-results.ts";

const RTT = { points: [{ vnfs: 0, sent: 2, received: 2, p50Ms: 0.25, p95Ms: 0.29, p99Ms: 0.3, meanMs: 0.25, rttsMs: [0.2, 0.3] }], addedRttMsPerVnf: 0, fittedDirectMs: 0.25, intervalMs: 10 };
const INST: InstantiationResult = {
  kind: "wire",
  count: 1,
  parallelism: 1,
  vnfs: [{ index: 0, createMs: 50, startMs: 150, attachMs: 40, readyLineMs: 5, createAtMs: 0, readyAtMs: 250, forwardingAtMs: 262, stopMs: 60, removeMs: 80, failed: false, reason: "" }],
  ready50Seconds: null,
  allForwardingSeconds: 0.262,
  readyAllSeconds: 0.25,
  failed: 0,
  cpuSecondsPerVnf: 0.2,
  cpuBoundReady50Seconds: 5,
  stopAllSeconds: 0.06,
  removeAllSeconds: 0.08,
};

describe("emulation result tables", () => {
  it("are tidy: one row per sample, per vNF, per lifecycle event (simulator's vnf_lifecycle columns plus run)", () => {
    const [samples, summary] = rttTables(RTT);
    expect(samples).toEqual({ name: "rtt_samples", columns: ["vnfs", "sample", "rtt_ms"], rows: [[0, 0, 0.2], [0, 1, 0.3]] });
    expect(summary?.rows).toEqual([[0, 2, 2, 0.25, 0.29, 0.3, 0.25]]);
    const [inst, lifecycle] = instantiationTables([INST]);
    expect(inst?.rows).toEqual([[1, 1, 0, 50, 150, 40, 5, 0, 250, 262, 60, 80]]);
    expect(lifecycle?.columns).toEqual(["run", "time_s", "host", "vnf", "event", "detail"]);
    expect(lifecycle?.rows).toEqual([
      [0, 0.05, "lab", "wire-0", "created", "parallelism=1"],
      [0, 0.2, "lab", "wire-0", "started", "parallelism=1"],
      [0, 0.25, "lab", "wire-0", "ready", "parallelism=1"],
      [0, 0.262, "lab", "wire-0", "forwarding", "parallelism=1"],
    ]);
    const mem = memoryTables({ points: [{ vnfs: 1, meanUsageBytes: 700, meanRssBytes: 200, meanCacheBytes: 0, meanKmemBytes: 500, totalUsageBytes: 700, hostDeltaBytes: 5000, running: 1, failed: 0, failure: "" }], usagePerVnfBytes: 700, usageSlopeBytesPerVnf: NaN, hostPerVnfBytes: 5000, hostSlopeBytesPerVnf: NaN });
    expect(mem[0]?.rows).toEqual([[1, 700, 200, 0, 500, 700, 5000]]);
  });

  it("are written as CSV with summary.json and a manifest (world: emulation) last", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gnf-emu-results-"));
    try {
      const files = writeEmulationRun(dir, { measurement: "rtt", options: { samples: 2 }, tables: rttTables(RTT), metrics: { addedRttMsPerVnf: { value: 0, unit: "ms", description: "slope" } }, startedAt: new Date(), loadAverageBefore: [1, 1, 1] });
      expect(files).toEqual(["rtt_samples.csv", "rtt_summary.csv", "summary.json", "manifest.json"]);
      expect(await readFile(join(dir, "rtt_samples.csv"), "utf8")).toBe("vnfs,sample,rtt_ms\n0,0,0.2\n0,1,0.3\n");
      const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as { world: string; files: string[]; measurement: string };
      expect([manifest.world, manifest.measurement, manifest.files.at(-1)]).toEqual(["emulation", "rtt", "manifest.json"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reads MemAvailable from /proc/meminfo text in bytes", () => {
    expect(meminfoBytes("MemTotal:       24683520 kB\nMemAvailable:   23630000 kB\n", "MemAvailable")).toBe(23630000 * 1024);
    expect(() => meminfoBytes("MemTotal: 1 kB\n", "MemAvailable")).toThrow("/proc/meminfo has no MemAvailable line");
  });
});

describe("parseProcStat", () => {
  it("reads the parent pid and utime + stime + cutime + cstime in seconds, also with spaces in the name", async () => {
    const { parseProcStat } = await import("./cpu-accounting.ts");
    const text = "4242 (containerd shim) S 17 4242 17 0 -1 4194560 900 0 0 0 12 8 30 50 20 0 11 0 1000 0 0";
    expect(parseProcStat(text)).toEqual({ ppid: 17, cpuSeconds: 1 });
  });
});
