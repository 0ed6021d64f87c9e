/**
 * The reproduction report: `report.md` and a self-contained `report.html` (every figure's SVG
 * inline, no external files) with, per figure, its caption, its notes and a table of the values it
 * shows: the value, its unit, where it comes from (paper, literature, simulation, emulation) and
 * exactly where, the value it is compared with and the relative difference. The run's seed,
 * replications, commit, machine and campaign head the report. Deterministic: no wall clock in it.
 */
import type { ReproducedFigure, SourcedValue } from "./figure.ts";

/** What the whole reproduction ran on. */
export interface ReportRun {
  /** The command line, e.g. "gnf reproduce all --sim-only". */
  command: string;
  seed: number;
  replications: number;
  /** git commit of the tool, or null outside a checkout. */
  commit: string | null;
  /** The machine the simulations ran on, e.g. "2 × AMD EPYC, Node v20.20.2". */
  machine: string;
  /** Where the emulation series come from (campaign label), or why there are none. */
  emulation: string;
}

/** Relative difference (value − other) / other; null when there is nothing to compare or other is 0. */
export function relativeDifference(v: SourcedValue): number | null {
  if (!v.comparedWith || v.comparedWith.value === 0) return null;
  return (v.value - v.comparedWith.value) / v.comparedWith.value;
}

/** A number for the report: 4 significant digits, no exponent for everyday magnitudes. */
export function formatValue(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return x.toExponential(3);
  return String(Number(x.toPrecision(4)));
}

const percent = (x: number | null): string => (x === null ? "" : `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)} %`);

interface Cells {
  quantity: string;
  value: string;
  source: string;
  origin: string;
  compared: string;
  difference: string;
}

function cells(v: SourcedValue): Cells {
  const c = v.comparedWith;
  return {
    quantity: v.quantity,
    value: `${formatValue(v.value)} ${v.unit}`,
    source: v.source,
    origin: v.origin,
    compared: c ? `${formatValue(c.value)} ${v.unit} (${c.source}: ${c.origin})` : "",
    difference: percent(relativeDifference(v)),
  };
}

const HEADER = ["quantity", "value", "source", "where from", "compared with", "relative difference"];

const mdCell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** A figure's values as a Markdown table (the report's, and a notebook's). */
export function valuesMarkdown(values: readonly SourcedValue[]): string {
  const lines = [`| ${HEADER.join(" | ")} |`, `|${HEADER.map(() => "---").join("|")}|`];
  for (const v of values) {
    const c = cells(v);
    lines.push(`| ${[c.quantity, c.value, c.source, c.origin, c.compared, c.difference].map(mdCell).join(" | ")} |`);
  }
  return lines.join("\n");
}

function runLines(run: ReportRun): string[] {
  return [`command: \`${run.command}\``, `seed ${run.seed}, ${run.replications} replication(s) per simulated point`, `commit ${run.commit ?? "(not a git checkout)"}, machine: ${run.machine}`, `emulation: ${run.emulation}`];
}

/** `report.md`: figures as `<id>.png` beside it. */
export function reportMarkdown(figures: readonly ReproducedFigure[], run: ReportRun): string {
  const out: string[] = ["# GNF Lab: the paper's results reproduced", "", ...runLines(run).map((l) => `- ${l}`), ""];
  for (const f of figures) {
    out.push(`## ${f.title}`, "", `![${mdCell(f.title)}](${f.id}.png)`, "", f.caption, "");
    for (const n of f.notes) out.push(`> ${n}`, "");
    out.push(`Data: [${f.id}.csv](${f.id}.csv), vector: [${f.id}.svg](${f.id}.svg).`, "");
    if (f.values.length > 0) out.push(valuesMarkdown(f.values), "");
  }
  return out.join("\n");
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** `report.html`: one file, the SVGs inline. */
export function reportHtml(figures: readonly ReproducedFigure[], run: ReportRun): string {
  const out: string[] = [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8"><title>GNF Lab: the paper\'s results reproduced</title>',
    "<style>body{font-family:'DejaVu Sans',sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}",
    "table{border-collapse:collapse;font-size:13px;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}",
    "th{background:#f3f3f3}.note{border-left:4px solid #edae49;padding:2px 10px;color:#555}figure{margin:1.5em 0}svg{max-width:100%;height:auto}",
    ".paper{color:#1b6ca8}.literature{color:#6b4c9a}.simulation{color:#2e933c}.emulation{color:#d1495b}</style></head><body>",
    "<h1>GNF Lab: the paper's results reproduced</h1>",
    `<ul>${runLines(run).map((l) => `<li>${esc(l)}</li>`).join("")}</ul>`,
  ];
  for (const f of figures) {
    out.push(`<section id="${esc(f.id)}"><h2>${esc(f.title)}</h2>`, `<figure>${f.svg}<figcaption>${esc(f.caption)}</figcaption></figure>`);
    for (const n of f.notes) out.push(`<p class="note">${esc(n)}</p>`);
    if (f.values.length > 0) {
      out.push(`<table><tr>${HEADER.map((h) => `<th>${esc(h)}</th>`).join("")}</tr>`);
      for (const v of f.values) {
        const c = cells(v);
        out.push(`<tr><td>${esc(c.quantity)}</td><td>${esc(c.value)}</td><td class="${v.source}">${esc(c.source)}</td><td>${esc(c.origin)}</td><td>${esc(c.compared)}</td><td>${esc(c.difference)}</td></tr>`);
      }
      out.push("</table>");
    }
    out.push("</section>");
  }
  out.push("</body></html>", "");
  return out.join("\n");
}
