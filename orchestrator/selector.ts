/**
 * Traffic selectors: which packets of a UE a chain applies to, written as OpenFlow 1.3 basic OXM
 * match fields (field names as in the spec, e.g. `eth_src`, `ip_proto`, `tcp_dst`). A field that
 * is absent is a wildcard. Addresses may carry masks: `"10.0.0.0/24"`, `"2001:db8::/32"`, or
 * `{ value, mask }` (`{ value: "02:00:00:00:00:00", mask: "ff:00:00:00:00:00" }`, and for vlan_vid a
 * numeric mask).
 *
 * @example the paper's IDS on all HTTP traffic of one phone:
 *   { eth_src: "02:00:00:00:00:01", ip_proto: 6, tcp_dst: 80 }
 */
import { ipv4ToBigInt, ipv6ToBigInt, macToBigInt, prefixMask } from "./addresses.ts";

export type SelectorFieldKind = "int" | "mac" | "ipv4" | "ipv6";

interface FieldSpec {
  kind: SelectorFieldKind;
  /** Width in bits. */
  bits: number;
  maskable: boolean;
}

/** The match fields a chain selector may use (OpenFlow 1.3 OXM names), with width and maskability. */
export const SELECTOR_FIELDS = {
  in_port: { kind: "int", bits: 32, maskable: false },
  eth_src: { kind: "mac", bits: 48, maskable: true },
  eth_dst: { kind: "mac", bits: 48, maskable: true },
  eth_type: { kind: "int", bits: 16, maskable: false },
  vlan_vid: { kind: "int", bits: 13, maskable: true },
  mpls_label: { kind: "int", bits: 20, maskable: false },
  arp_op: { kind: "int", bits: 16, maskable: false },
  arp_spa: { kind: "ipv4", bits: 32, maskable: true },
  arp_tpa: { kind: "ipv4", bits: 32, maskable: true },
  ipv4_src: { kind: "ipv4", bits: 32, maskable: true },
  ipv4_dst: { kind: "ipv4", bits: 32, maskable: true },
  ipv6_src: { kind: "ipv6", bits: 128, maskable: true },
  ipv6_dst: { kind: "ipv6", bits: 128, maskable: true },
  ip_proto: { kind: "int", bits: 8, maskable: false },
  tcp_src: { kind: "int", bits: 16, maskable: false },
  tcp_dst: { kind: "int", bits: 16, maskable: false },
  udp_src: { kind: "int", bits: 16, maskable: false },
  udp_dst: { kind: "int", bits: 16, maskable: false },
} as const satisfies Record<string, FieldSpec>;

export type SelectorField = keyof typeof SELECTOR_FIELDS;
export const SELECTOR_FIELD_NAMES = Object.keys(SELECTOR_FIELDS) as SelectorField[];

/** A field value with an explicit mask (bits set in `mask` must match). */
export interface MaskedValue {
  value: number | string;
  mask: number | string;
}

export type SelectorValue = number | string | MaskedValue;

/** Match fields → values; absent fields are wildcards. */
export type TrafficSelector = Partial<Record<SelectorField, SelectorValue>>;

/** Header fields of a packet by OXM name (addresses as text, e.g. `{ tcp_dst: 80, ipv4_src: "10.0.0.1" }`). */
export type PacketHeaders = Partial<Record<SelectorField, number | string>>;

/** A field constraint as integers: the packet matches when `(field & mask) === value`. */
export interface FieldConstraint {
  field: SelectorField;
  value: bigint;
  mask: bigint;
}

export const ETH_TYPE_IPV4 = 0x0800;
export const ETH_TYPE_ARP = 0x0806;
export const ETH_TYPE_IPV6 = 0x86dd;
export const ETH_TYPE_MPLS = 0x8847;
export const ETH_TYPE_MPLS_MULTICAST = 0x8848;
export const IP_PROTO_TCP = 6;
export const IP_PROTO_UDP = 17;

function fieldSpec(field: string): FieldSpec {
  const spec = (SELECTOR_FIELDS as Record<string, FieldSpec>)[field];
  if (!spec) throw new Error(`unknown match field "${field}" (expected one of ${SELECTOR_FIELD_NAMES.join(", ")})`);
  return spec;
}

/** A header value (no mask) as an integer of the field's kind. */
export function fieldValueToBigInt(field: SelectorField, v: number | string): bigint {
  const spec = fieldSpec(field);
  let n: bigint;
  if (spec.kind === "int" || typeof v === "number") {
    if (typeof v === "string" && !/^(0x[0-9a-fA-F]+|\d+)$/.test(v)) throw new Error(`${field}: "${v}" is not an integer`);
    if (typeof v === "number" && !(Number.isInteger(v) && v >= 0)) throw new Error(`${field}: ${v} is not a non-negative integer`);
    n = BigInt(v);
  } else if (spec.kind === "mac") n = macToBigInt(v);
  else if (spec.kind === "ipv4") n = ipv4ToBigInt(v);
  else n = ipv6ToBigInt(v);
  if (n >> BigInt(spec.bits) !== 0n) throw new Error(`${field}: ${String(v)} does not fit in ${spec.bits} bits`);
  return n;
}

/** One selector entry as an integer constraint; throws a readable `Error` when malformed. */
export function fieldConstraint(field: SelectorField, v: SelectorValue): FieldConstraint {
  const spec = fieldSpec(field);
  const full = (1n << BigInt(spec.bits)) - 1n;
  let value: bigint;
  let mask = full;
  if (typeof v === "object") {
    if (!spec.maskable) throw new Error(`${field} cannot be masked`);
    value = fieldValueToBigInt(field, v.value);
    mask = fieldValueToBigInt(field, v.mask);
  } else if (typeof v === "string" && v.includes("/") && (spec.kind === "ipv4" || spec.kind === "ipv6")) {
    const [address = "", prefix = ""] = v.split("/");
    if (!/^\d+$/.test(prefix)) throw new Error(`${field}: "${v}" has a malformed prefix length`);
    value = fieldValueToBigInt(field, address);
    mask = prefixMask(Number(prefix), spec.bits);
  } else value = fieldValueToBigInt(field, v);
  return { field, value: value & mask, mask };
}

/** Every entry of a selector as constraints, in `SELECTOR_FIELD_NAMES` order. */
export function selectorConstraints(selector: TrafficSelector): FieldConstraint[] {
  for (const key of Object.keys(selector)) fieldSpec(key);
  const out: FieldConstraint[] = [];
  for (const field of SELECTOR_FIELD_NAMES) {
    const v = selector[field];
    if (v !== undefined) out.push(fieldConstraint(field, v));
  }
  return out;
}

/** True when the packet carries every constrained field with a matching value (absent = no match). */
export function selectorMatches(selector: TrafficSelector, packet: PacketHeaders): boolean {
  for (const c of selectorConstraints(selector)) {
    const v = packet[c.field];
    if (v === undefined || (fieldValueToBigInt(c.field, v) & c.mask) !== c.value) return false;
  }
  return true;
}

/**
 * OpenFlow 1.3 prerequisite violations (spec §7.2.3.8) and contradictions, as messages; empty when
 * the selector is consistent. A missing prerequisite is not an error (see `withPrerequisites`).
 */
export function selectorProblems(selector: TrafficSelector): string[] {
  const problems: string[] = [];
  try {
    selectorConstraints(selector);
  } catch (e) {
    problems.push((e as Error).message);
    return problems;
  }
  const has = (prefix: string): boolean => Object.keys(selector).some((k) => k.startsWith(prefix));
  const ethType = selector.eth_type as number | undefined;
  const proto = selector.ip_proto as number | undefined;
  if (has("tcp_") && has("udp_")) problems.push("tcp_* and udp_* fields cannot both be matched");
  if (has("tcp_") && proto !== undefined && proto !== IP_PROTO_TCP) problems.push(`tcp_* fields need ip_proto ${IP_PROTO_TCP}, got ${proto}`);
  if (has("udp_") && proto !== undefined && proto !== IP_PROTO_UDP) problems.push(`udp_* fields need ip_proto ${IP_PROTO_UDP}, got ${proto}`);
  if (has("ipv4_") && has("ipv6_")) problems.push("ipv4_* and ipv6_* fields cannot both be matched");
  const needs = (prefix: string, types: number[], name: string): void => {
    if (has(prefix) && ethType !== undefined && !types.includes(ethType)) problems.push(`${prefix}* fields need eth_type ${name}, got 0x${ethType.toString(16)}`);
  };
  needs("ipv4_", [ETH_TYPE_IPV4], "0x800");
  needs("ipv6_", [ETH_TYPE_IPV6], "0x86dd");
  needs("arp_", [ETH_TYPE_ARP], "0x806");
  needs("mpls_", [ETH_TYPE_MPLS, ETH_TYPE_MPLS_MULTICAST], "0x8847 or 0x8848");
  needs("ip_proto", [ETH_TYPE_IPV4, ETH_TYPE_IPV6], "0x800 or 0x86dd");
  if (has("arp_") && (has("ipv4_") || has("ipv6_") || proto !== undefined)) problems.push("arp_* fields cannot be combined with IP fields");
  return problems;
}

/**
 * The selector with the prerequisites it implies filled in: ip_proto from tcp_/udp_ ports, eth_type
 * from ipv4_/ipv6_/arp_/mpls_ fields. eth_type stays a wildcard when only ip_proto is given (IPv4
 * or IPv6): the steering app then installs one entry per IP version.
 */
export function withPrerequisites(selector: TrafficSelector): TrafficSelector {
  const out: TrafficSelector = { ...selector };
  const has = (prefix: string): boolean => Object.keys(selector).some((k) => k.startsWith(prefix));
  if (out.ip_proto === undefined && has("tcp_")) out.ip_proto = IP_PROTO_TCP;
  if (out.ip_proto === undefined && has("udp_")) out.ip_proto = IP_PROTO_UDP;
  if (out.eth_type === undefined) {
    if (has("ipv4_")) out.eth_type = ETH_TYPE_IPV4;
    else if (has("ipv6_")) out.eth_type = ETH_TYPE_IPV6;
    else if (has("arp_")) out.eth_type = ETH_TYPE_ARP;
    else if (has("mpls_")) out.eth_type = ETH_TYPE_MPLS;
  }
  return out;
}
