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

/** Runs `file args…`, resolving with its output; rejects with LabCommandError. */
export function run(file: string, args: readonly string[], options: { timeoutMs?: number } = {}): Promise<RunResult> {
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
