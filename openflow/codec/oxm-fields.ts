/**
 * The OpenFlow 1.3 basic OXM fields (class OFPXMC_OPENFLOW_BASIC = 0x8000): code, value kind,
 * size in bytes, width in bits, and whether a mask is allowed (spec §7.2.3.7, table 12).
 */
export const OFPXMC_NXM_0 = 0x0000;
export const OFPXMC_NXM_1 = 0x0001;
export const OFPXMC_OPENFLOW_BASIC = 0x8000;
export const OFPXMC_EXPERIMENTER = 0xffff;

export type OxmKind = "u8" | "u16" | "u24" | "u32" | "u64" | "mac" | "ipv4" | "ipv6";

export interface OxmFieldSpec {
  name: string;
  code: number;
  kind: OxmKind;
  /** Bytes of the value (and of the mask) on the wire. */
  size: number;
  /** Bits of the value that carry the field (spec table 11); the ones above must be 0. */
  bits: number;
  maskable: boolean;
}

const KIND_SIZE: Record<OxmKind, number> = { u8: 1, u16: 2, u24: 3, u32: 4, u64: 8, mac: 6, ipv4: 4, ipv6: 16 };

const FIELDS: [string, OxmKind, boolean][] = [
  ["in_port", "u32", false],
  ["in_phy_port", "u32", false],
  ["metadata", "u64", true],
  ["eth_dst", "mac", true],
  ["eth_src", "mac", true],
  ["eth_type", "u16", false],
  ["vlan_vid", "u16", true],
  ["vlan_pcp", "u8", false],
  ["ip_dscp", "u8", false],
  ["ip_ecn", "u8", false],
  ["ip_proto", "u8", false],
  ["ipv4_src", "ipv4", true],
  ["ipv4_dst", "ipv4", true],
  ["tcp_src", "u16", false],
  ["tcp_dst", "u16", false],
  ["udp_src", "u16", false],
  ["udp_dst", "u16", false],
  ["sctp_src", "u16", false],
  ["sctp_dst", "u16", false],
  ["icmpv4_type", "u8", false],
  ["icmpv4_code", "u8", false],
  ["arp_op", "u16", false],
  ["arp_spa", "ipv4", true],
  ["arp_tpa", "ipv4", true],
  ["arp_sha", "mac", true],
  ["arp_tha", "mac", true],
  ["ipv6_src", "ipv6", true],
  ["ipv6_dst", "ipv6", true],
  ["ipv6_flabel", "u32", true],
  ["icmpv6_type", "u8", false],
  ["icmpv6_code", "u8", false],
  ["ipv6_nd_target", "ipv6", false],
  ["ipv6_nd_sll", "mac", false],
  ["ipv6_nd_tll", "mac", false],
  ["mpls_label", "u32", false],
  ["mpls_tc", "u8", false],
  ["mpls_bos", "u8", false],
  ["pbb_isid", "u24", true],
  ["tunnel_id", "u64", true],
  ["ipv6_exthdr", "u16", true],
];

/** Fields narrower than their bytes (vlan_vid is 12 bits + OFPVID_PRESENT); the others use every bit. */
const NARROW_BITS: Readonly<Record<string, number>> = { vlan_vid: 13, vlan_pcp: 3, ip_dscp: 6, ip_ecn: 2, ipv6_flabel: 20, mpls_label: 20, mpls_tc: 3, mpls_bos: 1, ipv6_exthdr: 9 };

export const OXM_FIELDS: readonly OxmFieldSpec[] = FIELDS.map(([name, kind, maskable], code) => ({ name, code, kind, size: KIND_SIZE[kind], bits: NARROW_BITS[name] ?? KIND_SIZE[kind] * 8, maskable }));
export const OXM_BY_NAME: ReadonlyMap<string, OxmFieldSpec> = new Map(OXM_FIELDS.map((f) => [f.name, f]));

/** Field names of the basic class, for match selectors written by users. */
export type OxmFieldName = (typeof FIELDS)[number][0];
