/**
 * Tables built from the GNF Manager's own records, the same in both worlds (sim and emulation):
 * `migrations`, one row per migration timeline (times in seconds, interruption in ms).
 */
import type { Manager } from "../orchestrator/manager.ts";
import { TableRecorder } from "../base/trace.ts";
import type { Table } from "../base/tables.ts";
import { round6 as round } from "./rounding.ts";

/** The `migrations` table of a Manager's migration records. */
export function migrationsTable(manager: Manager): Table {
  const t = new TableRecorder("migrations", ["id", "chain", "ue", "reason", "mode", "outcome", "moves", "trigger_s", "decision_s", "ready_s", "state_transferred_s", "steering_switched_s", "old_stopped_s", "end_s", "interruption_ms"]);
  const n = (x: number | undefined) => (x === undefined ? null : round(x));
  for (const m of manager.migrations()) {
    const moves = m.moves.map((v) => `${v.vnfType}:${v.fromHost}->${v.toHost}`).join(" ");
    t.add([m.id, m.chain, m.ue, m.reason, m.mode, m.outcome, moves, n(m.triggerTime), n(m.decisionTime), n(m.newReadyTime), n(m.stateTransferredTime), n(m.steeringSwitchedTime), n(m.oldStoppedTime), n(m.endTime), m.interruptionS === undefined ? null : round(m.interruptionS * 1000)]);
  }
  return t.toTable();
}
