/**
 * DecodeError / EncodeError name the exact byte offset and field path of the failure.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DecodeError, EncodeError } from "./errors.ts";
import { decodeMessage, encodeMessage } from "./message.ts";
import type { OfMessage } from "./messages/types.ts";

const golden = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../testdata/openflow13/ryu-packet-data/${name}`, import.meta.url)));

/** The golden message with byte `at` replaced by `value`. */
function corrupt(name: string, at: number, value: number): Uint8Array {
  const bytes = golden(name).slice();
  bytes[at] = value;
  return bytes;
}

function decodeError(bytes: Uint8Array): DecodeError {
  try {
    decodeMessage(bytes);
  } catch (err) {
    if (err instanceof DecodeError) return err;
    throw err;
  }
  throw new Error("decoded without error");
}

describe("DecodeError names the offset and field path", () => {
  it("a set-field OXM whose length runs past its action", () => {
    const err = decodeError(corrupt("4-2-ofp_flow_mod.packet", 79, 0x7f));
    expect([err.field, err.offset, err.reason]).toEqual(["flow_mod.instructions[0].actions[0].field.oxm[0].body", 80, "needs 127 byte(s), only 8 left"]);
    expect(err.message).toBe("cannot decode flow_mod.instructions[0].actions[0].field.oxm[0].body at byte offset 80: needs 127 byte(s), only 8 left");
  });

  it("length fields are blamed at their own offset", () => {
    const match = decodeError(corrupt("4-2-ofp_flow_mod.packet", 51, 2));
    expect([match.field, match.offset]).toEqual(["flow_mod.match.length", 50]);
    const instruction = decodeError(corrupt("4-2-ofp_flow_mod.packet", 67, 4));
    expect([instruction.field, instruction.offset, instruction.reason]).toEqual(["flow_mod.instructions[0].len", 66, "instruction length 4 is not a multiple of 8 of at least 8"]);
  });

  it("nested multipart records carry every index on the path", () => {
    const err = decodeError(corrupt("4-56-ofp_table_features_reply.packet", 91, 0xff));
    expect([err.field, err.offset]).toEqual(["multipart_reply.body.tables[0].properties[0].ids[1].data", 92]);
  });

  it("header checks", () => {
    expect(decodeError(Uint8Array.from([1, 0, 0, 8, 0, 0, 0, 0])).message).toBe("cannot decode header.version at byte offset 0: version 0x01 is not OpenFlow 1.3 (0x04)");
    expect(decodeError(Uint8Array.from([4, 99, 0, 8, 0, 0, 0, 0])).message).toBe("cannot decode header.type at byte offset 1: unknown message type 99");
    expect(decodeError(Uint8Array.from([4, 20, 0, 9, 0, 0, 0, 0, 0])).message).toBe("cannot decode barrier_request at byte offset 8: 1 unexpected byte(s) after the barrier_request body");
  });
});

const flowMod = (instructions: unknown, match: unknown = []): OfMessage =>
  ({
    type: "flow_mod", xid: 1, cookie: 0n, cookieMask: 0n, tableId: 0, command: 0, idleTimeout: 0, hardTimeout: 0, priority: 1,
    bufferId: 0xffffffff, outPort: 0xffffffff, outGroup: 0xffffffff, flags: 0, match, instructions,
  }) as OfMessage;

function encodeError(message: OfMessage): EncodeError {
  try {
    encodeMessage(message);
  } catch (err) {
    if (err instanceof EncodeError) return err;
    throw err;
  }
  throw new Error("encoded without error");
}

describe("EncodeError names the JSON key path", () => {
  it("inside instructions and actions", () => {
    const err = encodeError(flowMod([{ type: "apply_actions", actions: [{ type: "pop_vlan" }, { type: "output", port: 2 ** 32, maxLen: 0 }] }]));
    expect(err.message).toBe("cannot encode instructions[0].actions[1].port: expected an integer from 0 to 4294967295, found 4294967296");
  });

  it("inside a set_field action and a match", () => {
    expect(encodeError(flowMod([{ type: "write_actions", actions: [{ type: "set_field", field: { field: "ipv4_dst", value: "10.0.0" } }] }])).message).toBe(
      'cannot encode instructions[0].actions[0].field.value: expected an IPv4 address like "10.0.0.1", found "10.0.0"',
    );
    expect(encodeError(flowMod([], [{ field: "eth_type", value: 0x800 }, { field: "eth_type", value: 1, mask: 1 }])).field).toBe("match[1].mask");
    expect(encodeError(flowMod([], [{ field: "ipv5_dst", value: 1 }])).message).toBe('cannot encode match[0].field: unknown OXM field "ipv5_dst"');
    expect(encodeError(flowMod([], [null])).message).toBe("cannot encode match[0]: expected an OXM object");
  });

  it("unknown tags", () => {
    expect(encodeError(flowMod([{ type: "goto" }])).message).toBe('cannot encode instructions[0].type: unknown instruction type "goto"');
    expect(encodeError({ type: "multipart_request", xid: 1, flags: 0, body: { kind: "flows" } } as unknown as OfMessage).message).toBe('cannot encode body.kind: unknown multipart kind "flows"');
  });
});
