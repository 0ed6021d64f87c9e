/**
 * Plain data the Manager is constructed with: hosts, the vNF type catalog, the latency matrix.
 * Units: CPU in reference cores (as in `placement/`), memory and state in bytes, latency in seconds.
 */
import type { HostKind } from "../placement/index.ts";

/** A host that can run vNFs: an edge device or a central NFVI server. */
export interface HostSpec {
  id: string;
  kind: HostKind;
  /** CPU capacity, reference cores. */
  cpuCapacity: number;
  /** Memory capacity, bytes. */
  memoryBytes: number;
}

/** What one instance of a vNF type needs, and what a migration carries. */
export interface VnfDemand {
  /** CPU reserved per instance, reference cores. */
  cpu: number;
  /** Memory reserved per instance, bytes. */
  memoryBytes: number;
  /** State copied on migration, bytes. */
  stateBytes: number;
  /** Largest acceptable access node → host latency, seconds (none when absent). */
  maxLatencyS?: number;
}

/** vNF type name → demands. */
export type VnfDemandCatalog = Readonly<Record<string, VnfDemand>>;

/** One-way latency from an access node (edge device a UE is attached to) to a host, seconds. */
export type LatencyFn = (accessNode: string, host: string) => number;
