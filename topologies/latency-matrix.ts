/**
 * The latency matrix placement works from: one-way shortest-path delay (seconds) from every access
 * node (where UEs attach: `edge` nodes) to every host node (nodes that can run vNFs: any node with
 * a `device`, i.e. edge devices and the central NFVI), in topology node order.
 *
 * @example
 *   const m = latencyMatrix(new PathFinder(topology));
 *   m.delayS(m.access[0], "nfvi"); // seconds
 */
import type { PathFinder } from "./paths.ts";
import type { Topology } from "./types.ts";

/** Ids of the nodes where UEs attach (role `edge`), in node order. */
export function accessNodeIds(topology: Topology): string[] {
  return topology.nodes.filter((n) => n.role === "edge").map((n) => n.id);
}

/** Ids of the nodes that can host vNFs (those with a device model), in node order. */
export function hostNodeIds(topology: Topology): string[] {
  return topology.nodes.filter((n) => n.device !== undefined).map((n) => n.id);
}

export interface LatencyMatrix {
  /** Row labels: access node ids. */
  access: string[];
  /** Column labels: host node ids. */
  hosts: string[];
  /** rows[i][j]: delay from access[i] to hosts[j], seconds (Infinity if unreachable). */
  rows: Float64Array[];
  /** Delay from an access node to a host, seconds; throws for ids not in the matrix. */
  delayS(access: string, host: string): number;
}

/** The access × host latency matrix of `paths.topology` (or of the given node lists). */
export function latencyMatrix(paths: PathFinder, access = accessNodeIds(paths.topology), hosts = hostNodeIds(paths.topology)): LatencyMatrix {
  const rows = access.map((a) => Float64Array.from(hosts, (h) => paths.pathDelay(a, h)));
  const rowOf = new Map(access.map((id, i) => [id, i]));
  const colOf = new Map(hosts.map((id, j) => [id, j]));
  return {
    access,
    hosts,
    rows,
    delayS(a, h) {
      const i = rowOf.get(a);
      const j = colOf.get(h);
      if (i === undefined) throw new Error(`latency matrix: "${a}" is not an access node`);
      if (j === undefined) throw new Error(`latency matrix: "${h}" is not a host node`);
      return (rows[i] as Float64Array)[j] as number;
    },
  };
}
