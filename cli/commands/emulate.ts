/**
 * `gnf emulate <scenario.yaml>`: run a scenario in the emulation lab (Mininet, Open vSwitch,
 * Docker container vNFs, our OpenFlow controller) for its `duration` in wall time, with the same
 * GNF Manager as `gnf run`, and write a results folder like `gnf run`'s (`world: "emulation"`).
 * Everything the run creates is torn down on exit, on failure and on Ctrl-C/SIGTERM.
 */
import type { Command } from "commander";
import { join } from "node:path";
import { loadScenarioArg } from "../scenario-arg.ts";
import { collect } from "./check.ts";
import { parseSeed } from "../parse.ts";
import { emulateScenario } from "../../scenarios/worlds/emulate.ts";
import { writeRunFolder } from "../../scenarios/run-folder.ts";
import { openResultsFolder, withResultsFolder } from "../../base/results/results-folder.ts";
import { formatSummaryLines, summarise, type Summary } from "../../base/results/summary.ts";
import type { LoadedScenario } from "../../scenarios/load.ts";
import type { DeviceLimitMode } from "../../emulation/vnf/host-limits.ts";

interface EmulateOptions {
  seed?: string;
  out?: string;
  force?: boolean;
  set: string[];
  quiet?: boolean;
  deviceLimits: boolean;
}

export function registerEmulate(program: Command): void {
  program
    .command("emulate")
    .description("run a scenario in the emulation lab (Mininet + OVS + Docker vNFs) for its duration in wall time and write its results")
    .argument("<scenario>", "scenario file (.yaml)")
    .option("--seed <n>", "master seed (overrides the scenario's seed)")
    .option("--out <dir>", "results folder (default: <outputs.directory>/<name>/<run-id>-emulation)")
    .option("--force", "replace an existing non-empty --out folder whole (default: refuse it)")
    .option("--set <key.path=value...>", "override a scenario key, e.g. --set duration=30 (repeatable)", collect, [])
    .option("-q, --quiet", "no progress lines and no summary on stdout")
    .option("--no-device-limits", "run every host as this machine, without its Table I device's CPU quota and memory limit (scaled to this machine by its measured core speed)")
    .action(async (file: string, options: EmulateOptions) => {
      const loaded = loadScenarioArg(file, options.set);
      const scenario = options.seed === undefined ? loaded.scenario : { ...loaded.scenario, seed: parseSeed(options.seed) };
      const log = options.quiet ? undefined : (line: string): void => void process.stderr.write(`gnf emulate: ${line}\n`);
      const deviceLimits = options.deviceLimits ? "table-i" : "lab";
      const runId = `${new Date().toISOString().replace(/[:.]/g, "-")}-seed${scenario.seed}-emulation`;
      const outDir = options.out ?? join(scenario.outputs.directory, scenario.name, runId);
      // Opened (and `outDir` checked) before the lab starts: a bad --out fails before any work.
      const folder = openResultsFolder(outDir, { force: options.force ?? false });
      const summary = await withResultsFolder(folder, (tempDir) => emulateIntoFolder(tempDir, { ...loaded, scenario }, { overrides: options.set, deviceLimits, ...(log ? { log } : {}) }));
      if (!options.quiet) process.stdout.write(`${formatSummaryLines(summary).join("\n")}\nresults: ${outDir}\n`);
    });
}

export interface EmulateIntoFolderOptions {
  /** `--set` overrides the scenario was loaded with (recorded in the manifest). */
  overrides: string[];
  deviceLimits: DeviceLimitMode;
  log?: (line: string) => void;
}

/**
 * Runs `loaded.scenario` in the lab (its own seed) and writes the results folder into `dir` (an
 * open results folder's temporary folder); resolves with the run's summary.
 */
export async function emulateIntoFolder(dir: string, loaded: LoadedScenario, options: EmulateIntoFolderOptions): Promise<Summary> {
  const { scenario } = loaded;
  const startedAt = new Date();
  const output = await emulateScenario(scenario, scenario.seed, options.log ? { log: options.log } : {}, options.deviceLimits);
  const finishedAt = new Date();
  const summary = summarise(scenario.name, scenario.seed, [output]);
  writeRunFolder(dir, {
    loaded: { ...loaded, scenario: { ...scenario, replications: 1 } },
    result: { seeds: [scenario.seed], summary, tables: output.tables.map((t) => ({ name: t.name, columns: ["replication", ...t.columns], rows: t.rows.map((r) => [0, ...r]) })) },
    overrides: options.overrides,
    world: "emulation",
    deviceLimits: options.deviceLimits,
    wall: { startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), seconds: (finishedAt.getTime() - startedAt.getTime()) / 1000 },
  });
  return summary;
}
