import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UserError } from "../errors.ts";
import { openResultsFolder, withResultsFolder } from "./results-folder.ts";
import { writeResultsFolder } from "./write-results.ts";
import { ensureFolder } from "./ensure-folder.ts";

const work = mkdtempSync(join(tmpdir(), "gnf-results-folder-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FOLDER = { tables: [{ name: "t", columns: ["a"], rows: [[1]] }], summary: { n: 1 }, manifest: { world: "simulation" }, wall: () => ({ seconds: 0 }) };

describe("openResultsFolder", () => {
  it("writes into a hidden temporary sibling and renames it into place on commit", () => {
    const out = join(work, "fresh", "run");
    const folder = openResultsFolder(out);
    expect(folder.tempDir).toBe(join(work, "fresh", `.run.${process.pid}.partial`));
    writeResultsFolder(folder.tempDir, FOLDER);
    expect(existsSync(out)).toBe(false);
    folder.commit();
    expect(existsSync(folder.tempDir)).toBe(false);
    expect(readdirSync(out).sort()).toEqual(["manifest.json", "summary.json", "t.csv"]);
  });

  it("removes the temporary folder on abort and leaves no out", () => {
    const out = join(work, "aborted");
    const folder = openResultsFolder(out);
    writeFileSync(join(folder.tempDir, "t.csv"), "a\n1\n");
    folder.abort();
    expect(existsSync(folder.tempDir)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it("aborts when the work throws, and rethrows", async () => {
    const out = join(work, "throws");
    const folder = openResultsFolder(out);
    await expect(withResultsFolder(folder, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(existsSync(folder.tempDir)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a non-empty out without force, before creating anything", () => {
    const out = join(work, "old-run");
    mkdirSync(out);
    writeFileSync(join(out, "old.csv"), "x\n");
    expect(() => openResultsFolder(out)).toThrow(UserError);
    expect(() => openResultsFolder(out)).toThrow(/exists and is not empty; pass --force/);
    expect(readdirSync(work).filter((n) => n.includes("partial"))).toEqual([]);
  });

  it("with force replaces an old folder whole: none of its files remain", async () => {
    const out = join(work, "replaced");
    mkdirSync(join(out, "summary.json"), { recursive: true }); // a folder where summary.json goes (EISDIR before)
    writeFileSync(join(out, "old.csv"), "x\n");
    await withResultsFolder(openResultsFolder(out, { force: true }), (dir) => writeResultsFolder(dir, FOLDER));
    expect(readdirSync(out).sort()).toEqual(["manifest.json", "summary.json", "t.csv"]);
    expect(JSON.parse(readFileSync(join(out, "summary.json"), "utf8"))).toEqual({ n: 1 });
  });

  it("refuses at commit an out that another process filled meanwhile (no force), and keeps its files", async () => {
    const out = join(work, "raced");
    const folder = openResultsFolder(out);
    mkdirSync(out);
    writeFileSync(join(out, "theirs.csv"), "x\n");
    await expect(withResultsFolder(folder, (dir) => writeResultsFolder(dir, FOLDER))).rejects.toThrow(/exists and is not empty/);
    expect(readdirSync(out)).toEqual(["theirs.csv"]);
    expect(existsSync(folder.tempDir)).toBe(false);
  });

  it("never replaces the root or a folder holding the current folder, even with force", () => {
    expect(() => openResultsFolder("/", { force: true })).toThrow(/the root folder cannot be a results folder/);
    expect(() => openResultsFolder(".", { force: true })).toThrow(/contains the current folder/);
    expect(() => openResultsFolder("..", { force: true })).toThrow(/contains the current folder/);
  });

  it("accepts an existing empty folder without force", () => {
    const out = join(work, "empty");
    mkdirSync(out);
    const folder = openResultsFolder(out);
    writeResultsFolder(folder.tempDir, FOLDER);
    folder.commit();
    expect(readdirSync(out)).toContain("manifest.json");
  });

  it("refuses an out that is a file (EEXIST) or lies under a file (ENOTDIR)", () => {
    const file = join(work, "a-file");
    writeFileSync(file, "x");
    expect(() => openResultsFolder(file)).toThrow(/--out .*a-file: exists and is not a folder \(EEXIST\)/);
    expect(() => openResultsFolder(join(file, "x", "y"))).toThrow(/a-file exists and is not a folder/);
  });
});

describe("ensureFolder", () => {
  it("fails at once with a UserError where mkdir -p would loop (/proc/nope/x)", () => {
    expect(() => ensureFolder("/proc/nope/x")).toThrow(UserError);
    expect(() => ensureFolder("/proc/nope/x")).toThrow(/cannot create the folder \/proc\/nope\/x: .*\/proc\/nope/);
  });

  it.skipIf(process.getuid?.() === 0)("names an unwritable parent", () => {
    const locked = join(work, "locked");
    mkdirSync(locked, { mode: 0o555 });
    expect(() => ensureFolder(join(locked, "x"))).toThrow(/permission denied/);
  });
});
