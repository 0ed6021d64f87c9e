/**
 * Messages with small fixed bodies: HELLO, ERROR, ECHO, EXPERIMENTER, FEATURES, GET/SET_CONFIG,
 * ROLE, GET/SET_ASYNC, TABLE_MOD, PORT_MOD, QUEUE_GET_CONFIG, PORT_STATUS.
 */
import { formatMac, parseMac } from "../addresses.ts";
import type { Reader } from "../reader.ts";
import { toBytes, type Writer } from "../writer.ts";
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
    const body = r.sub(length - 4, "body");
    if (elementType === OFPHET_VERSIONBITMAP && (length - 4) % 4 === 0) {
      const bitmaps: number[] = [];
      while (body.remaining > 0) bitmaps.push(body.u32(`bitmaps[${bitmaps.length}]`));
      elements.push({ elementType, bitmaps });
    } else {
      elements.push({ elementType, body: body.rest("body") });
    }
    r.pad(Math.min(r.remaining, (8 - (length % 8)) % 8));
    r.leave();
  }
  if (r.remaining > 0) r.pad(r.remaining);
  return elements;
}

export function encodeHello(w: Writer, elements: readonly HelloElement[]): void {
  elements.forEach((e, i) => {
    const f = `elements[${i}]`;
    const start = w.length;
    w.u16(e.elementType, `${f}.elementType`);
    w.u16(0, `${f}.length`);
    if (e.bitmaps) e.bitmaps.forEach((b, j) => w.u32(b, `${f}.bitmaps[${j}]`));
    else w.bytes(toBytes(e.body ?? new Uint8Array(), `${f}.body`), `${f}.body`);
    w.u16At(start + 2, w.length - start, `${f}.length`);
    w.padTo(start, 8);
  });
}

export function decodeFeaturesReply(r: Reader): Omit<MessageOf<"features_reply">, "xid" | "type"> {
  const datapathId = r.u64("datapath_id");
  const nBuffers = r.u32("n_buffers");
  const nTables = r.u8("n_tables");
  const auxiliaryId = r.u8("auxiliary_id");
  r.pad(2);
  return { datapathId, nBuffers, nTables, auxiliaryId, capabilities: r.u32("capabilities"), reserved: r.u32("reserved") };
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

export function decodeSwitchConfig(r: Reader): { flags: number; missSendLen: number } {
  return { flags: r.u16("flags"), missSendLen: r.u16("miss_send_len") };
}

export function encodeSwitchConfig(w: Writer, m: { flags: number; missSendLen: number }): void {
  w.u16(m.flags, "flags");
  w.u16(m.missSendLen, "missSendLen");
}

export function decodeRole(r: Reader): { role: number; generationId: bigint } {
  const role = r.u32("role");
  r.pad(4);
  return { role, generationId: r.u64("generation_id") };
}

export function encodeRole(w: Writer, m: MessageOf<"role_request" | "role_reply">): void {
  w.u32(m.role, "role");
  w.zeros(4);
  w.u64(m.generationId, "generationId");
}

type AsyncMasks = Pick<MessageOf<"set_async">, "packetInMask" | "portStatusMask" | "flowRemovedMask">;

export function decodeAsync(r: Reader): AsyncMasks {
  const pair = (name: string): [number, number] => [r.u32(`${name}[0]`), r.u32(`${name}[1]`)];
  return { packetInMask: pair("packet_in_mask"), portStatusMask: pair("port_status_mask"), flowRemovedMask: pair("flow_removed_mask") };
}

export function encodeAsync(w: Writer, m: AsyncMasks): void {
  for (const name of ["packetInMask", "portStatusMask", "flowRemovedMask"] as const) {
    const pair = m[name];
    w.u32(pair[0], `${name}[0]`);
    w.u32(pair[1], `${name}[1]`);
  }
}

export function decodeTableMod(r: Reader): { tableId: number; config: number } {
  const tableId = r.u8("table_id");
  r.pad(3);
  return { tableId, config: r.u32("config") };
}

export function encodeTableMod(w: Writer, m: MessageOf<"table_mod">): void {
  w.u8(m.tableId, "tableId");
  w.zeros(3);
  w.u32(m.config, "config");
}

export function decodePortMod(r: Reader): Omit<MessageOf<"port_mod">, "xid" | "type"> {
  const portNo = r.u32("port_no");
  r.pad(4);
  const hwAddr = formatMac(r.bytesView(6, "hw_addr"));
  r.pad(2);
  const config = r.u32("config");
  const mask = r.u32("mask");
  const advertise = r.u32("advertise");
  r.pad(4);
  return { portNo, hwAddr, config, mask, advertise };
}

export function encodePortMod(w: Writer, m: MessageOf<"port_mod">): void {
  w.u32(m.portNo, "portNo");
  w.zeros(4);
  w.bytes(parseMac(m.hwAddr, "hwAddr"), "hwAddr");
  w.zeros(2);
  w.u32(m.config, "config");
  w.u32(m.mask, "mask");
  w.u32(m.advertise, "advertise");
  w.zeros(4);
}

export function decodePortStatus(r: Reader): Omit<MessageOf<"port_status">, "xid" | "type"> {
  const reason = r.u8("reason");
  r.pad(7);
  return { reason, port: decodePort(r) };
}

export function encodePortStatus(w: Writer, m: MessageOf<"port_status">): void {
  w.u8(m.reason, "reason");
  w.zeros(7);
  encodePort(w, m.port);
}

export function decodeQueueGetConfigRequest(r: Reader): { port: number } {
  const port = r.u32("port");
  r.pad(4);
  return { port };
}

export function encodeQueueGetConfigRequest(w: Writer, m: { port: number }): void {
  w.u32(m.port, "port");
  w.zeros(4);
}

export function decodeQueueGetConfigReply(r: Reader): Omit<MessageOf<"queue_get_config_reply">, "xid" | "type"> {
  const port = r.u32("port");
  r.pad(4);
  return { port, queues: decodeQueues(r) };
}

export function encodeQueueGetConfigReply(w: Writer, m: MessageOf<"queue_get_config_reply">): void {
  w.u32(m.port, "port");
  w.zeros(4);
  encodeQueues(w, m.queues);
}
