/**
 * Address text → integer, for selector matching: MAC (aa:bb:cc:dd:ee:ff), IPv4 dotted quad,
 * IPv6 (RFC 4291 text, `::` allowed, no embedded IPv4). Throws `Error` with a readable message on
 * malformed text.
 */

/** 48-bit MAC address as an integer. */
export function macToBigInt(text: string): bigint {
  const parts = text.split(/[:-]/);
  if (parts.length !== 6 || parts.some((p) => !/^[0-9a-fA-F]{1,2}$/.test(p))) throw new Error(`"${text}" is not a MAC address (expected aa:bb:cc:dd:ee:ff)`);
  return parts.reduce((n, p) => (n << 8n) | BigInt(parseInt(p, 16)), 0n);
}

/** 32-bit IPv4 address as an integer. */
export function ipv4ToBigInt(text: string): bigint {
  const parts = text.split(".");
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) throw new Error(`"${text}" is not an IPv4 address (expected a.b.c.d)`);
  return parts.reduce((n, p) => (n << 8n) | BigInt(Number(p)), 0n);
}

/** 128-bit IPv6 address as an integer. */
export function ipv6ToBigInt(text: string): bigint {
  const bad = (): never => {
    throw new Error(`"${text}" is not an IPv6 address`);
  };
  const halves = text.split("::");
  if (halves.length > 2) bad();
  const groups = (s: string | undefined): string[] => (s === undefined || s === "" ? [] : s.split(":"));
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) bad();
  const all = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill("0"), ...tail];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) bad();
  return all.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** Mask of `prefix` leading one-bits in a `width`-bit field. */
export function prefixMask(prefix: number, width: number): bigint {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > width) throw new Error(`prefix length ${prefix} must be an integer in [0, ${width}]`);
  const all = (1n << BigInt(width)) - 1n;
  return (all << BigInt(width - prefix)) & all;
}
