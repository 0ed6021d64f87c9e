/**
 * Bodies of OFPT_MULTIPART_REQUEST / OFPT_MULTIPART_REPLY (spec §7.3.5), tagged by `kind`.
 */
import type { Instruction } from "../instructions.ts";
import type { Match } from "../oxm.ts";
import type { Bucket, MeterBand, Port } from "../messages/types.ts";
import type { BytesInput, U64Input } from "../writer.ts";

export interface FlowStatsRequestFields {
  tableId: number;
  outPort: number;
  outGroup: number;
  cookie: U64Input;
  cookieMask: U64Input;
  match: Match;
}

export interface FlowStats {
  tableId: number;
  durationSec: number;
  durationNsec: number;
  priority: number;
  idleTimeout: number;
  hardTimeout: number;
  flags: number;
  cookie: U64Input;
  packetCount: U64Input;
  byteCount: U64Input;
  match: Match;
  instructions: Instruction[];
}

export interface TableStats {
  tableId: number;
  activeCount: number;
  lookupCount: U64Input;
  matchedCount: U64Input;
}

export interface PortStats {
  portNo: number;
  rxPackets: U64Input;
  txPackets: U64Input;
  rxBytes: U64Input;
  txBytes: U64Input;
  rxDropped: U64Input;
  txDropped: U64Input;
  rxErrors: U64Input;
  txErrors: U64Input;
  rxFrameErr: U64Input;
  rxOverErr: U64Input;
  rxCrcErr: U64Input;
  collisions: U64Input;
  durationSec: number;
  durationNsec: number;
}

export interface QueueStats {
  portNo: number;
  queueId: number;
  txBytes: U64Input;
  txPackets: U64Input;
  txErrors: U64Input;
  durationSec: number;
  durationNsec: number;
}

export interface GroupStats {
  groupId: number;
  refCount: number;
  packetCount: U64Input;
  byteCount: U64Input;
  durationSec: number;
  durationNsec: number;
  bucketStats: { packetCount: U64Input; byteCount: U64Input }[];
}

export interface GroupDesc {
  groupType: number;
  groupId: number;
  buckets: Bucket[];
}

export interface MeterStats {
  meterId: number;
  flowCount: number;
  packetInCount: U64Input;
  byteInCount: U64Input;
  durationSec: number;
  durationNsec: number;
  bandStats: { packetBandCount: U64Input; byteBandCount: U64Input }[];
}

export interface MeterConfig {
  flags: number;
  meterId: number;
  bands: MeterBand[];
}

/**
 * An instruction or action id in table features that carries experimenter data (`len` > 4).
 * Ids without data are plain type numbers in the list (see `TableFeatureProperty`).
 */
export interface TypeId {
  type: number;
  data?: BytesInput;
}

/**
 * An OXM id of the experimenter class (0xffff): the 32-bit OXM header and the experimenter id.
 * Other OXM ids are plain header numbers in the list.
 */
export interface OxmId {
  header: number;
  experimenter?: number;
}

/**
 * One table-features property. Id lists are flat (a reply holds thousands of ids):
 * - `tableIds`: table ids; decoding yields a `Uint8Array`, encoding also takes a list of numbers.
 * - `ids`: instruction/action type codes; decoding yields a `Uint16Array`, or, when an id carries
 *   experimenter data, a list of numbers with a `TypeId` for each such id.
 * - `oxmIds`: 32-bit OXM headers; decoding yields a `Uint32Array`, or, when the property holds an
 *   experimenter-class id, a list of numbers with an `OxmId` for each such id.
 * Encoding accepts the object form for any id.
 */
export type TableFeatureProperty =
  | { type: "instructions" | "instructions_miss"; ids: Uint16Array | (number | TypeId)[] }
  | { type: "next_tables" | "next_tables_miss"; tableIds: Uint8Array | number[] }
  | { type: "write_actions" | "write_actions_miss" | "apply_actions" | "apply_actions_miss"; ids: Uint16Array | (number | TypeId)[] }
  | { type: "match" | "wildcards" | "write_setfield" | "write_setfield_miss" | "apply_setfield" | "apply_setfield_miss"; oxmIds: Uint32Array | (number | OxmId)[] }
  | { type: "experimenter" | "experimenter_miss"; experimenter: number; expType: number; data: BytesInput }
  | { type: "unknown"; propType: number; body: BytesInput };

export interface TableFeatures {
  tableId: number;
  name: string;
  metadataMatch: U64Input;
  metadataWrite: U64Input;
  config: number;
  maxEntries: number;
  properties: TableFeatureProperty[];
}

export type MultipartRequestBody =
  | { kind: "desc" }
  | ({ kind: "flow" } & FlowStatsRequestFields)
  | ({ kind: "aggregate" } & FlowStatsRequestFields)
  | { kind: "table" }
  | { kind: "port_stats"; portNo: number }
  | { kind: "queue"; portNo: number; queueId: number }
  | { kind: "group"; groupId: number }
  | { kind: "group_desc" }
  | { kind: "group_features" }
  | { kind: "meter"; meterId: number }
  | { kind: "meter_config"; meterId: number }
  | { kind: "meter_features" }
  | { kind: "table_features"; tables: TableFeatures[] }
  | { kind: "port_desc" }
  | { kind: "experimenter"; experimenter: number; expType: number; data: BytesInput }
  | { kind: "unknown"; multipartType: number; body: BytesInput };

export type MultipartReplyBody =
  | { kind: "desc"; mfrDesc: string; hwDesc: string; swDesc: string; serialNum: string; dpDesc: string }
  | { kind: "flow"; stats: FlowStats[] }
  | { kind: "aggregate"; packetCount: U64Input; byteCount: U64Input; flowCount: number }
  | { kind: "table"; stats: TableStats[] }
  | { kind: "port_stats"; stats: PortStats[] }
  | { kind: "queue"; stats: QueueStats[] }
  | { kind: "group"; stats: GroupStats[] }
  | { kind: "group_desc"; groups: GroupDesc[] }
  | { kind: "group_features"; types: number; capabilities: number; maxGroups: number[]; actions: number[] }
  | { kind: "meter"; stats: MeterStats[] }
  | { kind: "meter_config"; configs: MeterConfig[] }
  | { kind: "meter_features"; maxMeter: number; bandTypes: number; capabilities: number; maxBands: number; maxColor: number }
  | { kind: "table_features"; tables: TableFeatures[] }
  | { kind: "port_desc"; ports: Port[] }
  | { kind: "experimenter"; experimenter: number; expType: number; data: BytesInput }
  | { kind: "unknown"; multipartType: number; body: BytesInput };
