/**
 * The classic "hold" benchmark of event-list performance: N processes, each repeatedly waiting an
 * exponentially distributed delay (mean 1 s). Measures processed events per wall-clock second.
 * Wall-clock reads are allowed here (benchmarks only).
 *
 * Run: `node bin/gnf.mjs bench engine [--processes 1000,100000] [--events 5000000]`.
 * Cost per event: one heap pop + push (event-queue.ts), one Timeout, one generator resumption.
 * With 100,000 processes the run is bound by garbage collection (every pending Timeout is live
 * and survives young-generation scavenges) and cache misses, not by the heap's comparisons.
 */
import { Environment } from "./environment.ts";
import { RngStreams } from "../../base/rng.ts";

export interface HoldBenchmarkOptions {
  /** Number of concurrent processes (heap size). */
  processes: number;
  /** Events to process after start-up. */
  events: number;
  seed: number;
}

export interface HoldBenchmarkResult {
  processes: number;
  events: number;
  wallSeconds: number;
  eventsPerSecond: number;
}

export function runHoldBenchmark(options: HoldBenchmarkOptions): HoldBenchmarkResult {
  const env = new Environment();
  const rng = new RngStreams(options.seed).stream("hold");
  function* hold() {
    for (;;) yield env.timeout(rng.exponential(1));
  }
  for (let i = 0; i < options.processes; i++) env.process(hold());
  // Start-up: every process's initial event and first timeout are scheduled; process them first.
  for (let i = 0; i < options.processes; i++) env.step();
  const before = env.eventsProcessed;
  const started = performance.now();
  for (let i = 0; i < options.events; i++) env.step();
  const wallSeconds = (performance.now() - started) / 1000;
  const events = env.eventsProcessed - before;
  return { processes: options.processes, events, wallSeconds, eventsPerSecond: events / wallSeconds };
}
