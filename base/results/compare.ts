/**
 * Compares two results folders (e.g. a simulated and an emulated run of the same scenario) metric
 * by metric: both values, their ratio and whether the first lies in the second's 95% confidence
 * interval when it has one. Also lists which tables both have, with their row counts. Reads only
 * `manifest.json` and `summary.json` (and counts CSV rows); a missing or malformed file is a
 * UserError naming it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../errors.ts";
import type { Summary } from "./summary.ts";

export interface MetricComparison {
  name: string;
  unit: string;
  a: number | null;
  b: number | null;
  /** b / a (null when either is missing, not finite, or a = 0). */
  ratio: number | null;
  /** a within b's 95% CI, when b has one. */
  aInsideCiOfB?: boolean;
}

export interface FolderSide {
  dir: string;
  world: string;
  scenario: string;
  /** A simulation's calibration profile file (null: the built-in one); absent for other worlds. */
  calibration?: string | null;
}

export interface FolderComparison {
  a: FolderSide;
  b: FolderSide;
  metrics: MetricComparison[];
  tables: { name: string; rowsA: number | null; rowsB: number | null }[];
  /** What the reader should know before trusting the ratios (e.g. a simulation not calibrated on the lab it is compared with). */
  notes: string[];
}

function readJson(path: string): Record<string, unknown> {
  if (!existsSync(path)) throw new UserError(`${path}: not found (expected a results folder written by gnf run or gnf emulate)`);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch (err) {
    throw new UserError(`${path}: not valid JSON (${(err as Error).message})`);
  }
}

function side(dir: string) {
  const manifest = readJson(join(dir, "manifest.json"));
  const summary = readJson(join(dir, "summary.json")) as unknown as Summary;
  if (typeof summary.metrics !== "object" || summary.metrics === null) throw new UserError(`${join(dir, "summary.json")}: metrics: expected an object of metrics`);
  const files = Array.isArray(manifest["files"]) ? (manifest["files"] as string[]) : [];
  const tables = new Map<string, number>();
  for (const f of files.filter((x) => x.endsWith(".csv"))) {
    const text = readFileSync(join(dir, f), "utf8");
    tables.set(f.replace(/\.csv$/, ""), Math.max(0, text.split("\n").filter((l) => l.length > 0).length - 1));
  }
  const scenario = (manifest["scenario"] as { name?: string } | undefined)?.name ?? "?";
  const world = String(manifest["world"] ?? "?");
  const info: FolderSide = { dir, world, scenario };
  if (world === "simulation") {
    const calibration = (manifest["effectiveConfig"] as { calibration?: unknown } | undefined)?.calibration;
    info.calibration = typeof calibration === "string" ? calibration : null;
  }
  return { info, summary, tables };
}

/** A simulation with the built-in profile beside an emulation: its costs are assumptions, not this lab's. */
function calibrationNotes(a: FolderSide, b: FolderSide): string[] {
  const pair: [FolderSide, FolderSide, string][] = [
    [a, b, "A"],
    [b, a, "B"],
  ];
  return pair
    .filter(([sim, other]) => sim.world === "simulation" && sim.calibration === null && other.world === "emulation")
    .map(
      ([, , label]) =>
        `${label} was simulated with the built-in calibration (sim/models/calibration/default.yaml: the paper's i7 and stated assumptions), not with one measured on this lab, so its lifecycle, forwarding, FLOW_MOD and handover costs are not the lab's. For a like-for-like comparison simulate with a lab profile: --set calibration=results/reference/calibration/lab-profile.yaml (or your own from gnf calibrate).`,
    );
}

export function compareFolders(dirA: string, dirB: string): FolderComparison {
  const a = side(dirA);
  const b = side(dirB);
  const names = [...new Set([...Object.keys(a.summary.metrics), ...Object.keys(b.summary.metrics)])];
  const metrics = names.map((name): MetricComparison => {
    const ma = a.summary.metrics[name];
    const mb = b.summary.metrics[name];
    const va = ma && Number.isFinite(ma.value) ? ma.value : null;
    const vb = mb && Number.isFinite(mb.value) ? mb.value : null;
    const row: MetricComparison = { name, unit: ma?.unit ?? mb?.unit ?? "", a: va, b: vb, ratio: va !== null && vb !== null && va !== 0 ? vb / va : null };
    if (va !== null && mb?.ci95) row.aInsideCiOfB = va >= mb.ci95[0] && va <= mb.ci95[1];
    return row;
  });
  const tableNames = [...new Set([...a.tables.keys(), ...b.tables.keys()])];
  return { a: a.info, b: b.info, metrics, tables: tableNames.map((name) => ({ name, rowsA: a.tables.get(name) ?? null, rowsB: b.tables.get(name) ?? null })), notes: calibrationNotes(a.info, b.info) };
}

/** Terminal lines: one per metric, then one per table. */
export function formatComparison(c: FolderComparison): string[] {
  const fmt = (x: number | null) => (x === null ? "—" : Number(x.toPrecision(4)).toString());
  const width = Math.max(...c.metrics.map((m) => m.name.length), 6);
  const calibration = (s: FolderSide): string => (s.calibration === undefined ? "" : `, calibration ${s.calibration ?? "built-in"}`);
  const lines = [`A: ${c.a.dir} (${c.a.world}, ${c.a.scenario}${calibration(c.a)})`, `B: ${c.b.dir} (${c.b.world}, ${c.b.scenario}${calibration(c.b)})`];
  for (const note of c.notes) lines.push(`note: ${note}`);
  lines.push(`  ${"metric".padEnd(width)}  ${"A".padStart(12)}  ${"B".padStart(12)}  B/A`);
  for (const m of c.metrics) lines.push(`  ${m.name.padEnd(width)}  ${fmt(m.a).padStart(12)}  ${fmt(m.b).padStart(12)}  ${m.ratio === null ? "—" : m.ratio.toFixed(3)} ${m.unit}${m.aInsideCiOfB === undefined ? "" : m.aInsideCiOfB ? " (A inside B's 95% CI)" : " (A outside B's 95% CI)"}`);
  lines.push("  tables (rows A / B):");
  for (const t of c.tables) lines.push(`    ${t.name}: ${t.rowsA ?? "—"} / ${t.rowsB ?? "—"}`);
  return lines;
}
