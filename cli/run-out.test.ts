/**
 * `gnf run --out …` against hostile paths and interruptions, through the real `bin/gnf.mjs` in a
 * child process (a hang must fail the test, not freeze the suite: every wait is bounded).
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "./test-support.ts";

const BIN = fileURLToPath(new URL("../bin/gnf.mjs", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "gnf-run-out-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Longest a child may run before it counts as a hang (ms). */
const HANG_MS = 20_000;

/** Runs `gnf` in a child process; a child still running after HANG_MS is killed (code "hang"). */
function gnf(args: string[]): Promise<CliResult | "hang"> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: HANG_MS, killSignal: "SIGKILL" }, (error, stdout, stderr) => {
      if (error && (error as { killed?: boolean }).killed) return resolve("hang");
      const code = error && typeof (error as { code?: unknown }).code === "number" ? (error as { code: number }).code : error ? 1 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function expectUserError(r: CliResult | "hang", message: RegExp): void {
  expect(r).not.toBe("hang");
  const result = r as CliResult;
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe("gnf run --out: bad paths are exit-2 messages, never a hang", () => {
  it("--out /proc/nope/x", async () => {
    expectUserError(await gnf(["run", "-q", "--out", "/proc/nope/x"]), /^gnf: cannot create the folder .*\/proc\/nope.*\(ENOENT\)\n$/);
  }, HANG_MS + 5_000);

  it("--set outputs.directory=/proc/nope", async () => {
    expectUserError(await gnf(["run", "-q", "--set", "outputs.directory=/proc/nope"]), /^gnf: cannot create the folder \/proc\/nope\//);
  }, HANG_MS + 5_000);

  it("--out naming an existing file (EEXIST)", async () => {
    const file = join(work, "a-file");
    writeFileSync(file, "keep");
    expectUserError(await runCli(["run", "-q", "--out", file]), /--out .*a-file: exists and is not a folder \(EEXIST\)/);
  });

  it("--out under a file (ENOTDIR)", async () => {
    const file = join(work, "b-file");
    writeFileSync(file, "keep");
    expectUserError(await runCli(["run", "-q", "--out", join(file, "x")]), /b-file exists and is not a folder/);
  });
});

describe("gnf run --out into an existing folder", () => {
  it("refuses a non-empty folder without --force, before running, and leaves it as it was", async () => {
    const out = join(work, "old");
    mkdirSync(out);
    writeFileSync(join(out, "handovers.csv"), "old\n");
    expectUserError(await runCli(["run", "-q", "--out", out]), /not empty; pass --force to replace it whole/);
    expect(readdirSync(out)).toEqual(["handovers.csv"]);
  });

  it("--force replaces it whole, even with a folder where summary.json goes (EISDIR before)", async () => {
    const out = join(work, "forced");
    mkdirSync(join(out, "summary.json"), { recursive: true });
    writeFileSync(join(out, "stale-from-old-run.csv"), "old\n");
    const r = await runCli(["run", "-q", "--force", "--out", out]);
    expect(r.code).toBe(0);
    const files = readdirSync(out);
    expect(files).toContain("manifest.json");
    expect(files).not.toContain("stale-from-old-run.csv");
    expect(readdirSync(work).filter((n) => n.endsWith(".partial") || n.endsWith(".old"))).toEqual([]);
  });
});

describe("the other results-folder writers", () => {
  it("gnf emulate checks --out before any lab work (exit 2 for a non-empty folder)", async () => {
    const out = join(work, "emulate-old");
    mkdirSync(out);
    writeFileSync(join(out, "old.csv"), "x\n");
    expectUserError(await runCli(["emulate", "scenarios/default.yaml", "-q", "--out", out]), /not empty; pass --force/);
    expect(readdirSync(out)).toEqual(["old.csv"]);
  });

  it("--force is in the help of gnf run and gnf emulate", async () => {
    for (const command of ["run", "emulate"]) expect((await runCli([command, "--help"])).stdout).toMatch(/--force\s+replace an existing non-empty --out folder whole/);
  });
});

describe("gnf run interrupted", () => {
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    it(`${signal} while running removes the partial folder, says so, and exits ${code}`, async () => {
      const parent = join(work, `interrupted-${signal}`);
      mkdirSync(parent);
      const out = join(parent, "run");
      // One replication of about a minute here (1000 h of the default scenario): the signal must be
      // handled within it, not when it ends.
      const child = spawn(process.execPath, [BIN, "run", "-q", "--set", "duration=1000h", "--out", out], { stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
      const partial = await waitFor(() => readdirSync(parent).find((n) => n.endsWith(".partial")), HANG_MS);
      expect(partial).toBeDefined();
      await new Promise((r) => setTimeout(r, 500));
      const killedAt = performance.now();
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), HANG_MS);
      const exitCode = await exited;
      clearTimeout(timer);
      expect(exitCode).toBe(code);
      expect(performance.now() - killedAt).toBeLessThan(5_000);
      expect(stderr).toMatch(new RegExp(`gnf: interrupted \\(${signal}\\); removed the partial results folder .*\\.run\\.\\d+\\.partial\\n$`));
      expect(readdirSync(parent)).toEqual([]);
      expect(existsSync(out)).toBe(false);
    }, 2 * HANG_MS + 5_000);
  }
});

/** Polls `probe` every 20 ms until it returns a value, for at most `limitMs`. */
async function waitFor<T>(probe: () => T | undefined, limitMs: number): Promise<T | undefined> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  return undefined;
}
