/**
 * Runs a scenario's replications: replication i uses `replicationSeed(seed, i)` (replication 0 the
 * scenario's own seed), so one replication equals a plain run. Tables of all replications are
 * concatenated with a leading `replication` column (tidy data).
 *
 * With `tableDir`, the runs stream their per-observation tables into that folder as they run (one
 * hidden file per table, all replications; `base/results/table-stream.ts`) and the merged tables
 * name those files: the caller then writes the results folder in `tableDir` (the files are renamed
 * into place). Without it, every table is held in memory. The bytes written are the same.
 */
import { replicationSeed } from "../../base/rng.ts";
import { summarise, type Summary } from "../../base/results/summary.ts";
import { runScenario, type SimRunConfig } from "./run-scenario.ts";
import { StreamedTables } from "../../base/results/table-stream.ts";
import type { RunHooks, RunOutput, Table } from "../../base/tables.ts";

export interface ReplicationsResult {
  seeds: number[];
  runs: RunOutput[];
  summary: Summary;
  tables: Table[];
}

export interface ReplicationHooks {
  onProgress?(replication: number, simTime: number, events: number): void;
  /** Passed to every replication (see `RunHooks.wallClock`). */
  wallClock?: () => number;
  /**
   * Folder to stream tables into while running (the results folder, or its temporary folder);
   * created if needed. On failure the streamed files are removed.
   */
  tableDir?: string;
  /** With `tableDir`: values a tally keeps in memory before spilling to a file there (default 2^20). */
  sampleMemoryLimit?: number;
  /** Passed to every replication (see `RunHooks.pause`). */
  pause?: () => Promise<void>;
}

/** What replications read of a run's config. */
export interface ReplicatedConfig {
  name: string;
  seed: number;
  replications: number;
}

export type ScenarioRunner<C> = (config: C, seed: number, hooks: RunHooks) => Promise<RunOutput>;

export async function runReplications<C extends ReplicatedConfig & SimRunConfig>(scenario: C, hooks: ReplicationHooks = {}, runner: ScenarioRunner<C> = runScenario): Promise<ReplicationsResult> {
  const seeds = Array.from({ length: scenario.replications }, (_, i) => replicationSeed(scenario.seed, i));
  const runs: RunOutput[] = [];
  const streamed = hooks.tableDir === undefined ? undefined : new StreamedTables(hooks.tableDir, hooks.sampleMemoryLimit);
  try {
    for (const [i, seed] of seeds.entries()) {
      const runHooks: RunHooks = {
        onProgress: (simTime, events) => hooks.onProgress?.(i, simTime, events),
        ...(hooks.wallClock ? { wallClock: hooks.wallClock } : {}),
        ...(hooks.pause ? { pause: hooks.pause } : {}),
        ...(streamed ? { streams: streamed.replication(i) } : {}),
      };
      runs.push(await runner(scenario, seed, runHooks));
    }
    streamed?.close();
  } catch (error) {
    streamed?.discard();
    throw error;
  }
  return { seeds, runs, summary: summarise(scenario.name, scenario.seed, runs), tables: mergeTables(runs) };
}

/**
 * The runs' tables, each with a leading `replication` column, in order of first appearance. A
 * streamed table's rows are already in its file (with that column): the merged table names the
 * file and counts the rows of every replication.
 */
export function mergeTables(runs: readonly RunOutput[]): Table[] {
  const merged = new Map<string, Table>();
  runs.forEach((run, replication) => {
    for (const table of run.tables) {
      let target = merged.get(table.name);
      if (!target) {
        target = { name: table.name, columns: ["replication", ...table.columns], rows: [], ...(table.streamed ? { streamed: { file: table.streamed.file, rows: 0 } } : {}) };
        merged.set(table.name, target);
      }
      if ((target.streamed === undefined) !== (table.streamed === undefined) || (table.streamed && target.streamed?.file !== table.streamed.file)) {
        throw new Error(`table ${table.name}: streamed in one replication and not in another`);
      }
      if (table.streamed && target.streamed) target.streamed.rows += table.streamed.rows;
      else for (const row of table.rows) target.rows.push([replication, ...row]);
    }
  });
  return [...merged.values()];
}
