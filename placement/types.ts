/**
 * Placement: which host runs each vNF. Plain data in, plain data out, no clock, no I/O (the
 * orchestrator calls it from its pure state machine).
 *
 * Units: CPU in reference cores (1 = one core of the paper's i7 at 3.4 GHz), memory in bytes,
 * latency in seconds (one-way, access node → host).
 */
export type HostKind = "edge" | "nfvi";

export interface HostState {
  id: string;
  kind: HostKind;
  cpuCapacity: number;
  memoryBytes: number;
  /** Already in use (by vNFs not part of this problem). */
  cpuUsed: number;
  memoryUsed: number;
}

export interface VnfRequest {
  id: string;
  ue: string;
  /** The node the UE is attached to (its serving edge device). */
  accessNode: string;
  cpuDemand: number;
  memoryDemand: number;
  /** Largest acceptable access → host latency, seconds. */
  maxLatencyS?: number;
  /** Where it runs now, if it runs. */
  currentHost?: string;
}

export interface PlacementProblem {
  hosts: HostState[];
  requests: VnfRequest[];
  /** One-way latency from an access node to a host, seconds (Infinity when unreachable). */
  latencyS(accessNode: string, host: string): number;
}

export interface Infeasible {
  vnf: string;
  reason: string;
}

export interface Placement {
  /** vNF id → host id, for every placed vNF. */
  assignment: Map<string, string>;
  infeasible: Infeasible[];
  /** Σ access → host latency of the placed vNFs, seconds. */
  totalLatencyS: number;
  stats: PlacementStats;
}

/** Solve statistics (the optional fields are filled by `latency-ilp`). */
export interface PlacementStats {
  algorithm: string;
  /** True when the assignment is proven optimal (`latency-ilp`). */
  optimal?: boolean;
  /** HiGHS relative MIP gap of the final solve, (primal − dual) / |primal|; 0 = proven optimal. */
  mipGap?: number;
  /** Optimal objective: Σ access → host latency of the placed vNFs, seconds. */
  objectiveS?: number;
  /** Integer columns in the final model (after grouping identical requests and pruning). */
  variables?: number;
  /** Columns the full model would have (every group × every feasible host). */
  fullVariables?: number;
  /** HiGHS solves (LP pricing rounds + MIP rounds). */
  solves?: number;
  /** Wall time measured with the injected clock (0 with the default zero clock), seconds. */
  solveSeconds?: number;
}

/**
 * A placement algorithm. `place` is synchronous and pure (same problem ⇒ same placement) so the
 * orchestrator's state machine can call it; algorithms that need asynchronous set-up (HiGHS loads
 * WebAssembly) do it in their factory (`createPlacer`, `createLatencyIlp`).
 */
export interface Placer {
  readonly name: string;
  place(problem: PlacementProblem): Placement;
}

/** Seconds from an arbitrary origin; injected so placement stays deterministic (default: always 0). */
export type Clock = () => number;
