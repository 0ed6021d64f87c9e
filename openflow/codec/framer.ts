/**
 * Splits a TCP byte stream into whole OpenFlow messages, across arbitrary chunk boundaries.
 * A message's length comes from its header; a length below 8 is a `DecodeError` (the stream is
 * corrupt and the connection should be closed). Buffering is bounded by one maximum-size message
 * (65,535 bytes) plus the chunk being pushed, whatever a peer sends.
 *
 * @example
 *   const framer = new Framer();
 *   socket.on("data", (chunk) => { for (const msg of framer.push(chunk)) handle(msg); });
 */
import { OFP_HEADER_SIZE } from "../constants.ts";
import { copyBytes } from "./byte-pool.ts";
import { DecodeError } from "./errors.ts";

export class Framer {
  private buffer = new Uint8Array(0);
  /** Bytes consumed from the stream so far (for error offsets). */
  private streamOffset = 0;

  /**
   * Adds a chunk and returns the complete messages it finished, each a fresh copy carved from the
   * byte pool (so decoding can hand out views of it: see `Reader.bytes`).
   */
  push(chunk: Uint8Array): Uint8Array[] {
    const data = this.buffer.length === 0 ? chunk : concat(this.buffer, chunk);
    const messages: Uint8Array[] = [];
    let pos = 0;
    while (data.length - pos >= OFP_HEADER_SIZE) {
      const length = ((data[pos + 2] as number) << 8) | (data[pos + 3] as number);
      if (length < OFP_HEADER_SIZE) {
        throw new DecodeError(this.streamOffset + pos + 2, "header.length", `length ${length} is shorter than the 8-byte header`);
      }
      if (data.length - pos < length) break;
      messages.push(copyBytes(data, pos, pos + length));
      pos += length;
    }
    this.streamOffset += pos;
    this.buffer = pos === data.length ? new Uint8Array(0) : data.slice(pos);
    return messages;
  }

  /** Bytes held waiting for the rest of a message. */
  get pending(): number {
    return this.buffer.length;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Splits a buffer of concatenated messages (e.g. from a file or the CLI) into messages. */
export function splitMessages(bytes: Uint8Array): Uint8Array[] {
  const framer = new Framer();
  const messages = framer.push(bytes);
  if (framer.pending > 0) {
    throw new DecodeError(bytes.length - framer.pending, "header", `${framer.pending} trailing byte(s) do not form a whole message`);
  }
  return messages;
}
