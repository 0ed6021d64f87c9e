/** `gnf check <scenario.yaml>`: validate a scenario file without running it. */
import type { Command } from "commander";
import { loadScenarioArg } from "../scenario-arg.ts";

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("validate a scenario file without running it (exit 0 valid, 2 invalid)")
    .argument("[scenario]", "scenario file (.yaml); default: the built-in default scenario")
    .option("--set <key.path=value...>", "override a scenario key (repeatable)", collect, [])
    .option("--print", "print the effective scenario (defaults filled in) as JSON")
    .action((file: string | undefined, options: { set: string[]; print?: boolean }) => {
      const loaded = loadScenarioArg(file, options.set);
      if (options.print) {
        process.stdout.write(`${JSON.stringify(loaded.scenario, null, 2)}\n`);
      } else {
        const s = loaded.scenario;
        process.stdout.write(`${loaded.file}: ok — scenario "${s.name}", seed ${s.seed}, ${s.duration} s simulated, ${s.replications} replication(s)\n`);
      }
    });
}

/** commander collector for repeatable options. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
