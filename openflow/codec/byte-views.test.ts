/**
 * Byte fields decode to views of the input (no copy); the Framer's messages are fresh copies, so
 * messages decoded from a stream own their bytes whatever happens to the chunks afterwards.
 */
import { describe, expect, it } from "vitest";
import { Framer } from "./framer.ts";
import { decodeMessage, encodeMessage } from "./message.ts";
import type { MessageOf } from "./messages/types.ts";

const echo = (data: number[]): Uint8Array => encodeMessage({ type: "echo_request", xid: 9, data: Uint8Array.from(data) });

describe("byte fields", () => {
  it("are views of the decoded message's bytes", () => {
    const bytes = Uint8Array.from(echo([1, 2, 3, 4]));
    const message = decodeMessage(bytes) as MessageOf<"echo_request">;
    const data = message.data as Uint8Array;
    expect(Array.from(data)).toEqual([1, 2, 3, 4]);
    expect(data.buffer).toBe(bytes.buffer);
    expect(data.byteOffset).toBe(bytes.byteOffset + 8);
    bytes[8] = 99; // writing to the input shows through: the documented aliasing
    expect(data[0]).toBe(99);
  });

  it("of messages from the Framer survive reuse of the chunk they came from", () => {
    const chunk = new Uint8Array(64);
    const first = echo([5, 6, 7]);
    chunk.set(first);
    const framer = new Framer();
    const [framed] = framer.push(chunk.subarray(0, first.length));
    const message = decodeMessage(framed as Uint8Array) as MessageOf<"echo_request">;
    chunk.fill(0xee); // the socket layer may reuse its chunk
    expect(Array.from(message.data as Uint8Array)).toEqual([5, 6, 7]);
    expect(Buffer.from(encodeMessage(message)).equals(Buffer.from(first))).toBe(true);
  });
});
