/**
 * Base connectivity of the emulated network (pure): proactive L2 forwarding, one entry per switch
 * and host MAC, `eth_dst = MAC → output: the port toward the host` along the topology's shortest
 * path (by delay, `PathFinder`), at priority `L2_PRIORITY` (below every steering entry). No
 * flooding and no ARP handling: hosts get static ARP entries. When a UE moves, the same entries
 * for its MAC are sent again with the new ports (an ADD with the same match and priority replaces
 * the old entry in place).
 */
import type { MessageOf } from "../../openflow/codec/index.ts";
import { flowAdd } from "../../openflow/steering/flow-mods.ts";
import type { PathFinder } from "../../topologies/paths.ts";

/** Priority of the L2 entries; steering uses ≥ STEERING_MIN_PRIORITY. */
export const L2_PRIORITY = 1;
export const STEERING_MIN_PRIORITY = 2;
/** Cookie of the L2 entries: "L2" in the top 16 bits (the steering app's are "GN"). */
export const L2_COOKIE = 0x4c32n << 48n;

/** Where a host is attached. */
export interface HostAttachment {
  mac: string;
  /** Switch node and port. */
  switchNode: string;
  port: number;
}

/** Port on each end of every switch-to-switch link, by topology link id. */
export type LinkPorts = ReadonlyMap<string, { a: string; b: string; portA: number; portB: number }>;

/** The port of `node` on link `linkId`. */
export function portOnLink(links: LinkPorts, linkId: string, node: string): number {
  const l = links.get(linkId);
  if (!l) throw new Error(`link ${linkId} is not a switch-to-switch link of the emulated network`);
  if (l.a === node) return l.portA;
  if (l.b === node) return l.portB;
  throw new Error(`node ${node} is not an end of link ${linkId}`);
}

/** Output port at `switchNode` toward switch `target` (the first link of the shortest path). */
export function portToward(paths: PathFinder, links: LinkPorts, switchNode: string, target: string): number {
  const first = paths.pathLinks(switchNode, target)[0];
  if (first === undefined) throw new Error(`no path from ${switchNode} to ${target}`);
  return portOnLink(links, first, switchNode);
}

/** For every switch, the port that leads to the host: its own port at its switch, else toward it. */
export function l2Ports(paths: PathFinder, links: LinkPorts, switches: readonly string[], host: HostAttachment): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of switches) out.set(s, s === host.switchNode ? host.port : portToward(paths, links, s, host.switchNode));
  return out;
}

/** The L2 FLOW_MODs (ADD) for one host MAC, per switch node. */
export function l2FlowMods(paths: PathFinder, links: LinkPorts, switches: readonly string[], host: HostAttachment): Map<string, MessageOf<"flow_mod">> {
  const out = new Map<string, MessageOf<"flow_mod">>();
  for (const [s, port] of l2Ports(paths, links, switches, host)) out.set(s, flowAdd(L2_COOKIE, L2_PRIORITY, [{ field: "eth_dst", value: host.mac }], port));
  return out;
}
