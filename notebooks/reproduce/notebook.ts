/**
 * What a notebook cell needs to show one reproduced figure: the figure (made from the committed
 * reference, or simulation only) and its values as a Markdown table. Used by `notebooks/*.ipynb`
 * (tslab kernel) after `require("tsx/cjs/api").register()`.
 *
 * @example
 *   const { figure, table } = await notebookFigure("fig2b", { replications: 3 });
 *   tslab.display.markdown(table); tslab.display.svg(figure.svg);
 */
import { referenceContext } from "./context.ts";
import type { ReproducedFigure } from "./figure.ts";
import { REPRODUCIBLE_FIGURES } from "./registry.ts";
import { valuesMarkdown } from "./report.ts";

export interface NotebookChoices {
  simOnly?: boolean;
  seed?: number;
  replications?: number;
}

export async function notebookFigure(id: string, choices: NotebookChoices = {}): Promise<{ figure: ReproducedFigure; table: string }> {
  const entry = REPRODUCIBLE_FIGURES[id];
  if (!entry) throw new Error(`no figure "${id}"; expected one of ${Object.keys(REPRODUCIBLE_FIGURES).join(", ")}`);
  const figure = await entry.make(referenceContext({ simOnly: choices.simOnly === true, seed: choices.seed ?? 1, replications: choices.replications ?? 5 }));
  const notes = figure.notes.map((n) => `> ${n}`).join("\n\n");
  return { figure, table: [`**${figure.title}.** ${figure.caption}`, notes, valuesMarkdown(figure.values)].filter((x) => x !== "").join("\n\n") };
}
