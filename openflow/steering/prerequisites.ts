/**
 * OpenFlow 1.3 match field prerequisites (spec A.2.3.6, table 11): matching a protocol's fields
 * needs a match on the protocol, e.g. ipv4_* needs eth_type 0x0800, tcp_* needs ip_proto 6, and
 * ip_proto needs eth_type 0x0800 or 0x86dd. Prerequisites are transitive, and an OXM with
 * prerequisites must come after the OXMs of its prerequisites.
 *
 * Two uses: `matchPrerequisiteProblems` checks a complete OXM list as a switch would
 * (OFPBMC_BAD_PREREQ); `resolvePrerequisites` completes a partial set of fields (a chain
 * selector): the prerequisites they imply, the ones left open between alternatives, and the
 * contradictions (tcp_dst with ip_proto 17, tcp_* with udp_*).
 */
import type { OxmBasic } from "../codec/index.ts";
import { fullMask, oxmField } from "./field-values.ts";
import type { FieldConstraint } from "./match-math.ts";

export const ETH_TYPE_IPV4 = 0x0800;
export const ETH_TYPE_ARP = 0x0806;
export const ETH_TYPE_IPV6 = 0x86dd;
export const ETH_TYPE_MPLS = 0x8847;
export const ETH_TYPE_MPLS_MULTICAST = 0x8848;
export const ETH_TYPE_PBB = 0x88e7;
export const IP_PROTO_ICMP = 1;
export const IP_PROTO_TCP = 6;
export const IP_PROTO_UDP = 17;
export const IP_PROTO_ICMPV6 = 58;
export const IP_PROTO_SCTP = 132;
/** vlan_vid bit of a packet with a VLAN tag (spec table 12); vlan_pcp needs it set. */
export const OFPVID_PRESENT = 0x1000;

/** `fields` need the match on `on` to imply `(on & mask) === value` for one of `values`. */
export interface Prerequisite {
  /** How messages name the fields, e.g. "tcp_*". */
  group: string;
  fields: readonly string[];
  on: string;
  /** Alternatives, in order of preference (IPv4 before IPv6). */
  values: readonly number[];
  /** Bits of `on` that must match; absent = all (0: `on` only has to be present). */
  mask?: number;
}

/** Spec table 11, one row per group of fields with the same prerequisite. */
export const PREREQUISITES: readonly Prerequisite[] = [
  { group: "in_phy_port", fields: ["in_phy_port"], on: "in_port", values: [0], mask: 0 },
  { group: "vlan_pcp", fields: ["vlan_pcp"], on: "vlan_vid", values: [OFPVID_PRESENT], mask: OFPVID_PRESENT },
  { group: "ip_*", fields: ["ip_dscp", "ip_ecn", "ip_proto"], on: "eth_type", values: [ETH_TYPE_IPV4, ETH_TYPE_IPV6] },
  { group: "ipv4_*", fields: ["ipv4_src", "ipv4_dst"], on: "eth_type", values: [ETH_TYPE_IPV4] },
  { group: "tcp_*", fields: ["tcp_src", "tcp_dst"], on: "ip_proto", values: [IP_PROTO_TCP] },
  { group: "udp_*", fields: ["udp_src", "udp_dst"], on: "ip_proto", values: [IP_PROTO_UDP] },
  { group: "sctp_*", fields: ["sctp_src", "sctp_dst"], on: "ip_proto", values: [IP_PROTO_SCTP] },
  { group: "icmpv4_*", fields: ["icmpv4_type", "icmpv4_code"], on: "ip_proto", values: [IP_PROTO_ICMP] },
  { group: "arp_*", fields: ["arp_op", "arp_spa", "arp_tpa", "arp_sha", "arp_tha"], on: "eth_type", values: [ETH_TYPE_ARP] },
  { group: "ipv6_*", fields: ["ipv6_src", "ipv6_dst", "ipv6_flabel", "ipv6_exthdr"], on: "eth_type", values: [ETH_TYPE_IPV6] },
  { group: "icmpv6_*", fields: ["icmpv6_type", "icmpv6_code"], on: "ip_proto", values: [IP_PROTO_ICMPV6] },
  { group: "ipv6_nd_target", fields: ["ipv6_nd_target"], on: "icmpv6_type", values: [135, 136] },
  { group: "ipv6_nd_sll", fields: ["ipv6_nd_sll"], on: "icmpv6_type", values: [135] },
  { group: "ipv6_nd_tll", fields: ["ipv6_nd_tll"], on: "icmpv6_type", values: [136] },
  { group: "mpls_*", fields: ["mpls_label", "mpls_tc", "mpls_bos"], on: "eth_type", values: [ETH_TYPE_MPLS, ETH_TYPE_MPLS_MULTICAST] },
  { group: "pbb_isid", fields: ["pbb_isid"], on: "eth_type", values: [ETH_TYPE_PBB] },
];

const BY_FIELD: ReadonlyMap<string, Prerequisite> = new Map(PREREQUISITES.flatMap((p) => p.fields.map((f) => [f, p] as const)));

export function prerequisiteOf(field: string): Prerequisite | undefined {
  return BY_FIELD.get(field);
}

/** Prerequisite hops from `field` to a field without one: eth_type 0, ip_proto 1, tcp_dst 2. */
export function prerequisiteDepth(field: string): number {
  const p = BY_FIELD.get(field);
  return p ? 1 + prerequisiteDepth(p.on) : 0;
}

/** Fields some other field needs (in_port, vlan_vid, eth_type, ip_proto, icmpv6_type). */
export const PREREQUISITE_FIELDS: ReadonlySet<string> = new Set(PREREQUISITES.map((p) => p.on));

/** The bits of `p.on` that `p` constrains. */
function maskOf(p: Prerequisite): bigint {
  return p.mask === undefined ? fullMask(oxmField(p.on)) : BigInt(p.mask);
}

/** True when the constraint on `p.on` implies one of `p`'s alternatives. */
function satisfied(p: Prerequisite, c: FieldConstraint): boolean {
  const need = maskOf(p);
  return (c.mask & need) === need && p.values.some((v) => (c.value & need) === BigInt(v));
}

/** eth_type and vlan_vid in hex, the others in decimal; masked as value/mask. */
function show(field: string, value: bigint, mask?: bigint): string {
  const text = (n: bigint): string => (field === "eth_type" || field === "vlan_vid" ? `0x${n.toString(16)}` : n.toString());
  return mask === undefined ? text(value) : `${text(value)}/${text(mask)}`;
}

function alternatives(p: Prerequisite): string {
  if (p.mask === 0) return "";
  const shown = p.values.map((v) => show(p.on, BigInt(v), p.mask === undefined ? undefined : BigInt(p.mask)));
  return ` ${shown.join(" or ")}`;
}

/** "tcp_* fields need ip_proto 6", "vlan_pcp needs vlan_vid 0x1000/0x1000". */
export function needPhrase(p: Prerequisite): string {
  return `${p.group.endsWith("*") ? `${p.group} fields need` : `${p.group} needs`} ${p.on}${alternatives(p)}`;
}

/**
 * Prerequisite problems of a complete match, as a switch checks them: every field's prerequisite
 * must be an earlier OXM whose value implies one of the alternatives. Empty when consistent.
 */
export function matchPrerequisiteProblems(match: readonly OxmBasic[], constraints: ReadonlyMap<string, FieldConstraint>): string[] {
  const problems: string[] = [];
  match.forEach((oxm, i) => {
    const p = BY_FIELD.get(oxm.field);
    if (!p) return;
    const at = match.findIndex((o) => o.field === p.on);
    const c = constraints.get(p.on);
    if (at < 0 || !c) problems.push(`${needPhrase(p)}, which the match lacks (OFPBMC_BAD_PREREQ)`);
    else if (at > i) problems.push(`${p.on} must come before ${oxm.field} (a prerequisite precedes the fields that need it)`);
    else if (!satisfied(p, c)) problems.push(`${needPhrase(p)}, got ${show(p.on, c.value, p.mask === undefined ? undefined : c.mask)}`);
  });
  return [...new Set(problems)];
}

/** What a partial set of fields implies (see `resolvePrerequisites`). */
export interface PrerequisiteResolution {
  /** Prerequisites the fields imply and lack, with their one possible constraint (e.g. ip_proto 6 for tcp_dst). */
  implied: Map<string, FieldConstraint>;
  /** Prerequisites the fields lack that may take several values, each a list of constraints in order of preference. */
  open: Map<string, FieldConstraint[]>;
  /** Contradictions; when not empty, `implied` and `open` are incomplete. */
  problems: string[];
}

/**
 * Completes `fields` (field → constraint, e.g. a chain selector) with their prerequisites: a
 * missing prerequisite with one possible value is implied; one with several (eth_type for a lone
 * ip_proto: IPv4 or IPv6) stays open; a present prerequisite with the wrong value, or fields
 * needing different values of the same missing one (tcp_* and udp_*), are problems.
 */
export function resolvePrerequisites(fields: ReadonlyMap<string, FieldConstraint>): PrerequisiteResolution {
  const needs = new Map<string, Set<Prerequisite>>();
  const queue = [...fields.keys()];
  for (let i = 0; i < queue.length; i++) {
    const p = BY_FIELD.get(queue[i] as string);
    if (!p) continue;
    if (!needs.has(p.on)) {
      needs.set(p.on, new Set());
      if (!fields.has(p.on)) queue.push(p.on);
    }
    needs.get(p.on)?.add(p);
  }
  const result: PrerequisiteResolution = { implied: new Map(), open: new Map(), problems: [] };
  for (const [on, set] of needs) {
    const ps = [...set];
    const c = fields.get(on);
    if (c) {
      for (const p of ps) if (!satisfied(p, c)) result.problems.push(`${needPhrase(p)}, got ${show(on, c.value, p.mask === undefined ? undefined : c.mask)}`);
      continue;
    }
    const first = ps[0] as Prerequisite;
    if (first.mask === 0) {
      result.problems.push(`${needPhrase(first)}, which the match lacks`);
      continue;
    }
    const allowed = first.values.filter((v) => ps.every((p) => p.values.includes(v)));
    if (allowed.length === 0) {
      const groups = ps.map((p) => p.group);
      const together = groups.length === 2 ? "both" : "together";
      result.problems.push(`${groups.slice(0, -1).join(", ")} and ${groups.at(-1)} fields cannot ${together} be matched (${ps.map(needPhrase).join("; ")})`);
      continue;
    }
    const mask = maskOf(first);
    const constraints = allowed.map((v): FieldConstraint => ({ value: BigInt(v), mask }));
    if (constraints.length === 1) result.implied.set(on, constraints[0] as FieldConstraint);
    else result.open.set(on, constraints);
  }
  return result;
}
