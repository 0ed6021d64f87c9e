/**
 * Command helper run by `SpawnHelper` (node --import tsx, own process group): reads JSON lines
 * `{"id":N,"file":F,"args":[…],"timeoutMs":T}` on stdin, runs each with execFile (no shell; several
 * at once) and prints `{"id":N,"stdout":…,"stderr":…,"code":C|null,"error":M|null}`. Exits when
 * stdin ends, so it never outlives its parent.
 */
import { execFile } from "node:child_process";
import { createInterface } from "node:readline";

interface Request {
  id: number;
  file: string;
  args: string[];
  timeoutMs: number;
}

createInterface({ input: process.stdin })
  .on("line", (line) => {
    const req = JSON.parse(line) as Request;
    execFile(req.file, req.args, { encoding: "utf8", timeout: req.timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === "number" ? (error as { code: number }).code : null) : 0;
      process.stdout.write(`${JSON.stringify({ id: req.id, stdout, stderr, code, error: error ? error.message : null })}\n`);
    });
  })
  .on("close", () => process.exit(0));
process.stdout.write("ready\n");
