/**
 * The experimenter body shared by OFPT_EXPERIMENTER and experimenter multipart requests/replies:
 * experimenter id (u32), experimenter-defined type (u32), then opaque data. Decoders build the
 * whole tagged object at once (no spread into the message).
 */
import type { MessageOf } from "./messages/types.ts";
import type { Reader } from "./reader.ts";
import type { BytesInput, Writer } from "./writer.ts";

export interface ExperimenterBody {
  experimenter: number;
  expType: number;
  data: BytesInput;
}

export function decodeExperimenterMessage(r: Reader, xid: number): MessageOf<"experimenter"> {
  const experimenter = r.u32("experimenter");
  return { type: "experimenter", xid, experimenter, expType: r.u32("exp_type"), data: r.rest("data") };
}

/** The body of an experimenter multipart request or reply. */
export function decodeExperimenterMultipart(r: Reader): { kind: "experimenter"; experimenter: number; expType: number; data: Uint8Array } {
  const experimenter = r.u32("experimenter");
  return { kind: "experimenter", experimenter, expType: r.u32("exp_type"), data: r.rest("data") };
}

export function encodeExperimenterBody(w: Writer, body: ExperimenterBody): void {
  w.u32(body.experimenter, "experimenter");
  w.u32(body.expType, "expType");
  w.bytes(body.data, "data");
}
