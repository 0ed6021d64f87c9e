/**
 * OXM TLVs (OpenFlow Extensible Match) and `ofp_match`.
 *
 * A basic-class field with the spec's size decodes to `{ field: "ipv4_dst", value: "10.0.0.2",
 * mask?: "255.255.255.0" }` (numbers for integer fields up to 32 bits, bigint for 64-bit ones,
 * strings for addresses). Anything else — experimenter or NXM classes, unknown fields, odd lengths —
 * is kept as `{ oxmClass, oxmField, hasMask, body }` with the raw body bytes, so re-encoding is exact.
 */
import { EncodeError } from "./errors.ts";
import { OFPXMC_OPENFLOW_BASIC, OXM_BY_NAME, OXM_FIELDS, type OxmFieldSpec } from "./oxm-fields.ts";
import type { Reader } from "./reader.ts";
import { toBytes, toU64, type BytesInput, type Writer } from "./writer.ts";

export type OxmValue = number | bigint | string;

export interface OxmBasic {
  field: string;
  value: OxmValue;
  mask?: OxmValue;
}

export interface OxmRaw {
  oxmClass: number;
  oxmField: number;
  hasMask: boolean;
  /** Payload after the 4-byte OXM header (for experimenter OXMs, starting with the experimenter id). */
  body: BytesInput;
}

export type Oxm = OxmBasic | OxmRaw;

/** `ofp_match` as its ordered list of OXM fields (match type OFPMT_OXM). */
export type Match = Oxm[];

export const OFPMT_OXM = 1;

export function isBasicOxm(oxm: Oxm): oxm is OxmBasic {
  return typeof (oxm as OxmBasic).field === "string";
}

function decodeValue(r: Reader, spec: OxmFieldSpec, name: string): OxmValue {
  switch (spec.kind) {
    case "u8":
      return r.u8(name);
    case "u16":
      return r.u16(name);
    case "u24":
      return (r.u8(name) << 16) | r.u16(name);
    case "u32":
      return r.u32(name);
    case "u64":
      return r.u64(name);
    case "mac":
      return r.mac(name);
    case "ipv4":
      return r.ipv4(name);
    case "ipv6":
      return r.ipv6(name);
  }
}

function encodeValue(w: Writer, spec: OxmFieldSpec, value: OxmValue, field: string): void {
  switch (spec.kind) {
    case "u8":
      return w.u8(Number(value), field);
    case "u16":
      return w.u16(Number(value), field);
    case "u24": {
      const v = Number(value);
      if (!(Number.isInteger(v) && v >= 0 && v <= 0xffffff)) throw new EncodeError(field, `expected a 24-bit integer, found ${String(value)}`);
      w.u8(v >>> 16, field);
      return w.u16(v & 0xffff, field);
    }
    case "u32":
      return w.u32(Number(value), field);
    case "u64":
      return w.u64(toU64(value, field), field);
    case "mac":
      return w.mac(value as string, field);
    case "ipv4":
      return w.ipv4(value as string, field);
    case "ipv6":
      return w.ipv6(value as string, field);
  }
}

/**
 * Decodes one OXM TLV. Its path (`oxm[index]`) is entered only when the TLV is short, i.e. when a
 * read below is about to fail: whole TLVs need no path work.
 */
export function decodeOxm(r: Reader, index: number): Oxm {
  if (r.remaining < 4) r.enter("oxm", index); // the header read fails
  const header = r.u32("header");
  const length = header & 0xff;
  if (r.remaining < length) r.enter("oxm", index); // the body read fails
  const oxmClass = header >>> 16;
  const oxmField = (header >>> 9) & 0x7f;
  const hasMask = ((header >>> 8) & 1) === 1;
  const spec = oxmClass === OFPXMC_OPENFLOW_BASIC ? OXM_FIELDS[oxmField] : undefined;
  if (spec && length === spec.size * (hasMask ? 2 : 1) && (spec.maskable || !hasMask)) {
    const value = decodeValue(r, spec, "value");
    return hasMask ? { field: spec.name, value, mask: decodeValue(r, spec, "mask") } : { field: spec.name, value };
  }
  return { oxmClass, oxmField, hasMask, body: r.bytes(length, "body") };
}

/** Encodes one OXM TLV; errors name `field` (the OXM's path) and the member that failed. */
export function encodeOxm(w: Writer, oxm: Oxm, field: string): void {
  w.enter(field);
  encodeOxmTlv(w, oxm);
  w.leave();
}

function encodeOxmTlv(w: Writer, oxm: Oxm): void {
  if (oxm === null || typeof oxm !== "object") throw new EncodeError("", "expected an OXM object");
  if (isBasicOxm(oxm)) {
    const spec = OXM_BY_NAME.get(oxm.field);
    if (!spec) throw new EncodeError("field", `unknown OXM field "${oxm.field}"`);
    const hasMask = oxm.mask !== undefined;
    if (hasMask && !spec.maskable) throw new EncodeError("mask", `${oxm.field} cannot be masked`);
    const length = spec.size * (hasMask ? 2 : 1);
    // Two u16s: a u32 >= 2^31 would be a heap number.
    w.u16(OFPXMC_OPENFLOW_BASIC, "header");
    w.u16((spec.code << 9) | ((hasMask ? 1 : 0) << 8) | length, "header");
    encodeValue(w, spec, oxm.value, "value");
    if (hasMask) encodeValue(w, spec, oxm.mask as OxmValue, "mask");
    return;
  }
  const body = toBytes(oxm.body, "body");
  if (body.length > 0xff) throw new EncodeError("body", "an OXM body is at most 255 bytes");
  w.u16(oxm.oxmClass, "oxmClass");
  w.u8(((oxm.oxmField & 0x7f) << 1) | (oxm.hasMask ? 1 : 0), "oxmField");
  w.u8(body.length, "length");
  w.bytes(body, "body");
}

/** Decodes an `ofp_match` (header, OXM fields, padding to 8 bytes). */
export function decodeMatch(r: Reader): Match {
  r.enter("match");
  const type = r.u16("type");
  if (type !== OFPMT_OXM) r.failAt(r.offset - 2, `match type ${type} is not OFPMT_OXM (1)`, "type");
  const length = r.u16("length");
  if (length < 4) r.failAt(r.offset - 2, `match length ${length} is shorter than its 4-byte header`, "length");
  const outer = r.narrow(length - 4, "oxm_fields");
  const fields: Match = [];
  while (r.remaining > 0) fields.push(decodeOxm(r, fields.length));
  r.close(outer);
  r.pad((8 - (length % 8)) % 8, "pad");
  r.leave();
  return fields;
}

/** Encodes an `ofp_match`, padded to a multiple of 8 bytes; errors name `field[i].member`. */
export function encodeMatch(w: Writer, match: Match, field = "match"): void {
  w.enter(field);
  if (!Array.isArray(match)) throw new EncodeError("", "expected a list of OXM fields");
  const start = w.length;
  w.u16(OFPMT_OXM, "type");
  w.u16(0, "length");
  for (let i = 0; i < match.length; i++) {
    w.enter("", i);
    encodeOxmTlv(w, match[i] as Oxm);
    w.leave();
  }
  w.u16At(start + 2, w.length - start, "length");
  w.padTo(start, 8);
  w.leave();
}
