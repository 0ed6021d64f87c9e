/**
 * Records of multipart replies (spec §7.3.5): flow, table, port, queue, group and meter
 * statistics, group descriptions and meter configurations. One decode/encode pair per record;
 * the caller enters the record's path (`stats[i]`) and loops.
 */
import { decodeInstructions, encodeInstructions } from "../instructions.ts";
import { decodeMatch, encodeMatch } from "../oxm.ts";
import type { Reader } from "../reader.ts";
import { decodeBands, decodeBuckets, encodeBands, encodeBuckets } from "../messages/structs.ts";
import type { Writer } from "../writer.ts";
import type { FlowStats, GroupDesc, GroupStats, MeterConfig, MeterStats, PortStats, QueueStats, TableStats } from "./types.ts";

export function decodeFlowStats(r: Reader): FlowStats {
  const length = r.u16("length");
  if (length < 56) r.failAt(r.offset - 2, `flow stats length ${length} is shorter than 56`, "length");
  const outer = r.narrow(length - 2, "body");
  const tableId = r.u8("table_id");
  r.pad(1);
  const durationSec = r.u32("duration_sec");
  const durationNsec = r.u32("duration_nsec");
  const priority = r.u16("priority");
  const idleTimeout = r.u16("idle_timeout");
  const hardTimeout = r.u16("hard_timeout");
  const flags = r.u16("flags");
  r.pad(4);
  const cookie = r.u64("cookie");
  const packetCount = r.u64("packet_count");
  const byteCount = r.u64("byte_count");
  const match = decodeMatch(r);
  const instructions = decodeInstructions(r, r.remaining);
  r.close(outer);
  return { tableId, durationSec, durationNsec, priority, idleTimeout, hardTimeout, flags, cookie, packetCount, byteCount, match, instructions };
}

export function encodeFlowStats(w: Writer, s: FlowStats): void {
  const start = w.length;
  w.u16(0, "length");
  w.u8(s.tableId, "tableId");
  w.zeros(1);
  w.u32(s.durationSec, "durationSec");
  w.u32(s.durationNsec, "durationNsec");
  w.u16(s.priority, "priority");
  w.u16(s.idleTimeout, "idleTimeout");
  w.u16(s.hardTimeout, "hardTimeout");
  w.u16(s.flags, "flags");
  w.zeros(4);
  w.u64(s.cookie, "cookie");
  w.u64(s.packetCount, "packetCount");
  w.u64(s.byteCount, "byteCount");
  encodeMatch(w, s.match);
  encodeInstructions(w, s.instructions);
  w.u16At(start, w.length - start, "length");
}

export function decodeTableStats(r: Reader): TableStats {
  const tableId = r.u8("table_id");
  r.pad(3);
  const activeCount = r.u32("active_count");
  const lookupCount = r.u64("lookup_count");
  return { tableId, activeCount, lookupCount, matchedCount: r.u64("matched_count") };
}

export function encodeTableStats(w: Writer, s: TableStats): void {
  w.u8(s.tableId, "tableId");
  w.zeros(3);
  w.u32(s.activeCount, "activeCount");
  w.u64(s.lookupCount, "lookupCount");
  w.u64(s.matchedCount, "matchedCount");
}

export function decodePortStats(r: Reader): PortStats {
  const portNo = r.u32("port_no");
  r.pad(4);
  return {
    portNo,
    rxPackets: r.u64("rxPackets"),
    txPackets: r.u64("txPackets"),
    rxBytes: r.u64("rxBytes"),
    txBytes: r.u64("txBytes"),
    rxDropped: r.u64("rxDropped"),
    txDropped: r.u64("txDropped"),
    rxErrors: r.u64("rxErrors"),
    txErrors: r.u64("txErrors"),
    rxFrameErr: r.u64("rxFrameErr"),
    rxOverErr: r.u64("rxOverErr"),
    rxCrcErr: r.u64("rxCrcErr"),
    collisions: r.u64("collisions"),
    durationSec: r.u32("duration_sec"),
    durationNsec: r.u32("duration_nsec"),
  };
}

export function encodePortStats(w: Writer, s: PortStats): void {
  w.u32(s.portNo, "portNo");
  w.zeros(4);
  w.u64(s.rxPackets, "rxPackets");
  w.u64(s.txPackets, "txPackets");
  w.u64(s.rxBytes, "rxBytes");
  w.u64(s.txBytes, "txBytes");
  w.u64(s.rxDropped, "rxDropped");
  w.u64(s.txDropped, "txDropped");
  w.u64(s.rxErrors, "rxErrors");
  w.u64(s.txErrors, "txErrors");
  w.u64(s.rxFrameErr, "rxFrameErr");
  w.u64(s.rxOverErr, "rxOverErr");
  w.u64(s.rxCrcErr, "rxCrcErr");
  w.u64(s.collisions, "collisions");
  w.u32(s.durationSec, "durationSec");
  w.u32(s.durationNsec, "durationNsec");
}

export function decodeQueueStats(r: Reader): QueueStats {
  return {
    portNo: r.u32("port_no"),
    queueId: r.u32("queue_id"),
    txBytes: r.u64("tx_bytes"),
    txPackets: r.u64("tx_packets"),
    txErrors: r.u64("tx_errors"),
    durationSec: r.u32("duration_sec"),
    durationNsec: r.u32("duration_nsec"),
  };
}

export function encodeQueueStats(w: Writer, s: QueueStats): void {
  w.u32(s.portNo, "portNo");
  w.u32(s.queueId, "queueId");
  w.u64(s.txBytes, "txBytes");
  w.u64(s.txPackets, "txPackets");
  w.u64(s.txErrors, "txErrors");
  w.u32(s.durationSec, "durationSec");
  w.u32(s.durationNsec, "durationNsec");
}

export function decodeGroupStats(r: Reader): GroupStats {
  const length = r.u16("length");
  if (length < 40) r.failAt(r.offset - 2, `group stats length ${length} is shorter than 40`, "length");
  const outer = r.narrow(length - 2, "body");
  r.pad(2);
  const groupId = r.u32("group_id");
  const refCount = r.u32("ref_count");
  r.pad(4);
  const packetCount = r.u64("packet_count");
  const byteCount = r.u64("byte_count");
  const durationSec = r.u32("duration_sec");
  const durationNsec = r.u32("duration_nsec");
  const bucketStats: GroupStats["bucketStats"] = [];
  while (r.remaining > 0) {
    r.enter("bucket_stats", bucketStats.length);
    const bucketPackets = r.u64("packet_count");
    bucketStats.push({ packetCount: bucketPackets, byteCount: r.u64("byte_count") });
    r.leave();
  }
  r.close(outer);
  return { groupId, refCount, packetCount, byteCount, durationSec, durationNsec, bucketStats };
}

export function encodeGroupStats(w: Writer, s: GroupStats): void {
  const start = w.length;
  w.u16(0, "length");
  w.zeros(2);
  w.u32(s.groupId, "groupId");
  w.u32(s.refCount, "refCount");
  w.zeros(4);
  w.u64(s.packetCount, "packetCount");
  w.u64(s.byteCount, "byteCount");
  w.u32(s.durationSec, "durationSec");
  w.u32(s.durationNsec, "durationNsec");
  for (let j = 0; j < s.bucketStats.length; j++) {
    const b = s.bucketStats[j] as GroupStats["bucketStats"][number];
    w.enter("bucketStats", j);
    w.u64(b.packetCount, "packetCount");
    w.u64(b.byteCount, "byteCount");
    w.leave();
  }
  w.u16At(start, w.length - start, "length");
}

export function decodeGroupDesc(r: Reader): GroupDesc {
  const length = r.u16("length");
  if (length < 8) r.failAt(r.offset - 2, `group desc length ${length} is shorter than 8`, "length");
  const groupType = r.u8("type");
  r.pad(1);
  const groupId = r.u32("group_id");
  return { groupType, groupId, buckets: decodeBuckets(r, length - 8) };
}

export function encodeGroupDesc(w: Writer, g: GroupDesc): void {
  const start = w.length;
  w.u16(0, "length");
  w.u8(g.groupType, "groupType");
  w.zeros(1);
  w.u32(g.groupId, "groupId");
  encodeBuckets(w, g.buckets);
  w.u16At(start, w.length - start, "length");
}

export function decodeMeterStats(r: Reader): MeterStats {
  const meterId = r.u32("meter_id");
  const len = r.u16("len");
  if (len < 40) r.failAt(r.offset - 2, `meter stats length ${len} is shorter than 40`, "len");
  r.pad(6);
  const outer = r.narrow(len - 12, "body");
  const flowCount = r.u32("flow_count");
  const packetInCount = r.u64("packet_in_count");
  const byteInCount = r.u64("byte_in_count");
  const durationSec = r.u32("duration_sec");
  const durationNsec = r.u32("duration_nsec");
  const bandStats: MeterStats["bandStats"] = [];
  while (r.remaining > 0) {
    r.enter("band_stats", bandStats.length);
    const packetBandCount = r.u64("packet_band_count");
    bandStats.push({ packetBandCount, byteBandCount: r.u64("byte_band_count") });
    r.leave();
  }
  r.close(outer);
  return { meterId, flowCount, packetInCount, byteInCount, durationSec, durationNsec, bandStats };
}

export function encodeMeterStats(w: Writer, s: MeterStats): void {
  const start = w.length;
  w.u32(s.meterId, "meterId");
  w.u16(0, "len");
  w.zeros(6);
  w.u32(s.flowCount, "flowCount");
  w.u64(s.packetInCount, "packetInCount");
  w.u64(s.byteInCount, "byteInCount");
  w.u32(s.durationSec, "durationSec");
  w.u32(s.durationNsec, "durationNsec");
  for (let j = 0; j < s.bandStats.length; j++) {
    const b = s.bandStats[j] as MeterStats["bandStats"][number];
    w.enter("bandStats", j);
    w.u64(b.packetBandCount, "packetBandCount");
    w.u64(b.byteBandCount, "byteBandCount");
    w.leave();
  }
  w.u16At(start + 4, w.length - start, "len");
}

export function decodeMeterConfig(r: Reader): MeterConfig {
  const length = r.u16("length");
  if (length < 8) r.failAt(r.offset - 2, `meter config length ${length} is shorter than 8`, "length");
  const flags = r.u16("flags");
  const meterId = r.u32("meter_id");
  return { flags, meterId, bands: decodeBands(r, length - 8) };
}

export function encodeMeterConfig(w: Writer, c: MeterConfig): void {
  const start = w.length;
  w.u16(0, "length");
  w.u16(c.flags, "flags");
  w.u32(c.meterId, "meterId");
  encodeBands(w, c.bands);
  w.u16At(start, w.length - start, "length");
}
