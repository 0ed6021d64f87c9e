/** `gnf compare <A> <B> [--json]`: two results folders side by side, metric by metric (e.g. simulation vs emulation). */
import type { Command } from "commander";
import { compareFolders, formatComparison } from "../../base/results/compare.ts";

export function registerCompare(program: Command): void {
  program
    .command("compare")
    .description("compare two results folders metric by metric (e.g. gnf run vs gnf emulate of one scenario)")
    .argument("<a>", "first results folder")
    .argument("<b>", "second results folder")
    .option("--json", "print the comparison as JSON")
    .action((a: string, b: string, options: { json?: boolean }) => {
      const comparison = compareFolders(a, b);
      process.stdout.write(options.json ? `${JSON.stringify(comparison, null, 2)}\n` : `${formatComparison(comparison).join("\n")}\n`);
    });
}
