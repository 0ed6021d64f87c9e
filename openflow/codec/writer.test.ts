/**
 * The slab writer: results never change after later encodes, and an encode that fails half-way
 * leaves no bytes behind in the padding of the next message (unwritten slab bytes stay zero).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EncodeError } from "./errors.ts";
import { decodeMessage, encodeMessage } from "./message.ts";
import type { OfMessage } from "./messages/types.ts";
import { Writer } from "./writer.ts";

const golden = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../testdata/openflow13/ryu-packet-data/${name}`, import.meta.url)));
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

/** A flow_mod whose second action fails after many non-zero bytes were written. */
const failing = {
  type: "flow_mod", xid: 0xffffffff, cookie: 0xffffffffffffffffn, cookieMask: 0xffffffffffffffffn, tableId: 0xff, command: 0xff,
  idleTimeout: 0xffff, hardTimeout: 0xffff, priority: 0xffff, bufferId: 0xffffffff, outPort: 0xffffffff, outGroup: 0xffffffff, flags: 0xffff,
  match: [{ field: "eth_dst", value: "ff:ff:ff:ff:ff:ff" }, { field: "ipv6_src", value: "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" }],
  instructions: [{ type: "apply_actions", actions: [{ type: "output", port: 0xffffffff, maxLen: 0xffff }, { type: "output", port: -1, maxLen: 0 }] }],
} as unknown as OfMessage;

describe("Writer", () => {
  it("earlier results are untouched by later encodes", () => {
    const bytes = golden("4-2-ofp_flow_mod.packet");
    const first = encodeMessage(decodeMessage(bytes));
    for (let i = 0; i < 2000; i++) encodeMessage(decodeMessage(golden("4-56-ofp_table_features_reply.packet")));
    expect(same(first, bytes)).toBe(true);
  });

  it("a failed encode leaves zeros for the padding of the next message", () => {
    for (const name of ["4-2-ofp_flow_mod.packet", "4-0-ofp_desc_reply.packet", "4-56-ofp_table_features_reply.packet"]) {
      const bytes = golden(name);
      expect(() => encodeMessage(failing)).toThrow(EncodeError);
      expect(same(encodeMessage(decodeMessage(bytes)), bytes)).toBe(true);
    }
  });

  it("a bad address, parsed in place, leaves no bytes behind either", () => {
    // The eth_dst value lands at bytes 56-61, inside the desc reply's zero padding.
    const badMac = { ...failing, match: [{ field: "eth_dst", value: "ff:ff:ff:ff:ff:fz" }], instructions: [] } as OfMessage;
    const bytes = golden("4-0-ofp_desc_reply.packet");
    expect(() => encodeMessage(badMac)).toThrow("match[0].value");
    expect(same(encodeMessage(decodeMessage(bytes)), bytes)).toBe(true);
  });

  it("a too-long fixed string fails without leaving bytes behind", () => {
    const w = new Writer(64);
    expect(() => w.fixedString("ü".repeat(20), 32, "name")).toThrow('"' + "ü".repeat(20) + '" is longer than 32 bytes');
    w.reset();
    w.zeros(40);
    expect(Array.from(w.finish())).toEqual(new Array<number>(40).fill(0));
  });

  it("grows a message past its slab, keeping what was written", () => {
    const w = new Writer(16);
    for (let i = 0; i < 100; i++) w.u32(i, "n");
    const out = w.finish();
    expect(out.length).toBe(400);
    expect(new DataView(out.buffer, out.byteOffset).getUint32(4 * 99)).toBe(99);
  });
});
