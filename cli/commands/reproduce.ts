/**
 * `gnf reproduce [figure…|all] [--sim-only] [--out DIR] [--force] [--seed N] [--replications R]`:
 * regenerates the paper's figures with the simulator and the lab side by side. The lab's series are
 * measured by this run when the lab is set up (`reproduce-lab.ts`, written under `<out>/lab/`);
 * otherwise, or with `--reference`, they come from the committed reference campaign and `gnf
 * emulate` runs, labelled with machine and date; `--sim-only` leaves them out and says so. Writes
 * per figure CSV, SVG and PNG and one report (`report.md`, `report.html`) into a results folder.
 */
import type { Command } from "commander";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { gitCommitOf } from "../../base/results/manifest.ts";
import { closestName } from "../../base/config/closest-name.ts";
import { UserError } from "../../base/errors.ts";
import { referenceContext } from "../../notebooks/reproduce/context.ts";
import { REPRODUCIBLE_FIGURES } from "../../notebooks/reproduce/registry.ts";
import { reproduce } from "../../notebooks/reproduce/reproduce.ts";
import { parsePositiveInt, parseSeed } from "../parse.ts";
import { harnessLabStatus } from "../../emulation/harness/availability.ts";
import type { ReproduceContext } from "../../notebooks/reproduce/figure.ts";
import { labContext } from "./reproduce-lab.ts";
import { join } from "node:path";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The figure ids `names` stands for (`all` or none: every figure), or a UserError naming the unknown one. */
export function chosenFigures(names: readonly string[]): string[] {
  const known = Object.keys(REPRODUCIBLE_FIGURES);
  if (names.length === 0 || names.includes("all")) return known;
  for (const name of names) {
    if (!known.includes(name)) {
      const hint = closestName(name, [...known, "all"]);
      throw new UserError(`gnf reproduce: unknown figure "${name}"${hint ? ` (did you mean "${hint}"?)` : ""}; expected all or one of ${known.join(", ")}`);
    }
  }
  return [...new Set(names)];
}

interface ReproduceOptions {
  simOnly?: boolean;
  reference?: boolean;
  out: string;
  force?: boolean;
  seed: string;
  replications: string;
  quiet?: boolean;
}

export function registerReproduce(program: Command): void {
  program
    .command("reproduce")
    .description("regenerate the paper's figures: simulator and lab side by side, CSV + SVG + PNG per figure, report.md and report.html")
    .argument("[figures...]", `all (default) or some of: ${Object.keys(REPRODUCIBLE_FIGURES).join(", ")}`)
    .option("--sim-only", "leave the emulation series out (the report says so)")
    .option("--reference", "take the emulation series from the committed reference even when the lab is set up (default: measure them in the lab when it is set up, about 15 minutes)")
    .option("--out <dir>", "results folder to write", "results/reproduce")
    .option("--force", "replace an existing non-empty --out folder whole")
    .option("--seed <n>", "base seed of every simulation", "1")
    .option("--replications <n>", "replications per simulated point (95 % bands)", "5")
    .option("-q, --quiet", "no progress lines")
    .action(async (names: string[], options: ReproduceOptions) => {
      const figures = chosenFigures(names);
      const choices = { simOnly: options.simOnly === true, seed: parseSeed(options.seed), replications: parsePositiveInt(options.replications, "--replications") };
      const cpu = cpus();
      const say = options.quiet ? undefined : (line: string): void => void process.stderr.write(`gnf reproduce: ${line}\n`);
      let labUnavailable: string | undefined;
      let context: ReproduceContext | ((dir: string) => Promise<ReproduceContext>) = referenceContext(choices);
      if (!choices.simOnly && !options.reference) {
        const status = await harnessLabStatus();
        if (status.ok) context = (dir: string) => labContext(join(dir, "lab"), choices, say ?? (() => undefined));
        else labUnavailable = `the lab is not set up here: ${status.reason}`;
      }
      const { files } = await reproduce({
        figures,
        context,
        ...(labUnavailable ? { labUnavailable } : {}),
        out: options.out,
        force: options.force === true,
        say,
        run: {
          command: ["gnf reproduce", ...names, ...(options.simOnly ? ["--sim-only"] : []), ...(options.reference ? ["--reference"] : []), `--seed ${choices.seed}`, `--replications ${choices.replications}`].join(" "),
          commit: gitCommitOf(ROOT),
          machine: `${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}`,
        },
      });
      process.stdout.write(`${options.out}: ${files.length} files (report.html, report.md, per figure CSV, SVG and PNG)\n`);
    });
}
