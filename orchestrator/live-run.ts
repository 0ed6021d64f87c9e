/**
 * A running scenario as the REST API (`gnf serve`) and the UI see it: the Manager's state, the
 * world's clock, a way to hand operator events to the Manager, and live metrics. The sim backend
 * (paced DES) and the emulation backend (real containers) both provide one; so can a test harness
 * built on `FakeBackend`.
 *
 * Invariants: `submit` never re-enters the Manager (the event is queued into the backend's event
 * stream and handled in order); reads never change state; `now()` never decreases.
 */
import type { ManagerEvent } from "./events.ts";
import type { Manager } from "./manager.ts";

/** One scalar of the run's live metrics. */
export interface LiveMetric {
  value: number;
  /** "s", "ms", "bytes", "count", "ratio", … */
  unit: string;
  description: string;
}

/** An edge device or central NFVI host with what its Agent last reported. */
export interface LiveDevice {
  id: string;
  kind: "edge" | "nfvi";
  /** Paper Table I model or server class, when known. */
  model?: string;
  cpuCapacity: number;
  memoryBytes: number;
  /** Last reported CPU utilisation 0..1 (absent before the first report). */
  cpuUtilisation?: number;
  memoryUsedBytes?: number;
  clients?: number;
}

export interface LiveRun {
  /** Scenario name. */
  readonly name: string;
  readonly manager: Manager;
  /** The run's clock, seconds (simulated, or wall seconds since the emulation began). */
  now(): number;
  /** Hands an operator event (chain-requested, chain-removed, …) to the Manager at `now()`. */
  submit(event: ManagerEvent): void;
  /** Every host the Manager can place on, with its latest report. */
  devices(): LiveDevice[];
  /** Metrics so far (same names as the run's summary.json). */
  metrics(): Record<string, LiveMetric>;
}
