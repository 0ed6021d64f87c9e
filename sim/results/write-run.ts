/**
 * Writes a run's results folder: one tidy CSV per table, `summary.json`, and `manifest.json` last
 * (it lists the other files, so its presence means the folder is complete). Every file is written
 * atomically. Everything but `manifest.json`'s `wall` fields is byte-identical for the same
 * scenario and seed.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LoadedScenario } from "../../scenarios/load.ts";
import { packageVersion } from "../../base/version.ts";
import { writeFileAtomic } from "../../base/results/atomic-write.ts";
import { tableToCsv } from "../../base/results/csv.ts";
import { gitCommitOf, type Manifest } from "../../base/results/manifest.ts";
import type { ReplicationsResult } from "../run/replications.ts";

export interface RunFolderInput {
  loaded: LoadedScenario;
  result: ReplicationsResult;
  overrides: string[];
  world?: Manifest["world"];
  wall: Manifest["wall"];
}

/** Writes the folder and returns the names of the files written (manifest.json last). */
export function writeRunFolder(dir: string, input: RunFolderInput): string[] {
  const files: string[] = [];
  for (const table of input.result.tables) {
    const name = `${table.name}.csv`;
    writeFileAtomic(join(dir, name), tableToCsv(table));
    files.push(name);
  }
  writeFileAtomic(join(dir, "summary.json"), `${JSON.stringify(input.result.summary, null, 2)}\n`);
  files.push("summary.json");
  const { scenario } = input.loaded;
  const manifest: Manifest = {
    tool: "gnf-lab",
    packageVersion: packageVersion(),
    gitCommit: gitCommitOf(fileURLToPath(new URL("../..", import.meta.url))),
    nodeVersion: process.version,
    world: input.world ?? "simulation",
    scenario: { file: input.loaded.file, sha256: input.loaded.sha256, name: scenario.name },
    seed: scenario.seed,
    replications: scenario.replications,
    replicationSeeds: input.result.seeds,
    effectiveConfig: scenario,
    overrides: input.overrides,
    files: [...files, "manifest.json"],
    wall: input.wall,
  };
  writeFileAtomic(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  files.push("manifest.json");
  return files;
}
