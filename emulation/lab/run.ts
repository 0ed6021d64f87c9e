/**
 * Runs a lab command with `execFile` (no shell, so names can never be interpreted as shell
 * syntax). Failures throw a `LabCommandError` with the command line and its stderr.
 */
import { execFile } from "node:child_process";
import { access, constants } from "node:fs/promises";
import { delimiter, join } from "node:path";

export class LabCommandError extends Error {
  override readonly name = "LabCommandError";
  constructor(
    readonly command: string,
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(`\`${command}\` failed${exitCode === null ? "" : ` (exit ${exitCode})`}: ${stderr.trim() || "no error output"}`);
  }
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a command somewhere else (e.g. a helper process); must reject with LabCommandError like `run`. */
export type CommandRunner = (file: string, args: readonly string[], timeoutMs: number) => Promise<RunResult>;
let runner: CommandRunner | undefined;

/**
 * Makes `run` delegate to `next` (undefined: back to execFile here); returns the previous runner.
 * Forking from a big Node process blocks its event loop until the child has exec'd (tens of ms on
 * a busy machine), so a harness starting many vNFs at once runs commands from a small helper.
 */
export function useCommandRunner(next: CommandRunner | undefined): CommandRunner | undefined {
  const previous = runner;
  runner = next;
  return previous;
}

/** Runs `file args…`, resolving with its output; rejects with LabCommandError. */
export function run(file: string, args: readonly string[], options: { timeoutMs?: number } = {}): Promise<RunResult> {
  if (runner) return runner(file, args, options.timeoutMs ?? 30_000);
  return runHere(file, args, options);
}

/** `run` with execFile from this process, whatever runner is installed. */
export function runHere(file: string, args: readonly string[], options: { timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { encoding: "utf8", timeout: options.timeoutMs ?? 30_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const code = typeof (error as { code?: unknown }).code === "number" ? ((error as { code: number }).code) : null;
        reject(new LabCommandError([file, ...args].join(" "), stderr || error.message, code));
      } else resolve({ stdout, stderr });
    });
  });
}

/** True if `file` is an executable on PATH. */
export async function hasCommand(file: string): Promise<boolean> {
  for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    if (dir === "") continue;
    try {
      await access(join(dir, file), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}
