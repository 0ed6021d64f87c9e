/**
 * `gnf reproduce`: runs the makers of the chosen figures and writes, into one results folder
 * (atomic as a whole: `openResultsFolder`), per figure `<id>.csv` (every plotted point, tidy),
 * `<id>.svg` and `<id>.png`, then `report.md` and `report.html`. Deterministic for a given context.
 */
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { tableToCsv } from "../../base/results/csv.ts";
import { openResultsFolder, withResultsFolder } from "../../base/results/results-folder.ts";
import type { ReproduceContext, ReproducedFigure } from "./figure.ts";
import { svgToPng } from "./png.ts";
import { REPRODUCIBLE_FIGURES, type FigureEntry } from "./registry.ts";
import { reportHtml, reportMarkdown, type ReportRun } from "./report.ts";

/** Where the report says the emulation series come from. */
export function emulationSource(context: ReproduceContext, labUnavailable?: string): string {
  if (!context.campaign) return "none (--sim-only)";
  const runs = Object.keys(context.emulationRuns);
  const why = labUnavailable ? ` (${labUnavailable})` : "";
  return `${context.campaign.label}${why}; gnf emulate runs: ${runs.length > 0 ? runs.join(", ") : "none"}`;
}

export interface ReproduceJob {
  /** Figure ids, in the order to report them. */
  figures: readonly string[];
  /** The context, or how to make it inside the results folder (e.g. measuring the lab into `<dir>/lab`). */
  context: ReproduceContext | ((dir: string) => Promise<ReproduceContext>);
  /** The results folder to write. */
  out: string;
  force?: boolean;
  /** How the run is described at the top of the report (seed and replications come from the context). */
  run: Omit<ReportRun, "seed" | "replications" | "emulation">;
  /** Why the emulation series come from the committed reference rather than the lab, if they do (shown in the report). */
  labUnavailable?: string;
  /** The figures to choose from (default: the registry). */
  registry?: Readonly<Record<string, FigureEntry>>;
  /** Progress lines. */
  say?: (line: string) => void;
}

/** Runs the job; resolves with the figures made and the files written (relative to `out`). */
export async function reproduce(job: ReproduceJob): Promise<{ figures: ReproducedFigure[]; files: string[] }> {
  const registry = job.registry ?? REPRODUCIBLE_FIGURES;
  const folder = openResultsFolder(job.out, { force: job.force === true });
  return withResultsFolder(folder, async (dir) => {
    const context = typeof job.context === "function" ? await job.context(dir) : job.context;
    const figures: ReproducedFigure[] = [];
    const files: string[] = [];
    const write = (name: string, content: string | Uint8Array): void => {
      writeFileSync(join(dir, name), content);
      files.push(name);
    };
    for (const id of job.figures) {
      const entry = registry[id];
      if (!entry) throw new Error(`no figure "${id}" in the registry`);
      job.say?.(`${id}: ${entry.description}`);
      const figure = await entry.make(context);
      write(`${id}.csv`, tableToCsv(figure.data));
      write(`${id}.svg`, figure.svg);
      write(`${id}.png`, svgToPng(figure.svg));
      figures.push(figure);
    }
    const run: ReportRun = { ...job.run, seed: context.seed, replications: context.replications, emulation: emulationSource(context, job.labUnavailable) };
    write("report.md", reportMarkdown(figures, run));
    write("report.html", reportHtml(figures, run));
    return { figures, files };
  });
}
