import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "./test-support.ts";

const BAD = fileURLToPath(new URL("../scenarios/testdata/bad/", import.meta.url));

describe("gnf CLI", () => {
  it("prints help with exit 0", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: gnf");
    for (const command of ["run", "check", "bench"]) expect(r.stdout).toContain(command);
  });

  it("prints each command's help with exit 0", async () => {
    for (const command of ["run", "check", "bench"]) {
      const r = await runCli([command, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: gnf ${command}`);
    }
  });

  it("exits 2 on an unknown command or option", async () => {
    expect((await runCli(["frobnicate"])).code).toBe(2);
    expect((await runCli(["check", "--no-such-flag"])).code).toBe(2);
  });

  it("check: exit 0 and a one-line report for a valid file", async () => {
    const r = await runCli(["check", fileURLToPath(new URL("../scenarios/default.yaml", import.meta.url))]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: ok — scenario "default-roaming", seed 1, /);
  });

  it("check: exit 2 and the message without a stack trace for a bad file", async () => {
    const file = join(BAD, "04-negative-duration.yaml");
    const r = await runCli(["check", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`gnf: ${file}:2:11: duration: expected a positive time in seconds, found -5 (a number)\n`);
    expect(r.stderr).not.toContain("    at ");
  });

  it("check: exit 2 for a missing file", async () => {
    const r = await runCli(["check", "/nonexistent/scenario.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("gnf: /nonexistent/scenario.yaml: no such scenario file\n");
  });

  it("run: exit 2 for a bad --seed, before anything runs", async () => {
    const r = await runCli(["run", "--seed", "-3", "--quiet"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('gnf: --seed: expected an integer from 0 to 4294967295, found "-3"\n');
  });

  it("bench: exit 2 for a bad --processes value", async () => {
    const r = await runCli(["bench", "engine", "--processes", "many"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('gnf: --processes: expected a positive integer, found "many"\n');
  });
});
