/**
 * Topologies are plain data (DESIGN.md rule 3, Mininet's `Topo`): names and option records, no live
 * objects. The same value feeds the simulator, the placement algorithms and the Mininet driver.
 *
 * Units: positions in metres in a local planar frame (x east, y north) when known; lat/lon in
 * degrees (WGS84) when the source has them; delays in seconds; bandwidth in bit/s; memory in bytes.
 */

/** The role a node plays in the edge network. */
export type NodeRole =
  /** An edge device with a radio cell or a customer port: home router, CPE, IoT gateway, base-station site. */
  | "edge"
  /** Aggregation switch/router (e.g. a street cabinet, a DSLAM). */
  | "aggregation"
  /** Metro network node. */
  | "metro"
  /** Core / backbone router. */
  | "core"
  /** The central NFV infrastructure (data-centre servers that can host vNFs). */
  | "nfvi"
  /** The internet beyond the operator's network (traffic destinations). */
  | "internet"
  /** Any other forwarding node (e.g. a Topology Zoo PoP not otherwise classified). */
  | "router";

export interface TopologyNode {
  /** Unique id within the topology; stable across runs (used in results and by the emulation). */
  id: string;
  role: NodeRole;
  /** Key of a device model in `topologies/devices/devices.yaml` when the node can host vNFs. */
  device?: string;
  /** Planar position in metres (local projection), when known. */
  x?: number;
  y?: number;
  /** Geographic position in degrees, when the source gives it. */
  lat?: number;
  lon?: number;
  /** Radio cell range in metres for edge nodes that serve UEs over Wi-Fi/cellular. */
  cellRangeM?: number;
  /** Human label from the source data. */
  label?: string;
}

export interface TopologyLink {
  /** Unique id within the topology. */
  id: string;
  /** Endpoint node ids (links are bidirectional, symmetric). */
  a: string;
  b: string;
  /** One-way delay in seconds (propagation plus per-hop processing). */
  delayS: number;
  /** Capacity in bit/s. */
  bandwidthBps: number;
  /** True when the link is part of the core network (counted in core utilisation). */
  core?: boolean;
}

export interface Topology {
  name: string;
  nodes: TopologyNode[];
  links: TopologyLink[];
  /** Provenance and generator parameters (source file, licence, sizes). */
  meta?: Record<string, string | number | boolean>;
}
