/**
 * A bounds-checked reader over one message (big-endian, as OpenFlow is). Every read checks the
 * remaining length first and throws a `DecodeError` naming the byte offset and the field path; no
 * read can allocate more than the bytes present.
 *
 * Nested TLVs do not get reader objects of their own: `narrow(n)` limits reading to the next n
 * bytes and returns the outer limit, `close(outer)` skips what the body left unread (padding) and
 * restores the outer limit. Field paths are kept as a stack (`enter`/`leave`) and rendered only
 * when decoding fails, so errors say which nested field failed at no cost on the success path.
 * Integers are assembled from the bytes; a `DataView` is made only for runs of words. Byte fields
 * are views of the message (no copy), so decoded messages alias their input.
 *
 * @example
 *   const r = new Reader(bytes);
 *   const outer = r.narrow(length - 4, "body"); // errors if fewer bytes are left
 *   const port = r.u32("port");
 *   r.close(outer);                             // now just past the body
 */
import { formatIpv4, formatIpv6, formatMac } from "./addresses.ts";
import { allocHalfWords, allocWords } from "./byte-pool.ts";
import { DecodeError } from "./errors.ts";
import { PathStack } from "./field-path.ts";

const UTF8 = new TextDecoder("utf-8", { fatal: true });
/** Scratch for 64-bit reads: `getBigUint64` is the cheapest way to a bigint. */
const U64_VIEW = new DataView(new ArrayBuffer(8));
const U64_MAX = 0xffffffffffffffffn;
/** The bigints 0n..1023n, made once. */
const SMALL_U64S: readonly bigint[] = Array.from({ length: 1024 }, (_, i) => BigInt(i));

export class Reader {
  private buf: Uint8Array;
  /** Next byte to read (offset within the message). Invariant: pos <= end <= buf.length. */
  private pos = 0;
  /** One past the last readable byte of the current (possibly narrowed) range. */
  private end: number;
  /**
   * Field path segments pushed by `enter`. Decoding is depth-first and every `enter` is paired
   * with a `leave`, so the stack always holds the path of the field being read.
   */
  private readonly path = new PathStack();
  /** A view of `buf` for runs of words, made on first use. */
  private view: DataView | undefined = undefined;

  /** @param bytes the whole message (offsets in errors are relative to `bytes[0]`) */
  constructor(bytes: Uint8Array) {
    this.buf = bytes;
    this.end = bytes.length;
  }

  /** Starts over on another message (so one reader can serve every decode). */
  reset(bytes: Uint8Array): this {
    this.buf = bytes;
    this.view = undefined;
    this.pos = 0;
    this.end = bytes.length;
    this.path.clear(); // a decode that threw leaves segments; a successful one none
    return this;
  }

  /** Current position, relative to the start of the message. */
  get offset(): number {
    return this.pos;
  }

  /** Bytes left in the current range. */
  get remaining(): number {
    return this.end - this.pos;
  }

  /**
   * Pushes a path segment for error messages: `enter("actions", 2)` adds `actions[2]`. The path
   * text is only built when decoding fails, so entering costs no string work.
   */
  enter(name: string, index = -1): void {
    this.path.enter(name, index);
  }

  leave(): void {
    this.path.leave();
  }

  /** The field path (e.g. `flow_mod.match.oxm[2].value`), with `last` appended when given. */
  fieldPath(last?: string): string {
    return this.path.render(last);
  }

  fail(reason: string, field?: string): never {
    throw new DecodeError(this.pos, this.fieldPath(field), reason);
  }

  /** Fails naming an explicit byte offset within the message (e.g. of a field already read). */
  failAt(offset: number, reason: string, field?: string): never {
    throw new DecodeError(offset, this.fieldPath(field), reason);
  }

  private short(n: number, field: string): never {
    return this.fail(`needs ${n} byte(s), only ${Math.max(0, this.end - this.pos)} left`, field);
  }

  u8(field: string): number {
    if (this.pos >= this.end) this.short(1, field);
    return this.buf[this.pos++] as number;
  }

  u16(field: string): number {
    const p = this.pos;
    if (this.end - p < 2) this.short(2, field);
    this.pos = p + 2;
    const b = this.buf;
    return ((b[p] as number) << 8) | (b[p + 1] as number);
  }

  u32(field: string): number {
    const p = this.pos;
    if (this.end - p < 4) this.short(4, field);
    this.pos = p + 4;
    const b = this.buf;
    return (((b[p] as number) << 24) | ((b[p + 1] as number) << 16) | ((b[p + 2] as number) << 8) | (b[p + 3] as number)) >>> 0;
  }

  u64(field: string): bigint {
    const p = this.pos;
    if (this.end - p < 8) this.short(8, field);
    this.pos = p + 8;
    const b = this.buf;
    const hi = (((b[p] as number) << 24) | ((b[p + 1] as number) << 16) | ((b[p + 2] as number) << 8) | (b[p + 3] as number)) >>> 0;
    const lo = (((b[p + 4] as number) << 24) | ((b[p + 5] as number) << 16) | ((b[p + 6] as number) << 8) | (b[p + 7] as number)) >>> 0;
    // Small values and all-ones (counters, "any" cookies and masks) are the commonest; bigints are
    // primitives, so returning a shared one is the same value without allocating.
    if (hi === 0 && lo < SMALL_U64S.length) return SMALL_U64S[lo] as bigint;
    if ((hi & lo) === -1) return U64_MAX; // both words all ones (`&` gives a signed int32)
    U64_VIEW.setUint32(0, hi);
    U64_VIEW.setUint32(4, lo);
    return U64_VIEW.getBigUint64(0);
  }

  /**
   * The next n words as table-feature instruction/action ids without data (u16 type, u16 length
   * 4 each): their types, and the position moves past them. Undefined, without moving, if a
   * length is not 4 (an id with data, or a bad one) or fewer than 4n bytes are left.
   */
  plainTypeIds(n: number): Uint16Array | undefined {
    const p = this.pos;
    if (this.end - p < 4 * n) return undefined;
    const view = this.wordView();
    const types = allocHalfWords(n);
    for (let i = 0, q = p; i < n; i++, q += 4) {
      const word = view.getUint32(q);
      if ((word & 0xffff) !== 4) return undefined;
      types[i] = word >>> 16;
    }
    this.pos = p + 4 * n;
    return types;
  }

  /** The next n bytes, as a view of the message (no copy). */
  bytes(n: number, field: string): Uint8Array {
    if (n < 0) this.fail(`negative length ${n}`, field);
    const p = this.pos;
    if (this.end - p < n) this.short(n, field);
    this.pos = p + n;
    return this.slice(p, n);
  }

  /** `buf[at, at + n)` as a view (the constructor is cheaper than `subarray`). */
  private slice(at: number, n: number): Uint8Array {
    const b = this.buf;
    return new Uint8Array(b.buffer, b.byteOffset + at, n);
  }

  /** The next n big-endian u32s, in a fresh `Uint32Array`. */
  u32Array(n: number, field: string): Uint32Array {
    const p = this.pos;
    if (this.end - p < 4 * n) this.short(4 * n, field);
    this.pos = p + 4 * n;
    const view = this.wordView();
    const out = allocWords(n);
    for (let i = 0, q = p; i < n; i++, q += 4) out[i] = view.getUint32(q);
    return out;
  }

  /** A view of `buf` for runs of words (faster than assembling bytes; made once per message). */
  private wordView(): DataView {
    return (this.view ??= new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength));
  }

  /** A 6-byte MAC address as text (`02:00:00:00:00:01`). */
  mac(field: string): string {
    const p = this.pos;
    if (this.end - p < 6) this.short(6, field);
    this.pos = p + 6;
    return formatMac(this.buf, p);
  }

  /** A 4-byte IPv4 address as text. */
  ipv4(field: string): string {
    const p = this.pos;
    if (this.end - p < 4) this.short(4, field);
    this.pos = p + 4;
    return formatIpv4(this.buf, p);
  }

  /** A 16-byte IPv6 address as RFC 5952 text. */
  ipv6(field: string): string {
    const p = this.pos;
    if (this.end - p < 16) this.short(16, field);
    this.pos = p + 16;
    return formatIpv6(this.buf, p);
  }

  /** Skips n padding bytes (their content is ignored). */
  pad(n: number, field = "pad"): void {
    if (this.end - this.pos < n) this.short(n, field);
    this.pos += n;
  }

  /** A NUL-terminated, NUL-padded UTF-8 string in a fixed field of n bytes. */
  fixedString(n: number, field: string): string {
    if (this.end - this.pos < n) this.short(n, field);
    const buffer = this.buf;
    const limit = this.pos + n;
    let end = this.pos;
    let ascii = true;
    for (; end < limit; end++) {
      const c = buffer[end] as number;
      if (c === 0) break;
      if (c > 0x7f) ascii = false;
    }
    let s = "";
    if (ascii) {
      // Port and table names are short ASCII: building the string directly beats TextDecoder.
      for (let i = this.pos; i < end; i++) s += String.fromCharCode(buffer[i] as number);
    } else {
      try {
        s = UTF8.decode(buffer.subarray(this.pos, end));
      } catch {
        return this.fail("is not valid UTF-8 text", field);
      }
    }
    this.pos = limit;
    return s;
  }

  /** The rest of the current range, as a view of the message. */
  rest(field: string): Uint8Array {
    return this.bytes(this.end - this.pos, field);
  }

  /** The current range from `start` (an earlier offset) to its end, as a view; does not move. */
  viewFrom(start: number): Uint8Array {
    return this.slice(start, this.end - start);
  }

  /**
   * Limits reading to the next n bytes (a TLV body) and returns the outer limit for `close`.
   * Fails (naming `field`) if fewer than n bytes are left.
   */
  narrow(n: number, field: string): number {
    if (this.end - this.pos < n) this.short(n, field);
    const outer = this.end;
    this.end = this.pos + n;
    return outer;
  }

  /** Ends a `narrow`ed range: skips its unread bytes and restores the outer limit. */
  close(outer: number): void {
    this.pos = this.end;
    this.end = outer;
  }
}
