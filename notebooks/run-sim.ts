/** Runs a ready-made scenario (scenarios/<name>.yaml) with overrides, for the figures. */
import { fileURLToPath } from "node:url";
import { loadScenarioFile } from "../scenarios/load.ts";
import { runScenario } from "../sim/run/run-scenario.ts";
import type { Cell, RunOutput, Table } from "../base/tables.ts";

export async function runReadyMade(name: string, overrides: string[] = []): Promise<RunOutput> {
  const { scenario } = loadScenarioFile(fileURLToPath(new URL(`../scenarios/${name}.yaml`, import.meta.url)), { overrides });
  return runScenario(scenario, scenario.seed);
}

/** The rows of table `name` as objects keyed by column. */
export function tableRows(out: RunOutput, name: string): Record<string, Cell>[] {
  const t = out.tables.find((x) => x.name === name);
  if (!t) throw new Error(`the run has no table "${name}"`);
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i] ?? null])));
}

/** A metric's value (NaN when absent). */
export function metric(out: RunOutput, name: string): number {
  return out.metrics[name]?.value ?? Number.NaN;
}

export type { Table };
