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

/** A tidy table: `rows[i][j]` is the value of `columns[j]` in observation i. */
export interface Table {
  /** File stem: the table is written as `<name>.csv`. */
  name: string;
  columns: string[];
  rows: Cell[][];
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
  /**
   * Awaited between progress slices (100 per run): lets the caller's event loop turn, e.g. so a
   * Ctrl-C is handled while a long replication runs. It must not change what the run computes.
   */
  pause?: () => Promise<void>;
}
