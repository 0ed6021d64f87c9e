/**
 * A bounds-checked reader over a byte range (big-endian, as OpenFlow is). Every read checks the
 * remaining length first and throws a `DecodeError` naming the byte offset and the field path; no
 * read can allocate more than the bytes present. Field paths are kept as a stack (`enter`/`leave`,
 * shared with sub-readers through a parent link) and rendered only when decoding fails, so errors
 * say which nested field failed at no cost on the success path.
 */
import { DecodeError } from "./errors.ts";

const UTF8 = new TextDecoder("utf-8", { fatal: true });

export class Reader {
  private readonly view: DataView;
  private pos: number;
  /**
   * Field path segments pushed by `enter`; `indices[i] >= 0` renders as `names[i][index]`. One
   * stack per message, shared with sub-readers: decoding is depth-first and every `enter` is
   * paired with a `leave`, so the stack always holds the path of the field being read.
   */
  private readonly names: string[];
  private readonly indices: number[];

  /**
   * @param bytes the whole buffer; @param start first byte of this reader's range;
   * @param end one past its last byte; @param base offset of `bytes[0]` within the message (for errors)
   * @param parent the reader this one was cut from (`sub`), whose path stack it shares
   */
  constructor(
    private readonly buffer: Uint8Array,
    private readonly start = 0,
    private readonly end = buffer.length,
    private readonly base = 0,
    view?: DataView,
    parent?: Reader,
  ) {
    this.names = parent ? parent.names : [];
    this.indices = parent ? parent.indices : [];
    this.view = view ?? new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    this.pos = start;
  }

  /** A copy of this reader's whole range, wherever its position is. */
  whole(): Uint8Array {
    return this.buffer.slice(this.start, this.end);
  }

  /** Current position, relative to the start of the message. */
  get offset(): number {
    return this.base + this.pos;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  /**
   * Pushes a path segment for error messages: `enter("actions", 2)` adds `actions[2]`. The path
   * text is only built when decoding fails, so entering costs no string work.
   */
  enter(name: string, index = -1): void {
    this.names.push(name);
    this.indices.push(index);
  }

  leave(): void {
    this.names.pop();
    this.indices.pop();
  }

  /** The field path (e.g. `flow_mod.match.oxm[2].value`), with `last` appended when given. */
  fieldPath(last?: string): string {
    let path = "";
    for (let i = 0; i < this.names.length; i++) path = appendSegment(path, this.names[i] as string, this.indices[i] as number);
    return last === undefined ? path : appendSegment(path, last, -1);
  }

  fail(reason: string, field?: string): never {
    throw new DecodeError(this.offset, this.fieldPath(field), reason);
  }

  /** Fails naming an explicit byte offset within the message (e.g. of a field already read). */
  failAt(offset: number, reason: string, field?: string): never {
    throw new DecodeError(offset, this.fieldPath(field), reason);
  }

  private need(n: number, field: string): void {
    if (this.end - this.pos < n) {
      this.fail(`needs ${n} byte(s), only ${Math.max(0, this.end - this.pos)} left`, field);
    }
  }

  u8(field: string): number {
    this.need(1, field);
    return this.view.getUint8(this.pos++);
  }

  u16(field: string): number {
    this.need(2, field);
    const v = this.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }

  u32(field: string): number {
    this.need(4, field);
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }

  u64(field: string): bigint {
    this.need(8, field);
    const v = this.view.getBigUint64(this.pos);
    this.pos += 8;
    return v;
  }

  /** A copy of the next n bytes. */
  bytes(n: number, field: string): Uint8Array {
    if (n < 0) this.fail(`negative length ${n}`, field);
    return this.bytesView(n, field).slice();
  }

  /** The next n bytes without copying (valid while the input buffer is). */
  bytesView(n: number, field = "bytes"): Uint8Array {
    this.need(n, field);
    const out = this.buffer.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** Skips n padding bytes (their content is ignored). */
  pad(n: number, field = "pad"): void {
    this.need(n, field);
    this.pos += n;
  }

  /** A NUL-terminated, NUL-padded UTF-8 string in a fixed field of n bytes. */
  fixedString(n: number, field: string): string {
    this.need(n, field);
    const buffer = this.buffer;
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

  /** The rest of this reader's range, copied. */
  rest(field: string): Uint8Array {
    return this.bytes(this.end - this.pos, field);
  }

  /**
   * A sub-reader over the next n bytes (for a TLV body), advancing past them. Errors inside it
   * report offsets within the whole message and the current field path.
   */
  sub(n: number, field: string): Reader {
    this.need(n, field);
    const r = new Reader(this.buffer, this.pos, this.pos + n, this.base, this.view, this);
    this.pos += n;
    return r;
  }

  /** Peeks a big-endian u16 at `ahead` bytes from the current position (bounds-checked). */
  peekU16(ahead: number, field: string): number {
    this.need(ahead + 2, field);
    return this.view.getUint16(this.pos + ahead);
  }

  peekU32(ahead: number, field: string): number {
    this.need(ahead + 4, field);
    return this.view.getUint32(this.pos + ahead);
  }
}

function appendSegment(path: string, name: string, index: number): string {
  const segment = index >= 0 ? `${name}[${index}]` : name;
  if (path === "") return segment;
  return segment.startsWith("[") ? path + segment : `${path}.${segment}`;
}
