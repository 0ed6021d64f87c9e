/**
 * The JSON form of messages (for `gnf openflow decode|encode` and logs): bigint fields become
 * decimal strings and byte fields lowercase hex strings. `fromJson` needs no schema: encoders
 * accept strings for 64-bit fields and hex strings for bytes, so `encodeMessage(fromJson(toJson(m)))`
 * gives the bytes `m` came from.
 */
import type { OfMessage } from "./messages/types.ts";
import { bytesToHex } from "./writer.ts";

export function toJson(message: OfMessage | OfMessage[], indent = 2): string {
  return JSON.stringify(message, (_key, value: unknown) => {
    if (typeof value === "bigint") return value.toString();
    if (value instanceof Uint8Array) return bytesToHex(value);
    return value;
  }, indent);
}

/** Parses JSON text into message objects (validation happens when encoding). */
export function fromJson(text: string): OfMessage | OfMessage[] {
  return JSON.parse(text) as OfMessage | OfMessage[];
}
