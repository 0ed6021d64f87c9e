/**
 * The OFPT_ERROR we send back for a message that does not decode (spec §7.4.4): type BAD_REQUEST,
 * the code from where decoding failed, the xid of the offending message and its first 64 bytes.
 */
import { ErrorType } from "../constants.ts";
import type { DecodeError, OfMessage } from "../codec/index.ts";

/** OFPBRC_* codes used here. */
export const BadRequestCode = { BAD_VERSION: 0, BAD_TYPE: 1, BAD_LEN: 6 } as const;

/** Bytes of the offending message echoed in the error (spec: at least 64). */
export const ERROR_DATA_BYTES = 64;

export function badRequestFor(frame: Uint8Array, error: DecodeError): OfMessage {
  const xid = frame.length >= 8 ? new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(4) : 0;
  const code = error.field === "header.version" ? BadRequestCode.BAD_VERSION : error.field === "header.type" ? BadRequestCode.BAD_TYPE : BadRequestCode.BAD_LEN;
  return { type: "error", xid, errorType: ErrorType["BAD_REQUEST"] as number, code, data: frame.slice(0, ERROR_DATA_BYTES) };
}
