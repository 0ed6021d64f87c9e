/**
 * A benchmark that `gnf bench <name>` runs. Benchmarks measure wall time and throughput; their
 * targets are documented with the benchmark and checked by people and CI trend jobs, never by
 * timed unit tests.
 */
export interface BenchOption {
  /** commander flag spec, e.g. "--processes <n>". */
  flags: string;
  description: string;
  /** Default as a string (parsed by the benchmark). */
  defaultValue?: string;
}

export interface BenchDefinition {
  /** Sub-command name: `gnf bench <name>`. */
  name: string;
  description: string;
  options: BenchOption[];
  /** Whether `gnf bench all` / `npm run bench` includes it (a lab benchmark included must return `{ skipped: reason }` when the lab is missing). */
  inAll: boolean;
  /** Runs the benchmark; option values arrive as strings (or undefined → default). */
  run(options: Record<string, string | undefined>): Promise<Record<string, unknown>>;
  /** One human-readable paragraph for the result (printed without --json). */
  describe(result: Record<string, unknown>): string;
}
