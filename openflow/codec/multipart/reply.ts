/** Bodies of OFPT_MULTIPART_REPLY, by multipart type. */
import { MultipartType } from "../../constants.ts";
import type { Reader } from "../reader.ts";
import { decodePort, encodePort } from "../messages/structs.ts";
import type { Writer } from "../writer.ts";
import { decodeExperimenterMultipart, encodeExperimenterBody } from "../experimenter.ts";
import { decodeTableFeaturesList, encodeTableFeaturesList } from "./table-features.ts";
import {
  decodeFlowStats, decodeGroupDesc, decodeGroupStats, decodeMeterConfig, decodeMeterStats, decodePortStats, decodeQueueStats, decodeTableStats,
  encodeFlowStats, encodeGroupDesc, encodeGroupStats, encodeMeterConfig, encodeMeterStats, encodePortStats, encodeQueueStats, encodeTableStats,
} from "./stats.ts";
import type { MultipartReplyBody } from "./types.ts";

/** Decodes consecutive records until the range is used up; errors name `name[i]`. */
function decodeList<T>(r: Reader, name: string, decode: (r: Reader) => T): T[] {
  const out: T[] = [];
  while (r.remaining > 0) {
    r.enter(name, out.length);
    out.push(decode(r));
    r.leave();
  }
  return out;
}

/** Encodes records one after another; errors name `name[i].member`. */
function encodeList<T>(w: Writer, name: string, items: readonly T[], encode: (w: Writer, item: T) => void): void {
  for (let i = 0; i < items.length; i++) {
    w.enter(name, i);
    encode(w, items[i] as T);
    w.leave();
  }
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
      return { kind: "flow", stats: decodeList(r, "stats", decodeFlowStats) };
    case MultipartType.AGGREGATE: {
      const packetCount = r.u64("packet_count");
      const byteCount = r.u64("byte_count");
      const flowCount = r.u32("flow_count");
      r.pad(4);
      return { kind: "aggregate", packetCount, byteCount, flowCount };
    }
    case MultipartType.TABLE:
      return { kind: "table", stats: decodeList(r, "stats", decodeTableStats) };
    case MultipartType.PORT_STATS:
      return { kind: "port_stats", stats: decodeList(r, "stats", decodePortStats) };
    case MultipartType.QUEUE:
      return { kind: "queue", stats: decodeList(r, "stats", decodeQueueStats) };
    case MultipartType.GROUP:
      return { kind: "group", stats: decodeList(r, "stats", decodeGroupStats) };
    case MultipartType.GROUP_DESC:
      return { kind: "group_desc", groups: decodeList(r, "groups", decodeGroupDesc) };
    case MultipartType.GROUP_FEATURES: {
      const types = r.u32("types");
      const capabilities = r.u32("capabilities");
      const maxGroups = [r.u32("max_groups[0]"), r.u32("max_groups[1]"), r.u32("max_groups[2]"), r.u32("max_groups[3]")];
      const actions = [r.u32("actions[0]"), r.u32("actions[1]"), r.u32("actions[2]"), r.u32("actions[3]")];
      return { kind: "group_features", types, capabilities, maxGroups, actions };
    }
    case MultipartType.METER:
      return { kind: "meter", stats: decodeList(r, "stats", decodeMeterStats) };
    case MultipartType.METER_CONFIG:
      return { kind: "meter_config", configs: decodeList(r, "configs", decodeMeterConfig) };
    case MultipartType.METER_FEATURES: {
      const maxMeter = r.u32("max_meter");
      const bandTypes = r.u32("band_types");
      const capabilities = r.u32("capabilities");
      const maxBands = r.u8("max_bands");
      const maxColor = r.u8("max_color");
      r.pad(2);
      return { kind: "meter_features", maxMeter, bandTypes, capabilities, maxBands, maxColor };
    }
    case MultipartType.TABLE_FEATURES:
      return { kind: "table_features", tables: decodeTableFeaturesList(r) };
    case MultipartType.PORT_DESC:
      return { kind: "port_desc", ports: decodeList(r, "ports", decodePort) };
    case MultipartType.EXPERIMENTER:
      return decodeExperimenterMultipart(r);
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
      return encodeList(w, "stats", body.stats, encodeFlowStats);
    case "aggregate":
      w.u64(body.packetCount, "packetCount");
      w.u64(body.byteCount, "byteCount");
      w.u32(body.flowCount, "flowCount");
      return w.zeros(4);
    case "table":
      return encodeList(w, "stats", body.stats, encodeTableStats);
    case "port_stats":
      return encodeList(w, "stats", body.stats, encodePortStats);
    case "queue":
      return encodeList(w, "stats", body.stats, encodeQueueStats);
    case "group":
      return encodeList(w, "stats", body.stats, encodeGroupStats);
    case "group_desc":
      return encodeList(w, "groups", body.groups, encodeGroupDesc);
    case "group_features":
      w.u32(body.types, "types");
      w.u32(body.capabilities, "capabilities");
      for (let i = 0; i < 4; i++) {
        w.enter("maxGroups", i);
        w.u32(body.maxGroups[i] ?? 0, "");
        w.leave();
      }
      for (let i = 0; i < 4; i++) {
        w.enter("actions", i);
        w.u32(body.actions[i] ?? 0, "");
        w.leave();
      }
      return;
    case "meter":
      return encodeList(w, "stats", body.stats, encodeMeterStats);
    case "meter_config":
      return encodeList(w, "configs", body.configs, encodeMeterConfig);
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
      return encodeList(w, "ports", body.ports, encodePort);
    case "experimenter":
      return encodeExperimenterBody(w, body);
    case "unknown":
      return w.bytes(body.body, "body");
  }
}
