/** FLOW_MOD, FLOW_REMOVED, PACKET_IN, PACKET_OUT, GROUP_MOD and METER_MOD bodies. */
import { decodeActions, encodeActions } from "../actions.ts";
import { decodeInstructions, encodeInstructions } from "../instructions.ts";
import { decodeMatch, encodeMatch } from "../oxm.ts";
import type { Reader } from "../reader.ts";
import type { Writer } from "../writer.ts";
import { decodeBands, decodeBuckets, encodeBands, encodeBuckets } from "./structs.ts";
import type { MessageOf } from "./types.ts";

export function decodeFlowMod(r: Reader, xid: number): MessageOf<"flow_mod"> {
  const cookie = r.u64("cookie");
  const cookieMask = r.u64("cookie_mask");
  const tableId = r.u8("table_id");
  const command = r.u8("command");
  const idleTimeout = r.u16("idle_timeout");
  const hardTimeout = r.u16("hard_timeout");
  const priority = r.u16("priority");
  const bufferId = r.u32("buffer_id");
  const outPort = r.u32("out_port");
  const outGroup = r.u32("out_group");
  const flags = r.u16("flags");
  r.pad(2);
  const match = decodeMatch(r);
  const instructions = decodeInstructions(r, r.remaining);
  return { type: "flow_mod", xid, cookie, cookieMask, tableId, command, idleTimeout, hardTimeout, priority, bufferId, outPort, outGroup, flags, match, instructions };
}

export function encodeFlowMod(w: Writer, m: MessageOf<"flow_mod">): void {
  w.u64(m.cookie, "cookie");
  w.u64(m.cookieMask, "cookieMask");
  w.u8(m.tableId, "tableId");
  w.u8(m.command, "command");
  w.u16(m.idleTimeout, "idleTimeout");
  w.u16(m.hardTimeout, "hardTimeout");
  w.u16(m.priority, "priority");
  w.u32(m.bufferId, "bufferId");
  w.u32(m.outPort, "outPort");
  w.u32(m.outGroup, "outGroup");
  w.u16(m.flags, "flags");
  w.zeros(2);
  encodeMatch(w, m.match);
  encodeInstructions(w, m.instructions);
}

export function decodeFlowRemoved(r: Reader, xid: number): MessageOf<"flow_removed"> {
  return {
    type: "flow_removed",
    xid,
    cookie: r.u64("cookie"),
    priority: r.u16("priority"),
    reason: r.u8("reason"),
    tableId: r.u8("table_id"),
    durationSec: r.u32("duration_sec"),
    durationNsec: r.u32("duration_nsec"),
    idleTimeout: r.u16("idle_timeout"),
    hardTimeout: r.u16("hard_timeout"),
    packetCount: r.u64("packet_count"),
    byteCount: r.u64("byte_count"),
    match: decodeMatch(r),
  };
}

export function encodeFlowRemoved(w: Writer, m: MessageOf<"flow_removed">): void {
  w.u64(m.cookie, "cookie");
  w.u16(m.priority, "priority");
  w.u8(m.reason, "reason");
  w.u8(m.tableId, "tableId");
  w.u32(m.durationSec, "durationSec");
  w.u32(m.durationNsec, "durationNsec");
  w.u16(m.idleTimeout, "idleTimeout");
  w.u16(m.hardTimeout, "hardTimeout");
  w.u64(m.packetCount, "packetCount");
  w.u64(m.byteCount, "byteCount");
  encodeMatch(w, m.match);
}

export function decodePacketIn(r: Reader, xid: number): MessageOf<"packet_in"> {
  const bufferId = r.u32("buffer_id");
  const totalLen = r.u16("total_len");
  const reason = r.u8("reason");
  const tableId = r.u8("table_id");
  const cookie = r.u64("cookie");
  const match = decodeMatch(r);
  r.pad(2);
  return { type: "packet_in", xid, bufferId, totalLen, reason, tableId, cookie, match, data: r.rest("data") };
}

export function encodePacketIn(w: Writer, m: MessageOf<"packet_in">): void {
  w.u32(m.bufferId, "bufferId");
  w.u16(m.totalLen, "totalLen");
  w.u8(m.reason, "reason");
  w.u8(m.tableId, "tableId");
  w.u64(m.cookie, "cookie");
  encodeMatch(w, m.match);
  w.zeros(2);
  w.bytes(m.data, "data");
}

export function decodePacketOut(r: Reader, xid: number): MessageOf<"packet_out"> {
  const bufferId = r.u32("buffer_id");
  const inPort = r.u32("in_port");
  const actionsLen = r.u16("actions_len");
  r.pad(6);
  const actions = decodeActions(r, actionsLen);
  return { type: "packet_out", xid, bufferId, inPort, actions, data: r.rest("data") };
}

export function encodePacketOut(w: Writer, m: MessageOf<"packet_out">): void {
  w.u32(m.bufferId, "bufferId");
  w.u32(m.inPort, "inPort");
  const lenAt = w.length;
  w.u16(0, "actionsLen");
  w.zeros(6);
  const start = w.length;
  encodeActions(w, m.actions);
  w.u16At(lenAt, w.length - start, "actionsLen");
  w.bytes(m.data, "data");
}

export function decodeGroupMod(r: Reader, xid: number): MessageOf<"group_mod"> {
  const command = r.u16("command");
  const groupType = r.u8("type");
  r.pad(1);
  const groupId = r.u32("group_id");
  return { type: "group_mod", xid, command, groupType, groupId, buckets: decodeBuckets(r, r.remaining) };
}

export function encodeGroupMod(w: Writer, m: MessageOf<"group_mod">): void {
  w.u16(m.command, "command");
  w.u8(m.groupType, "groupType");
  w.zeros(1);
  w.u32(m.groupId, "groupId");
  encodeBuckets(w, m.buckets);
}

export function decodeMeterMod(r: Reader, xid: number): MessageOf<"meter_mod"> {
  const command = r.u16("command");
  const flags = r.u16("flags");
  const meterId = r.u32("meter_id");
  return { type: "meter_mod", xid, command, flags, meterId, bands: decodeBands(r, r.remaining) };
}

export function encodeMeterMod(w: Writer, m: MessageOf<"meter_mod">): void {
  w.u16(m.command, "command");
  w.u16(m.flags, "flags");
  w.u32(m.meterId, "meterId");
  encodeBands(w, m.bands);
}
