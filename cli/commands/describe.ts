/**
 * `gnf describe outputs [--markdown]`: the data dictionary — every results table and column and
 * every summary metric, with its unit and meaning (`scenarios/outputs-dictionary.ts`).
 */
import type { Command } from "commander";
import { dictionaryMarkdown, dictionaryText } from "../../base/results/data-dictionary.ts";
import { OUTPUT_SECTIONS } from "../../scenarios/outputs-dictionary.ts";

export function registerDescribe(program: Command): void {
  const describe = program.command("describe").description("describe what gnf produces");
  describe
    .command("outputs")
    .description("list every results table (CSV) and column and every summary metric, with unit and meaning")
    .option("--markdown", "print Markdown (the generated section of results/README.md)")
    .action((options: { markdown?: boolean }) => {
      process.stdout.write(options.markdown ? dictionaryMarkdown(OUTPUT_SECTIONS) : dictionaryText(OUTPUT_SECTIONS));
    });
}
