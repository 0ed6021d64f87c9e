import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UserError } from "../errors.ts";
import { writeFileAtomic } from "./atomic-write.ts";

const work = mkdtempSync(join(tmpdir(), "gnf-atomic-write-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("writeFileAtomic", () => {
  it("creates missing parents and writes the content", () => {
    const file = join(work, "a", "b", "c.txt");
    writeFileAtomic(file, "hello");
    expect(readFileSync(file, "utf8")).toBe("hello");
  });

  it("a folder where the file goes (EISDIR) is a UserError, and no temporary file is left", () => {
    const target = join(work, "summary.json");
    mkdirSync(target);
    expect(() => writeFileAtomic(target, "{}")).toThrow(UserError);
    expect(() => writeFileAtomic(target, "{}")).toThrow(/cannot write .*summary\.json: .*is a folder where a file was expected \(EISDIR\)/);
    expect(readdirSync(work).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("a parent that is a file (ENOTDIR) is a UserError", () => {
    const file = join(work, "plain");
    writeFileSync(file, "x");
    expect(() => writeFileAtomic(join(file, "x.txt"), "y")).toThrow(/plain exists and is not a folder/);
  });

  it("/proc/nope/x/f.txt fails at once (mkdir -p looped forever there)", () => {
    expect(() => writeFileAtomic("/proc/nope/x/f.txt", "y")).toThrow(/cannot create the folder \/proc\/nope\/x/);
  });
});
