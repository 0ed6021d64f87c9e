/**
 * `gnf run [scenario.yaml]`: simulate a scenario (the built-in default when none is given) and
 * write its results folder: manifest.json, summary.json and tidy CSVs.
 */
import type { Command } from "commander";
import { join } from "node:path";
import { loadScenarioArg } from "../scenario-arg.ts";
import { ALLOW_LONG_RUN_FLAG, checkRunSize } from "../size-check.ts";
import { collect } from "./check.ts";
import { parseSeed } from "../parse.ts";
import { ProgressBar } from "../progress.ts";
import { runReplications } from "../../sim/run/replications.ts";
import { writeRunFolder } from "../../scenarios/run-folder.ts";
import { formatSummaryLines } from "../../base/results/summary.ts";
import { openResultsFolder, withResultsFolder, yieldToSignals } from "../../base/results/results-folder.ts";

interface RunOptions {
  seed?: string;
  out?: string;
  force?: boolean;
  set: string[];
  quiet?: boolean;
  allowLongRun?: boolean;
}

export function registerRun(program: Command): void {
  program
    .command("run")
    .description("simulate a scenario and write its results (default: the built-in scenario)")
    .argument("[scenario]", "scenario file (.yaml); default: scenarios/default.yaml")
    .option("--seed <n>", "master seed (overrides the scenario's seed)")
    .option("--out <dir>", "results folder (default: <outputs.directory>/<name>/<run-id>)")
    .option("--force", "replace an existing non-empty --out folder whole (default: refuse it)")
    .option("--set <key.path=value...>", "override a scenario key, e.g. --set duration=60 (repeatable)", collect, [])
    .option("-q, --quiet", "no progress bar and no summary on stdout")
    .option(ALLOW_LONG_RUN_FLAG, "run even when the estimated wall time is above 24 h")
    .action(async (file: string | undefined, options: RunOptions) => {
      const loaded = loadScenarioArg(file, options.set);
      const scenario = options.seed === undefined ? loaded.scenario : { ...loaded.scenario, seed: parseSeed(options.seed) };
      checkRunSize(scenario, options.allowLongRun ?? false, (line) => process.stderr.write(`gnf: ${line}\n`));
      const startedAt = new Date();
      const runId = `${startedAt.toISOString().replace(/[:.]/g, "-")}-seed${scenario.seed}`;
      const outDir = options.out ?? join(scenario.outputs.directory, scenario.name, runId);
      // Opened (and `outDir` checked) before the run: a bad --out fails before any work.
      const folder = openResultsFolder(outDir, { force: options.force ?? false });
      const result = await withResultsFolder(folder, async (tempDir) => {
        const progress = ProgressBar.forStderr(options.quiet ?? false, `${scenario.name} `);
        // The simulation is synchronous between its progress slices; it pauses there, at most every
        // SIGNAL_CHECK_MS of wall time, so a Ctrl-C is handled within a replication too.
        const hooks = {
          onProgress: (replication: number, simTime: number, events: number) =>
            progress.update((replication + simTime / scenario.duration) / scenario.replications, events),
          wallClock: () => performance.now() / 1000,
          pause: throttledSignalCheck(),
        };
        // Tables stream into the temporary folder while the run goes on (memory bounded in the run's length).
        const result = await runReplications(scenario, { ...hooks, tableDir: tempDir });
        progress.done();
        const finishedAt = new Date();
        writeRunFolder(tempDir, {
          loaded: { ...loaded, scenario },
          result,
          overrides: options.set,
          wall: { startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), seconds: (finishedAt.getTime() - startedAt.getTime()) / 1000, ...placementWall(result.runs) },
        });
        return result;
      });
      if (!options.quiet) {
        const placement = placementWall(result.runs).placementSeconds;
        const timing = placement === undefined ? "" : `placement: ${placement.toFixed(3)} s wall in the placer (manifest.json wall.placementSeconds)\n`;
        process.stdout.write(`${formatSummaryLines(result.summary).join("\n")}\n${timing}results: ${outDir}\n`);
      }
    });
}

/** The placement wall time of the replications, when any was measured. */
function placementWall(runs: readonly { placementWallSeconds?: number }[]): { placementSeconds?: number } {
  const timed = runs.filter((r) => r.placementWallSeconds !== undefined);
  return timed.length === 0 ? {} : { placementSeconds: timed.reduce((s, r) => s + (r.placementWallSeconds as number), 0) };
}

/** Wall time between two checks for a pending signal, ms (each check waits ~10 ms). */
const SIGNAL_CHECK_MS = 200;

/** A pause hook that lets pending signals be handled, at most every SIGNAL_CHECK_MS of wall time. */
function throttledSignalCheck(): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < SIGNAL_CHECK_MS) return;
    await yieldToSignals();
    last = performance.now();
  };
}
