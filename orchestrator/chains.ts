/**
 * vNF chains: an ordered list of vNF types applied to the traffic of one UE that a selector
 * (OpenFlow 1.3 match fields) picks out. Overlapping selectors are allowed; the highest priority
 * wins, as in an OpenFlow table.
 *
 * @example an IDS on all HTTP traffic of one phone (paper §IV):
 *   { id: "phone-1-ids", ue: "phone-1", vnfs: [{ type: "ids", params: {} }],
 *     match: { eth_src: "02:00:00:00:00:01", ip_proto: 6, tcp_dst: 80 }, priority: 100 }
 */
import { selectorMatches, type PacketHeaders, type TrafficSelector } from "./selector.ts";

/** One vNF of a chain. */
export interface ChainVnf {
  /** vNF type name in the catalog. */
  type: string;
  /** Type-specific parameters passed to the container (e.g. firewall rules). */
  params: Record<string, unknown>;
}

export interface ChainSpec {
  /** Unique chain id. */
  id: string;
  /** The UE whose traffic the chain applies to. */
  ue: string;
  /** vNFs in traversal order (at least one). */
  vnfs: ChainVnf[];
  /** Which of the UE's packets traverse the chain. */
  match: TrafficSelector;
  /** Flow priority 0..65535; the higher wins among overlapping selectors. */
  priority: number;
}

/**
 * The chain that applies to a packet: the highest-priority chain whose selector matches; among
 * equal priorities the one earliest in `chains` (OpenFlow leaves that case undefined; GNF Lab
 * resolves it by request order). When `ue` is given only that UE's chains are considered.
 * Returns undefined when no chain matches (the packet is forwarded without vNFs).
 */
export function classifyPacket(chains: readonly ChainSpec[], packet: PacketHeaders, ue?: string): ChainSpec | undefined {
  let best: ChainSpec | undefined;
  for (const chain of chains) {
    if (ue !== undefined && chain.ue !== ue) continue;
    if (best !== undefined && chain.priority <= best.priority) continue;
    if (selectorMatches(chain.match, packet)) best = chain;
  }
  return best;
}
