/** Bodies of OFPT_MULTIPART_REQUEST, by multipart type. */
import { MultipartType } from "../../constants.ts";
import { decodeMatch, encodeMatch } from "../oxm.ts";
import type { Reader } from "../reader.ts";
import type { Writer } from "../writer.ts";
import { decodeExperimenterMultipart, encodeExperimenterBody } from "../experimenter.ts";
import { decodeTableFeaturesList, encodeTableFeaturesList } from "./table-features.ts";
import type { FlowStatsRequestFields, MultipartRequestBody } from "./types.ts";

export const KIND_CODES: Record<string, number> = {
  desc: MultipartType.DESC,
  flow: MultipartType.FLOW,
  aggregate: MultipartType.AGGREGATE,
  table: MultipartType.TABLE,
  port_stats: MultipartType.PORT_STATS,
  queue: MultipartType.QUEUE,
  group: MultipartType.GROUP,
  group_desc: MultipartType.GROUP_DESC,
  group_features: MultipartType.GROUP_FEATURES,
  meter: MultipartType.METER,
  meter_config: MultipartType.METER_CONFIG,
  meter_features: MultipartType.METER_FEATURES,
  table_features: MultipartType.TABLE_FEATURES,
  port_desc: MultipartType.PORT_DESC,
  experimenter: MultipartType.EXPERIMENTER,
};

function decodeFlowRequest(r: Reader, kind: "flow" | "aggregate"): { kind: "flow" | "aggregate" } & FlowStatsRequestFields {
  const tableId = r.u8("table_id");
  r.pad(3);
  const outPort = r.u32("out_port");
  const outGroup = r.u32("out_group");
  r.pad(4);
  const cookie = r.u64("cookie");
  const cookieMask = r.u64("cookie_mask");
  return { kind, tableId, outPort, outGroup, cookie, cookieMask, match: decodeMatch(r) };
}

function encodeFlowRequest(w: Writer, m: FlowStatsRequestFields): void {
  w.u8(m.tableId, "tableId");
  w.zeros(3);
  w.u32(m.outPort, "outPort");
  w.u32(m.outGroup, "outGroup");
  w.zeros(4);
  w.u64(m.cookie, "cookie");
  w.u64(m.cookieMask, "cookieMask");
  encodeMatch(w, m.match);
}

function u32Pad4(r: Reader, name: string): number {
  const v = r.u32(name);
  r.pad(4);
  return v;
}

type EmptyKind = "desc" | "table" | "group_desc" | "group_features" | "meter_features" | "port_desc";

/** A request whose body must be empty; one with bytes is kept as `unknown`. */
function emptyIfNoBody(r: Reader, type: number, kind: EmptyKind): MultipartRequestBody {
  return r.remaining === 0 ? { kind } : { kind: "unknown", multipartType: type, body: r.rest("body") };
}

export function decodeMultipartRequestBody(r: Reader, type: number): MultipartRequestBody {
  switch (type) {
    case MultipartType.DESC:
      return emptyIfNoBody(r, type, "desc");
    case MultipartType.FLOW:
      return decodeFlowRequest(r, "flow");
    case MultipartType.AGGREGATE:
      return decodeFlowRequest(r, "aggregate");
    case MultipartType.TABLE:
      return emptyIfNoBody(r, type, "table");
    case MultipartType.PORT_STATS:
      return { kind: "port_stats", portNo: u32Pad4(r, "port_no") };
    case MultipartType.QUEUE:
      return { kind: "queue", portNo: r.u32("port_no"), queueId: r.u32("queue_id") };
    case MultipartType.GROUP:
      return { kind: "group", groupId: u32Pad4(r, "group_id") };
    case MultipartType.GROUP_DESC:
      return emptyIfNoBody(r, type, "group_desc");
    case MultipartType.GROUP_FEATURES:
      return emptyIfNoBody(r, type, "group_features");
    case MultipartType.METER:
      return { kind: "meter", meterId: u32Pad4(r, "meter_id") };
    case MultipartType.METER_CONFIG:
      return { kind: "meter_config", meterId: u32Pad4(r, "meter_id") };
    case MultipartType.METER_FEATURES:
      return emptyIfNoBody(r, type, "meter_features");
    case MultipartType.TABLE_FEATURES:
      return { kind: "table_features", tables: decodeTableFeaturesList(r) };
    case MultipartType.PORT_DESC:
      return emptyIfNoBody(r, type, "port_desc");
    case MultipartType.EXPERIMENTER:
      return decodeExperimenterMultipart(r);
    default:
      return { kind: "unknown", multipartType: type, body: r.rest("body") };
  }
}

export function encodeMultipartRequestBody(w: Writer, body: MultipartRequestBody): void {
  switch (body.kind) {
    case "flow":
    case "aggregate":
      return encodeFlowRequest(w, body);
    case "port_stats":
      w.u32(body.portNo, "portNo");
      return w.zeros(4);
    case "queue":
      w.u32(body.portNo, "portNo");
      return w.u32(body.queueId, "queueId");
    case "group":
      w.u32(body.groupId, "groupId");
      return w.zeros(4);
    case "meter":
    case "meter_config":
      w.u32(body.meterId, "meterId");
      return w.zeros(4);
    case "table_features":
      return encodeTableFeaturesList(w, body.tables);
    case "experimenter":
      return encodeExperimenterBody(w, body);
    case "unknown":
      return w.bytes(body.body, "body");
    default:
      return;
  }
}
