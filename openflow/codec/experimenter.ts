/**
 * The experimenter body shared by OFPT_EXPERIMENTER and experimenter multipart requests/replies:
 * experimenter id (u32), experimenter-defined type (u32), then opaque data.
 */
import type { Reader } from "./reader.ts";
import { toBytes, type BytesInput, type Writer } from "./writer.ts";

export interface ExperimenterBody {
  experimenter: number;
  expType: number;
  data: BytesInput;
}

export function decodeExperimenterBody(r: Reader): { experimenter: number; expType: number; data: Uint8Array } {
  return { experimenter: r.u32("experimenter"), expType: r.u32("exp_type"), data: r.rest("data") };
}

export function encodeExperimenterBody(w: Writer, body: ExperimenterBody): void {
  w.u32(body.experimenter, "experimenter");
  w.u32(body.expType, "expType");
  w.bytes(toBytes(body.data, "data"), "data");
}
