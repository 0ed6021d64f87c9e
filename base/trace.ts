/**
 * Named trace sources (ns-3 style, DESIGN.md rule 8). Models own `TraceSource`s and `emit`
 * records; recorders `subscribe`. Models never print or write files. Emitting with no subscriber
 * costs one length check, so call sites may guard expensive record construction with `active`.
 *
 * @example
 *   const handover = new TraceSource<{ time: number; ue: string; from: string; to: string }>("ueHandover");
 *   const rows = new TableRecorder("handovers", ["time", "ue", "from", "to"]);
 *   handover.subscribe((r) => rows.add([r.time, r.ue, r.from, r.to]));
 */
import type { Cell, RowSink, RunStreams, Table } from "./tables.ts";

export type TraceListener<T> = (record: T) => void;

export class TraceSource<T> {
  private listeners: TraceListener<T>[] = [];

  constructor(readonly name: string) {}

  /** True when someone listens (build records only then). */
  get active(): boolean {
    return this.listeners.length > 0;
  }

  /**
   * Adds `listener`; returns its unsubscribe function. Once that returns, the listener is not
   * called again — not even for the rest of a record being emitted right now (a listener may
   * unsubscribe another one). Calling it again does nothing.
   */
  subscribe(listener: TraceListener<T>): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  emit(record: T): void {
    const listeners = this.listeners;
    for (let i = 0; i < listeners.length; i++) {
      const listener = listeners[i] as TraceListener<T>;
      // Unsubscribing replaces the array: skip whoever left during this emit.
      if (this.listeners !== listeners && !this.listeners.includes(listener)) continue;
      listener(record);
    }
  }
}

/**
 * Collects tidy rows (one row per observation) for a CSV table: in memory, or, given `streams`,
 * straight to the table's file (`rows` then stays empty; the file is opened at the first row or
 * at `toTable`, so a table never produced leaves no file).
 */
export class TableRecorder {
  readonly rows: Cell[][] = [];
  private sink: RowSink | undefined;

  constructor(
    readonly name: string,
    readonly columns: readonly string[],
    private readonly streams?: RunStreams,
  ) {}

  add(row: Cell[]): void {
    if (row.length !== this.columns.length) throw new RangeError(`${this.name}: row of ${row.length} cells for ${this.columns.length} columns`);
    if (this.streams) this.openSink().add(row);
    else this.rows.push(row);
  }

  private openSink(): RowSink {
    this.sink ??= (this.streams as RunStreams).table(this.name, this.columns);
    return this.sink;
  }

  /** Subscribes to `source`, turning each record into a row with `toRow`. */
  record<T>(source: TraceSource<T>, toRow: (record: T) => Cell[]): this {
    source.subscribe((r) => this.add(toRow(r)));
    return this;
  }

  /** The table; streamed: its file and the rows this recorder added to it. */
  toTable(): Table {
    if (!this.streams) return { name: this.name, columns: [...this.columns], rows: this.rows };
    const sink = this.openSink();
    return { name: this.name, columns: [...this.columns], rows: [], streamed: { file: sink.file, rows: sink.rows } };
  }
}
