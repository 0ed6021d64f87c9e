/**
 * Traffic selectors: which packets of a UE a chain applies to, written as OpenFlow 1.3 basic OXM
 * match fields (field names as in the spec, e.g. `eth_src`, `ip_proto`, `tcp_dst`). A field that
 * is absent is a wildcard. Addresses may carry masks: `"10.0.0.0/24"`, `"2001:db8::/32"`, or
 * `{ value, mask }` (`{ value: "02:00:00:00:00:00", mask: "ff:00:00:00:00:00" }`, and for vlan_vid a
 * numeric mask); a mask must fit the field's width and cover every bit set in the value.
 *
 * A selector is a match spec of OpenFlow's steering (`openflow/steering/match-spec.ts`): field
 * widths, maskability and prerequisites come from its field table, values from its parser, and
 * matching is its masked match, so the simulator and the emulation (which installs
 * `specMatches(selector)`) accept, refuse and match the same selectors. This module only narrows
 * the fields to those a chain may use.
 *
 * @example the paper's IDS on all HTTP traffic of one phone:
 *   { eth_src: "02:00:00:00:00:01", ip_proto: 6, tcp_dst: 80 }
 */
import { OXM_BY_NAME } from "../openflow/codec/index.ts";
import { fieldValue } from "../openflow/steering/field-values.ts";
import { satisfiesConstraints, type FieldConstraint as OxmConstraint } from "../openflow/steering/match-math.ts";
import { impliedPrerequisites, specConstraint, specProblems } from "../openflow/steering/match-spec.ts";

export { ETH_TYPE_ARP, ETH_TYPE_IPV4, ETH_TYPE_IPV6, ETH_TYPE_MPLS, ETH_TYPE_MPLS_MULTICAST, IP_PROTO_TCP, IP_PROTO_UDP } from "../openflow/steering/prerequisites.ts";

export type SelectorFieldKind = "int" | "mac" | "ipv4" | "ipv6";

/** A selector field as OpenFlow defines it: value kind, width in bits, whether it may be masked. */
export interface SelectorFieldSpec {
  kind: SelectorFieldKind;
  bits: number;
  maskable: boolean;
}

const NAMES = ["in_port", "eth_src", "eth_dst", "eth_type", "vlan_vid", "mpls_label", "arp_op", "arp_spa", "arp_tpa", "ipv4_src", "ipv4_dst", "ipv6_src", "ipv6_dst", "ip_proto", "tcp_src", "tcp_dst", "udp_src", "udp_dst"] as const;

/** The OXM fields a chain selector may use. */
export type SelectorField = (typeof NAMES)[number];
export const SELECTOR_FIELD_NAMES: readonly SelectorField[] = NAMES;

/** The selector fields with OpenFlow's width and maskability (from `openflow/codec/oxm-fields.ts`). */
export const SELECTOR_FIELDS: Readonly<Record<SelectorField, SelectorFieldSpec>> = Object.fromEntries(
  NAMES.map((name) => {
    const spec = OXM_BY_NAME.get(name);
    if (!spec) throw new Error(`selector field ${name} is not a basic OXM field`);
    const kind: SelectorFieldKind = spec.kind === "mac" || spec.kind === "ipv4" || spec.kind === "ipv6" ? spec.kind : "int";
    return [name, { kind, bits: spec.bits, maskable: spec.maskable }];
  }),
) as Record<SelectorField, SelectorFieldSpec>;

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
export interface FieldConstraint extends OxmConstraint {
  field: SelectorField;
}

function checkField(field: string): asserts field is SelectorField {
  if (!(SELECTOR_FIELD_NAMES as readonly string[]).includes(field)) throw new Error(`unknown match field "${field}" (expected one of ${SELECTOR_FIELD_NAMES.join(", ")})`);
}

/** A header value (no mask) as an integer of the field's kind. */
export function fieldValueToBigInt(field: SelectorField, v: number | string): bigint {
  checkField(field);
  return fieldValue(field, v);
}

/** One selector entry as an integer constraint; throws a readable `Error` when malformed. */
export function fieldConstraint(field: SelectorField, v: SelectorValue): FieldConstraint {
  checkField(field);
  return { field, ...specConstraint(field, v) };
}

/** Every entry of a selector as constraints, in `SELECTOR_FIELD_NAMES` order. */
export function selectorConstraints(selector: TrafficSelector): FieldConstraint[] {
  for (const key of Object.keys(selector)) checkField(key);
  const out: FieldConstraint[] = [];
  for (const field of SELECTOR_FIELD_NAMES) {
    const v = selector[field];
    if (v !== undefined) out.push(fieldConstraint(field, v));
  }
  return out;
}

/** True when the packet carries every constrained field with a matching value (absent = no match). */
export function selectorMatches(selector: TrafficSelector, packet: PacketHeaders): boolean {
  return satisfiesConstraints(
    selectorConstraints(selector).map((c) => [c.field, c] as const),
    packet,
  );
}

/**
 * Malformed values, else OpenFlow 1.3 prerequisite contradictions (spec A.2.3.6), as messages;
 * empty when the selector is consistent. A missing prerequisite is not an error (see
 * `withPrerequisites`). `in_port` is refused: steering matches the port of each stage itself.
 */
export function selectorProblems(selector: TrafficSelector): string[] {
  try {
    for (const key of Object.keys(selector)) checkField(key);
  } catch (e) {
    return [(e as Error).message];
  }
  const problems = specProblems(selector);
  if (selector.in_port !== undefined) problems.unshift("in_port cannot be matched by a chain selector: each steering stage matches the port its traffic enters on");
  return problems;
}

/**
 * The selector with the prerequisites it implies filled in: ip_proto from tcp_/udp_ ports, eth_type
 * from ipv4_/ipv6_/arp_ fields. eth_type stays a wildcard where it could take several values (IPv4
 * or IPv6 for a lone ip_proto; 0x8847 or 0x8848 for mpls_label): `specMatches` then gives one
 * OpenFlow match per value.
 */
export function withPrerequisites(selector: TrafficSelector): TrafficSelector {
  const out: TrafficSelector = { ...selector };
  for (const [field, c] of impliedPrerequisites(selector)) out[field as SelectorField] = Number(c.value);
  return out;
}
