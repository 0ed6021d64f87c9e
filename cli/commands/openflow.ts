/**
 * `gnf openflow decode [HEX]` and `gnf openflow encode`: like `ovs-ofctl ofp-print`, for people
 * debugging their switches. decode prints messages as JSON (an array when several are given);
 * encode reads that JSON on stdin and prints hex. decode → encode gives back the same bytes.
 */
import type { Command } from "commander";
import { UserError } from "../../base/errors.ts";
import { readStdin } from "../stdin.ts";
import { DecodeError, EncodeError, bytesToHex, decodeMessage, encodeMessage, hexToBytes, splitMessages, toJson, type OfMessage } from "../../openflow/index.ts";

export function registerOpenflow(program: Command): void {
  const openflow = program.command("openflow").description("OpenFlow 1.3 tools: decode and encode messages");
  openflow
    .command("decode")
    .description("decode OpenFlow 1.3 messages given as hex (argument or stdin; whitespace and 0x allowed) to JSON")
    .argument("[hex...]", "message bytes as hex; read from stdin when absent")
    .action(async (hexParts: string[]) => {
      const text = hexParts.length > 0 ? hexParts.join("") : await readStdin();
      process.stdout.write(`${decodeHexToJson(text)}\n`);
    });
  openflow
    .command("encode")
    .description("encode message JSON (as printed by decode) from stdin to hex")
    .action(async () => {
      process.stdout.write(`${encodeJsonToHex(await readStdin())}\n`);
    });
}

/** Hex text → JSON text (one object, or an array for several messages). Throws UserError. */
export function decodeHexToJson(text: string): string {
  let bytes: Uint8Array;
  try {
    bytes = hexToBytes(text.trim(), "input");
  } catch (err) {
    throw new UserError(`openflow decode: the input is not hex: ${(err as Error).message.replace(/^cannot encode input: /, "")}`);
  }
  if (bytes.length === 0) throw new UserError("openflow decode: no bytes given (pass hex as an argument or on stdin)");
  try {
    const messages = splitMessages(bytes);
    let offset = 0;
    const decoded = messages.map((m) => {
      try {
        return decodeMessage(m);
      } catch (err) {
        if (err instanceof DecodeError) throw new DecodeError(offset + err.offset, err.field, err.reason);
        throw err;
      } finally {
        offset += m.length;
      }
    });
    return toJson(decoded.length === 1 ? (decoded[0] as OfMessage) : decoded);
  } catch (err) {
    if (err instanceof DecodeError) {
      throw new UserError(`openflow decode: decoding failed at byte offset ${err.offset} in field ${err.field}: ${err.reason}`);
    }
    throw err;
  }
}

/** JSON text → hex text (concatenated messages for an array). Throws UserError. */
export function encodeJsonToHex(text: string): string {
  if (text.trim() === "") throw new UserError("openflow encode: no input on stdin (expected message JSON, as `gnf openflow decode` prints it)");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UserError(`openflow encode: the input is not JSON: ${(err as Error).message}`);
  }
  if (Array.isArray(value) && value.length === 0) {
    throw new UserError("openflow encode: the input is an empty list, so there is nothing to encode (expected a message object, or a list of at least one)");
  }
  const messages = Array.isArray(value) ? value : [value];
  return messages
    .map((m, i) => {
      const where = Array.isArray(value) ? `[${i}]` : "";
      if (m === null || typeof m !== "object") throw new UserError(`openflow encode: ${where || "input"}: expected a message object`);
      try {
        return bytesToHex(encodeMessage(m as OfMessage));
      } catch (err) {
        if (err instanceof EncodeError) throw new UserError(`openflow encode: ${where ? `${where}.` : ""}${err.field}: ${err.reason}`);
        if (err instanceof TypeError) throw new UserError(`openflow encode: ${where || "message"}: missing or malformed field (${err.message})`);
        throw err;
      }
    })
    .join("");
}
