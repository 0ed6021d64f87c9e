/**
 * The contract of one reproduced figure (`gnf reproduce`): a maker runs what the figure needs and
 * returns the SVG, the tidy table of every plotted point and the report's table of sourced values.
 * Makers are deterministic: the same context gives byte-identical output (no wall clock, no
 * Math.random; simulations are seeded from `ctx.seed`).
 */
import type { Table } from "../../base/tables.ts";

/** Where a number comes from. "paper" numbers must appear in ../shared/paper (a test checks). */
export type ValueSource = "paper" | "literature" | "simulation" | "emulation";

/** One row of a figure's table in the report. */
export interface SourcedValue {
  /** What the number is, e.g. "50 container vNFs created and started, i7-class server". */
  quantity: string;
  value: number;
  /** Unit of `value` (and of `comparedWith.value`), e.g. "s", "ms", "MB". */
  unit: string;
  source: ValueSource;
  /**
   * Where exactly: the paper's wording and section, a literature citation, "scenario X, seed S,
   * R replications", or "lab campaign <folder>, <machine>, <date>".
   */
  origin: string;
  /** The same quantity from another source, for the relative difference (value − other) / other. */
  comparedWith?: { value: number; source: ValueSource; origin: string };
}

/** A lab campaign the emulation series come from. */
export interface EmulationCampaign {
  /** Campaign results folder (CSV tables + manifest.json). */
  folder: string;
  /** Human label naming the machine and date, e.g. "reference campaign, 2-core AMD EPYC VM, 2026-12-05". */
  label: string;
  /** True when measured by this run on this machine; false for the committed reference. */
  fresh: boolean;
}

export interface ReproduceContext {
  /** Leave the emulation series out (and say so in `notes`). */
  simOnly: boolean;
  /** Campaign for the emulation series; null with `simOnly`. */
  campaign: EmulationCampaign | null;
  /** Calibration profile fitted on the lab machine (YAML path): simulations of the lab machine use it. */
  labProfile: string;
  /**
   * Results folders of `gnf emulate` runs by scenario name (e.g. "fig4-roaming" → folder with the
   * same tables as a simulated run, plus manifest.json); absent entries mean no lab run of it.
   */
  emulationRuns: Record<string, string>;
  /** Base seed of every simulation; replication r uses seed + r. */
  seed: number;
  /** Replications per simulated point (for the 95 % bands). */
  replications: number;
}

export interface ReproducedFigure {
  /** Registry id, e.g. "fig2b". */
  id: string;
  title: string;
  /** One or two sentences under the figure: what is plotted, the scenario and seed, where each series comes from. */
  caption: string;
  /** Standalone SVG (d3-drawn, `notebooks/svg-chart.ts`), labelled axes with units and a legend. */
  svg: string;
  /** Every plotted point, tidy (one row per point, a `source` column naming paper/literature/simulation/emulation). */
  data: Table;
  /** The report's table for this figure. */
  values: SourcedValue[];
  /** What was left out and why (e.g. "--sim-only: the emulation series are left out"). */
  notes: string[];
}

export type FigureMaker = (ctx: ReproduceContext) => Promise<ReproducedFigure>;
