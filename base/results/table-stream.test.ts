import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Cell } from "../tables.ts";
import { TableRecorder } from "../trace.ts";
import { tableToCsv } from "./csv.ts";
import { StreamedTables } from "./table-stream.ts";
import { writeResultsFolder } from "./write-results.ts";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "gnf-stream-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const COLUMNS = ["time_s", "ue", "note", "ok", "value"];
/** Rows with every kind of cell formatCell treats specially, and enough of them to flush more than once. */
function rowsOf(replication: number, n: number): Cell[][] {
  return Array.from({ length: n }, (_, i) => [i / 7, `ue-${i % 13}`, i % 5 === 0 ? `a "quoted", note ${replication}` : i % 7 === 0 ? null : "x", i % 2 === 0, i % 11 === 0 ? Number.NaN : i % 17 === 0 ? -Infinity : i * 1e-9]);
}

describe("StreamedTables", () => {
  it("writes the bytes the in-memory writer writes for the same rows merged across replications", () => {
    const dir = tempDir();
    const streams = new StreamedTables(dir);
    const merged: Cell[][] = [];
    for (const replication of [0, 1]) {
      const recorder = new TableRecorder("samples", COLUMNS, streams.replication(replication));
      for (const row of rowsOf(replication, 30_000)) {
        recorder.add(row);
        merged.push([replication, ...row]);
      }
      expect(recorder.rows).toHaveLength(0); // nothing held in memory
      expect(recorder.toTable().streamed?.rows).toBe(30_000);
    }
    streams.close();
    const expected = tableToCsv({ name: "samples", columns: ["replication", ...COLUMNS], rows: merged });
    expect(readFileSync(join(dir, ".samples.csv.stream"), "utf8")).toBe(expected);
  });

  it("opens a table's file only when it gets a row or is asked for, and writes a header-only table", () => {
    const dir = tempDir();
    const streams = new StreamedTables(dir);
    const run = streams.replication(0);
    new TableRecorder("never", COLUMNS, run);
    const empty = new TableRecorder("empty", COLUMNS, run);
    expect(readdirSync(dir)).toEqual([]);
    const table = empty.toTable();
    streams.close();
    expect(readdirSync(dir)).toEqual([".empty.csv.stream"]);
    expect(readFileSync(table.streamed?.file as string, "utf8")).toBe("replication,time_s,ue,note,ok,value\n");
  });

  it("refuses a replication whose columns differ, and a row of the wrong length", () => {
    const streams = new StreamedTables(tempDir());
    streams.replication(0).table("t", ["a", "b"]).add([1, 2]);
    expect(() => streams.replication(1).table("t", ["a", "c"])).toThrow("table t: columns a,c differ from an earlier replication's");
    expect(() => streams.replication(0).table("t", ["a", "b"]).add([1])).toThrow("t: row of 1 cells for 2 columns");
  });

  it("discard removes the streamed files and the folder it created", () => {
    const dir = join(tempDir(), "run");
    const streams = new StreamedTables(dir);
    streams.replication(0).table("t", ["a"]).add([1]);
    streams.replication(0).samples("latency", 0).push(1);
    streams.discard();
    expect(existsSync(dir)).toBe(false);
  });

  it("writeResultsFolder renames a streamed table into place beside in-memory ones", () => {
    const dir = tempDir();
    const streams = new StreamedTables(dir);
    const recorder = new TableRecorder("big", ["x"], streams.replication(0));
    recorder.add([1]);
    recorder.add([2]);
    const big = recorder.toTable();
    streams.close();
    const files = writeResultsFolder(dir, {
      tables: [{ ...big, columns: ["replication", "x"] }, { name: "small", columns: ["y"], rows: [["a"]] }],
      summary: {},
      manifest: {},
      wall: () => ({}),
    });
    expect(files).toEqual(["big.csv", "small.csv", "summary.json", "manifest.json"]);
    expect(readFileSync(join(dir, "big.csv"), "utf8")).toBe("replication,x\n0,1\n0,2\n");
    expect(readdirSync(dir).filter((f) => f.startsWith("."))).toEqual([]);
  });
});
