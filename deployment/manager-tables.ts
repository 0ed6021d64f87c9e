/**
 * Tables built from the GNF Manager's own records, the same in both worlds (sim and emulation):
 * `migrations`, one row per migration timeline (columns: `MIGRATIONS_TABLE`).
 */
import type { Manager } from "../orchestrator/manager.ts";
import { tableRecorder } from "../base/results/data-dictionary.ts";
import type { Table } from "../base/tables.ts";
import { MIGRATIONS_TABLE } from "./manager-outputs.ts";
import { round6 as round } from "./rounding.ts";

/** The `migrations` table of a Manager's migration records. */
export function migrationsTable(manager: Manager): Table {
  const t = tableRecorder(MIGRATIONS_TABLE);
  const n = (x: number | undefined) => (x === undefined ? null : round(x));
  for (const m of manager.migrations()) {
    const moves = m.moves.map((v) => `${v.vnfType}:${v.fromHost}->${v.toHost}`).join(" ");
    t.add([m.id, m.chain, m.ue, m.reason, m.mode, m.outcome, moves, n(m.triggerTime), n(m.decisionTime), n(m.newReadyTime), n(m.stateTransferredTime), n(m.steeringSwitchedTime), n(m.oldStoppedTime), n(m.endTime), m.interruptionS === undefined ? null : round(m.interruptionS * 1000)]);
  }
  return t.toTable();
}
