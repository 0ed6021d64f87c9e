/**
 * Typed OpenFlow 1.3 messages: a discriminated union on `type`. 64-bit fields (cookies, datapath
 * ids, counters, metadata) are `bigint` when decoded; encoders also accept numbers and decimal or
 * 0x-hex strings (`U64Input`). Byte fields are `Uint8Array` when decoded; encoders also accept hex
 * strings (`BytesInput`), which is how the JSON form carries them.
 */
import type { Action } from "../actions.ts";
import type { Instruction } from "../instructions.ts";
import type { Match } from "../oxm.ts";
import type { BytesInput, U64Input } from "../writer.ts";
import type { MultipartReplyBody, MultipartRequestBody } from "../multipart/types.ts";

export interface HelloElement {
  /** 1 = OFPHET_VERSIONBITMAP (then `bitmaps`), others keep `body`. */
  elementType: number;
  bitmaps?: number[];
  body?: BytesInput;
}

export interface Port {
  portNo: number;
  hwAddr: string;
  name: string;
  config: number;
  state: number;
  curr: number;
  advertised: number;
  supported: number;
  peer: number;
  currSpeed: number;
  maxSpeed: number;
}

export interface Bucket {
  weight: number;
  watchPort: number;
  watchGroup: number;
  actions: Action[];
}

export type MeterBand =
  | { type: "drop"; rate: number; burstSize: number }
  | { type: "dscp_remark"; rate: number; burstSize: number; precLevel: number }
  | { type: "experimenter"; rate: number; burstSize: number; experimenter: number; data: BytesInput }
  | { type: "unknown"; bandType: number; rate: number; burstSize: number; body: BytesInput };

export type QueueProperty =
  | { type: "min_rate"; rate: number }
  | { type: "max_rate"; rate: number }
  | { type: "experimenter"; experimenter: number; data: BytesInput }
  | { type: "unknown"; property: number; body: BytesInput };

export interface PacketQueue {
  queueId: number;
  port: number;
  properties: QueueProperty[];
}

interface Base {
  /** Transaction id. */
  xid: number;
}

export type OfMessage = Base &
  (
    | { type: "hello"; elements: HelloElement[] }
    | { type: "error"; errorType: number; code: number; data: BytesInput }
    | { type: "error_experimenter"; expType: number; experimenter: number; data: BytesInput }
    | { type: "echo_request"; data: BytesInput }
    | { type: "echo_reply"; data: BytesInput }
    | { type: "experimenter"; experimenter: number; expType: number; data: BytesInput }
    | { type: "features_request" }
    | { type: "features_reply"; datapathId: U64Input; nBuffers: number; nTables: number; auxiliaryId: number; capabilities: number; reserved: number }
    | { type: "get_config_request" }
    | { type: "get_config_reply"; flags: number; missSendLen: number }
    | { type: "set_config"; flags: number; missSendLen: number }
    | { type: "packet_in"; bufferId: number; totalLen: number; reason: number; tableId: number; cookie: U64Input; match: Match; data: BytesInput }
    | {
        type: "flow_removed";
        cookie: U64Input;
        priority: number;
        reason: number;
        tableId: number;
        durationSec: number;
        durationNsec: number;
        idleTimeout: number;
        hardTimeout: number;
        packetCount: U64Input;
        byteCount: U64Input;
        match: Match;
      }
    | { type: "port_status"; reason: number; port: Port }
    | { type: "packet_out"; bufferId: number; inPort: number; actions: Action[]; data: BytesInput }
    | {
        type: "flow_mod";
        cookie: U64Input;
        cookieMask: U64Input;
        tableId: number;
        command: number;
        idleTimeout: number;
        hardTimeout: number;
        priority: number;
        bufferId: number;
        outPort: number;
        outGroup: number;
        flags: number;
        match: Match;
        instructions: Instruction[];
      }
    | { type: "group_mod"; command: number; groupType: number; groupId: number; buckets: Bucket[] }
    | { type: "port_mod"; portNo: number; hwAddr: string; config: number; mask: number; advertise: number }
    | { type: "table_mod"; tableId: number; config: number }
    | { type: "multipart_request"; flags: number; body: MultipartRequestBody }
    | { type: "multipart_reply"; flags: number; body: MultipartReplyBody }
    | { type: "barrier_request" }
    | { type: "barrier_reply" }
    | { type: "queue_get_config_request"; port: number }
    | { type: "queue_get_config_reply"; port: number; queues: PacketQueue[] }
    | { type: "role_request"; role: number; generationId: U64Input }
    | { type: "role_reply"; role: number; generationId: U64Input }
    | { type: "get_async_request" }
    | { type: "get_async_reply"; packetInMask: [number, number]; portStatusMask: [number, number]; flowRemovedMask: [number, number] }
    | { type: "set_async"; packetInMask: [number, number]; portStatusMask: [number, number]; flowRemovedMask: [number, number] }
    | { type: "meter_mod"; command: number; flags: number; meterId: number; bands: MeterBand[] }
  );

export type OfMessageType = OfMessage["type"];
/** The message of a given type. */
export type MessageOf<T extends OfMessageType> = Extract<OfMessage, { type: T }>;
/** A message's fields without the header (`xid`, `type`). */
export type BodyOf<T extends OfMessageType> = Omit<MessageOf<T>, "xid" | "type">;
