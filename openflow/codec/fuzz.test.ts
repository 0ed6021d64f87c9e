/**
 * Property tests: truncated, corrupted, random and lying-length inputs give a `DecodeError` (or a
 * valid decode), never another exception, a hang, or an allocation beyond the input size.
 * Seeded, with bounded iteration counts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RandomStream } from "../../base/rng.ts";
import { DecodeError } from "./errors.ts";
import { Framer } from "./framer.ts";
import { decodeMessage, encodeMessage } from "./message.ts";

const PACKETS = fileURLToPath(new URL("../testdata/openflow13/ryu-packet-data/", import.meta.url));
const golden = readdirSync(PACKETS)
  .filter((f) => f.endsWith(".packet"))
  .sort()
  .map((f) => new Uint8Array(readFileSync(join(PACKETS, f))));

/** Decodes; returns "ok", or "decode-error"; any other exception fails the test. */
function attempt(bytes: Uint8Array): "ok" | "decode-error" {
  try {
    const message = decodeMessage(bytes);
    // Whatever decodes must encode again (corrupted padding may make the bytes differ).
    expect(encodeMessage(message).length).toBeGreaterThanOrEqual(8);
    return "ok";
  } catch (err) {
    if (err instanceof DecodeError) {
      expect(err.offset).toBeGreaterThanOrEqual(0);
      expect(err.offset).toBeLessThanOrEqual(bytes.length);
      return "decode-error";
    }
    throw err;
  }
}

/** Sets the header length to the buffer's length, so the body parser is exercised. */
function withHonestLength(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  copy[2] = (copy.length >> 8) & 0xff;
  copy[3] = copy.length & 0xff;
  return copy;
}

describe("decoder robustness", () => {
  it("every truncation of every golden message is a DecodeError", () => {
    let cases = 0;
    for (const bytes of golden) {
      for (let n = 0; n < bytes.length; n++) {
        expect(attempt(bytes.slice(0, n))).toBe("decode-error");
        cases++;
        if (n % 4 === 0) {
          attempt(withHonestLength(bytes.slice(0, Math.max(n, 8))));
          cases++;
        }
      }
    }
    expect(cases).toBeGreaterThan(12_000);
  });

  it("random byte flips never crash the decoder", () => {
    const rng = new RandomStream("fuzz/flips");
    let decodeErrors = 0;
    for (let i = 0; i < 20_000; i++) {
      const bytes = (golden[rng.integer(0, golden.length - 1)] as Uint8Array).slice();
      const flips = rng.integer(1, 4);
      for (let f = 0; f < flips; f++) bytes[rng.integer(8, Math.max(8, bytes.length - 1))] = rng.integer(0, 255);
      if (attempt(bytes.length > 8 ? bytes : withHonestLength(bytes)) === "decode-error") decodeErrors++;
    }
    expect(decodeErrors).toBeGreaterThan(100);
  });

  it("random bytes with a valid-looking header never crash the decoder", () => {
    const rng = new RandomStream("fuzz/random");
    for (let i = 0; i < 20_000; i++) {
      const length = rng.integer(8, 200);
      const bytes = new Uint8Array(length);
      for (let j = 0; j < length; j++) bytes[j] = rng.integer(0, 255);
      bytes[0] = 4;
      bytes[1] = rng.integer(0, 30);
      attempt(withHonestLength(bytes));
    }
  });

  it("lying inner length fields (TLVs, matches, buckets) are DecodeErrors", () => {
    const rng = new RandomStream("fuzz/lengths");
    let errors = 0;
    for (let i = 0; i < 20_000; i++) {
      const bytes = (golden[rng.integer(0, golden.length - 1)] as Uint8Array).slice();
      if (bytes.length < 12) continue;
      const at = rng.integer(8, bytes.length - 2) & ~1;
      const lie = rng.choice([0, 1, 3, 4, 7, 0xff, 0x7fff, 0xffff]);
      bytes[at] = lie >> 8;
      bytes[at + 1] = lie & 0xff;
      if (attempt(bytes) === "decode-error") errors++;
    }
    expect(errors).toBeGreaterThan(1000);
  });
});

describe("Framer", () => {
  const stream = new Uint8Array(Buffer.concat(golden.map((g) => Buffer.from(g))));

  it("reassembles messages across arbitrary chunk boundaries", () => {
    const rng = new RandomStream("framer/chunks");
    for (let round = 0; round < 20; round++) {
      const framer = new Framer();
      const out: Uint8Array[] = [];
      let pos = 0;
      while (pos < stream.length) {
        const size = rng.integer(1, 300);
        out.push(...framer.push(stream.subarray(pos, pos + size)));
        pos += size;
      }
      expect(out.length).toBe(golden.length);
      out.forEach((m, i) => expect(Buffer.from(m).equals(Buffer.from(golden[i] as Uint8Array))).toBe(true));
      expect(framer.pending).toBe(0);
    }
  });

  it("rejects a length below the header size with the stream offset", () => {
    const framer = new Framer();
    framer.push(golden[0] as Uint8Array);
    expect(() => framer.push(Uint8Array.from([4, 0, 0, 4, 0, 0, 0, 0]))).toThrow(
      new DecodeError((golden[0] as Uint8Array).length + 2, "header.length", "length 4 is shorter than the 8-byte header"),
    );
  });

  it("buffers at most one incomplete message (bounded by the 16-bit length)", () => {
    const framer = new Framer();
    const header = Uint8Array.from([4, 2, 0xff, 0xff, 0, 0, 0, 1]);
    expect(framer.push(header)).toEqual([]);
    expect(framer.push(new Uint8Array(60_000))).toEqual([]);
    expect(framer.pending).toBe(60_008);
    const done = framer.push(new Uint8Array(65535 - 60_008));
    expect(done.map((m) => m.length)).toEqual([65535]);
    expect(framer.pending).toBe(0);
  });
});
