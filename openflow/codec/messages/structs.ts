/**
 * Structures shared by several messages: `ofp_port` (64 bytes), group buckets, meter bands and
 * queue properties.
 */
import { decodeActions, encodeActions } from "../actions.ts";
import type { Reader } from "../reader.ts";
import type { Writer } from "../writer.ts";
import type { Bucket, MeterBand, PacketQueue, Port, QueueProperty } from "./types.ts";

export const OFP_PORT_SIZE = 64;

export function decodePort(r: Reader): Port {
  r.enter("port");
  const portNo = r.u32("port_no");
  r.pad(4);
  const hwAddr = r.mac("hw_addr");
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

/** Encodes an `ofp_port`; the caller enters its path (`port`, `ports[i]`). */
export function encodePort(w: Writer, p: Port): void {
  w.u32(p.portNo, "portNo");
  w.zeros(4);
  w.mac(p.hwAddr, "hwAddr");
  w.zeros(2);
  w.fixedString(p.name, 16, "name");
  w.u32(p.config, "config");
  w.u32(p.state, "state");
  w.u32(p.curr, "curr");
  w.u32(p.advertised, "advertised");
  w.u32(p.supported, "supported");
  w.u32(p.peer, "peer");
  w.u32(p.currSpeed, "currSpeed");
  w.u32(p.maxSpeed, "maxSpeed");
}

export function decodeBuckets(r: Reader, length: number): Bucket[] {
  const outer = r.narrow(length, "buckets");
  const buckets: Bucket[] = [];
  while (r.remaining > 0) {
    r.enter("buckets", buckets.length);
    const len = r.u16("len");
    if (len < 16) r.failAt(r.offset - 2, `bucket length ${len} is shorter than its 16-byte header`, "len");
    const weight = r.u16("weight");
    const watchPort = r.u32("watch_port");
    const watchGroup = r.u32("watch_group");
    r.pad(4);
    const actions = decodeActions(r, len - 16);
    r.leave();
    buckets.push({ weight, watchPort, watchGroup, actions });
  }
  r.close(outer);
  return buckets;
}

export function encodeBuckets(w: Writer, buckets: readonly Bucket[], field = "buckets"): void {
  for (let i = 0; i < buckets.length; i++) {
    const bucket = buckets[i] as Bucket;
    w.enter(field, i);
    const start = w.length;
    w.u16(0, "len");
    w.u16(bucket.weight, "weight");
    w.u32(bucket.watchPort, "watchPort");
    w.u32(bucket.watchGroup, "watchGroup");
    w.zeros(4);
    encodeActions(w, bucket.actions);
    w.u16At(start, w.length - start, "len");
    w.leave();
  }
}

const BAND_DROP = 1;
const BAND_DSCP_REMARK = 2;
const BAND_EXPERIMENTER = 0xffff;

export function decodeBands(r: Reader, length: number): MeterBand[] {
  const outer = r.narrow(length, "bands");
  const bands: MeterBand[] = [];
  while (r.remaining > 0) {
    r.enter("bands", bands.length);
    const type = r.u16("type");
    const len = r.u16("len");
    if (len < 12 || len % 8 !== 0) r.failAt(r.offset - 2, `meter band length ${len} is not a multiple of 8 of at least 16`, "len");
    const rate = r.u32("rate");
    const burstSize = r.u32("burst_size");
    const bodyStart = r.offset;
    const bandOuter = r.narrow(len - 12, "body");
    if (type === BAND_DROP && len === 16) bands.push({ type: "drop", rate, burstSize });
    else if (type === BAND_DSCP_REMARK && len === 16) bands.push({ type: "dscp_remark", rate, burstSize, precLevel: r.u8("prec_level") });
    else if (type === BAND_EXPERIMENTER && len >= 16) bands.push({ type: "experimenter", rate, burstSize, experimenter: r.u32("experimenter"), data: r.rest("data") });
    else bands.push({ type: "unknown", bandType: type, rate, burstSize, body: r.viewFrom(bodyStart) });
    r.close(bandOuter);
    r.leave();
  }
  r.close(outer);
  return bands;
}

export function encodeBands(w: Writer, bands: readonly MeterBand[], field = "bands"): void {
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i] as MeterBand;
    w.enter(field, i);
    const start = w.length;
    const code = band.type === "drop" ? BAND_DROP : band.type === "dscp_remark" ? BAND_DSCP_REMARK : band.type === "experimenter" ? BAND_EXPERIMENTER : band.bandType;
    w.u16(code, "type");
    w.u16(0, "len");
    w.u32(band.rate, "rate");
    w.u32(band.burstSize, "burstSize");
    if (band.type === "drop") w.zeros(4);
    else if (band.type === "dscp_remark") {
      w.u8(band.precLevel, "precLevel");
      w.zeros(3);
    } else if (band.type === "experimenter") {
      w.u32(band.experimenter, "experimenter");
      w.bytes(band.data, "data");
    } else w.bytes(band.body, "body");
    w.u16At(start + 2, w.length - start, "len");
    w.leave();
  }
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
    const propsOuter = r.narrow(len - 16, "properties");
    const properties: QueueProperty[] = [];
    while (r.remaining > 0) {
      r.enter("properties", properties.length);
      const property = r.u16("property");
      const plen = r.u16("len");
      if (plen < 8) r.failAt(r.offset - 2, `queue property length ${plen} is shorter than 8`, "len");
      r.pad(4);
      const bodyStart = r.offset;
      const bodyOuter = r.narrow(plen - 8, "body");
      if ((property === QUEUE_MIN_RATE || property === QUEUE_MAX_RATE) && plen === 16) {
        properties.push({ type: property === QUEUE_MIN_RATE ? "min_rate" : "max_rate", rate: r.u16("rate") });
      } else if (property === QUEUE_EXPERIMENTER && plen >= 16) {
        const experimenter = r.u32("experimenter");
        r.pad(4);
        properties.push({ type: "experimenter", experimenter, data: r.rest("data") });
      } else properties.push({ type: "unknown", property, body: r.viewFrom(bodyStart) });
      r.close(bodyOuter);
      r.leave();
    }
    r.close(propsOuter);
    r.leave();
    queues.push({ queueId, port, properties });
  }
  return queues;
}

export function encodeQueues(w: Writer, queues: readonly PacketQueue[], field = "queues"): void {
  for (let i = 0; i < queues.length; i++) {
    const q = queues[i] as PacketQueue;
    w.enter(field, i);
    const start = w.length;
    w.u32(q.queueId, "queueId");
    w.u32(q.port, "port");
    w.u16(0, "len");
    w.zeros(6);
    for (let j = 0; j < q.properties.length; j++) {
      w.enter("properties", j);
      encodeQueueProperty(w, q.properties[j] as QueueProperty);
      w.leave();
    }
    w.u16At(start + 8, w.length - start, "len");
    w.leave();
  }
}

function encodeQueueProperty(w: Writer, p: QueueProperty): void {
  const start = w.length;
  const code = p.type === "min_rate" ? QUEUE_MIN_RATE : p.type === "max_rate" ? QUEUE_MAX_RATE : p.type === "experimenter" ? QUEUE_EXPERIMENTER : p.property;
  w.u16(code, "property");
  w.u16(0, "len");
  w.zeros(4);
  if (p.type === "min_rate" || p.type === "max_rate") {
    w.u16(p.rate, "rate");
    w.zeros(6);
  } else if (p.type === "experimenter") {
    w.u32(p.experimenter, "experimenter");
    w.zeros(4);
    w.bytes(p.data, "data");
  } else w.bytes(p.body, "body");
  w.u16At(start + 2, w.length - start, "len");
}
