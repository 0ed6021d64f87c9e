/**
 * Table-feature id lists: flat numbers, objects only for ids that carry more, exact round trips,
 * the old one-object-per-id JSON, and errors naming the id.
 */
import { describe, expect, it } from "vitest";
import { DecodeError } from "../errors.ts";
import { fromJson, toJson } from "../json.ts";
import { decodeMessage, encodeMessage } from "../message.ts";
import type { OfMessage } from "../messages/types.ts";
import type { TableFeatureProperty } from "./types.ts";

const IN_PORT = 0x80000004;
const EXPERIMENTER_OXM = 0xffff0008;

function request(properties: TableFeatureProperty[]): OfMessage {
  return {
    type: "multipart_request", xid: 1, flags: 0,
    body: { kind: "table_features", tables: [{ tableId: 0, name: "t", metadataMatch: 0n, metadataWrite: 0n, config: 0, maxEntries: 16, properties }] },
  };
}

const properties: TableFeatureProperty[] = [
  { type: "instructions", ids: [1, 4, { type: 0xffff, data: Uint8Array.from([0, 0, 0x23, 0x20]) }, 6] },
  { type: "next_tables", tableIds: [1, 2, 3] },
  { type: "match", oxmIds: [IN_PORT, { header: EXPERIMENTER_OXM, experimenter: 0x4f4e4600 }, 0x80000606] },
];

describe("table-feature id lists", () => {
  it("decode to numbers, with objects only for ids that carry more, and encode back exactly", () => {
    const bytes = encodeMessage(request(properties));
    const decoded = decodeMessage(bytes);
    const [instructions, , match] = properties;
    expect(decoded).toEqual(request([instructions!, { type: "next_tables", tableIds: Uint8Array.from([1, 2, 3]) }, match!]));
    expect(Buffer.from(encodeMessage(decoded)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("encoders take the object form for any id; the JSON keeps one object per id", () => {
    const objects = request([{ type: "instructions", ids: [{ type: 1 }, { type: 4 }] }, { type: "match", oxmIds: [{ header: IN_PORT }] }]);
    const flat = request([{ type: "instructions", ids: [1, 4] }, { type: "match", oxmIds: [IN_PORT] }]);
    expect(Buffer.from(encodeMessage(objects)).equals(Buffer.from(encodeMessage(flat)))).toBe(true);
    const json = toJson(decodeMessage(encodeMessage(flat)), 0);
    expect(json).toContain('"ids":[{"type":1},{"type":4}]');
    expect(json).toContain(`"oxmIds":[{"header":${IN_PORT}}]`);
    expect(Buffer.from(encodeMessage(fromJson(json) as OfMessage)).equals(Buffer.from(encodeMessage(flat)))).toBe(true);
  });

  it("id lists without experimenter parts decode to typed arrays and render as the JSON's numbers and objects", () => {
    const plain = request([{ type: "apply_actions", ids: [0, 25] }, { type: "next_tables", tableIds: [1, 2, 254] }, { type: "match", oxmIds: [IN_PORT, 0x80000606] }]);
    const decoded = decodeMessage(encodeMessage(plain));
    expect(decoded).toEqual(
      request([
        { type: "apply_actions", ids: Uint16Array.from([0, 25]) },
        { type: "next_tables", tableIds: Uint8Array.from([1, 2, 254]) },
        { type: "match", oxmIds: Uint32Array.from([IN_PORT, 0x80000606]) },
      ]),
    );
    const json = toJson(decoded, 0);
    expect(json).toContain('"ids":[{"type":0},{"type":25}]');
    expect(json).toContain('"tableIds":[1,2,254]');
    expect(json).toContain(`"oxmIds":[{"header":${IN_PORT}},{"header":${0x80000606}}]`);
    expect(Buffer.from(encodeMessage(fromJson(json) as OfMessage)).equals(Buffer.from(encodeMessage(plain)))).toBe(true);
  });

  it("a bad id is an EncodeError naming it", () => {
    expect(() => encodeMessage(request([{ type: "match", oxmIds: [IN_PORT, -1] }]))).toThrow("cannot encode tables[0].properties[0].oxmIds[1]: expected an integer from 0 to 4294967295, found -1");
    expect(() => encodeMessage(request([{ type: "instructions", ids: [1, 0x10000] }]))).toThrow("tables[0].properties[0].ids[1]: expected an integer from 0 to 65535");
    expect(() => encodeMessage(request([{ type: "next_tables", tableIds: [1, 256] }]))).toThrow("tables[0].properties[0].tableIds[1]: expected an integer from 0 to 255");
  });

  it("an experimenter OXM id cut off before its experimenter id is a DecodeError at that word", () => {
    const bytes = encodeMessage(request([{ type: "match", oxmIds: [IN_PORT, EXPERIMENTER_OXM] }]));
    // The property is the last thing in the message: its length field is at 8 + 8 + 64 + 2.
    const length = (bytes[82] as number) * 256 + (bytes[83] as number);
    expect(length).toBe(12);
    let err: unknown;
    try {
      decodeMessage(bytes);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DecodeError);
    if (!(err instanceof DecodeError)) return;
    expect([err.field, err.offset]).toEqual(["multipart_request.body.tables[0].properties[0].oxm_ids.experimenter", 92]);
  });
});
