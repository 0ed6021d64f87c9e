/**
 * OpenFlow match arithmetic on basic OXM fields: each field becomes a (value, mask) pair of
 * integers, so matches can be compared (identical), ordered (one covers another), intersected
 * (two overlap) and tested against a packet's header fields. Values are parsed by
 * `field-values.ts` (addresses by their bytes); an absent field is a wildcard, an unmasked field
 * has the all-ones mask over its width. Bits a mask wildcards are cleared, not refused: checking
 * a match as a switch does is `matchProblems` (match-spec.ts).
 */
import { isBasicOxm, type Match, type OxmValue } from "../codec/index.ts";
import { fieldValue, fullMask, oxmField } from "./field-values.ts";

/** Header fields of a packet by OXM field name, e.g. `{ in_port: 1, eth_type: 0x800, ipv4_dst: "10.0.0.2" }`; absent = not in the packet. */
export type PacketFields = Readonly<Partial<Record<string, OxmValue>>>;

/** A field matches when `(field & mask) === value`; `value` has no bits outside `mask`. */
export interface FieldConstraint {
  value: bigint;
  mask: bigint;
}

/** A field's value as an integer (addresses by their bytes, big-endian); throws when malformed. */
export function fieldToBigInt(field: string, v: OxmValue): bigint {
  return fieldValue(field, v);
}

/** The match as field → (value & mask, mask). Throws on non-basic (experimenter) fields. */
export function constraintsOf(match: Match): Map<string, FieldConstraint> {
  const out = new Map<string, FieldConstraint>();
  for (const oxm of match) {
    if (!isBasicOxm(oxm)) throw new Error("only basic OXM fields are supported here");
    const mask = oxm.mask === undefined ? fullMask(oxmField(oxm.field)) : fieldValue(oxm.field, oxm.mask);
    out.set(oxm.field, { value: fieldValue(oxm.field, oxm.value) & mask, mask });
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

/**
 * The masked match: true when the packet carries every constrained field with
 * `(field & mask) === value`; a field the packet lacks fails its constraint.
 */
export function satisfiesConstraints(constraints: Iterable<readonly [string, FieldConstraint]>, packet: PacketFields): boolean {
  for (const [f, c] of constraints) {
    const v = packet[f];
    if (v === undefined || (fieldValue(f, v) & c.mask) !== c.value) return false;
  }
  return true;
}

/** True when the packet's fields satisfy the match; a field the packet lacks fails a constraint on it. */
export function matchesPacket(match: Match, packet: PacketFields): boolean {
  return satisfiesConstraints(constraintsOf(match), packet);
}
