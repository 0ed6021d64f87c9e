/**
 * The `gnf` command: parses arguments, dispatches to a sub-command and maps failures to exit
 * codes (0 ok, 2 user error, 1 internal error). User errors print one clear message, no stack.
 */
import { Command, CommanderError } from "commander";
import { CheckFailed, EXIT_CHECK_FAILED, EXIT_INTERNAL, EXIT_OK, EXIT_USER, UserError } from "../base/errors.ts";
import * as commands from "./commands/index.ts";
import { packageVersion } from "../base/version.ts";

/** Builds the commander program with every sub-command registered. */
export function buildProgram(): Command {
  const program = new Command("gnf")
    .description("GNF Lab: simulate and emulate container network functions at the network edge")
    .version(packageVersion(), "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  for (const register of Object.values(commands)) register(program);
  return program;
}

/** Runs the CLI on `argv` (without node and script) and resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT_OK;
  } catch (err) {
    return exitCodeFor(err);
  }
}

function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) {
    // --help and --version end with exit code 0; usage mistakes are user errors.
    if (err.exitCode === 0) return EXIT_OK;
    return EXIT_USER;
  }
  if (err instanceof UserError) {
    process.stderr.write(`gnf: ${err.message}\n`);
    return EXIT_USER;
  }
  if (err instanceof CheckFailed) {
    process.stderr.write(`gnf: ${err.message}\n`);
    return EXIT_CHECK_FAILED;
  }
  process.stderr.write(`gnf: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return EXIT_INTERNAL;
}
