/**
 * The JSON form of messages (for `gnf openflow decode|encode` and logs): bigint fields become
 * decimal strings, byte fields lowercase hex strings (but next-table ids a list of numbers), and
 * table-feature instruction/action/OXM ids (flat in memory) one object per id, `{ "type": 1 }` /
 * `{ "header": 2147483652 }`. `fromJson` needs no schema: encoders accept strings for 64-bit fields, hex strings for bytes and objects for ids, so
 * `encodeMessage(fromJson(toJson(m)))` gives the bytes `m` came from.
 */
import type { OfMessage } from "./messages/types.ts";
import { bytesToHex } from "./writer.ts";

export function toJson(message: OfMessage | OfMessage[], indent = 2): string {
  return JSON.stringify(message, (key, value: unknown) => {
    if (typeof value === "bigint") return value.toString();
    if (key === "tableIds" && value instanceof Uint8Array) return Array.from(value);
    if (value instanceof Uint8Array) return bytesToHex(value);
    // Table-feature id lists are flat in memory (typed arrays, or numbers with objects for ids
    // that carry more); the JSON keeps one object per id.
    if (key === "ids" && (Array.isArray(value) || value instanceof Uint16Array)) return Array.from(value as ArrayLike<unknown>, (id) => (typeof id === "number" ? { type: id } : id));
    if (key === "oxmIds" && (Array.isArray(value) || value instanceof Uint32Array)) return Array.from(value as ArrayLike<unknown>, (id) => (typeof id === "number" ? { header: id } : id));
    return value;
  }, indent);
}

/** Parses JSON text into message objects (validation happens when encoding). */
export function fromJson(text: string): OfMessage | OfMessage[] {
  return JSON.parse(text) as OfMessage | OfMessage[];
}
