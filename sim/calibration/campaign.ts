/**
 * A lab measurement campaign read back from its results folder (`gnf emulation campaign`): the
 * tidy tables the calibration and the validation use, the machine facts of its manifest, and the
 * sha256 of every file read (a calibration profile records them). Missing files or columns are a
 * UserError naming the file and what was expected.
 *
 * Units as in the tables: ms for step durations and RTTs, s for batch makespans, bytes for memory.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../../base/errors.ts";
import { parseCsv } from "../../base/results/csv.ts";

/** One table of a campaign: its rows as records of text, and how to read a column as a number. */
export interface CampaignTable {
  file: string;
  rows: Record<string, string>[];
}

export interface SourceFile {
  /** Path as read. */
  path: string;
  sha256: string;
}

export interface CampaignMachine {
  /** CPU model string, when the manifest has it. */
  cpuModel?: string;
  /** Logical CPUs of the lab machine. */
  cores: number;
  /** Speed of one lab core relative to the reference core (an i7 core at 3.4 GHz); 1 when unknown. */
  coreSpeed: number;
}

export interface Campaign {
  folder: string;
  machine: CampaignMachine;
  sources: SourceFile[];
  tables: Map<string, CampaignTable>;
}

/** Tables a calibration needs (others are read when present). */
export const CAMPAIGN_TABLES = ["lifecycle", "lifecycle_batches", "memory", "rtt", "flowmod", "roaming", "forwarding", "forwarding_baseline", "device_scaling"] as const;

/** Reads the campaign folder `folder` (tables that are absent are left out; `require` names those that must be there). */
export function readCampaign(folder: string, require: readonly string[] = []): Campaign {
  const manifestPath = join(folder, "manifest.json");
  if (!existsSync(manifestPath)) throw new UserError(`${folder}: not a results folder (no manifest.json); expected the folder \`gnf emulation campaign\` wrote`);
  const sources: SourceFile[] = [];
  const read = (path: string): string => {
    const text = readFileSync(path, "utf8");
    sources.push({ path, sha256: createHash("sha256").update(text).digest("hex") });
    return text;
  };
  const manifest = JSON.parse(read(manifestPath)) as Record<string, unknown>;
  const tables = new Map<string, CampaignTable>();
  for (const name of new Set([...CAMPAIGN_TABLES, ...require])) {
    const file = join(folder, `${name}.csv`);
    if (!existsSync(file)) {
      if (require.includes(name)) throw new UserError(`${folder}: ${name}.csv is missing; expected a campaign with the ${name} table (run \`gnf emulation campaign\`)`);
      continue;
    }
    tables.set(name, { file, rows: parseCsv(read(file)) });
  }
  return { folder, machine: machineOf(manifest, tables.get("device_scaling")), sources, tables };
}

function machineOf(manifest: Record<string, unknown>, scaling: CampaignTable | undefined): CampaignMachine {
  const machine = (manifest["machine"] ?? {}) as Record<string, unknown>;
  const cores = Number(machine["cores"] ?? machine["cpus"] ?? 0);
  const speeds = (scaling?.rows ?? []).map((r) => Number(r["lab_core_speed"])).filter((x) => Number.isFinite(x) && x > 0);
  const cpuModel = machine["cpuModel"] ?? machine["cpu_model"];
  return { cores: cores > 0 ? cores : 1, coreSpeed: speeds[0] ?? 1, ...(typeof cpuModel === "string" ? { cpuModel } : {}) };
}

/** The rows of table `name` (empty when absent). */
export function rowsOf(campaign: Campaign, name: string): Record<string, string>[] {
  return campaign.tables.get(name)?.rows ?? [];
}

/** Column `column` of a row as a number; a UserError naming the file when it is not one. */
export function num(campaign: Campaign, table: string, row: Record<string, string>, column: string): number {
  const text = row[column];
  const value = text === undefined || text === "" ? Number.NaN : text === "Inf" ? Infinity : Number(text);
  if (text === undefined) throw new UserError(`${campaign.tables.get(table)?.file ?? `${campaign.folder}/${table}.csv`}: column ${column} is missing`);
  return value;
}

/** A column as a boolean ("true"/"false"). */
export function flag(row: Record<string, string>, column: string): boolean {
  return row[column] === "true";
}
