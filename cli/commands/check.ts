/** `gnf check <scenario.yaml>`: validate a scenario file without running it. */
import type { Command } from "commander";
import { loadScenarioArg } from "../scenario-arg.ts";
import { ALLOW_LONG_RUN_FLAG, checkRunSize } from "../size-check.ts";
import { describeEstimate } from "../../scenarios/checks/index.ts";

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("validate a scenario file without running it (exit 0 valid, 2 invalid)")
    .argument("[scenario]", "scenario file (.yaml); default: the built-in default scenario")
    .option("--set <key.path=value...>", "override a scenario key (repeatable)", collect, [])
    .option("--print", "print the effective scenario (defaults filled in) as JSON")
    .option(ALLOW_LONG_RUN_FLAG, "accept a scenario whose estimated wall time is above 24 h")
    .action((file: string | undefined, options: { set: string[]; print?: boolean; allowLongRun?: boolean }) => {
      const loaded = loadScenarioArg(file, options.set);
      const estimate = checkRunSize(loaded.scenario, options.allowLongRun ?? false, (line) => process.stderr.write(`gnf: ${line}\n`));
      if (options.print) {
        process.stdout.write(`${JSON.stringify(loaded.scenario, null, 2)}\n`);
      } else {
        const s = loaded.scenario;
        process.stdout.write(`${loaded.file}: ok — scenario "${s.name}", seed ${s.seed}, ${s.duration} s simulated, ${s.replications} replication(s)\n${describeEstimate(estimate)}\n`);
      }
    });
}

/** commander collector for repeatable options. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
