/**
 * Tidy tables of the Fig. 2 measurements, in the simulator's shapes (`base/tables.ts`, snake_case
 * columns with units), so emulated and simulated results sit side by side. `vnf_lifecycle` has the
 * same columns as the simulator's container-batch table (time_s, host, vnf, event, detail), with
 * time from the first create call and host "lab". Columns with units and meanings:
 * `measure-outputs.ts`. Pure.
 */
import type { Table } from "../../base/tables.ts";
import { columnNames } from "../../base/results/data-dictionary.ts";
import { IDLE_MEMORY_TABLE, INSTANTIATION_TABLE, LAB_VNF_LIFECYCLE_TABLE, RTT_SAMPLES_TABLE, RTT_SUMMARY_TABLE } from "./measure-outputs.ts";
import type { InstantiationResult } from "./instantiation.ts";
import type { MemoryResult } from "./memory.ts";
import type { IdleRttResult } from "./rtt.ts";

/** `rtt_samples` (one row per ping reply) and `rtt_summary` (one row per chain length). */
export function rttTables(r: IdleRttResult): Table[] {
  return [
    { name: RTT_SAMPLES_TABLE.name, columns: columnNames(RTT_SAMPLES_TABLE), rows: r.points.flatMap((p) => p.rttsMs.map((ms, i) => [p.vnfs, i, ms])) },
    { name: RTT_SUMMARY_TABLE.name, columns: columnNames(RTT_SUMMARY_TABLE), rows: r.points.map((p) => [p.vnfs, p.sent, p.received, p.p50Ms, p.p95Ms, p.p99Ms, p.meanMs]) },
  ];
}

/** `instantiation` (one row per vNF and run, phases in ms) and `vnf_lifecycle` (one row per event). */
export function instantiationTables(runs: readonly InstantiationResult[]): Table[] {
  const columns = columnNames(INSTANTIATION_TABLE);
  const lifecycle: Table = { name: LAB_VNF_LIFECYCLE_TABLE.name, columns: columnNames(LAB_VNF_LIFECYCLE_TABLE), rows: [] };
  const rows = runs.flatMap((r, run) =>
    r.vnfs.map((v) => {
      const vnf = `${r.kind}-${v.index}`;
      const detail = `parallelism=${r.parallelism}`;
      for (const [event, ms] of [["created", v.createAtMs + v.createMs], ["started", v.createAtMs + v.createMs + v.startMs], ["ready", v.readyAtMs], ["forwarding", v.forwardingAtMs]] as const) {
        lifecycle.rows.push([run, ms / 1000, "lab", vnf, event, detail]);
      }
      return [r.parallelism, r.count, v.index, v.createMs, v.startMs, v.attachMs, v.readyLineMs, v.createAtMs, v.readyAtMs, v.forwardingAtMs, v.stopMs, v.removeMs];
    }),
  );
  lifecycle.rows.sort((a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number));
  return [{ name: INSTANTIATION_TABLE.name, columns, rows }, lifecycle];
}

/** `idle_memory`: one row per checkpoint (N idle vNFs), bytes. */
export function memoryTables(r: MemoryResult): Table[] {
  return [
    {
      name: IDLE_MEMORY_TABLE.name,
      columns: columnNames(IDLE_MEMORY_TABLE),
      rows: r.points.map((p) => [p.vnfs, p.meanUsageBytes, p.meanRssBytes, p.meanCacheBytes, p.meanKmemBytes, p.totalUsageBytes, p.hostDeltaBytes]),
    },
  ];
}
