/**
 * Writes an emulation results folder like the simulator's (`sim/results/write-run.ts`): one tidy
 * CSV per table, `summary.json` (metrics with unit and description), and `manifest.json` last
 * with `world: "emulation"`, what was measured with which options, the machine (CPUs, load
 * average before and after: other users of the machine skew lab timings) and wall times. Every
 * file is written atomically.
 */
import { cpus, hostname, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { packageVersion } from "../../base/version.ts";
import { writeFileAtomic } from "../../base/results/atomic-write.ts";
import { tableToCsv } from "../../base/results/csv.ts";
import { gitCommitOf } from "../../base/results/manifest.ts";
import type { MetricSummary } from "../../base/results/summary.ts";
import type { Table } from "../../base/tables.ts";

export interface EmulationManifest {
  tool: "gnf-lab";
  packageVersion: string;
  gitCommit: string | null;
  nodeVersion: string;
  world: "emulation";
  /** What was measured, e.g. "fig2" or "rtt". */
  measurement: string;
  options: unknown;
  machine: { hostname: string; cpus: number; loadAverageBefore: number[]; loadAverageAfter: number[] };
  files: string[];
  wall: { startedAt: string; finishedAt: string; seconds: number };
}

export interface EmulationRun {
  measurement: string;
  options: unknown;
  tables: Table[];
  metrics: Record<string, MetricSummary>;
  startedAt: Date;
  /** os.loadavg() when the run started. */
  loadAverageBefore: number[];
}

/** Writes the folder; returns the file names (manifest.json last). */
export function writeEmulationRun(dir: string, run: EmulationRun): string[] {
  const files: string[] = [];
  for (const table of run.tables) {
    writeFileAtomic(join(dir, `${table.name}.csv`), tableToCsv(table));
    files.push(`${table.name}.csv`);
  }
  writeFileAtomic(join(dir, "summary.json"), `${JSON.stringify({ world: "emulation", measurement: run.measurement, metrics: run.metrics }, null, 2)}\n`);
  files.push("summary.json");
  const finished = new Date();
  const manifest: EmulationManifest = {
    tool: "gnf-lab",
    packageVersion: packageVersion(),
    gitCommit: gitCommitOf(fileURLToPath(new URL("../..", import.meta.url))),
    nodeVersion: process.version,
    world: "emulation",
    measurement: run.measurement,
    options: run.options,
    machine: { hostname: hostname(), cpus: cpus().length, loadAverageBefore: run.loadAverageBefore, loadAverageAfter: loadavg() },
    files: [...files, "manifest.json"],
    wall: { startedAt: run.startedAt.toISOString(), finishedAt: finished.toISOString(), seconds: (finished.getTime() - run.startedAt.getTime()) / 1000 },
  };
  writeFileAtomic(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  files.push("manifest.json");
  return files;
}
