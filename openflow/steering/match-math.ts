/**
 * OpenFlow match arithmetic on basic OXM fields: each field becomes a (value, mask) pair of
 * integers, so matches can be compared (identical), ordered (one covers another), intersected
 * (two overlap) and tested against a packet's header fields. Addresses (MAC, IPv4, IPv6) are
 * converted to integers; an absent field is a wildcard.
 */
import { OXM_BY_NAME, isBasicOxm, parseIpv4, parseIpv6, parseMac, type Match, type OxmValue } from "../codec/index.ts";

/** Header fields of a packet by OXM field name, e.g. `{ in_port: 1, eth_type: 0x800, ipv4_dst: "10.0.0.2" }`. */
export type PacketFields = Readonly<Record<string, OxmValue>>;

export interface FieldConstraint {
  value: bigint;
  mask: bigint;
}

/** A field's value as an integer (addresses by their bytes, big-endian). */
export function fieldToBigInt(field: string, v: OxmValue): bigint {
  const kind = OXM_BY_NAME.get(field)?.kind;
  const bytes = kind === "mac" ? parseMac(String(v), field) : kind === "ipv4" ? parseIpv4(String(v), field) : kind === "ipv6" ? parseIpv6(String(v), field) : undefined;
  if (!bytes) return BigInt(v);
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/** The match as field → (value & mask, mask). Throws on non-basic (experimenter) fields. */
export function constraintsOf(match: Match): Map<string, FieldConstraint> {
  const out = new Map<string, FieldConstraint>();
  for (const oxm of match) {
    if (!isBasicOxm(oxm)) throw new Error("only basic OXM fields are supported here");
    const spec = OXM_BY_NAME.get(oxm.field);
    if (!spec) throw new Error(`unknown OXM field "${oxm.field}"`);
    const full = (1n << BigInt(spec.size * 8)) - 1n;
    const mask = oxm.mask === undefined ? full : fieldToBigInt(oxm.field, oxm.mask);
    out.set(oxm.field, { value: fieldToBigInt(oxm.field, oxm.value) & mask, mask });
  }
  return out;
}

/** Same fields with the same values and masks (order of OXMs does not matter). */
export function sameMatch(a: Match, b: Match): boolean {
  const ca = constraintsOf(a);
  const cb = constraintsOf(b);
  if (ca.size !== cb.size) return false;
  for (const [f, c] of ca) {
    const d = cb.get(f);
    if (!d || d.value !== c.value || d.mask !== c.mask) return false;
  }
  return true;
}

/** True when every packet matching `inner` also matches `outer` (non-strict modify/delete). */
export function covers(outer: Match, inner: Match): boolean {
  const ci = constraintsOf(inner);
  for (const [f, o] of constraintsOf(outer)) {
    const i = ci.get(f);
    if (!i || (i.mask & o.mask) !== o.mask || (i.value & o.mask) !== o.value) return false;
  }
  return true;
}

/** True when some packet matches both (same field values wherever both masks care). */
export function overlaps(a: Match, b: Match): boolean {
  const cb = constraintsOf(b);
  for (const [f, x] of constraintsOf(a)) {
    const y = cb.get(f);
    if (y && (x.value & y.mask) !== (y.value & x.mask)) return false;
  }
  return true;
}

/** True when the packet's fields satisfy the match; a field the packet lacks fails a constraint on it. */
export function matchesPacket(match: Match, packet: PacketFields): boolean {
  for (const [f, c] of constraintsOf(match)) {
    const v = packet[f];
    if (v === undefined || (fieldToBigInt(f, v) & c.mask) !== c.value) return false;
  }
  return true;
}
