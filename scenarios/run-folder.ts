/**
 * The results folder of a scenario run, in either world (`gnf run`, `gnf emulate`), written by
 * the one results writer (`base/results/write-results.ts`). The manifest records the scenario
 * file and its hash, the seeds, the effective config and the `--set` overrides. Everything but
 * `manifest.json`'s `wall` fields is byte-identical for the same scenario and seed.
 */
import type { Manifest } from "../base/results/manifest.ts";
import type { Summary } from "../base/results/summary.ts";
import { writeResultsFolder } from "../base/results/write-results.ts";
import type { Table } from "../base/tables.ts";
import type { LoadedScenario } from "./load.ts";

/** What the replications of a run produced. */
export interface RunResults {
  seeds: number[];
  summary: Summary | Record<string, unknown>;
  tables: Table[];
}

export interface RunFolderInput {
  loaded: LoadedScenario;
  result: RunResults;
  overrides: string[];
  world?: Manifest["world"];
  wall: Manifest["wall"];
  deviceLimits?: Manifest["deviceLimits"];
}

/** Writes the folder and returns the names of the files written (manifest.json last). */
export function writeRunFolder(dir: string, input: RunFolderInput): string[] {
  const { scenario } = input.loaded;
  return writeResultsFolder(dir, {
    tables: input.result.tables,
    summary: input.result.summary,
    manifest: {
      world: input.world ?? "simulation",
      scenario: { file: input.loaded.file, sha256: input.loaded.sha256, name: scenario.name },
      seed: scenario.seed,
      replications: scenario.replications,
      replicationSeeds: input.result.seeds,
      effectiveConfig: scenario,
      overrides: input.overrides,
      ...(input.deviceLimits !== undefined ? { deviceLimits: input.deviceLimits } : {}),
    },
    wall: () => input.wall,
  });
}
