/**
 * Values of basic OXM fields as integers: the one parser for what a match or a packet may carry
 * for a field — an integer (number, bigint, or decimal / 0x-hex text) or, for address fields,
 * MAC / IPv4 / IPv6 text (the codec's parsers; the address's bytes, big-endian) — checked against
 * the field's width (spec table 11, `OxmFieldSpec.bits`). Also the way back: an integer as the
 * value the codec writes (text for addresses, a number up to 32 bits, a bigint above).
 */
import { EncodeError, OXM_BY_NAME, formatIpv4, formatIpv6, formatMac, parseIpv4, parseIpv6, parseMac, type OxmFieldSpec, type OxmValue } from "../codec/index.ts";

/** The spec of a basic OXM field; throws on an unknown name. */
export function oxmField(field: string): OxmFieldSpec {
  const spec = OXM_BY_NAME.get(field);
  if (!spec) throw new Error(`unknown OXM field "${field}"`);
  return spec;
}

/** All ones over the field's width: the mask of an unmasked field. */
export function fullMask(spec: OxmFieldSpec): bigint {
  return (1n << BigInt(spec.bits)) - 1n;
}

/** Mask of `prefix` leading one-bits in a `width`-bit field; throws unless 0 <= prefix <= width. */
export function prefixMask(prefix: number, width: number): bigint {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > width) throw new Error(`prefix length ${prefix} must be an integer in [0, ${width}]`);
  const all = (1n << BigInt(width)) - 1n;
  return (all << BigInt(width - prefix)) & all;
}

const ADDRESS_TEXT = {
  mac: { parse: parseMac, problem: "is not a MAC address (expected aa:bb:cc:dd:ee:ff)" },
  ipv4: { parse: parseIpv4, problem: "is not an IPv4 address (expected a.b.c.d)" },
  ipv6: { parse: parseIpv6, problem: "is not an IPv6 address" },
} as const;

function isAddressKind(kind: OxmFieldSpec["kind"]): kind is keyof typeof ADDRESS_TEXT {
  return kind === "mac" || kind === "ipv4" || kind === "ipv6";
}

/** An address's text as an integer (the codec's parser); throws `Error` naming the text. */
function addressToBigInt(kind: keyof typeof ADDRESS_TEXT, text: string, field: string): bigint {
  let bytes: Uint8Array;
  try {
    bytes = ADDRESS_TEXT[kind].parse(text, field);
  } catch (err) {
    if (err instanceof EncodeError) throw new Error(`"${text}" ${ADDRESS_TEXT[kind].problem}`, { cause: err });
    throw err;
  }
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/**
 * A field's value (no mask, no prefix) as an integer; throws a readable `Error` when it is
 * malformed, negative or wider than the field.
 */
export function fieldValue(field: string, v: OxmValue): bigint {
  const spec = oxmField(field);
  /** The field's one stated range, e.g. "tcp_dst: expected an integer from 0 to 65535 (16 bits), found 70000". */
  const outOfRange = (found: string) => new Error(`${field}: expected an integer from 0 to ${String((1n << BigInt(spec.bits)) - 1n)} (${spec.bits} bits), found ${found}`);
  let n: bigint;
  if (typeof v === "bigint") n = v;
  else if (typeof v === "number") {
    if (!(Number.isInteger(v) && v >= 0)) throw outOfRange(String(v));
    n = BigInt(v);
  } else if (typeof v !== "string") throw isAddressKind(spec.kind) ? new Error(`${field}: expected an address or an integer, found ${JSON.stringify(v)}`) : outOfRange(JSON.stringify(v));
  else if (isAddressKind(spec.kind)) n = addressToBigInt(spec.kind, v, field);
  else {
    if (!/^(0x[0-9a-fA-F]+|\d+)$/.test(v)) throw outOfRange(JSON.stringify(v));
    n = BigInt(v);
  }
  if (n < 0n || n >> BigInt(spec.bits) !== 0n) throw outOfRange(String(v));
  return n;
}

/** An integer of the field as the codec writes it: address text, a number up to 32 bits, a bigint above. */
export function formatFieldValue(spec: OxmFieldSpec, n: bigint): OxmValue {
  if (!isAddressKind(spec.kind)) return spec.size > 4 ? n : Number(n);
  const bytes = new Uint8Array(spec.size);
  for (let i = spec.size - 1, rest = n; i >= 0; i--, rest >>= 8n) bytes[i] = Number(rest & 0xffn);
  return spec.kind === "mac" ? formatMac(bytes) : spec.kind === "ipv4" ? formatIpv4(bytes) : formatIpv6(bytes);
}
