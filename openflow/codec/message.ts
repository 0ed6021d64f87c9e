/**
 * `decodeMessage` / `encodeMessage`: one OpenFlow 1.3 message ⇄ bytes. The header (version 0x04,
 * type, length, xid) is written last in effect: its length is patched after the body. Decoding
 * checks the version, that the length field matches the bytes given, and that every body byte is
 * accounted for — so decode → encode gives back the same bytes for every valid message.
 *
 * @example
 *   const bytes = encodeMessage({ type: "barrier_request", xid: 7 });
 *   decodeMessage(bytes); // { type: "barrier_request", xid: 7 }
 */
import { MessageType, OFP_HEADER_SIZE, OFP_VERSION } from "../constants.ts";
import { EncodeError } from "./errors.ts";
import { decodeFeaturesReply, decodeAsync, decodeHello, decodePortMod, decodePortStatus, decodeQueueGetConfigReply, decodeQueueGetConfigRequest, decodeRole, decodeSwitchConfig, decodeTableMod, encodeAsync, encodeFeaturesReply, encodeHello, encodePortMod, encodePortStatus, encodeQueueGetConfigReply, encodeQueueGetConfigRequest, encodeRole, encodeSwitchConfig, encodeTableMod } from "./messages/simple.ts";
import { decodeFlowMod, decodeFlowRemoved, decodeGroupMod, decodeMeterMod, decodePacketIn, decodePacketOut, encodeFlowMod, encodeFlowRemoved, encodeGroupMod, encodeMeterMod, encodePacketIn, encodePacketOut } from "./messages/flow.ts";
import type { MessageOf, OfMessage } from "./messages/types.ts";
import { decodeMultipartReplyBody, encodeMultipartReplyBody } from "./multipart/reply.ts";
import { decodeMultipartRequestBody, encodeMultipartRequestBody, KIND_CODES } from "./multipart/request.ts";
import { Reader } from "./reader.ts";
import { decodeExperimenterMessage, encodeExperimenterBody } from "./experimenter.ts";
import { Writer } from "./writer.ts";

/** Message type names by ofp_type code (a dense array). */
const NAMES: readonly (string | undefined)[] = Object.entries(MessageType).reduce<(string | undefined)[]>((names, [k, v]) => {
  names[v] = k.toLowerCase();
  return names;
}, []);

/** Reused by `decodeMessage` (decoding is synchronous, so one reader suffices; it keeps the last input until the next decode). */
const reader = new Reader(new Uint8Array(0));

/** Decodes exactly one message occupying all of `bytes`. Throws `DecodeError`. */
export function decodeMessage(bytes: Uint8Array): OfMessage {
  const r = reader.reset(bytes);
  const version = r.u8("header.version");
  if (version !== OFP_VERSION) r.failAt(0, `version 0x${version.toString(16).padStart(2, "0")} is not OpenFlow 1.3 (0x04)`, "header.version");
  const type = r.u8("header.type");
  const length = r.u16("header.length");
  if (length < OFP_HEADER_SIZE) r.failAt(2, `length ${length} is shorter than the 8-byte header`, "header.length");
  if (length !== bytes.length) r.failAt(2, `length field says ${length} bytes but the message has ${bytes.length}`, "header.length");
  const xid = r.u32("header.xid");
  const name = NAMES[type];
  if (name === undefined) r.failAt(1, `unknown message type ${type}`, "header.type");
  r.enter(name as string);
  const message = decodeBody(r, type, xid);
  if (r.remaining > 0) r.fail(`${r.remaining} unexpected byte(s) after the ${name} body`);
  r.leave();
  return message;
}

function decodeBody(r: Reader, type: number, xid: number): OfMessage {
  switch (type) {
    case MessageType.HELLO:
      return { type: "hello", xid, elements: decodeHello(r) };
    case MessageType.ERROR: {
      const errorType = r.u16("type");
      if (errorType === 0xffff) return { type: "error_experimenter", xid, expType: r.u16("exp_type"), experimenter: r.u32("experimenter"), data: r.rest("data") };
      return { type: "error", xid, errorType, code: r.u16("code"), data: r.rest("data") };
    }
    case MessageType.ECHO_REQUEST:
      return { type: "echo_request", xid, data: r.rest("data") };
    case MessageType.ECHO_REPLY:
      return { type: "echo_reply", xid, data: r.rest("data") };
    case MessageType.EXPERIMENTER:
      return decodeExperimenterMessage(r, xid);
    case MessageType.FEATURES_REQUEST:
      return { type: "features_request", xid };
    case MessageType.FEATURES_REPLY:
      return decodeFeaturesReply(r, xid);
    case MessageType.GET_CONFIG_REQUEST:
      return { type: "get_config_request", xid };
    case MessageType.GET_CONFIG_REPLY:
      return decodeSwitchConfig(r, xid, "get_config_reply");
    case MessageType.SET_CONFIG:
      return decodeSwitchConfig(r, xid, "set_config");
    case MessageType.PACKET_IN:
      return decodePacketIn(r, xid);
    case MessageType.FLOW_REMOVED:
      return decodeFlowRemoved(r, xid);
    case MessageType.PORT_STATUS:
      return decodePortStatus(r, xid);
    case MessageType.PACKET_OUT:
      return decodePacketOut(r, xid);
    case MessageType.FLOW_MOD:
      return decodeFlowMod(r, xid);
    case MessageType.GROUP_MOD:
      return decodeGroupMod(r, xid);
    case MessageType.PORT_MOD:
      return decodePortMod(r, xid);
    case MessageType.TABLE_MOD:
      return decodeTableMod(r, xid);
    case MessageType.MULTIPART_REQUEST:
    case MessageType.MULTIPART_REPLY: {
      const mpType = r.u16("multipart_type");
      const flags = r.u16("flags");
      r.pad(4);
      r.enter("body");
      const message: OfMessage =
        type === MessageType.MULTIPART_REQUEST
          ? { type: "multipart_request", xid, flags, body: decodeMultipartRequestBody(r, mpType) }
          : { type: "multipart_reply", xid, flags, body: decodeMultipartReplyBody(r, mpType) };
      r.leave();
      return message;
    }
    case MessageType.BARRIER_REQUEST:
      return { type: "barrier_request", xid };
    case MessageType.BARRIER_REPLY:
      return { type: "barrier_reply", xid };
    case MessageType.QUEUE_GET_CONFIG_REQUEST:
      return decodeQueueGetConfigRequest(r, xid);
    case MessageType.QUEUE_GET_CONFIG_REPLY:
      return decodeQueueGetConfigReply(r, xid);
    case MessageType.ROLE_REQUEST:
      return decodeRole(r, xid, "role_request");
    case MessageType.ROLE_REPLY:
      return decodeRole(r, xid, "role_reply");
    case MessageType.GET_ASYNC_REQUEST:
      return { type: "get_async_request", xid };
    case MessageType.GET_ASYNC_REPLY:
      return decodeAsync(r, xid, "get_async_reply");
    case MessageType.SET_ASYNC:
      return decodeAsync(r, xid, "set_async");
    case MessageType.METER_MOD:
      return decodeMeterMod(r, xid);
    default:
      return r.fail(`unknown message type ${type}`, "header.type");
  }
}

/** Message type name → ofp_type code (a Map: keyed lookups on a dictionary object are slower). */
const TYPE_CODES: ReadonlyMap<string, number> = new Map([
  ...Object.entries(MessageType).map(([k, v]): [string, number] => [k.toLowerCase(), v]),
  ["error_experimenter", MessageType.ERROR],
]);

/** Reused by `encodeMessage` (encoding is synchronous, so one scratch buffer suffices). */
const scratch = new Writer();

/**
 * Encodes a message (header included) into fresh bytes (a region of the writer's slab that is
 * never written again). Throws `EncodeError` for bad field values, naming the full field path.
 */
export function encodeMessage(message: OfMessage, writer = scratch.reset()): Uint8Array {
  const code = TYPE_CODES.get(message.type);
  if (code === undefined) throw new EncodeError("type", `unknown message type "${String(message.type)}"`);
  const w = writer;
  w.header(OFP_VERSION, code, message.xid);
  try {
    encodeBody(w, message, code);
  } catch (err) {
    // Encoders name fields relative to the record being written; the writer knows the path.
    throw err instanceof EncodeError ? w.prefixed(err) : err;
  }
  if (w.length > 0xffff) throw new EncodeError("length", `message of ${w.length} bytes exceeds the 65535-byte maximum`);
  w.u16At(2, w.length, "length");
  return w.finish();
}

/**
 * The body of `m`, whose ofp_type is `code`. Dispatching on the number (a jump table) is cheaper
 * than on the type name; each case narrows `m` to the type(s) with that code.
 */
function encodeBody(w: Writer, m: OfMessage, code: number): void {
  switch (code) {
    case MessageType.HELLO:
      return encodeHello(w, (m as MessageOf<"hello">).elements);
    case MessageType.ERROR:
      if (m.type === "error_experimenter") {
        w.u16(0xffff, "errorType");
        w.u16(m.expType, "expType");
        w.u32(m.experimenter, "experimenter");
        return w.bytes(m.data, "data");
      } else {
        const e = m as MessageOf<"error">;
        w.u16(e.errorType, "errorType");
        w.u16(e.code, "code");
        return w.bytes(e.data, "data");
      }
    case MessageType.ECHO_REQUEST:
    case MessageType.ECHO_REPLY:
      return w.bytes((m as MessageOf<"echo_request" | "echo_reply">).data, "data");
    case MessageType.EXPERIMENTER:
      return encodeExperimenterBody(w, m as MessageOf<"experimenter">);
    case MessageType.FEATURES_REPLY:
      return encodeFeaturesReply(w, m as MessageOf<"features_reply">);
    case MessageType.GET_CONFIG_REPLY:
    case MessageType.SET_CONFIG:
      return encodeSwitchConfig(w, m as MessageOf<"get_config_reply" | "set_config">);
    case MessageType.PACKET_IN:
      return encodePacketIn(w, m as MessageOf<"packet_in">);
    case MessageType.FLOW_REMOVED:
      return encodeFlowRemoved(w, m as MessageOf<"flow_removed">);
    case MessageType.PORT_STATUS:
      return encodePortStatus(w, m as MessageOf<"port_status">);
    case MessageType.PACKET_OUT:
      return encodePacketOut(w, m as MessageOf<"packet_out">);
    case MessageType.FLOW_MOD:
      return encodeFlowMod(w, m as MessageOf<"flow_mod">);
    case MessageType.GROUP_MOD:
      return encodeGroupMod(w, m as MessageOf<"group_mod">);
    case MessageType.PORT_MOD:
      return encodePortMod(w, m as MessageOf<"port_mod">);
    case MessageType.TABLE_MOD:
      return encodeTableMod(w, m as MessageOf<"table_mod">);
    case MessageType.MULTIPART_REQUEST:
    case MessageType.MULTIPART_REPLY: {
      const mp = m as MessageOf<"multipart_request" | "multipart_reply">;
      const kind = mp.body.kind;
      const mpType = kind === "unknown" ? mp.body.multipartType : KIND_CODES[kind];
      if (mpType === undefined) throw new EncodeError("body.kind", `unknown multipart kind "${String(kind)}"`);
      w.u16(mpType, "body.kind");
      w.u16(mp.flags, "flags");
      w.zeros(4);
      if (mp.type === "multipart_request") return encodeMultipartRequestBody(w, mp.body);
      return encodeMultipartReplyBody(w, mp.body);
    }
    case MessageType.QUEUE_GET_CONFIG_REQUEST:
      return encodeQueueGetConfigRequest(w, m as MessageOf<"queue_get_config_request">);
    case MessageType.QUEUE_GET_CONFIG_REPLY:
      return encodeQueueGetConfigReply(w, m as MessageOf<"queue_get_config_reply">);
    case MessageType.ROLE_REQUEST:
    case MessageType.ROLE_REPLY:
      return encodeRole(w, m as MessageOf<"role_request" | "role_reply">);
    case MessageType.GET_ASYNC_REPLY:
    case MessageType.SET_ASYNC:
      return encodeAsync(w, m as MessageOf<"get_async_reply" | "set_async">);
    case MessageType.METER_MOD:
      return encodeMeterMod(w, m as MessageOf<"meter_mod">);
    default:
      return; // header-only messages (requests, barriers)
  }
}
