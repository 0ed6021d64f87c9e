/**
 * Tables streamed to disk as their rows are produced (as ns-3 and OMNeT++ write their vectors), so
 * a long run's memory does not grow with its duration. A `StreamedTables` belongs to one results
 * folder (or its temporary folder): each table goes to one hidden CSV file there, with a leading
 * `replication` column, shared by every replication of the run. `writeResultsFolder` renames each
 * finished file into place as `<name>.csv`. The bytes are exactly what `tableToCsv` would write
 * for the same rows merged across replications (`formatCell`, `\n` line ends).
 *
 * Rows are buffered and written in blocks of about 1 MB with synchronous writes (deterministic,
 * no back-pressure to manage). Tallies whose samples outgrow memory spill to hidden files here
 * too (`samples`), removed by `close`.
 *
 * @example
 *   const streams = new StreamedTables(dir);
 *   const sink = streams.replication(0).table("handovers", ["time_s", "ue"]);
 *   sink.add([1.5, "ue-0"]);             // `.handovers.csv.stream` gets "0,1.5,ue-0"
 *   streams.close();                      // flushed; writeResultsFolder renames it to handovers.csv
 */
import { closeSync, existsSync, openSync, rmdirSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Cell, RowSink, RunStreams } from "../tables.ts";
import { SpillingSamples } from "../stats/sample-store.ts";
import { formatCell } from "./csv.ts";
import { ensureFolder } from "./ensure-folder.ts";

/** Characters buffered before a write. */
const FLUSH_CHARS = 1 << 20;

class CsvFile {
  private readonly fd: number;
  private buffer = "";

  constructor(
    readonly file: string,
    readonly columns: readonly string[],
  ) {
    this.fd = openSync(file, "w");
    this.buffer = `${columns.map(formatCell).join(",")}\n`;
  }

  append(line: string): void {
    this.buffer += line;
    if (this.buffer.length >= FLUSH_CHARS) this.flush();
  }

  flush(): void {
    if (this.buffer === "") return;
    const bytes = Buffer.from(this.buffer, "utf8");
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
    this.buffer = "";
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export class StreamedTables {
  private readonly files = new Map<string, CsvFile>();
  private readonly spills: SpillingSamples[] = [];
  private closed = false;
  /** True when this object created `dir` (so `discard` removes it again if it is empty). */
  private readonly createdDir: boolean;

  /**
   * `dir` is created if needed; streamed files are hidden (`.<name>.csv.stream`) until renamed into
   * place. `sampleMemoryLimit`: values a tally keeps in memory before spilling (default 2^20, 8 MB;
   * it also caps the limit a recorder asks for).
   */
  constructor(
    readonly dir: string,
    private readonly sampleMemoryLimit = 1 << 20,
  ) {
    this.createdDir = !existsSync(dir);
    ensureFolder(dir);
  }

  /** The streams of replication `replication` (its rows get that `replication` value). */
  replication(replication: number): RunStreams {
    return {
      table: (name, columns) => {
        const file = this.file(name, columns);
        const prefix = `${formatCell(replication)},`;
        let rows = 0;
        const isClosed = () => this.closed;
        const sink: RowSink = {
          add(row) {
            if (isClosed()) throw new Error(`table ${name}: a row after the streams were closed`);
            if (row.length !== columns.length) throw new RangeError(`${name}: row of ${row.length} cells for ${columns.length} columns`);
            let line = prefix;
            for (let i = 0; i < row.length; i++) line += (i > 0 ? "," : "") + formatCell(row[i] as Cell);
            file.append(`${line}\n`);
            rows++;
          },
          file: file.file,
          get rows() {
            return rows;
          },
        };
        return sink;
      },
      samples: (name, memoryLimit) => {
        const limit = Math.min(memoryLimit ?? this.sampleMemoryLimit, this.sampleMemoryLimit);
        const store = new SpillingSamples(join(this.dir, `.samples-${replication}-${this.spills.length}-${name.replace(/[^A-Za-z0-9_.-]/g, "_")}.f64`), limit);
        this.spills.push(store);
        return store;
      },
    };
  }

  /** Finishes every file (flushed and closed) and removes the sample spills; idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const f of this.files.values()) f.close();
    for (const s of this.spills) s.dispose();
  }

  /** Closes and removes everything written, and `dir` if this created it and it is empty (the run failed or was abandoned). */
  discard(): void {
    this.close();
    for (const f of this.files.values()) rmSync(f.file, { force: true });
    if (this.createdDir) {
      try {
        rmdirSync(this.dir);
      } catch {
        // not empty (someone else's files): leave it
      }
    }
  }

  private file(name: string, columns: readonly string[]): CsvFile {
    const withReplication = ["replication", ...columns];
    const existing = this.files.get(name);
    if (existing) {
      if (existing.columns.join("\0") !== withReplication.join("\0")) throw new Error(`table ${name}: columns ${columns.join(",")} differ from an earlier replication's`);
      return existing;
    }
    if (this.closed) throw new Error(`table ${name}: opened after the streams were closed`);
    const file = new CsvFile(join(this.dir, `.${name}.csv.stream`), withReplication);
    this.files.set(name, file);
    return file;
  }
}
