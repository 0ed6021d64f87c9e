/**
 * The data dictionary of every results folder, assembled from the specs each recorder declares
 * beside its code (`base/results/data-dictionary.ts`): `gnf describe outputs` prints it and
 * `results/README.md` holds it between the markers below (`write-results-readme.ts` regenerates
 * it; `outputs-dictionary.test.ts` fails when it is stale or when a run writes a table, column or
 * metric it does not describe).
 */
import type { DictionarySection, MetricSpec, TableSpec } from "../base/results/data-dictionary.ts";
import { MANAGER_METRICS, MANAGER_TABLES } from "../deployment/manager-outputs.ts";
import { CONNECTIONS_TABLE, EDGE_WORLD_METRICS } from "../sim/world/edge-world.ts";
import { CONTAINER_BATCH_METRICS, HOST_MEMORY_TABLE } from "../sim/models/container-batch/index.ts";
import { VNF_LIFECYCLE_TABLE } from "../deployment/vnf-lifecycle-table.ts";
import { SIM_RUN_METRICS } from "../sim/run/run-scenario.ts";
import { EMULATION_METRICS, EMULATION_TABLES } from "../emulation/backend/emulation-outputs.ts";
import { CAMPAIGN_METRICS, CAMPAIGN_TABLES } from "../emulation/harness/campaign-outputs.ts";
import { MEASURE_METRICS, MEASURE_TABLES } from "../emulation/harness/measure-outputs.ts";

const metrics = (specs: Record<string, MetricSpec>): MetricSpec[] => Object.values(specs);

export const OUTPUT_SECTIONS: readonly DictionarySection[] = [
  {
    title: "Every `gnf run` and `gnf emulate` folder",
    about:
      "`manifest.json` (provenance, written last: a folder without it is incomplete), `summary.json` (each metric's `value`, `unit`, `description`; with `replications` > 1 the mean, `ci95` and per-replication `values`; a value that could not be measured is `null` there and `n/a` in the terminal), and one CSV per table. Every CSV of these two commands starts with a `replication` column (0-based index of the replication; its seed is in the manifest). Empty cells: not measured or not applicable; `NaN`: a numeric value that is undefined. Times in seconds from the start of the run (simulated time, or the lab backend's clock), durations and latencies in ms. Every simulation run reports the metrics below first.",
    tables: [],
    metrics: metrics(SIM_RUN_METRICS),
  },
  {
    title: "Scenarios with chains — the GNF Manager (both worlds)",
    about:
      "A scenario with a `topology` and `chains`, `ueChains` or `mitigation` (roaming, fig4-roaming, ddos-iot, troubleshooting, placement-melbourne, default). The same tables and metrics, with the same columns, in `gnf run` (simulator) and `gnf emulate` (lab). `core_utilisation`, `core.bytes` and `core.meanBps`: simulator only; `mitigations` and `mitigation.*`: with `mitigation` only. `handover_interruptions` and `migrations` both have an `interruption_ms`: they time different steering switches (see each column).",
    tables: MANAGER_TABLES,
    metrics: metrics(MANAGER_METRICS),
  },
  {
    title: "Scenarios without chains — the plain edge world (simulator)",
    about:
      "A scenario with a `topology` and no chains (edge-city). `handovers`, `ue_latency` and `core_utilisation` have exactly the columns, units and meanings of the tables of the same names above (with no chains: `chain` empty, `steered` false, `chain_latency_ms` empty, `dropped_pps` 0, `overloaded` false); the metrics of the same names mean the same. Its own table and metric:",
    tables: [CONNECTIONS_TABLE],
    metrics: [...metrics(EDGE_WORLD_METRICS)],
  },
  {
    title: "Scenarios with `instantiation` — container batches (simulator)",
    about: "A scenario with an `instantiation` section (instantiation.yaml): batches of container vNFs started on the configured hosts. `<host>`: a host's `name`.",
    tables: [VNF_LIFECYCLE_TABLE, HOST_MEMORY_TABLE],
    metrics: metrics(CONTAINER_BATCH_METRICS),
  },
  {
    title: "`gnf emulate` — the lab's own tables",
    about: "After the Manager-level tables and metrics, the lab adds these (times on the backend clock, rounded to µs).",
    tables: EMULATION_TABLES,
    metrics: metrics(EMULATION_METRICS),
  },
  {
    title: "`gnf emulation campaign` — lab measurement campaigns",
    about:
      "The campaign's folder (no `replication` column: `repetition` instead). The tables are a contract with the calibration (`gnf calibrate`): the leading columns never change and new ones go at the end; non-integer numbers carry 6 significant digits. Every table is written, header only when its part did not run. Metric names hold `<…>` parts filled in from what was measured.",
    tables: CAMPAIGN_TABLES,
    metrics: metrics(CAMPAIGN_METRICS),
  },
  {
    title: "`gnf emulation measure … --results DIR` — one Fig. 2 measurement on the lab",
    about: "The folder of one measurement (`rtt`, `instantiation` or `memory`): its tables and metrics (no `replication` column). `vnf_lifecycle` has the simulator's columns after a leading `run`.",
    tables: MEASURE_TABLES,
    metrics: metrics(MEASURE_METRICS),
  },
];

/** The tables `gnf run` may write (the simulator's), by name. */
export function simulationTables(): Map<string, TableSpec> {
  return new Map([...MANAGER_TABLES, CONNECTIONS_TABLE, VNF_LIFECYCLE_TABLE, HOST_MEMORY_TABLE].map((t) => [t.name, t]));
}

/** The metrics `gnf run` may report. */
export function simulationMetrics(): MetricSpec[] {
  return [...metrics(SIM_RUN_METRICS), ...metrics(MANAGER_METRICS), ...metrics(EDGE_WORLD_METRICS), ...metrics(CONTAINER_BATCH_METRICS)];
}

/** Where the generated section starts and ends in `results/README.md`. */
export const README_BEGIN = "<!-- BEGIN data dictionary: generated by `npm run dictionary`; do not edit by hand -->";
export const README_END = "<!-- END data dictionary -->";

/** `readme` with the section between the markers replaced by `body` (markers added at the end when absent). */
export function withDictionarySection(readme: string, body: string): string {
  const block = `${README_BEGIN}\n\n${body.trimEnd()}\n\n${README_END}`;
  const begin = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (begin < 0 || end < begin) return `${readme.trimEnd()}\n\n## Data dictionary\n\n${block}\n`;
  return `${readme.slice(0, begin)}${block}${readme.slice(end + README_END.length)}`;
}
