/**
 * `summary.json`: the scenario's metrics. One replication gives each metric's value; several give
 * the mean, the 95% confidence interval of the mean (Student t) and the per-replication values.
 */
import type { Metric, RunOutput } from "../tables.ts";
import { confidenceInterval95 } from "../stats/index.ts";

export interface MetricSummary {
  unit: string;
  description: string;
  /** The value (one replication) or the mean over replications. */
  value: number;
  /** With replications > 1: the 95% confidence interval of the mean, [low, high]. */
  ci95?: [number, number];
  /** With replications > 1: each replication's value, in replication order. */
  values?: number[];
}

export interface Summary {
  scenario: string;
  seed: number;
  replications: number;
  metrics: Record<string, MetricSummary>;
}

export function summarise(scenario: string, seed: number, runs: readonly RunOutput[]): Summary {
  const first = runs[0];
  if (!first) throw new Error("summarise() needs at least one run");
  const metrics: Record<string, MetricSummary> = {};
  for (const [name, metric] of Object.entries(first.metrics)) {
    const values = runs.map((run) => valueOf(run.metrics[name], name));
    metrics[name] = runs.length === 1 ? single(metric) : replicated(metric, values);
  }
  return { scenario, seed, replications: runs.length, metrics };
}

function valueOf(metric: Metric | undefined, name: string): number {
  if (!metric) throw new Error(`metric ${name} is missing from a replication`);
  return metric.value;
}

function single(metric: Metric): MetricSummary {
  return { unit: metric.unit, description: metric.description, value: metric.value };
}

function replicated(metric: Metric, values: number[]): MetricSummary {
  const ci = confidenceInterval95(values);
  return { unit: metric.unit, description: metric.description, value: ci.mean, ci95: [ci.low, ci.high], values };
}

/**
 * Human-readable lines for the terminal: `name  value unit [± half-width]  description`, names and
 * values aligned. A value that is not a finite number (null in `summary.json`) prints as `n/a`.
 */
export function formatSummaryLines(summary: Summary): string[] {
  const lines = [`${summary.scenario}: seed ${summary.seed}, ${summary.replications} replication(s)`];
  const entries = Object.entries(summary.metrics).map(([name, m]) => {
    const measured = Number.isFinite(m.value);
    const ci = measured && m.ci95 ? ` ± ${formatNumber((m.ci95[1] - m.ci95[0]) / 2)}` : "";
    return { name, value: measured ? `${formatNumber(m.value)}${ci} ${m.unit}` : "n/a", description: m.description };
  });
  const nameWidth = Math.max(...entries.map((e) => e.name.length), 0);
  const valueWidth = Math.max(...entries.map((e) => e.value.length), 0);
  for (const e of entries) lines.push(`  ${e.name.padEnd(nameWidth)}  ${e.value.padEnd(valueWidth)}  ${e.description}`.trimEnd());
  return lines;
}

function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  if (x !== 0 && (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-3)) return x.toExponential(3);
  return Number(x.toPrecision(4)).toString();
}
