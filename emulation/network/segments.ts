/**
 * A Manager chain (`install-steering`: access node, vNF hops on possibly different hosts) as
 * per-switch steering segments (pure). The UE's selected traffic enters the access switch on the
 * UE's port and follows the topology's shortest paths access → hop₁'s switch → hop₂'s switch → …
 * → the destination's switch, where it leaves on the destination host's port. Every switch visit
 * is one segment: `in_port` (the UE's port, the link it came in on) + selector → its vNFs there (in
 * order, through their in/out ports) → the port of the next link (or the destination host).
 * Packets are never modified, so a switch can tell visits apart only by their in_port: two visits
 * of one switch arriving on the same port are refused (`SteeringConflict`).
 *
 * Each segment has a key `<chain>|<switch>|<visit>` (visit 0, 1 … of that switch along the path): a
 * newer version's segment with the same key replaces the older one in place (the steering app's
 * atomic update on that switch, which also keeps two versions' entries for the same vNF from
 * competing); segments whose key disappears are removed after the new ones are in.
 */
import type { PathFinder } from "../../topologies/paths.ts";
import { portOnLink, type LinkPorts } from "./l2.ts";

/** A vNF on a switch: traffic goes out to `inPort` and comes back on `outPort`. */
export interface SwitchHop {
  switchNode: string;
  inPort: number;
  outPort: number;
}

export interface Segment {
  key: string;
  switchNode: string;
  ingressPort: number;
  hops: { inPort: number; outPort: number }[];
  egressPort: number;
}

export interface SegmentInput {
  chain: string;
  accessNode: string;
  /** The UE's port on the access switch. */
  uePort: number;
  hops: readonly SwitchHop[];
  /** The destination host's switch and port. */
  destination: { switchNode: string; port: number };
}

export class SteeringConflict extends Error {
  override readonly name = "SteeringConflict";
}

export function segmentKey(chain: string, switchNode: string, visit: number): string {
  return `${chain}|${switchNode}|${visit}`;
}

/** The segments of a chain, from the access switch to the destination's switch, in path order. */
export function chainSegments(paths: PathFinder, links: LinkPorts, input: SegmentInput): Segment[] {
  const segments: Segment[] = [];
  let at = input.accessNode;
  let ingress = input.uePort;
  let hops: { inPort: number; outPort: number }[] = [];
  const close = (egressPort: number): void => {
    const key = segmentKey(input.chain, at, segments.filter((s) => s.switchNode === at).length);
    if (segments.some((s) => s.switchNode === at && s.ingressPort === ingress)) throw new SteeringConflict(`chain ${input.chain}: its path enters switch ${at} twice on port ${ingress}; unmodified packets cannot be told apart (place its vNFs differently)`);
    segments.push({ key, switchNode: at, ingressPort: ingress, hops, egressPort });
    hops = [];
  };
  const travel = (to: string): void => {
    for (const linkId of paths.pathLinks(at, to)) {
      close(portOnLink(links, linkId, at));
      const l = links.get(linkId) as { a: string; b: string };
      const next = l.a === at ? l.b : l.a;
      ingress = portOnLink(links, linkId, next);
      at = next;
    }
    if (at !== to) throw new Error(`chain ${input.chain}: no path from ${at} to ${to}`);
  };
  for (const hop of input.hops) {
    travel(hop.switchNode);
    hops.push({ inPort: hop.inPort, outPort: hop.outPort });
  }
  travel(input.destination.switchNode);
  close(input.destination.port);
  return segments;
}
