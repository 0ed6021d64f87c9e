/**
 * The data dictionary of results: every table's columns and every metric, each with its unit and
 * meaning, declared once next to the code that records it. A recorder builds its `TableRecorder`
 * from its `TableSpec` (`tableRecorder`) and its metrics from `MetricSpec`s (`metricOf`), so a
 * column or metric cannot be written without its description. `gnf describe outputs` and the
 * generated section of `results/README.md` print the specs (`dictionaryText`, `dictionaryMarkdown`).
 *
 * Units: "s", "ms", "bytes", "bit/s", "packets/s", "packets", "count", "ratio" (0..1), "dBm",
 * "cores", "MB" (10^6 bytes), "boolean", "text" (names, ids and labels), "index" (0-based ordinal).
 *
 * @example
 *   const HANDOVERS = defineTable("handovers", "one row per handover", [
 *     ["time_s", "s", "when the UE changed cells"],
 *     ["ue", "text", "the UE"],
 *   ]);
 *   const rows = tableRecorder(HANDOVERS); // TableRecorder("handovers", ["time_s", "ue"])
 */
import type { Metric, RunStreams } from "../tables.ts";
import { TableRecorder } from "../trace.ts";

/** One column of a table: its name in the CSV header, its unit and what it holds. */
export interface ColumnSpec {
  readonly name: string;
  readonly unit: string;
  readonly description: string;
}

/** One table (`<name>.csv`): what a row is, and its columns in order. */
export interface TableSpec {
  readonly name: string;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
}

/**
 * One summary metric. `name` may hold `<placeholders>` for parts that depend on the run
 * (`instantiation.<host>.ready`); `metricNamePattern` turns it into a matcher.
 */
export interface MetricSpec {
  readonly name: string;
  readonly unit: string;
  readonly description: string;
}

/** A group of outputs that appear together (one kind of run, or one world's additions). */
export interface DictionarySection {
  readonly title: string;
  /** When these outputs are written, and anything that holds for all of them. */
  readonly about: string;
  readonly tables: readonly TableSpec[];
  readonly metrics: readonly MetricSpec[];
}

export type ColumnTuple = readonly [name: string, unit: string, description: string];

/** A table spec from `[name, unit, description]` tuples; throws on a duplicate or undescribed column. */
export function defineTable(name: string, description: string, columns: readonly ColumnTuple[]): TableSpec {
  const seen = new Set<string>();
  for (const [column, unit, text] of columns) {
    if (seen.has(column)) throw new Error(`table ${name}: column ${column} declared twice`);
    if (unit.trim() === "" || text.trim() === "") throw new Error(`table ${name}: column ${column} needs a unit and a description`);
    seen.add(column);
  }
  return { name, description, columns: columns.map(([n, unit, text]) => ({ name: n, unit, description: text })) };
}

/** The metric specs of `entries` (`name → [unit, description]`), keyed by name. */
export function defineMetrics<K extends string>(entries: Record<K, readonly [unit: string, description: string]>): Record<K, MetricSpec> {
  const out = {} as Record<K, MetricSpec>;
  for (const name of Object.keys(entries) as K[]) {
    const [unit, description] = entries[name];
    if (unit.trim() === "" || description.trim() === "") throw new Error(`metric ${name} needs a unit and a description`);
    out[name] = { name, unit, description };
  }
  return out;
}

/** The column names of `spec`, in order. */
export function columnNames(spec: TableSpec): string[] {
  return spec.columns.map((c) => c.name);
}

/** An empty recorder for `spec`'s table; with `streams`, its rows go straight to disk. */
export function tableRecorder(spec: TableSpec, streams?: RunStreams): TableRecorder {
  return new TableRecorder(spec.name, columnNames(spec), streams);
}

/** A metric value with its spec's unit and description. */
export function metricOf(spec: MetricSpec, value: number): Metric {
  return { value, unit: spec.unit, description: spec.description };
}

/**
 * A metric value of a spec with placeholders: `fill` gives each placeholder's text, used both in
 * the name and the description (`instantiation.<host>.ready` with `{ host: "rpi" }`).
 */
export function metricFilled(spec: MetricSpec, fill: Readonly<Record<string, string>>, value: number): [name: string, metric: Metric] {
  const sub = (s: string): string => s.replace(/<([a-zA-Z]+)>/g, (whole, key: string) => fill[key] ?? whole);
  return [sub(spec.name), { value, unit: spec.unit, description: sub(spec.description) }];
}

/** A matcher of concrete metric names for `name` (each `<placeholder>` matches one or more characters). */
export function metricNamePattern(name: string): RegExp {
  const parts = name.split(/<[a-zA-Z]+>/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join(".+")}$`);
}

/** The spec in `specs` whose name matches the concrete metric `name` (exact names first). */
export function findMetricSpec(specs: readonly MetricSpec[], name: string): MetricSpec | undefined {
  return specs.find((s) => s.name === name) ?? specs.find((s) => metricNamePattern(s.name).test(name));
}

const orDash = (unit: string): string => (unit === "text" || unit === "" ? "—" : unit);
const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The dictionary as Markdown: per section, a table of tables' columns and a table of metrics. */
export function dictionaryMarkdown(sections: readonly DictionarySection[]): string {
  const out: string[] = [];
  for (const s of sections) {
    out.push(`### ${s.title}`, "", s.about, "");
    for (const t of s.tables) {
      out.push(`#### \`${t.name}.csv\``, "", t.description, "", "| column | unit | meaning |", "|---|---|---|");
      for (const c of t.columns) out.push(`| \`${c.name}\` | ${cell(orDash(c.unit))} | ${cell(c.description)} |`);
      out.push("");
    }
    if (s.metrics.length > 0) {
      out.push("| metric | unit | meaning |", "|---|---|---|");
      for (const m of s.metrics) out.push(`| \`${m.name}\` | ${cell(orDash(m.unit))} | ${cell(m.description)} |`);
      out.push("");
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** The dictionary as plain text for the terminal (`gnf describe outputs`). */
export function dictionaryText(sections: readonly DictionarySection[]): string {
  const out: string[] = [];
  for (const s of sections) {
    out.push(`== ${s.title}`, `   ${s.about}`, "");
    for (const t of s.tables) {
      out.push(`${t.name}.csv — ${t.description}`);
      const width = Math.max(...t.columns.map((c) => c.name.length));
      const unitWidth = Math.max(...t.columns.map((c) => orDash(c.unit).length));
      for (const c of t.columns) out.push(`  ${c.name.padEnd(width)}  ${orDash(c.unit).padEnd(unitWidth)}  ${c.description}`);
      out.push("");
    }
    if (s.metrics.length > 0) {
      out.push("summary metrics:");
      const width = Math.max(...s.metrics.map((m) => m.name.length));
      const unitWidth = Math.max(...s.metrics.map((m) => orDash(m.unit).length));
      for (const m of s.metrics) out.push(`  ${m.name.padEnd(width)}  ${orDash(m.unit).padEnd(unitWidth)}  ${m.description}`);
      out.push("");
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}
