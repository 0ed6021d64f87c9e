/**
 * Runs a scenario's replications: replication i uses `replicationSeed(seed, i)` (replication 0 the
 * scenario's own seed), so one replication equals a plain run. Tables of all replications are
 * concatenated with a leading `replication` column (tidy data).
 */
import { replicationSeed } from "../../base/rng.ts";
import { summarise, type Summary } from "../../base/results/summary.ts";
import { runScenario, type SimRunConfig } from "./run-scenario.ts";
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
  for (const [i, seed] of seeds.entries()) runs.push(await runner(scenario, seed, { onProgress: (simTime, events) => hooks.onProgress?.(i, simTime, events), ...(hooks.wallClock ? { wallClock: hooks.wallClock } : {}), ...(hooks.pause ? { pause: hooks.pause } : {}) }));
  return { seeds, runs, summary: summarise(scenario.name, scenario.seed, runs), tables: mergeTables(runs) };
}

function mergeTables(runs: readonly RunOutput[]): Table[] {
  const merged = new Map<string, Table>();
  runs.forEach((run, replication) => {
    for (const table of run.tables) {
      let target = merged.get(table.name);
      if (!target) {
        target = { name: table.name, columns: ["replication", ...table.columns], rows: [] };
        merged.set(table.name, target);
      }
      for (const row of table.rows) target.rows.push([replication, ...row]);
    }
  });
  return [...merged.values()];
}
