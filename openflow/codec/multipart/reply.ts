/** Bodies of OFPT_MULTIPART_REPLY, by multipart type. */
import { MultipartType } from "../../constants.ts";
import { decodeInstructions, encodeInstructions } from "../instructions.ts";
import { decodeMatch, encodeMatch } from "../oxm.ts";
import type { Reader } from "../reader.ts";
import { decodeBands, decodeBuckets, decodePort, encodeBands, encodeBuckets, encodePort } from "../messages/structs.ts";
import { toBytes, type Writer } from "../writer.ts";
import { decodeExperimenterBody, encodeExperimenterBody } from "../experimenter.ts";
import { decodeTableFeaturesList, encodeTableFeaturesList } from "./table-features.ts";
import type { FlowStats, GroupDesc, GroupStats, MeterConfig, MeterStats, MultipartReplyBody, PortStats, QueueStats, TableStats } from "./types.ts";

/** Decodes consecutive records until the range is used up. */
function list<T>(r: Reader, name: string, decode: (r: Reader) => T): T[] {
  const out: T[] = [];
  while (r.remaining > 0) {
    r.enter(name, out.length);
    out.push(decode(r));
    r.leave();
  }
  return out;
}

function decodeFlowStats(r: Reader): FlowStats {
  const length = r.u16("length");
  if (length < 56) r.failAt(r.offset - 2, `flow stats length ${length} is shorter than 56`, "length");
  const b = r.sub(length - 2, "body");
  const tableId = b.u8("table_id");
  b.pad(1);
  const durationSec = b.u32("duration_sec");
  const durationNsec = b.u32("duration_nsec");
  const priority = b.u16("priority");
  const idleTimeout = b.u16("idle_timeout");
  const hardTimeout = b.u16("hard_timeout");
  const flags = b.u16("flags");
  b.pad(4);
  const cookie = b.u64("cookie");
  const packetCount = b.u64("packet_count");
  const byteCount = b.u64("byte_count");
  const match = decodeMatch(b);
  const instructions = decodeInstructions(b, b.remaining);
  return { tableId, durationSec, durationNsec, priority, idleTimeout, hardTimeout, flags, cookie, packetCount, byteCount, match, instructions };
}

function encodeFlowStats(w: Writer, s: FlowStats, f: string): void {
  const start = w.length;
  w.u16(0, `${f}.length`);
  w.u8(s.tableId, `${f}.tableId`);
  w.zeros(1);
  w.u32(s.durationSec, `${f}.durationSec`);
  w.u32(s.durationNsec, `${f}.durationNsec`);
  w.u16(s.priority, `${f}.priority`);
  w.u16(s.idleTimeout, `${f}.idleTimeout`);
  w.u16(s.hardTimeout, `${f}.hardTimeout`);
  w.u16(s.flags, `${f}.flags`);
  w.zeros(4);
  w.u64(s.cookie, `${f}.cookie`);
  w.u64(s.packetCount, `${f}.packetCount`);
  w.u64(s.byteCount, `${f}.byteCount`);
  encodeMatch(w, s.match, `${f}.match`);
  encodeInstructions(w, s.instructions, `${f}.instructions`);
  w.u16At(start, w.length - start, `${f}.length`);
}

function decodeTableStats(r: Reader): TableStats {
  const tableId = r.u8("table_id");
  r.pad(3);
  return { tableId, activeCount: r.u32("active_count"), lookupCount: r.u64("lookup_count"), matchedCount: r.u64("matched_count") };
}

const PORT_COUNTERS = ["rxPackets", "txPackets", "rxBytes", "txBytes", "rxDropped", "txDropped", "rxErrors", "txErrors", "rxFrameErr", "rxOverErr", "rxCrcErr", "collisions"] as const;

function decodePortStats(r: Reader): PortStats {
  const portNo = r.u32("port_no");
  r.pad(4);
  const counters = {} as Record<(typeof PORT_COUNTERS)[number], bigint>;
  for (const name of PORT_COUNTERS) counters[name] = r.u64(name);
  return { portNo, ...counters, durationSec: r.u32("duration_sec"), durationNsec: r.u32("duration_nsec") };
}

function encodePortStats(w: Writer, s: PortStats, f: string): void {
  w.u32(s.portNo, `${f}.portNo`);
  w.zeros(4);
  for (const name of PORT_COUNTERS) w.u64(s[name], `${f}.${name}`);
  w.u32(s.durationSec, `${f}.durationSec`);
  w.u32(s.durationNsec, `${f}.durationNsec`);
}

function decodeQueueStats(r: Reader): QueueStats {
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

function decodeGroupStats(r: Reader): GroupStats {
  const length = r.u16("length");
  if (length < 40) r.failAt(r.offset - 2, `group stats length ${length} is shorter than 40`, "length");
  const b = r.sub(length - 2, "body");
  b.pad(2);
  const groupId = b.u32("group_id");
  const refCount = b.u32("ref_count");
  b.pad(4);
  const packetCount = b.u64("packet_count");
  const byteCount = b.u64("byte_count");
  const durationSec = b.u32("duration_sec");
  const durationNsec = b.u32("duration_nsec");
  const bucketStats = list(b, "bucket_stats", (x) => ({ packetCount: x.u64("packet_count"), byteCount: x.u64("byte_count") }));
  return { groupId, refCount, packetCount, byteCount, durationSec, durationNsec, bucketStats };
}

function decodeGroupDesc(r: Reader): GroupDesc {
  const length = r.u16("length");
  if (length < 8) r.failAt(r.offset - 2, `group desc length ${length} is shorter than 8`, "length");
  const groupType = r.u8("type");
  r.pad(1);
  const groupId = r.u32("group_id");
  return { groupType, groupId, buckets: decodeBuckets(r, length - 8) };
}

function decodeMeterStats(r: Reader): MeterStats {
  const meterId = r.u32("meter_id");
  const len = r.u16("len");
  if (len < 40) r.failAt(r.offset - 2, `meter stats length ${len} is shorter than 40`, "len");
  r.pad(6);
  const b = r.sub(len - 12, "body");
  const flowCount = b.u32("flow_count");
  const packetInCount = b.u64("packet_in_count");
  const byteInCount = b.u64("byte_in_count");
  const durationSec = b.u32("duration_sec");
  const durationNsec = b.u32("duration_nsec");
  const bandStats = list(b, "band_stats", (x) => ({ packetBandCount: x.u64("packet_band_count"), byteBandCount: x.u64("byte_band_count") }));
  return { meterId, flowCount, packetInCount, byteInCount, durationSec, durationNsec, bandStats };
}

function decodeMeterConfig(r: Reader): MeterConfig {
  const length = r.u16("length");
  if (length < 8) r.failAt(r.offset - 2, `meter config length ${length} is shorter than 8`, "length");
  const flags = r.u16("flags");
  const meterId = r.u32("meter_id");
  return { flags, meterId, bands: decodeBands(r, length - 8) };
}

export function decodeMultipartReplyBody(r: Reader, type: number): MultipartReplyBody {
  switch (type) {
    case MultipartType.DESC:
      return {
        kind: "desc",
        mfrDesc: r.fixedString(256, "mfr_desc"),
        hwDesc: r.fixedString(256, "hw_desc"),
        swDesc: r.fixedString(256, "sw_desc"),
        serialNum: r.fixedString(32, "serial_num"),
        dpDesc: r.fixedString(256, "dp_desc"),
      };
    case MultipartType.FLOW:
      return { kind: "flow", stats: list(r, "stats", decodeFlowStats) };
    case MultipartType.AGGREGATE: {
      const packetCount = r.u64("packet_count");
      const byteCount = r.u64("byte_count");
      const flowCount = r.u32("flow_count");
      r.pad(4);
      return { kind: "aggregate", packetCount, byteCount, flowCount };
    }
    case MultipartType.TABLE:
      return { kind: "table", stats: list(r, "stats", decodeTableStats) };
    case MultipartType.PORT_STATS:
      return { kind: "port_stats", stats: list(r, "stats", decodePortStats) };
    case MultipartType.QUEUE:
      return { kind: "queue", stats: list(r, "stats", decodeQueueStats) };
    case MultipartType.GROUP:
      return { kind: "group", stats: list(r, "stats", decodeGroupStats) };
    case MultipartType.GROUP_DESC:
      return { kind: "group_desc", groups: list(r, "groups", decodeGroupDesc) };
    case MultipartType.GROUP_FEATURES: {
      const types = r.u32("types");
      const capabilities = r.u32("capabilities");
      const maxGroups = [0, 1, 2, 3].map((i) => r.u32(`max_groups[${i}]`));
      const actions = [0, 1, 2, 3].map((i) => r.u32(`actions[${i}]`));
      return { kind: "group_features", types, capabilities, maxGroups, actions };
    }
    case MultipartType.METER:
      return { kind: "meter", stats: list(r, "stats", decodeMeterStats) };
    case MultipartType.METER_CONFIG:
      return { kind: "meter_config", configs: list(r, "configs", decodeMeterConfig) };
    case MultipartType.METER_FEATURES: {
      const body = { maxMeter: r.u32("max_meter"), bandTypes: r.u32("band_types"), capabilities: r.u32("capabilities"), maxBands: r.u8("max_bands"), maxColor: r.u8("max_color") };
      r.pad(2);
      return { kind: "meter_features", ...body };
    }
    case MultipartType.TABLE_FEATURES:
      return { kind: "table_features", tables: decodeTableFeaturesList(r) };
    case MultipartType.PORT_DESC:
      return { kind: "port_desc", ports: list(r, "ports", decodePort) };
    case MultipartType.EXPERIMENTER:
      return { kind: "experimenter", ...decodeExperimenterBody(r) };
    default:
      return { kind: "unknown", multipartType: type, body: r.rest("body") };
  }
}

export function encodeMultipartReplyBody(w: Writer, body: MultipartReplyBody): void {
  switch (body.kind) {
    case "desc":
      w.fixedString(body.mfrDesc, 256, "mfrDesc");
      w.fixedString(body.hwDesc, 256, "hwDesc");
      w.fixedString(body.swDesc, 256, "swDesc");
      w.fixedString(body.serialNum, 32, "serialNum");
      return w.fixedString(body.dpDesc, 256, "dpDesc");
    case "flow":
      return body.stats.forEach((s, i) => encodeFlowStats(w, s, `stats[${i}]`));
    case "aggregate":
      w.u64(body.packetCount, "packetCount");
      w.u64(body.byteCount, "byteCount");
      w.u32(body.flowCount, "flowCount");
      return w.zeros(4);
    case "table":
      return body.stats.forEach((s, i) => {
        w.u8(s.tableId, `stats[${i}].tableId`);
        w.zeros(3);
        w.u32(s.activeCount, `stats[${i}].activeCount`);
        w.u64(s.lookupCount, `stats[${i}].lookupCount`);
        w.u64(s.matchedCount, `stats[${i}].matchedCount`);
      });
    case "port_stats":
      return body.stats.forEach((s, i) => encodePortStats(w, s, `stats[${i}]`));
    case "queue":
      return body.stats.forEach((s, i) => {
        const f = `stats[${i}]`;
        w.u32(s.portNo, `${f}.portNo`);
        w.u32(s.queueId, `${f}.queueId`);
        w.u64(s.txBytes, `${f}.txBytes`);
        w.u64(s.txPackets, `${f}.txPackets`);
        w.u64(s.txErrors, `${f}.txErrors`);
        w.u32(s.durationSec, `${f}.durationSec`);
        w.u32(s.durationNsec, `${f}.durationNsec`);
      });
    case "group":
      return body.stats.forEach((s, i) => {
        const f = `stats[${i}]`;
        const start = w.length;
        w.u16(0, `${f}.length`);
        w.zeros(2);
        w.u32(s.groupId, `${f}.groupId`);
        w.u32(s.refCount, `${f}.refCount`);
        w.zeros(4);
        w.u64(s.packetCount, `${f}.packetCount`);
        w.u64(s.byteCount, `${f}.byteCount`);
        w.u32(s.durationSec, `${f}.durationSec`);
        w.u32(s.durationNsec, `${f}.durationNsec`);
        s.bucketStats.forEach((b, j) => {
          w.u64(b.packetCount, `${f}.bucketStats[${j}].packetCount`);
          w.u64(b.byteCount, `${f}.bucketStats[${j}].byteCount`);
        });
        w.u16At(start, w.length - start, `${f}.length`);
      });
    case "group_desc":
      return body.groups.forEach((g, i) => {
        const f = `groups[${i}]`;
        const start = w.length;
        w.u16(0, `${f}.length`);
        w.u8(g.groupType, `${f}.groupType`);
        w.zeros(1);
        w.u32(g.groupId, `${f}.groupId`);
        encodeBuckets(w, g.buckets, `${f}.buckets`);
        w.u16At(start, w.length - start, `${f}.length`);
      });
    case "group_features":
      w.u32(body.types, "types");
      w.u32(body.capabilities, "capabilities");
      for (let i = 0; i < 4; i++) w.u32(body.maxGroups[i] ?? 0, `maxGroups[${i}]`);
      for (let i = 0; i < 4; i++) w.u32(body.actions[i] ?? 0, `actions[${i}]`);
      return;
    case "meter":
      return body.stats.forEach((s, i) => {
        const f = `stats[${i}]`;
        const start = w.length;
        w.u32(s.meterId, `${f}.meterId`);
        w.u16(0, `${f}.len`);
        w.zeros(6);
        w.u32(s.flowCount, `${f}.flowCount`);
        w.u64(s.packetInCount, `${f}.packetInCount`);
        w.u64(s.byteInCount, `${f}.byteInCount`);
        w.u32(s.durationSec, `${f}.durationSec`);
        w.u32(s.durationNsec, `${f}.durationNsec`);
        s.bandStats.forEach((b, j) => {
          w.u64(b.packetBandCount, `${f}.bandStats[${j}].packetBandCount`);
          w.u64(b.byteBandCount, `${f}.bandStats[${j}].byteBandCount`);
        });
        w.u16At(start + 4, w.length - start, `${f}.len`);
      });
    case "meter_config":
      return body.configs.forEach((c, i) => {
        const f = `configs[${i}]`;
        const start = w.length;
        w.u16(0, `${f}.length`);
        w.u16(c.flags, `${f}.flags`);
        w.u32(c.meterId, `${f}.meterId`);
        encodeBands(w, c.bands, `${f}.bands`);
        w.u16At(start, w.length - start, `${f}.length`);
      });
    case "meter_features":
      w.u32(body.maxMeter, "maxMeter");
      w.u32(body.bandTypes, "bandTypes");
      w.u32(body.capabilities, "capabilities");
      w.u8(body.maxBands, "maxBands");
      w.u8(body.maxColor, "maxColor");
      return w.zeros(2);
    case "table_features":
      return encodeTableFeaturesList(w, body.tables);
    case "port_desc":
      return body.ports.forEach((p, i) => encodePort(w, p, `ports[${i}]`));
    case "experimenter":
      return encodeExperimenterBody(w, body);
    case "unknown":
      return w.bytes(toBytes(body.body, "body"), "body");
  }
}
