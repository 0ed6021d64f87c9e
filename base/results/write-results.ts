/**
 * The one writer of results folders, for both worlds and every measurement: one tidy CSV per
 * table, `summary.json`, and `manifest.json` last (it lists the other files, so its presence means
 * the folder is complete). Every file is written atomically. The manifest starts with the
 * provenance every folder has (tool, package version, git commit, Node version), then the
 * caller's fields, then `files` and `wall` (the only wall-clock facts).
 *
 * A streamed table (`table.streamed`, see `table-stream.ts`) is already complete on disk: its
 * file is renamed into place as `<name>.csv` (an atomic rename, as for the other files), so the
 * folder the run streamed into should be `dir` itself (or a folder on the same file system).
 *
 * @example writeResultsFolder(dir, { tables, summary, manifest: { world: "simulation", seed: 1 }, wall: () => ({ … }) })
 */
import { renameSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { packageVersion } from "../version.ts";
import type { Table } from "../tables.ts";
import { writeFileAtomic } from "./atomic-write.ts";
import { tableToCsv } from "./csv.ts";
import { gitCommitOf } from "./manifest.ts";

/** Provenance fields of every manifest. */
export interface Provenance {
  tool: "gnf-lab";
  packageVersion: string;
  /** `git rev-parse HEAD` of the checkout the tool runs from, or null outside a git checkout. */
  gitCommit: string | null;
  nodeVersion: string;
}

export interface ResultsFolder<M extends object, W extends object> {
  tables: readonly Table[];
  /** Written as `summary.json`. */
  summary: unknown;
  /** The manifest's own fields (after the provenance, before `files` and `wall`). */
  manifest: M;
  /** Wall-clock facts, read when the manifest is written (after the other files). */
  wall: () => W;
}

export function provenance(): Provenance {
  return { tool: "gnf-lab", packageVersion: packageVersion(), gitCommit: gitCommitOf(fileURLToPath(new URL("../..", import.meta.url))), nodeVersion: process.version };
}

/** Writes the folder and returns the names of the files written (manifest.json last). */
export function writeResultsFolder<M extends object, W extends object>(dir: string, folder: ResultsFolder<M, W>): string[] {
  const files: string[] = [];
  for (const table of folder.tables) {
    const name = `${table.name}.csv`;
    if (table.streamed) renameSync(table.streamed.file, join(dir, name));
    else writeFileAtomic(join(dir, name), tableToCsv(table));
    files.push(name);
  }
  writeFileAtomic(join(dir, "summary.json"), `${JSON.stringify(folder.summary, null, 2)}\n`);
  files.push("summary.json");
  const manifest = { ...provenance(), ...folder.manifest, files: [...files, "manifest.json"], wall: folder.wall() };
  writeFileAtomic(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  files.push("manifest.json");
  return files;
}
