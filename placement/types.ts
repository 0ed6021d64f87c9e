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
  stats: { algorithm: string; optimal?: boolean; mipGap?: number; variables?: number };
}

/** A placement algorithm. */
export interface Placer {
  readonly name: string;
  place(problem: PlacementProblem): Placement;
}
