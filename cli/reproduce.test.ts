/** `gnf reproduce`: user mistakes are exit-2 messages; the figure list resolves `all`. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chosenFigures } from "./commands/reproduce.ts";
import { REPRODUCIBLE_FIGURES } from "../notebooks/reproduce/registry.ts";
import { runCli } from "./test-support.ts";

describe("gnf reproduce", () => {
  it("all (or nothing) means every figure; a figure named twice runs once", () => {
    expect(chosenFigures([])).toEqual(Object.keys(REPRODUCIBLE_FIGURES));
    expect(chosenFigures(["all"])).toEqual(Object.keys(REPRODUCIBLE_FIGURES));
  });

  it("an unknown figure is an exit-2 message naming it and the choices, without a stack trace", async () => {
    const r = await runCli(["reproduce", "fig9", "--sim-only", "--out", join(mkdtempSync(join(tmpdir(), "gnf-repro-cli-")), "out")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown figure "fig9".*expected all or one of/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("bad --replications and a non-empty --out are exit-2 messages", async () => {
    const base = mkdtempSync(join(tmpdir(), "gnf-repro-cli-"));
    const bad = await runCli(["reproduce", "--sim-only", "--replications", "0", "--out", join(base, "a")]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/--replications: expected a positive integer, found "0"/)]);
    writeFileSync(join(base, "keep.txt"), "mine");
    const full = await runCli(["reproduce", "--sim-only", "--out", base]);
    expect(full.code).toBe(2);
    expect(full.stderr).toMatch(/not empty|--force/);
  });
});
