/**
 * What a simulation run produces, independent of how it is written: named scalar metrics and tidy
 * tables (one row per observation). The emulation backend produces the same shapes so the two
 * worlds' results compare row by row.
 */

/** A scalar result of one run, e.g. mean UE latency. */
export interface Metric {
  value: number;
  /** Unit of `value`: "s", "ms", "bytes", "bit/s", "count", "ratio", … */
  unit: string;
  description: string;
}

export type Cell = string | number | boolean | null;

/**
 * A tidy table: `rows[i][j]` is the value of `columns[j]` in observation i. A streamed table
 * (`streamed` set) holds no rows in memory: they were written, as they were produced, to
 * `streamed.file` (see `base/results/table-stream.ts`), and `rows` is empty.
 */
export interface Table {
  /** File stem: the table is written as `<name>.csv`. */
  name: string;
  columns: string[];
  rows: Cell[][];
  /** Set when the rows went to a file: that CSV file (header and every row) and its row count. */
  streamed?: { file: string; rows: number };
}

/** Where one table's rows go as they are produced. */
export interface RowSink {
  /** Appends one row (as many cells as the table has columns). */
  add(row: readonly Cell[]): void;
  /** The CSV file the rows go to (it also holds other replications' rows). */
  readonly file: string;
  /** Rows added through this sink. */
  readonly rows: number;
}

/** Observations kept for exact order statistics (a `Tally`'s percentiles), in memory or spilled to disk. */
export interface SampleStore {
  /** Adds one value. */
  push(x: number): void;
  /** Number of values added. */
  readonly count: number;
  /** The k-th smallest value (k 0-based, 0 ≤ k < count) for each k of `ranks`, in the order of `ranks`. */
  orderStatistics(ranks: readonly number[]): number[];
}

/**
 * What a run's recorders stream into, so memory does not grow with the run's duration: a sink per
 * table and sample stores for tallies. Absent: everything stays in memory (small runs, tests).
 */
export interface RunStreams {
  /** The sink of table `name` (the same file in every replication; `columns` must agree). */
  table(name: string, columns: readonly string[]): RowSink;
  /** A store for a tally's samples: in memory up to `memoryLimit` values (at most the streams' own limit), then in a file. */
  samples(name: string, memoryLimit?: number): SampleStore;
}

export interface RunOutput {
  metrics: Record<string, Metric>;
  tables: Table[];
  /** Number of DES events processed. */
  events: number;
  /** Wall-clock seconds the placement algorithm took, summed over its calls (only with `wallClock`). */
  placementWallSeconds?: number;
}

export interface RunHooks {
  /** Called now and then with the simulated time (s) reached and events processed so far. */
  onProgress?(simTime: number, events: number): void;
  /**
   * A wall clock (seconds from any origin) for timing placement solves. Injected by the CLI: the
   * simulation never reads the wall clock itself, and the time it reports stays out of the
   * (deterministic) metrics.
   */
  wallClock?: () => number;
  /** Stream tables and large tallies to disk (see `RunStreams`); default: in memory. */
  streams?: RunStreams;
  /**
   * Awaited between progress slices (100 per run): lets the caller's event loop turn, e.g. so a
   * Ctrl-C is handled while a long replication runs. It must not change what the run computes.
   */
  pause?: () => Promise<void>;
}
