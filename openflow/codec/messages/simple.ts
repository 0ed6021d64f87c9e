/**
 * Messages with small fixed bodies: HELLO, ERROR, ECHO, EXPERIMENTER, FEATURES, GET/SET_CONFIG,
 * ROLE, GET/SET_ASYNC, TABLE_MOD, PORT_MOD, QUEUE_GET_CONFIG, PORT_STATUS.
 */
import type { Reader } from "../reader.ts";
import type { Writer } from "../writer.ts";
import { decodePort, decodeQueues, encodePort, encodeQueues } from "./structs.ts";
import type { HelloElement, MessageOf } from "./types.ts";

const OFPHET_VERSIONBITMAP = 1;

export function decodeHello(r: Reader): HelloElement[] {
  const elements: HelloElement[] = [];
  while (r.remaining >= 4) {
    r.enter("elements", elements.length);
    const elementType = r.u16("type");
    const length = r.u16("length");
    if (length < 4) r.failAt(r.offset - 2, `hello element length ${length} is shorter than 4`, "length");
    const outer = r.narrow(length - 4, "body");
    if (elementType === OFPHET_VERSIONBITMAP && (length - 4) % 4 === 0) {
      const bitmaps: number[] = [];
      while (r.remaining > 0) {
        r.enter("bitmaps", bitmaps.length);
        bitmaps.push(r.u32(""));
        r.leave();
      }
      elements.push({ elementType, bitmaps });
    } else {
      elements.push({ elementType, body: r.rest("body") });
    }
    r.close(outer);
    r.pad(Math.min(r.remaining, (8 - (length % 8)) % 8));
    r.leave();
  }
  if (r.remaining > 0) r.pad(r.remaining);
  return elements;
}

export function encodeHello(w: Writer, elements: readonly HelloElement[]): void {
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i] as HelloElement;
    w.enter("elements", i);
    const start = w.length;
    w.u16(e.elementType, "elementType");
    w.u16(0, "length");
    if (e.bitmaps) {
      for (let j = 0; j < e.bitmaps.length; j++) {
        w.enter("bitmaps", j);
        w.u32(e.bitmaps[j] as number, "");
        w.leave();
      }
    } else if (e.body !== undefined) w.bytes(e.body, "body");
    w.u16At(start + 2, w.length - start, "length");
    w.padTo(start, 8);
    w.leave();
  }
}

export function decodeFeaturesReply(r: Reader, xid: number): MessageOf<"features_reply"> {
  const datapathId = r.u64("datapath_id");
  const nBuffers = r.u32("n_buffers");
  const nTables = r.u8("n_tables");
  const auxiliaryId = r.u8("auxiliary_id");
  r.pad(2);
  return { type: "features_reply", xid, datapathId, nBuffers, nTables, auxiliaryId, capabilities: r.u32("capabilities"), reserved: r.u32("reserved") };
}

export function encodeFeaturesReply(w: Writer, m: MessageOf<"features_reply">): void {
  w.u64(m.datapathId, "datapathId");
  w.u32(m.nBuffers, "nBuffers");
  w.u8(m.nTables, "nTables");
  w.u8(m.auxiliaryId, "auxiliaryId");
  w.zeros(2);
  w.u32(m.capabilities, "capabilities");
  w.u32(m.reserved, "reserved");
}

export function decodeSwitchConfig(r: Reader, xid: number, type: "get_config_reply" | "set_config"): MessageOf<"get_config_reply" | "set_config"> {
  return { type, xid, flags: r.u16("flags"), missSendLen: r.u16("miss_send_len") };
}

export function encodeSwitchConfig(w: Writer, m: { flags: number; missSendLen: number }): void {
  w.u16(m.flags, "flags");
  w.u16(m.missSendLen, "missSendLen");
}

export function decodeRole(r: Reader, xid: number, type: "role_request" | "role_reply"): MessageOf<"role_request" | "role_reply"> {
  const role = r.u32("role");
  r.pad(4);
  return { type, xid, role, generationId: r.u64("generation_id") };
}

export function encodeRole(w: Writer, m: MessageOf<"role_request" | "role_reply">): void {
  w.u32(m.role, "role");
  w.zeros(4);
  w.u64(m.generationId, "generationId");
}

type AsyncMasks = Pick<MessageOf<"set_async">, "packetInMask" | "portStatusMask" | "flowRemovedMask">;

export function decodeAsync(r: Reader, xid: number, type: "get_async_reply" | "set_async"): MessageOf<"get_async_reply" | "set_async"> {
  const packetInMask: [number, number] = [r.u32("packet_in_mask[0]"), r.u32("packet_in_mask[1]")];
  const portStatusMask: [number, number] = [r.u32("port_status_mask[0]"), r.u32("port_status_mask[1]")];
  const flowRemovedMask: [number, number] = [r.u32("flow_removed_mask[0]"), r.u32("flow_removed_mask[1]")];
  return { type, xid, packetInMask, portStatusMask, flowRemovedMask };
}

export function encodeAsync(w: Writer, m: AsyncMasks): void {
  w.u32(m.packetInMask[0], "packetInMask[0]");
  w.u32(m.packetInMask[1], "packetInMask[1]");
  w.u32(m.portStatusMask[0], "portStatusMask[0]");
  w.u32(m.portStatusMask[1], "portStatusMask[1]");
  w.u32(m.flowRemovedMask[0], "flowRemovedMask[0]");
  w.u32(m.flowRemovedMask[1], "flowRemovedMask[1]");
}

export function decodeTableMod(r: Reader, xid: number): MessageOf<"table_mod"> {
  const tableId = r.u8("table_id");
  r.pad(3);
  return { type: "table_mod", xid, tableId, config: r.u32("config") };
}

export function encodeTableMod(w: Writer, m: MessageOf<"table_mod">): void {
  w.u8(m.tableId, "tableId");
  w.zeros(3);
  w.u32(m.config, "config");
}

export function decodePortMod(r: Reader, xid: number): MessageOf<"port_mod"> {
  const portNo = r.u32("port_no");
  r.pad(4);
  const hwAddr = r.mac("hw_addr");
  r.pad(2);
  const config = r.u32("config");
  const mask = r.u32("mask");
  const advertise = r.u32("advertise");
  r.pad(4);
  return { type: "port_mod", xid, portNo, hwAddr, config, mask, advertise };
}

export function encodePortMod(w: Writer, m: MessageOf<"port_mod">): void {
  w.u32(m.portNo, "portNo");
  w.zeros(4);
  w.mac(m.hwAddr, "hwAddr");
  w.zeros(2);
  w.u32(m.config, "config");
  w.u32(m.mask, "mask");
  w.u32(m.advertise, "advertise");
  w.zeros(4);
}

export function decodePortStatus(r: Reader, xid: number): MessageOf<"port_status"> {
  const reason = r.u8("reason");
  r.pad(7);
  return { type: "port_status", xid, reason, port: decodePort(r) };
}

export function encodePortStatus(w: Writer, m: MessageOf<"port_status">): void {
  w.u8(m.reason, "reason");
  w.zeros(7);
  w.enter("port");
  encodePort(w, m.port);
  w.leave();
}

export function decodeQueueGetConfigRequest(r: Reader, xid: number): MessageOf<"queue_get_config_request"> {
  const port = r.u32("port");
  r.pad(4);
  return { type: "queue_get_config_request", xid, port };
}

export function encodeQueueGetConfigRequest(w: Writer, m: { port: number }): void {
  w.u32(m.port, "port");
  w.zeros(4);
}

export function decodeQueueGetConfigReply(r: Reader, xid: number): MessageOf<"queue_get_config_reply"> {
  const port = r.u32("port");
  r.pad(4);
  return { type: "queue_get_config_reply", xid, port, queues: decodeQueues(r) };
}

export function encodeQueueGetConfigReply(w: Writer, m: MessageOf<"queue_get_config_reply">): void {
  w.u32(m.port, "port");
  w.zeros(4);
  encodeQueues(w, m.queues);
}
