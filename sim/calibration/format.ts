/** The validation report as a terminal table and as the JSON `gnf validate --json` prints. */
import type { ValidationReport, ValidatedMetric } from "./validate.ts";
import { TARGETS } from "./validate.ts";

const fmt = (x: number): string => (!Number.isFinite(x) ? "n/a" : Math.abs(x) >= 1e5 ? x.toExponential(3) : Number(x.toPrecision(4)).toString());
const ci = (e: { mean: number; low: number; high: number }): string => (Number.isFinite(e.low) ? `${fmt(e.mean)} [${fmt(e.low)}, ${fmt(e.high)}]` : fmt(e.mean));

export function formatValidation(report: ValidationReport): string[] {
  const header = ["metric", "point", "simulation (95% CI)", "emulation (95% CI)", "unit", "rel. error", "", "verdict"];
  const rows = report.rows.map((r) => [r.metric, r.point, ci(r.sim), ci(r.lab), r.unit, fmt(r.relativeError), r.heldOut ? "held out" : "fitted", r.match === "fitted" ? "" : r.match === "miss" ? "MISS" : r.match === "spread" ? "match (lab spread)" : "match"]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] as number)).join("  ").trimEnd();
  const out = [line(header), ...rows.map(line), ""];
  for (const m of Object.keys(TARGETS) as ValidatedMetric[]) {
    out.push(`${m.padEnd(13)} largest held-out error ${fmt(report.errors[m])} (target ${TARGETS[m]}): ${Number.isNaN(report.errors[m]) ? "not measured" : report.pass[m] ? "pass" : "FAIL"}`);
  }
  if (report.spreadRule.length > 0) out.push(`matched by the lab's own spread (its 95% interval is wider than the target): ${report.spreadRule.join("; ")}`);
  return out;
}

/** `gnf validate --json`: the largest held-out relative error per metric, targets, verdicts and every row. */
export function validationJson(report: ValidationReport): Record<string, unknown> {
  return {
    instantiationError: report.errors.instantiation,
    memoryError: report.errors.memory,
    rttError: report.errors.rtt,
    roamingError: report.errors.roaming,
    targets: TARGETS,
    pass: report.pass,
    spreadRule: report.spreadRule,
    rows: report.rows,
  };
}
