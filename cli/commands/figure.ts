/**
 * `gnf figure [name…] [--out DIR]`: renders figure reproductions (notebooks/figures.ts) as SVG
 * plus the plotted data as CSV; `gnf figure --list` names them. Files are written atomically.
 */
import type { Command } from "commander";
import { join } from "node:path";
import { FIGURES } from "../../notebooks/figures.ts";
import { writeFileAtomic } from "../../base/results/atomic-write.ts";
import { tableToCsv } from "../../base/results/csv.ts";
import { closestName } from "../../base/config/closest-name.ts";
import { UserError } from "../../base/errors.ts";

export function registerFigure(program: Command): void {
  program
    .command("figure")
    .description("render figure reproductions (SVG + CSV) from simulated runs")
    .argument("[names...]", `figures to render (default: all): ${Object.keys(FIGURES).join(", ")}`)
    .option("--out <dir>", "folder to write into", "results/figures")
    .option("--list", "list the figures and exit")
    .action(async (names: string[], options: { out: string; list?: boolean }) => {
      if (options.list) {
        for (const [name, f] of Object.entries(FIGURES)) process.stdout.write(`${name}: ${f.description}\n`);
        return;
      }
      const chosen = names.length > 0 ? names : Object.keys(FIGURES);
      for (const name of chosen) {
        if (!FIGURES[name]) {
          const hint = closestName(name, Object.keys(FIGURES));
          throw new UserError(`unknown figure "${name}"${hint ? ` (did you mean "${hint}"?)` : ""}; expected one of ${Object.keys(FIGURES).join(", ")}`);
        }
      }
      for (const name of chosen) {
        const figure = await (FIGURES[name] as (typeof FIGURES)[string]).build();
        writeFileAtomic(join(options.out, `${name}.svg`), figure.svg);
        writeFileAtomic(join(options.out, `${name}.csv`), tableToCsv(figure.data));
        process.stdout.write(`${join(options.out, `${name}.svg`)}\n`);
      }
    });
}
