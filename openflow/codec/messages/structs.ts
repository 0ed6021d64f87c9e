/**
 * Structures shared by several messages: `ofp_port` (64 bytes), group buckets, meter bands and
 * queue properties.
 */
import { decodeActions, encodeActions } from "../actions.ts";
import { formatMac, parseMac } from "../addresses.ts";
import type { Reader } from "../reader.ts";
import { toBytes, type Writer } from "../writer.ts";
import type { Bucket, MeterBand, PacketQueue, Port, QueueProperty } from "./types.ts";

export const OFP_PORT_SIZE = 64;

export function decodePort(r: Reader): Port {
  r.enter("port");
  const portNo = r.u32("port_no");
  r.pad(4);
  const hwAddr = formatMac(r.bytesView(6, "hw_addr"));
  r.pad(2);
  const port: Port = {
    portNo,
    hwAddr,
    name: r.fixedString(16, "name"),
    config: r.u32("config"),
    state: r.u32("state"),
    curr: r.u32("curr"),
    advertised: r.u32("advertised"),
    supported: r.u32("supported"),
    peer: r.u32("peer"),
    currSpeed: r.u32("curr_speed"),
    maxSpeed: r.u32("max_speed"),
  };
  r.leave();
  return port;
}

export function encodePort(w: Writer, p: Port, field = "port"): void {
  w.u32(p.portNo, `${field}.portNo`);
  w.zeros(4);
  w.bytes(parseMac(p.hwAddr, `${field}.hwAddr`), `${field}.hwAddr`);
  w.zeros(2);
  w.fixedString(p.name, 16, `${field}.name`);
  w.u32(p.config, `${field}.config`);
  w.u32(p.state, `${field}.state`);
  w.u32(p.curr, `${field}.curr`);
  w.u32(p.advertised, `${field}.advertised`);
  w.u32(p.supported, `${field}.supported`);
  w.u32(p.peer, `${field}.peer`);
  w.u32(p.currSpeed, `${field}.currSpeed`);
  w.u32(p.maxSpeed, `${field}.maxSpeed`);
}

export function decodeBuckets(r: Reader, length: number): Bucket[] {
  const b = r.sub(length, "buckets");
  const buckets: Bucket[] = [];
  while (b.remaining > 0) {
    const i = buckets.length;
    b.enter("buckets", i);
    const len = b.u16("len");
    if (len < 16) b.failAt(b.offset - 2, `bucket length ${len} is shorter than its 16-byte header`, "len");
    const weight = b.u16("weight");
    const watchPort = b.u32("watch_port");
    const watchGroup = b.u32("watch_group");
    b.pad(4);
    const actions = decodeActions(b, len - 16);
    b.leave();
    buckets.push({ weight, watchPort, watchGroup, actions });
  }
  return buckets;
}

export function encodeBuckets(w: Writer, buckets: readonly Bucket[], field = "buckets"): void {
  buckets.forEach((bucket, i) => {
    const f = `${field}[${i}]`;
    const start = w.length;
    w.u16(0, `${f}.len`);
    w.u16(bucket.weight, `${f}.weight`);
    w.u32(bucket.watchPort, `${f}.watchPort`);
    w.u32(bucket.watchGroup, `${f}.watchGroup`);
    w.zeros(4);
    encodeActions(w, bucket.actions, `${f}.actions`);
    w.u16At(start, w.length - start, `${f}.len`);
  });
}

const BAND_DROP = 1;
const BAND_DSCP_REMARK = 2;
const BAND_EXPERIMENTER = 0xffff;

export function decodeBands(r: Reader, length: number): MeterBand[] {
  const b = r.sub(length, "bands");
  const bands: MeterBand[] = [];
  while (b.remaining > 0) {
    const i = bands.length;
    b.enter("bands", i);
    const type = b.u16("type");
    const len = b.u16("len");
    if (len < 12 || len % 8 !== 0) b.failAt(b.offset - 2, `meter band length ${len} is not a multiple of 8 of at least 16`, "len");
    const rate = b.u32("rate");
    const burstSize = b.u32("burst_size");
    const body = b.sub(len - 12, "body");
    if (type === BAND_DROP && len === 16) bands.push({ type: "drop", rate, burstSize });
    else if (type === BAND_DSCP_REMARK && len === 16) bands.push({ type: "dscp_remark", rate, burstSize, precLevel: body.u8("prec_level") });
    else if (type === BAND_EXPERIMENTER && len >= 16) bands.push({ type: "experimenter", rate, burstSize, experimenter: body.u32("experimenter"), data: body.rest("data") });
    else bands.push({ type: "unknown", bandType: type, rate, burstSize, body: body.whole() });
    b.leave();
  }
  return bands;
}

export function encodeBands(w: Writer, bands: readonly MeterBand[], field = "bands"): void {
  bands.forEach((band, i) => {
    const f = `${field}[${i}]`;
    const start = w.length;
    const code = band.type === "drop" ? BAND_DROP : band.type === "dscp_remark" ? BAND_DSCP_REMARK : band.type === "experimenter" ? BAND_EXPERIMENTER : band.bandType;
    w.u16(code, `${f}.type`);
    w.u16(0, `${f}.len`);
    w.u32(band.rate, `${f}.rate`);
    w.u32(band.burstSize, `${f}.burstSize`);
    if (band.type === "drop") w.zeros(4);
    else if (band.type === "dscp_remark") {
      w.u8(band.precLevel, `${f}.precLevel`);
      w.zeros(3);
    } else if (band.type === "experimenter") {
      w.u32(band.experimenter, `${f}.experimenter`);
      w.bytes(toBytes(band.data, `${f}.data`), `${f}.data`);
    } else w.bytes(toBytes(band.body, `${f}.body`), `${f}.body`);
    w.u16At(start + 2, w.length - start, `${f}.len`);
  });
}

const QUEUE_MIN_RATE = 1;
const QUEUE_MAX_RATE = 2;
const QUEUE_EXPERIMENTER = 0xffff;

export function decodeQueues(r: Reader): PacketQueue[] {
  const queues: PacketQueue[] = [];
  while (r.remaining > 0) {
    const i = queues.length;
    r.enter("queues", i);
    const queueId = r.u32("queue_id");
    const port = r.u32("port");
    const len = r.u16("len");
    if (len < 16) r.failAt(r.offset - 2, `queue length ${len} is shorter than its 16-byte header`, "len");
    r.pad(6);
    const props = r.sub(len - 16, "properties");
    const properties: QueueProperty[] = [];
    while (props.remaining > 0) {
      props.enter("properties", properties.length);
      const property = props.u16("property");
      const plen = props.u16("len");
      if (plen < 8) props.failAt(props.offset - 2, `queue property length ${plen} is shorter than 8`, "len");
      props.pad(4);
      const body = props.sub(plen - 8, "body");
      if ((property === QUEUE_MIN_RATE || property === QUEUE_MAX_RATE) && plen === 16) {
        properties.push({ type: property === QUEUE_MIN_RATE ? "min_rate" : "max_rate", rate: body.u16("rate") });
      } else if (property === QUEUE_EXPERIMENTER && plen >= 16) {
        const experimenter = body.u32("experimenter");
        body.pad(4);
        properties.push({ type: "experimenter", experimenter, data: body.rest("data") });
      } else properties.push({ type: "unknown", property, body: body.whole() });
      props.leave();
    }
    r.leave();
    queues.push({ queueId, port, properties });
  }
  return queues;
}

export function encodeQueues(w: Writer, queues: readonly PacketQueue[], field = "queues"): void {
  queues.forEach((q, i) => {
    const f = `${field}[${i}]`;
    const start = w.length;
    w.u32(q.queueId, `${f}.queueId`);
    w.u32(q.port, `${f}.port`);
    w.u16(0, `${f}.len`);
    w.zeros(6);
    q.properties.forEach((p, j) => {
      const pf = `${f}.properties[${j}]`;
      const ps = w.length;
      const code = p.type === "min_rate" ? QUEUE_MIN_RATE : p.type === "max_rate" ? QUEUE_MAX_RATE : p.type === "experimenter" ? QUEUE_EXPERIMENTER : p.property;
      w.u16(code, `${pf}.property`);
      w.u16(0, `${pf}.len`);
      w.zeros(4);
      if (p.type === "min_rate" || p.type === "max_rate") {
        w.u16(p.rate, `${pf}.rate`);
        w.zeros(6);
      } else if (p.type === "experimenter") {
        w.u32(p.experimenter, `${pf}.experimenter`);
        w.zeros(4);
        w.bytes(toBytes(p.data, `${pf}.data`), `${pf}.data`);
      } else w.bytes(toBytes(p.body, `${pf}.body`), `${pf}.body`);
      w.u16At(ps + 2, w.length - ps, `${pf}.len`);
    });
    w.u16At(start + 8, w.length - start, `${f}.len`);
  });
}
