/**
 * Text forms of addresses in decoded messages: MAC `"02:00:00:00:00:01"`, IPv4 `"10.0.0.1"`,
 * IPv6 in RFC 5952 canonical form (`"2001:db8::1"`). Parsing accepts what formatting produces
 * (plus upper-case hex and uncompressed IPv6), so decode → encode is exact.
 */
import { EncodeError } from "./errors.ts";

const HEX_PAIRS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export function formatMac(b: Uint8Array): string {
  return `${HEX_PAIRS[b[0] as number]}:${HEX_PAIRS[b[1] as number]}:${HEX_PAIRS[b[2] as number]}:${HEX_PAIRS[b[3] as number]}:${HEX_PAIRS[b[4] as number]}:${HEX_PAIRS[b[5] as number]}`;
}

const MAC_PATTERN = /^([0-9a-f]{2}):([0-9a-f]{2}):([0-9a-f]{2}):([0-9a-f]{2}):([0-9a-f]{2}):([0-9a-f]{2})$/i;

export function parseMac(text: string, field: string): Uint8Array {
  const fast = typeof text === "string" ? MAC_PATTERN.exec(text) : null;
  if (fast) {
    const out = new Uint8Array(6);
    for (let i = 0; i < 6; i++) out[i] = parseInt(fast[i + 1] as string, 16);
    return out;
  }
  const parts = typeof text === "string" ? text.split(/[:-]/) : [];
  if (parts.length !== 6 || parts.some((p) => !/^[0-9a-f]{1,2}$/i.test(p))) {
    throw new EncodeError(field, `expected a MAC address like "02:00:00:00:00:01", found ${JSON.stringify(text)}`);
  }
  return Uint8Array.from(parts.map((p) => parseInt(p, 16)));
}

export function formatIpv4(b: Uint8Array): string {
  return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
}

export function parseIpv4(text: string, field: string): Uint8Array {
  const parts = typeof text === "string" ? text.split(".") : [];
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) {
    throw new EncodeError(field, `expected an IPv4 address like "10.0.0.1", found ${JSON.stringify(text)}`);
  }
  return Uint8Array.from(parts.map(Number));
}

export function formatIpv6(b: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((b[i] as number) << 8) | (b[i + 1] as number));
  // Longest run of two or more zero groups becomes "::" (first one on ties).
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLen).join(":")}`;
}

export function parseIpv6(text: string, field: string): Uint8Array {
  const fail = (): never => {
    throw new EncodeError(field, `expected an IPv6 address like "2001:db8::1", found ${JSON.stringify(text)}`);
  };
  if (typeof text !== "string") fail();
  const halves = text.split("::");
  if (halves.length > 2) fail();
  const parse = (s: string): number[] => (s === "" ? [] : s.split(":").map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : fail())));
  const head = parse(halves[0] as string);
  const tail = halves.length === 2 ? parse(halves[1] as string) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) fail();
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    out[2 * i] = g >> 8;
    out[2 * i + 1] = g & 0xff;
  });
  return out;
}
