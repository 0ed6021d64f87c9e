/**
 * `gnf bench <name>`: performance benchmarks (targets live here, never in timed unit tests).
 * `gnf bench all --json-file bench/results.json` runs every benchmark and writes one JSON object
 * keyed by benchmark name (what `npm run bench` does); one that needs the emulation lab reports
 * `{ skipped: reason }` when the lab is missing.
 */
import type { Command } from "commander";
import { BENCHMARKS } from "../bench/index.ts";
import type { BenchDefinition } from "../bench/types.ts";
import { writeFileAtomic } from "../../base/results/atomic-write.ts";
import { packageVersion } from "../../base/version.ts";
import { gitCommitOf } from "../../base/results/manifest.ts";
import { fileURLToPath } from "node:url";

export function registerBench(program: Command): void {
  const bench = program.command("bench").description("performance benchmarks (events/s, solve times, …)");
  for (const definition of BENCHMARKS) registerOne(bench, definition);
  bench
    .command("all")
    .description("run every benchmark (lab benchmarks are skipped with the reason when the lab is missing)")
    .option("--json", "print one JSON object")
    .option("--json-file <path>", "also write the JSON object to this file (atomically)")
    .action(async (options: { json?: boolean; jsonFile?: string }) => {
      const results: Record<string, unknown> = {};
      for (const definition of BENCHMARKS.filter((b) => b.inAll)) {
        process.stderr.write(`bench ${definition.name} …\n`);
        const result = await definition.run({});
        results[definition.name] = result;
        if (!options.json) process.stdout.write(`${definition.describe(result)}\n`);
      }
      const document = {
        packageVersion: packageVersion(),
        gitCommit: gitCommitOf(fileURLToPath(new URL("../..", import.meta.url))),
        nodeVersion: process.version,
        date: new Date().toISOString(),
        results,
      };
      const text = `${JSON.stringify(document, null, 2)}\n`;
      if (options.jsonFile) writeFileAtomic(options.jsonFile, text);
      if (options.json) process.stdout.write(text);
    });
}

function registerOne(bench: Command, definition: BenchDefinition): void {
  const command = bench.command(definition.name).description(definition.description).option("--json", "print one JSON object");
  for (const option of definition.options) command.option(option.flags, `${option.description}${option.defaultValue ? ` (default ${option.defaultValue})` : ""}`);
  command.action(async (options: Record<string, string | boolean | undefined>) => {
    const strings: Record<string, string | undefined> = {};
    // Flags without a value arrive as "true" (--quick) or "false" (--no-roaming).
    for (const [key, value] of Object.entries(options)) if (typeof value === "string" || typeof value === "boolean") strings[key] = String(value);
    const result = await definition.run(strings);
    process.stdout.write(options["json"] ? `${JSON.stringify(result)}\n` : `${definition.describe(result)}\n`);
  });
}
