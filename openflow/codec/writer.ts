/**
 * A growable big-endian byte writer. Values are range-checked (an out-of-range number is an
 * `EncodeError`, never silent truncation). Lengths are patched after the body is written
 * (`u16At`), so headers are written last in effect.
 */
import { parseIpv4Into, parseIpv6Into, parseMacInto } from "./addresses.ts";
import { EncodeError } from "./errors.ts";

const UTF8 = new TextEncoder();

export type U64Input = bigint | number | string;
export type BytesInput = Uint8Array | string | readonly number[];

export class Writer {
  private buf: Uint8Array;
  private view: DataView;
  private pos = 0;

  constructor(initialSize = 256) {
    this.buf = new Uint8Array(initialSize);
    this.view = new DataView(this.buf.buffer);
  }

  get length(): number {
    return this.pos;
  }

  /** Empties the writer for reuse (keeps its buffer). */
  reset(): this {
    this.pos = 0;
    return this;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number, field: string): void {
    checkInt(v, 0xff, field);
    this.ensure(1);
    this.buf[this.pos++] = v;
  }

  u16(v: number, field: string): void {
    checkInt(v, 0xffff, field);
    this.ensure(2);
    this.view.setUint16(this.pos, v);
    this.pos += 2;
  }

  u32(v: number, field: string): void {
    checkInt(v, 0xffffffff, field);
    this.ensure(4);
    this.view.setUint32(this.pos, v);
    this.pos += 4;
  }

  u64(v: U64Input, field: string): void {
    const b = typeof v === "bigint" && v >= 0n && v <= U64_MAX ? v : toU64(v, field);
    this.ensure(8);
    this.view.setBigUint64(this.pos, b);
    this.pos += 8;
  }

  /** A MAC address given as text (`02:00:00:00:00:01`), 6 bytes. */
  mac(text: string, field: string): void {
    this.ensure(6);
    parseMacInto(text, field, this.buf, this.pos);
    this.pos += 6;
  }

  /** An IPv4 address given as text, 4 bytes. */
  ipv4(text: string, field: string): void {
    this.ensure(4);
    parseIpv4Into(text, field, this.buf, this.pos);
    this.pos += 4;
  }

  /** An IPv6 address given as text, 16 bytes. */
  ipv6(text: string, field: string): void {
    this.ensure(16);
    parseIpv6Into(text, field, this.buf, this.pos);
    this.pos += 16;
  }

  bytes(v: BytesInput, field: string): void {
    const b = toBytes(v, field);
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  zeros(n: number): void {
    this.ensure(n);
    this.buf.fill(0, this.pos, this.pos + n);
    this.pos += n;
  }

  /** Pads with zeros until the length since `start` is a multiple of `multiple`. */
  padTo(start: number, multiple = 8): void {
    const rem = (this.pos - start) % multiple;
    if (rem !== 0) this.zeros(multiple - rem);
  }

  /** A UTF-8 string NUL-padded to a fixed field of `size` bytes. */
  fixedString(v: string, size: number, field: string): void {
    if (typeof v !== "string") throw new EncodeError(field, `expected a string, found ${typeof v}`);
    if (v.length < size && isAscii(v)) {
      this.ensure(size);
      for (let i = 0; i < v.length; i++) this.buf[this.pos + i] = v.charCodeAt(i);
      this.buf.fill(0, this.pos + v.length, this.pos + size);
      this.pos += size;
      return;
    }
    const encoded = UTF8.encode(v);
    if (encoded.length > size) throw new EncodeError(field, `"${v}" is longer than ${size} bytes`);
    this.ensure(size);
    this.buf.set(encoded, this.pos);
    this.buf.fill(0, this.pos + encoded.length, this.pos + size);
    this.pos += size;
  }

  /** Overwrites a u16 at absolute position `at` (e.g. a length field). */
  u16At(at: number, v: number, field: string): void {
    checkInt(v, 0xffff, field);
    this.view.setUint16(at, v);
  }

  /** The bytes written (a copy). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

const U64_MAX = 0xffffffffffffffffn;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function checkInt(v: number, max: number, field: string): void {
  if (!(Number.isInteger(v) && v >= 0 && v <= max)) {
    throw new EncodeError(field, `expected an integer from 0 to ${max}, found ${JSON.stringify(v)}`);
  }
}

/** Accepts bigint, safe integer, or a decimal / 0x-hex string. */
export function toU64(v: U64Input, field: string): bigint {
  let b: bigint;
  try {
    b = typeof v === "bigint" ? v : BigInt(v);
  } catch {
    throw new EncodeError(field, `expected a 64-bit unsigned integer, found ${JSON.stringify(v)}`);
  }
  if (typeof v === "number" && !Number.isSafeInteger(v)) throw new EncodeError(field, `${v} is not a safe integer; pass a bigint or a string`);
  if (b < 0n || b > 0xffffffffffffffffn) throw new EncodeError(field, `expected a 64-bit unsigned integer, found ${String(v)}`);
  return b;
}

/** Accepts bytes, an array of byte values, or a hex string (whitespace, ':' and a 0x prefix allowed). */
export function toBytes(v: BytesInput, field: string): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (Array.isArray(v)) {
    for (const x of v) checkInt(x as number, 0xff, field);
    return Uint8Array.from(v as number[]);
  }
  if (typeof v === "string") return hexToBytes(v, field);
  throw new EncodeError(field, `expected bytes as a hex string, found ${typeof v}`);
}

export function hexToBytes(text: string, field: string): Uint8Array {
  const clean = text.replace(/^0x/i, "").replace(/[\s:]/g, "");
  if (clean.length % 2 !== 0 || /[^0-9a-f]/i.test(clean)) {
    throw new EncodeError(field, `"${text.length > 40 ? `${text.slice(0, 37)}...` : text}" is not an even number of hex digits`);
  }
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
}
