/**
 * Matches as users write them: basic OXM field name → value, e.g. the chain selector
 * `{ eth_src: "02:00:00:00:00:01", ip_proto: 6, tcp_dst: 80, ipv6_dst: "2001:db8::/32" }`. A value
 * is an integer, address text, an address prefix (IPv4 and IPv6 fields: "10.0.0.0/24",
 * "2001:db8::/32"; bits after the prefix are cleared) or `{ value, mask }` (maskable fields only;
 * the mask fits the field's width and the value has no bits outside it — a switch answers
 * OFPBMC_BAD_WILDCARDS otherwise). Absent fields are wildcards; missing prerequisites are implied.
 *
 * `specMatches` turns a spec into the OpenFlow matches a switch accepts; `matchProblems` checks
 * an OXM list as a switch does. Both refuse exactly what `specProblems` reports.
 *
 * @example specMatches({ tcp_dst: 80 })
 *   → [[eth_type 0x0800, ip_proto 6, tcp_dst 80], [eth_type 0x86dd, ip_proto 6, tcp_dst 80]]
 */
import { isBasicOxm, type Match, type OxmBasic, type OxmValue } from "../codec/index.ts";
import { fieldValue, formatFieldValue, fullMask, oxmField, prefixMask } from "./field-values.ts";
import type { FieldConstraint } from "./match-math.ts";
import { PREREQUISITE_FIELDS, matchPrerequisiteProblems, prerequisiteDepth, resolvePrerequisites } from "./prerequisites.ts";

/** A field with an explicit mask (bits set in `mask` must match). */
export interface MaskedFieldValue {
  value: OxmValue;
  mask: OxmValue;
}

export type MatchSpecValue = OxmValue | MaskedFieldValue;

/** Field name → value; absent (or undefined) fields are wildcards; key order is kept in the OXMs. */
export type MatchSpec = Readonly<Partial<Record<string, MatchSpecValue>>>;

/** One field as (value, mask); throws a readable `Error` when the value or mask is not valid for the field. */
export function specConstraint(field: string, v: MatchSpecValue): FieldConstraint {
  const spec = oxmField(field);
  if (typeof v === "object" && v !== null) {
    if (!spec.maskable) throw new Error(`${field} cannot be masked`);
    const value = fieldValue(field, v.value);
    const mask = fieldValue(field, v.mask);
    if ((value & ~mask) !== 0n) throw new Error(`${field}: value ${String(v.value)} has bits set outside its mask ${String(v.mask)} (OFPBMC_BAD_WILDCARDS)`);
    return { value, mask };
  }
  if (typeof v === "string" && v.includes("/") && (spec.kind === "ipv4" || spec.kind === "ipv6")) {
    if (!spec.maskable) throw new Error(`${field} cannot be masked`);
    const [address = "", prefix = "", ...rest] = v.split("/");
    if (!/^\d+$/.test(prefix) || rest.length > 0) throw new Error(`${field}: "${v}" has a malformed prefix length`);
    const mask = prefixMask(Number(prefix), spec.bits);
    return { value: fieldValue(field, address) & mask, mask };
  }
  return { value: fieldValue(field, v), mask: fullMask(spec) };
}

/** The OXM of one constraint: normalised value text, the mask only when it is not all ones. */
export function constraintOxm(field: string, c: FieldConstraint): OxmBasic {
  const spec = oxmField(field);
  const value = formatFieldValue(spec, c.value);
  return c.mask === fullMask(spec) ? { field, value } : { field, value, mask: formatFieldValue(spec, c.mask) };
}

/** The spec's fields as constraints, in key order; throws on the first malformed one. */
export function specConstraints(spec: MatchSpec): Map<string, FieldConstraint> {
  const out = new Map<string, FieldConstraint>();
  for (const [field, v] of Object.entries(spec)) if (v !== undefined) out.set(field, specConstraint(field, v));
  return out;
}

/**
 * Why the spec cannot become an OpenFlow match: malformed values (one message per field), else
 * prerequisite contradictions. Empty when `specMatches` succeeds.
 */
export function specProblems(spec: MatchSpec): string[] {
  const problems: string[] = [];
  const fields = new Map<string, FieldConstraint>();
  for (const [field, v] of Object.entries(spec)) {
    if (v === undefined) continue;
    try {
      fields.set(field, specConstraint(field, v));
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  return problems.length > 0 ? problems : resolvePrerequisites(fields).problems;
}

/** The spec with the prerequisites it implies added at the end (open ones, like eth_type for a lone ip_proto, are not). */
export function impliedPrerequisites(spec: MatchSpec): Map<string, FieldConstraint> {
  return resolvePrerequisites(specConstraints(spec)).implied;
}

/**
 * The OpenFlow matches of a spec, one per combination of open prerequisites (eth_type 0x0800
 * before 0x86dd for a lone ip_proto): the fields other fields need first (eth_type, then
 * ip_proto, …), then the rest in the spec's order. A packet matches the spec when it matches one
 * of them. Throws with the `specProblems` messages.
 */
export function specMatches(spec: MatchSpec): OxmBasic[][] {
  const fields = specConstraints(spec);
  const resolved = resolvePrerequisites(fields);
  if (resolved.problems.length > 0) throw new Error(resolved.problems.join("; "));
  let combos: Map<string, FieldConstraint>[] = [new Map([...fields, ...resolved.implied])];
  for (const [field, options] of resolved.open) combos = combos.flatMap((base) => options.map((c) => new Map(base).set(field, c)));
  return combos.map((combo) => [...combo].sort(([a], [b]) => prerequisiteRank(a) - prerequisiteRank(b)).map(([f, c]) => constraintOxm(f, c)));
}

/** Sort key putting the fields others need first, outermost first (stable sort keeps the rest in order). */
function prerequisiteRank(field: string): number {
  return PREREQUISITE_FIELDS.has(field) ? prerequisiteDepth(field) : Number.MAX_SAFE_INTEGER;
}

/** An OXM as (value, mask): its value literally (no prefix notation), its mask checked like a spec's. */
function oxmConstraint(oxm: OxmBasic): FieldConstraint {
  if (oxm.mask !== undefined) return specConstraint(oxm.field, { value: oxm.value, mask: oxm.mask });
  return { value: fieldValue(oxm.field, oxm.value), mask: fullMask(oxmField(oxm.field)) };
}

/**
 * What a switch would refuse in a complete OXM list: non-basic or unknown fields, malformed
 * values and masks, a field twice, unmet or misplaced prerequisites. Empty when it is valid.
 */
export function matchProblems(match: Match): string[] {
  const problems: string[] = [];
  const constraints = new Map<string, FieldConstraint>();
  for (const oxm of match) {
    if (!isBasicOxm(oxm)) {
      problems.push("only basic OXM fields are supported here");
      continue;
    }
    if (constraints.has(oxm.field)) problems.push(`${oxm.field} appears twice (a field may be matched once)`);
    try {
      constraints.set(oxm.field, oxmConstraint(oxm));
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  if (problems.length > 0) return problems;
  return matchPrerequisiteProblems(match.filter(isBasicOxm), constraints);
}
