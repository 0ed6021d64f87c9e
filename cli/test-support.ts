/** Runs the `gnf` CLI in-process for tests, capturing stdout, stderr and the exit code. */
import { main } from "./main.ts";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], stdin?: string): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const outWrite = process.stdout.write.bind(process.stdout);
  const errWrite = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  }) as typeof process.stderr.write;
  const previousStdin = process.env["GNF_TEST_STDIN"];
  if (stdin !== undefined) process.env["GNF_TEST_STDIN"] = stdin;
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = outWrite;
    process.stderr.write = errWrite;
    if (stdin !== undefined) {
      if (previousStdin === undefined) delete process.env["GNF_TEST_STDIN"];
      else process.env["GNF_TEST_STDIN"] = previousStdin;
    }
  }
}
