/**
 * A big-endian byte writer that writes each message straight into a shared slab and hands the
 * finished bytes out as a view of it (no copy, no `ArrayBuffer` per message; see `byte-pool.ts`).
 * Slab bytes not yet written are kept zero, so padding and zero fields cost no stores.
 * Values are range-checked (an out-of-range number is an `EncodeError`, never silent truncation).
 * Lengths are patched after the body is written (`u16At`), so headers are written last in effect.
 *
 * Field paths for errors are a stack (`enter`/`leave`, no string work on the success path):
 * encoders throw `EncodeError`s naming the field relative to the innermost entered record, and
 * `prefixed(err)` puts the path in front — `encodeMessage` does that once per message.
 *
 * @example
 *   const w = new Writer();
 *   w.u16(1, "type"); w.u16(0, "len"); w.u16At(2, w.length, "len");
 *   w.finish(); // Uint8Array [0, 1, 0, 4]
 */
import { parseIpv4Into, parseIpv6Into, parseMacInto } from "./addresses.ts";
import { SLAB_BYTES } from "./byte-pool.ts";
import { EncodeError } from "./errors.ts";
import { PathStack } from "./field-path.ts";

const UTF8 = new TextEncoder();
/** Byte strings up to this length (bytes) are copied by a loop, longer ones by `set`. */
const LOOP_COPY = 32;
/** Addresses are parsed here first, so a bad one leaves nothing in the slab. */
const ADDRESS = new Uint8Array(16);

export type U64Input = bigint | number | string;
export type BytesInput = Uint8Array | string | readonly number[];

export class Writer {
  /** The slab being written; bytes before `base` belong to messages already handed out. */
  private buf: Uint8Array;
  /** `buf.buffer`, kept in a field (cheaper than the getter once per message). */
  private buffer: ArrayBuffer;
  private view: DataView;
  /** Start of the current message in `buf`. Invariant: base <= pos. */
  private base = 0;
  /** Next byte to write in `buf`. Invariant: every byte of `buf` from `pos` on is zero. */
  private pos = 0;
  /** Field path segments (see `Reader`). */
  private readonly path = new PathStack();

  /** @param slabBytes size of each slab (bytes); a message larger than one gets a larger slab */
  constructor(slabBytes = SLAB_BYTES) {
    this.buffer = new ArrayBuffer(slabBytes);
    this.buf = new Uint8Array(this.buffer);
    this.view = new DataView(this.buffer);
  }

  /** Bytes written to the current message. */
  get length(): number {
    return this.pos - this.base;
  }

  /** Discards the current message (bytes already handed out by `finish` stay untouched). */
  reset(): this {
    if (this.pos > this.base) this.buf.fill(0, this.base, this.pos); // an unfinished message
    this.pos = this.base;
    this.path.clear(); // an encode that threw leaves segments; a successful one none
    return this;
  }

  /** Pushes a path segment for error messages: `enter("actions", 2)` adds `actions[2]`. */
  enter(name: string, index = -1): void {
    this.path.enter(name, index);
  }

  leave(): void {
    this.path.leave();
  }

  /** `err` with the current field path put in front of its field. */
  prefixed(err: EncodeError): EncodeError {
    return new EncodeError(this.path.render(err.field), err.reason);
  }

  /** Moves the current message to a fresh slab with room for n more bytes. */
  private grow(n: number): void {
    const length = this.pos - this.base;
    let size = this.buf.length;
    while (size < length + n) size *= 2;
    const buffer = new ArrayBuffer(size);
    const next = new Uint8Array(buffer);
    next.set(this.buf.subarray(this.base, this.pos));
    this.buf = next;
    this.buffer = buffer;
    this.view = new DataView(buffer);
    this.base = 0;
    this.pos = length;
  }

  /**
   * An OpenFlow header: `version`, `type` (u8s, trusted: from the codec's tables), a zero length
   * to patch with `u16At(2, …)`, and `xid` (checked). One capacity check for the 8 bytes.
   */
  header(version: number, type: number, xid: number): void {
    if (xid >>> 0 !== xid) badInt(xid, 0xffffffff, "xid");
    if (this.pos + 8 > this.buf.length) this.grow(8);
    const p = this.pos;
    this.buf[p] = version;
    this.buf[p + 1] = type;
    this.view.setUint32(p + 4, xid);
    this.pos = p + 8;
  }

  u8(v: number, field: string): void {
    if ((v & 0xff) !== v) badInt(v, 0xff, field);
    if (this.pos + 1 > this.buf.length) this.grow(1);
    this.buf[this.pos++] = v;
  }

  u16(v: number, field: string): void {
    if ((v & 0xffff) !== v) badInt(v, 0xffff, field);
    if (this.pos + 2 > this.buf.length) this.grow(2);
    this.view.setUint16(this.pos, v);
    this.pos += 2;
  }

  u32(v: number, field: string): void {
    if (v >>> 0 !== v) badInt(v, 0xffffffff, field);
    if (this.pos + 4 > this.buf.length) this.grow(4);
    this.view.setUint32(this.pos, v);
    this.pos += 4;
  }

  /**
   * Writes `values[from..]` as u32s while they are integers in range; returns the index of the
   * first value not written (`values.length` if all were). One capacity check for the run.
   */
  u32Run(values: readonly unknown[], from: number): number {
    const n = values.length;
    if (this.pos + 4 * (n - from) > this.buf.length) this.grow(4 * (n - from));
    const view = this.view;
    let p = this.pos;
    let i = from;
    for (; i < n; i++) {
      const v = values[i];
      if (typeof v !== "number" || v >>> 0 !== v) break;
      view.setUint32(p, v);
      p += 4;
    }
    this.pos = p;
    return i;
  }

  /** Writes every value of `values` as a big-endian u32 (all are in range by construction). */
  u32Array(values: Uint32Array): void {
    const n = values.length;
    if (this.pos + 4 * n > this.buf.length) this.grow(4 * n);
    const view = this.view;
    let p = this.pos;
    for (let i = 0; i < n; i++, p += 4) view.setUint32(p, values[i] as number);
    this.pos = p;
  }

  /**
   * Table-feature instruction/action ids without data: each type as a u16 followed by the length
   * 4 (u16), as one word.
   */
  typeIdWords(types: Uint16Array): void {
    const n = types.length;
    if (this.pos + 4 * n > this.buf.length) this.grow(4 * n);
    const view = this.view;
    let p = this.pos;
    for (let i = 0; i < n; i++, p += 4) view.setUint32(p, (((types[i] as number) << 16) | 4) >>> 0);
    this.pos = p;
  }

  /** As `u32Run`, for u8s. */
  u8Run(values: readonly unknown[], from: number): number {
    const n = values.length;
    if (this.pos + (n - from) > this.buf.length) this.grow(n - from);
    const b = this.buf;
    let p = this.pos;
    let i = from;
    for (; i < n; i++) {
      const v = values[i];
      if (typeof v !== "number" || (v & 0xff) !== v) break;
      b[p++] = v;
    }
    this.pos = p;
    return i;
  }

  u64(v: U64Input, field: string): void {
    const b = typeof v === "bigint" && v >= 0n && v <= U64_MAX ? v : toU64(v, field);
    if (this.pos + 8 > this.buf.length) this.grow(8);
    this.view.setBigUint64(this.pos, b);
    this.pos += 8;
  }

  /** A MAC address given as text (`02:00:00:00:00:01`), 6 bytes. */
  mac(text: string, field: string): void {
    parseMacInto(text, field, ADDRESS, 0);
    if (this.pos + 6 > this.buf.length) this.grow(6);
    const p = this.pos;
    for (let i = 0; i < 6; i++) this.buf[p + i] = ADDRESS[i] as number;
    this.pos = p + 6;
  }

  /** An IPv4 address given as text, 4 bytes. */
  ipv4(text: string, field: string): void {
    parseIpv4Into(text, field, ADDRESS, 0);
    if (this.pos + 4 > this.buf.length) this.grow(4);
    const p = this.pos;
    for (let i = 0; i < 4; i++) this.buf[p + i] = ADDRESS[i] as number;
    this.pos = p + 4;
  }

  /** An IPv6 address given as text, 16 bytes. */
  ipv6(text: string, field: string): void {
    parseIpv6Into(text, field, ADDRESS, 0);
    if (this.pos + 16 > this.buf.length) this.grow(16);
    const p = this.pos;
    for (let i = 0; i < 16; i++) this.buf[p + i] = ADDRESS[i] as number;
    this.pos = p + 16;
  }

  /** Bytes given as `Uint8Array`, hex text or a list of byte values. */
  bytes(v: BytesInput, field: string): void {
    const src = v instanceof Uint8Array ? v : toBytes(v, field);
    const n = src.length;
    if (this.pos + n > this.buf.length) this.grow(n);
    const p = this.pos;
    if (n <= LOOP_COPY) for (let i = 0; i < n; i++) this.buf[p + i] = src[i] as number;
    else this.buf.set(src, p);
    this.pos = p + n;
  }

  /** n zero bytes (already zero in the slab: only the position moves). */
  zeros(n: number): void {
    if (this.pos + n > this.buf.length) this.grow(n);
    this.pos += n;
  }

  /** Pads with zeros until the length since `start` (a `length` value) is a multiple of `multiple`. */
  padTo(start: number, multiple = 8): void {
    const rem = (this.pos - this.base - start) % multiple;
    if (rem !== 0) this.zeros(multiple - rem);
  }

  /** A UTF-8 string NUL-padded to a fixed field of `size` bytes. */
  fixedString(v: string, size: number, field: string): void {
    if (typeof v !== "string") throw new EncodeError(field, `expected a string, found ${typeof v}`);
    if (this.pos + size > this.buf.length) this.grow(size);
    const p = this.pos;
    const b = this.buf;
    const n = v.length;
    let i = 0;
    if (n < size) {
      // Names are short ASCII: store the chars directly; the NUL padding is already zero.
      for (; i < n; i++) {
        const c = v.charCodeAt(i);
        if (c > 0x7f) break;
        b[p + i] = c;
      }
    }
    if (i < n && UTF8.encodeInto(v, b.subarray(p, p + size)).read < n) {
      b.fill(0, p, p + size); // keep the unwritten slab zero
      throw new EncodeError(field, `"${v}" is longer than ${size} bytes`);
    }
    this.pos = p + size;
  }

  /** Overwrites a u16 at `at` (a `length` value, e.g. where a length field was written). */
  u16At(at: number, v: number, field: string): void {
    if ((v & 0xffff) !== v) badInt(v, 0xffff, field);
    this.view.setUint16(this.base + at, v);
  }

  /**
   * The bytes of the current message, as a view of the slab that the writer will never write
   * again; the next message starts after them.
   */
  finish(): Uint8Array {
    const out = new Uint8Array(this.buffer, this.base, this.pos - this.base);
    this.pos = (this.pos + 7) & ~7; // keep messages 8-byte aligned
    this.base = this.pos;
    return out;
  }
}

function badInt(v: unknown, max: number, field: string): never {
  throw new EncodeError(field, `expected an integer from 0 to ${max}, found ${JSON.stringify(v)}`);
}

const U64_MAX = 0xffffffffffffffffn;

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
