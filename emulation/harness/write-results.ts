/**
 * Writes an emulation measurement's results folder with the one results writer (`base/results/write-results.ts`): one tidy
 * CSV per table, `summary.json` (metrics with unit and description), and `manifest.json` last
 * with `world: "emulation"`, what was measured with which options, the machine (CPUs, load
 * average before and after: other users of the machine skew lab timings) and wall times. Every
 * file is written atomically.
 */
import { cpus, hostname, loadavg } from "node:os";
import type { MetricSummary } from "../../base/results/summary.ts";
import { writeResultsFolder, type Provenance } from "../../base/results/write-results.ts";
import type { Table } from "../../base/tables.ts";

export interface EmulationManifest extends Provenance {
  world: "emulation";
  /** What was measured, e.g. "fig2" or "rtt". */
  measurement: string;
  options: unknown;
  machine: { hostname: string; cpus: number; loadAverageBefore: number[]; loadAverageAfter: number[] } & Record<string, unknown>;
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
  /** More facts about the machine (e.g. `machineFacts()`), merged into `machine`. */
  machine?: Record<string, unknown>;
  /** More manifest fields, after `options` (e.g. the device scaling of a campaign). */
  extra?: Record<string, unknown>;
}

/** Writes the folder (`writeResultsFolder`); returns the file names (manifest.json last). */
export function writeEmulationRun(dir: string, run: EmulationRun): string[] {
  return writeResultsFolder(dir, {
    tables: run.tables,
    summary: { world: "emulation", measurement: run.measurement, metrics: run.metrics },
    manifest: {
      world: "emulation",
      measurement: run.measurement,
      options: run.options,
      ...run.extra,
      machine: { hostname: hostname(), cpus: cpus().length, ...run.machine, loadAverageBefore: run.loadAverageBefore, loadAverageAfter: loadavg() },
    },
    wall: () => {
      const finished = new Date();
      return { startedAt: run.startedAt.toISOString(), finishedAt: finished.toISOString(), seconds: (finished.getTime() - run.startedAt.getTime()) / 1000 };
    },
  });
}
