/**
 * Text forms of addresses in decoded messages: MAC `"02:00:00:00:00:01"`, IPv4 `"10.0.0.1"`,
 * IPv6 in RFC 5952 canonical form (`"2001:db8::1"`). Parsing accepts what formatting produces
 * (plus upper-case hex and uncompressed IPv6), so decode → encode is exact.
 */
import { EncodeError } from "./errors.ts";

const HEX_PAIRS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16));
const DECIMAL = Array.from({ length: 256 }, (_, i) => String(i));

/** Char codes of the lowercase hex digits. */
const HEX_CODES = Array.from("0123456789abcdef", (c) => c.charCodeAt(0));

/** The MAC address in `b[at, at + 6)` (one flat string: concatenation would build a rope). */
export function formatMac(b: Uint8Array, at = 0): string {
  const h = HEX_CODES;
  const b0 = b[at] as number;
  const b1 = b[at + 1] as number;
  const b2 = b[at + 2] as number;
  const b3 = b[at + 3] as number;
  const b4 = b[at + 4] as number;
  const b5 = b[at + 5] as number;
  return String.fromCharCode(
    h[b0 >> 4] as number, h[b0 & 15] as number, 58, h[b1 >> 4] as number, h[b1 & 15] as number, 58, h[b2 >> 4] as number, h[b2 & 15] as number, 58,
    h[b3 >> 4] as number, h[b3 & 15] as number, 58, h[b4 >> 4] as number, h[b4 & 15] as number, 58, h[b5 >> 4] as number, h[b5 & 15] as number,
  );
}

/** Value of one hex digit (char code), or -1. */
function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function badMac(text: unknown, field: string): never {
  throw new EncodeError(field, `expected a MAC address like "02:00:00:00:00:01", found ${JSON.stringify(text)}`);
}

/** Hex digit values by char code (-1: not a hex digit). */
const HEX_VALUES = Int8Array.from({ length: 128 }, (_, c) => hexDigit(c));

/** The byte written as two hex digits at `text[i]`, or -1. */
function hexByteAt(text: string, i: number): number {
  const hi = text.charCodeAt(i);
  const lo = text.charCodeAt(i + 1);
  if (hi > 127 || lo > 127) return -1;
  const h = HEX_VALUES[hi] as number;
  const l = HEX_VALUES[lo] as number;
  return (h | l) < 0 ? -1 : (h << 4) | l;
}

/** Parses `02:00:00:00:00:01` (also `-` separators and one-digit groups) into `out` at `at`. */
export function parseMacInto(text: string, field: string, out: Uint8Array, at: number): void {
  if (typeof text !== "string") badMac(text, field);
  if (text.length === 17 && parseCanonicalMacInto(text, out, at)) return;
  let i = 0;
  for (let group = 0; group < 6; group++) {
    if (group > 0) {
      const sep = text.charCodeAt(i++);
      if (sep !== 58 && sep !== 45) badMac(text, field);
    }
    const hi = hexDigit(text.charCodeAt(i++));
    if (hi < 0) badMac(text, field);
    const lo = i < text.length ? hexDigit(text.charCodeAt(i)) : -1;
    if (lo >= 0) {
      out[at + group] = (hi << 4) | lo;
      i++;
    } else {
      out[at + group] = hi;
    }
  }
  if (i !== text.length) badMac(text, field);
}

/** The common `xx:xx:xx:xx:xx:xx` form; false (with `out` partly written) for anything else. */
function parseCanonicalMacInto(text: string, out: Uint8Array, at: number): boolean {
  for (let group = 0; group < 6; group++) {
    const i = 3 * group;
    if (group > 0 && text.charCodeAt(i - 1) !== 58) return false;
    const byte = hexByteAt(text, i);
    if (byte < 0) return false;
    out[at + group] = byte;
  }
  return true;
}

export function parseMac(text: string, field: string): Uint8Array {
  const out = new Uint8Array(6);
  parseMacInto(text, field, out, 0);
  return out;
}

/** The IPv4 address in `b[at, at + 4)`. */
export function formatIpv4(b: Uint8Array, at = 0): string {
  return `${DECIMAL[b[at] as number]}.${DECIMAL[b[at + 1] as number]}.${DECIMAL[b[at + 2] as number]}.${DECIMAL[b[at + 3] as number]}`;
}

function badIpv4(text: unknown, field: string): never {
  throw new EncodeError(field, `expected an IPv4 address like "10.0.0.1", found ${JSON.stringify(text)}`);
}

/** Parses dotted-quad `10.0.0.1` into `out` at `at`. */
export function parseIpv4Into(text: string, field: string, out: Uint8Array, at: number): void {
  if (typeof text !== "string") badIpv4(text, field);
  let i = 0;
  for (let part = 0; part < 4; part++) {
    if (part > 0 && text.charCodeAt(i++) !== 46) badIpv4(text, field);
    let value = 0;
    let digits = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      value = value * 10 + (c - 48);
      digits++;
    }
    if (digits === 0 || digits > 3 || value > 255) badIpv4(text, field);
    out[at + part] = value;
  }
  if (i !== text.length) badIpv4(text, field);
}

export function parseIpv4(text: string, field: string): Uint8Array {
  const out = new Uint8Array(4);
  parseIpv4Into(text, field, out, 0);
  return out;
}

/** The IPv6 address in `b[at, at + 16)`, RFC 5952 canonical text. */
export function formatIpv6(b: Uint8Array, at = 0): string {
  // Longest run of two or more zero groups becomes "::" (first one on ties), RFC 5952.
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (b[at + 2 * i] !== 0 || b[at + 2 * i + 1] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && b[at + 2 * j] === 0 && b[at + 2 * j + 1] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  let s = "";
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      s += "::";
      i += bestLen - 1;
      continue;
    }
    if (s !== "" && s.charCodeAt(s.length - 1) !== 58) s += ":";
    const hi = b[at + 2 * i] as number;
    const lo = b[at + 2 * i + 1] as number;
    s += hi === 0 ? (HEX[lo] as string) : (HEX[hi] as string) + (HEX_PAIRS[lo] as string);
  }
  return s;
}

function badIpv6(text: unknown, field: string): never {
  throw new EncodeError(field, `expected an IPv6 address like "2001:db8::1", found ${JSON.stringify(text)}`);
}

/** Scratch for the groups of the address being parsed. */
const IPV6_GROUPS = new Uint16Array(8);

/** Parses an IPv6 address (compressed or not; no embedded IPv4) into `out` at `at`. */
export function parseIpv6Into(text: string, field: string, out: Uint8Array, at: number): void {
  if (typeof text !== "string") badIpv6(text, field);
  const groups = IPV6_GROUPS;
  let count = 0;
  let gapAt = -1;
  let i = 0;
  const n = text.length;
  if (n >= 2 && text.charCodeAt(0) === 58 && text.charCodeAt(1) === 58) {
    gapAt = 0;
    i = 2;
  } else if (n === 0) {
    badIpv6(text, field);
  }
  while (i < n) {
    let value = 0;
    let digits = 0;
    for (; i < n; i++) {
      const d = hexDigit(text.charCodeAt(i));
      if (d < 0) break;
      value = (value << 4) | d;
      digits++;
    }
    if (digits === 0 || digits > 4 || count === 8) badIpv6(text, field);
    groups[count++] = value;
    if (i === n) break;
    if (text.charCodeAt(i++) !== 58) badIpv6(text, field);
    if (i < n && text.charCodeAt(i) === 58) {
      if (gapAt >= 0) badIpv6(text, field);
      gapAt = count;
      i++;
    } else if (i === n) {
      badIpv6(text, field); // a single trailing ':'
    }
  }
  if (gapAt < 0 ? count !== 8 : count > 7) badIpv6(text, field);
  const missing = 8 - count;
  for (let g = 0, k = 0; g < 8; g++) {
    const value = gapAt >= 0 && g >= gapAt && g < gapAt + missing ? 0 : (groups[k++] as number);
    out[at + 2 * g] = value >>> 8;
    out[at + 2 * g + 1] = value & 0xff;
  }
}

export function parseIpv6(text: string, field: string): Uint8Array {
  const out = new Uint8Array(16);
  parseIpv6Into(text, field, out, 0);
  return out;
}
