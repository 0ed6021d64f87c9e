/**
 * OpenFlow 1.3 (wire version 0x04) constants, after the spec (openflow-spec-v1.3.5) and Ryu's
 * `ofproto_v1_3.py`. Struct sizes are asserted in `constants.test.ts`.
 */
export const OFP_VERSION = 0x04;
export const OFP_HEADER_SIZE = 8;
/** Largest message the 16-bit length field allows. */
export const OFP_MAX_MESSAGE_SIZE = 0xffff;
export const OFP_TCP_PORT = 6653;

/** ofp_type. */
export const MessageType = {
  HELLO: 0,
  ERROR: 1,
  ECHO_REQUEST: 2,
  ECHO_REPLY: 3,
  EXPERIMENTER: 4,
  FEATURES_REQUEST: 5,
  FEATURES_REPLY: 6,
  GET_CONFIG_REQUEST: 7,
  GET_CONFIG_REPLY: 8,
  SET_CONFIG: 9,
  PACKET_IN: 10,
  FLOW_REMOVED: 11,
  PORT_STATUS: 12,
  PACKET_OUT: 13,
  FLOW_MOD: 14,
  GROUP_MOD: 15,
  PORT_MOD: 16,
  TABLE_MOD: 17,
  MULTIPART_REQUEST: 18,
  MULTIPART_REPLY: 19,
  BARRIER_REQUEST: 20,
  BARRIER_REPLY: 21,
  QUEUE_GET_CONFIG_REQUEST: 22,
  QUEUE_GET_CONFIG_REPLY: 23,
  ROLE_REQUEST: 24,
  ROLE_REPLY: 25,
  GET_ASYNC_REQUEST: 26,
  GET_ASYNC_REPLY: 27,
  SET_ASYNC: 28,
  METER_MOD: 29,
} as const;

/** ofp_multipart_type. */
export const MultipartType = {
  DESC: 0,
  FLOW: 1,
  AGGREGATE: 2,
  TABLE: 3,
  PORT_STATS: 4,
  QUEUE: 5,
  GROUP: 6,
  GROUP_DESC: 7,
  GROUP_FEATURES: 8,
  METER: 9,
  METER_CONFIG: 10,
  METER_FEATURES: 11,
  TABLE_FEATURES: 12,
  PORT_DESC: 13,
  EXPERIMENTER: 0xffff,
} as const;
export const OFPMPF_REQ_MORE = 1;
export const OFPMPF_REPLY_MORE = 1;

/** ofp_flow_mod_command. */
export const FlowModCommand = { ADD: 0, MODIFY: 1, MODIFY_STRICT: 2, DELETE: 3, DELETE_STRICT: 4 } as const;
/** ofp_flow_mod_flags. */
export const FlowModFlags = { SEND_FLOW_REM: 1 << 0, CHECK_OVERLAP: 1 << 1, RESET_COUNTS: 1 << 2, NO_PKT_COUNTS: 1 << 3, NO_BYT_COUNTS: 1 << 4 } as const;

/** Reserved port numbers (ofp_port_no). */
export const PortNo = {
  MAX: 0xffffff00,
  IN_PORT: 0xfffffff8,
  TABLE: 0xfffffff9,
  NORMAL: 0xfffffffa,
  FLOOD: 0xfffffffb,
  ALL: 0xfffffffc,
  CONTROLLER: 0xfffffffd,
  LOCAL: 0xfffffffe,
  ANY: 0xffffffff,
} as const;
export const OFPG_ANY = 0xffffffff;
export const OFPG_ALL = 0xfffffffc;
export const OFPTT_ALL = 0xff;
export const OFP_NO_BUFFER = 0xffffffff;
export const OFPCML_NO_BUFFER = 0xffff;
export const OFPVID_PRESENT = 0x1000;

/** ofp_action_type. */
export const ActionType = {
  OUTPUT: 0,
  COPY_TTL_OUT: 11,
  COPY_TTL_IN: 12,
  SET_MPLS_TTL: 15,
  DEC_MPLS_TTL: 16,
  PUSH_VLAN: 17,
  POP_VLAN: 18,
  PUSH_MPLS: 19,
  POP_MPLS: 20,
  SET_QUEUE: 21,
  GROUP: 22,
  SET_NW_TTL: 23,
  DEC_NW_TTL: 24,
  SET_FIELD: 25,
  PUSH_PBB: 26,
  POP_PBB: 27,
  EXPERIMENTER: 0xffff,
} as const;

/** ofp_instruction_type. */
export const InstructionType = {
  GOTO_TABLE: 1,
  WRITE_METADATA: 2,
  WRITE_ACTIONS: 3,
  APPLY_ACTIONS: 4,
  CLEAR_ACTIONS: 5,
  METER: 6,
  EXPERIMENTER: 0xffff,
} as const;

/** ofp_error_type and the names of each type's codes (index = code). */
export const ERROR_TYPES: Record<number, { name: string; codes: readonly string[] }> = {
  0: { name: "HELLO_FAILED", codes: ["INCOMPATIBLE", "EPERM"] },
  1: {
    name: "BAD_REQUEST",
    codes: ["BAD_VERSION", "BAD_TYPE", "BAD_MULTIPART", "BAD_EXPERIMENTER", "BAD_EXP_TYPE", "EPERM", "BAD_LEN", "BUFFER_EMPTY", "BUFFER_UNKNOWN", "BAD_TABLE_ID", "IS_SLAVE", "BAD_PORT", "BAD_PACKET", "MULTIPART_BUFFER_OVERFLOW"],
  },
  2: {
    name: "BAD_ACTION",
    codes: ["BAD_TYPE", "BAD_LEN", "BAD_EXPERIMENTER", "BAD_EXP_TYPE", "BAD_OUT_PORT", "BAD_ARGUMENT", "EPERM", "TOO_MANY", "BAD_QUEUE", "BAD_OUT_GROUP", "MATCH_INCONSISTENT", "UNSUPPORTED_ORDER", "BAD_TAG", "BAD_SET_TYPE", "BAD_SET_LEN", "BAD_SET_ARGUMENT"],
  },
  3: {
    name: "BAD_INSTRUCTION",
    codes: ["UNKNOWN_INST", "UNSUP_INST", "BAD_TABLE_ID", "UNSUP_METADATA", "UNSUP_METADATA_MASK", "BAD_EXPERIMENTER", "BAD_EXP_TYPE", "BAD_LEN", "EPERM"],
  },
  4: {
    name: "BAD_MATCH",
    codes: ["BAD_TYPE", "BAD_LEN", "BAD_TAG", "BAD_DL_ADDR_MASK", "BAD_NW_ADDR_MASK", "BAD_WILDCARDS", "BAD_FIELD", "BAD_VALUE", "BAD_MASK", "BAD_PREREQ", "DUP_FIELD", "EPERM"],
  },
  5: { name: "FLOW_MOD_FAILED", codes: ["UNKNOWN", "TABLE_FULL", "BAD_TABLE_ID", "OVERLAP", "EPERM", "BAD_TIMEOUT", "BAD_COMMAND", "BAD_FLAGS"] },
  6: {
    name: "GROUP_MOD_FAILED",
    codes: ["GROUP_EXISTS", "INVALID_GROUP", "WEIGHT_UNSUPPORTED", "OUT_OF_GROUPS", "OUT_OF_BUCKETS", "CHAINING_UNSUPPORTED", "WATCH_UNSUPPORTED", "LOOP", "UNKNOWN_GROUP", "CHAINED_GROUP", "BAD_TYPE", "BAD_COMMAND", "BAD_BUCKET", "BAD_WATCH", "EPERM"],
  },
  7: { name: "PORT_MOD_FAILED", codes: ["BAD_PORT", "BAD_HW_ADDR", "BAD_CONFIG", "BAD_ADVERTISE", "EPERM"] },
  8: { name: "TABLE_MOD_FAILED", codes: ["BAD_TABLE", "BAD_CONFIG", "EPERM"] },
  9: { name: "QUEUE_OP_FAILED", codes: ["BAD_PORT", "BAD_QUEUE", "EPERM"] },
  10: { name: "SWITCH_CONFIG_FAILED", codes: ["BAD_FLAGS", "BAD_LEN", "EPERM"] },
  11: { name: "ROLE_REQUEST_FAILED", codes: ["STALE", "UNSUP", "BAD_ROLE"] },
  12: {
    name: "METER_MOD_FAILED",
    codes: ["UNKNOWN", "METER_EXISTS", "INVALID_METER", "UNKNOWN_METER", "BAD_COMMAND", "BAD_FLAGS", "BAD_RATE", "BAD_BURST", "BAD_BAND", "BAD_BAND_VALUE", "OUT_OF_METERS", "OUT_OF_BANDS"],
  },
  13: { name: "TABLE_FEATURES_FAILED", codes: ["BAD_TABLE", "BAD_METADATA", "BAD_TYPE", "BAD_LEN", "BAD_ARGUMENT", "EPERM"] },
  0xffff: { name: "EXPERIMENTER", codes: [] },
};

/** Numeric error type by name, e.g. ErrorType.BAD_REQUEST === 1. */
export const ErrorType = Object.fromEntries(Object.entries(ERROR_TYPES).map(([k, v]) => [v.name, Number(k)])) as Record<string, number>;

/** "BAD_REQUEST.BAD_TYPE" for type 1 code 1; numbers for unknown ones. */
export function errorName(type: number, code: number): string {
  const t = ERROR_TYPES[type];
  if (!t) return `${type}.${code}`;
  return `${t.name}.${t.codes[code] ?? code}`;
}

/** Struct sizes of the spec (bytes). */
export const SIZES = {
  header: 8,
  hello_elem_header: 4,
  switch_features: 32,
  switch_config: 12,
  port: 64,
  port_status: 80,
  packet_in_fixed: 24,
  packet_out_fixed: 24,
  flow_mod_fixed: 48,
  flow_removed_fixed: 48,
  match_header: 4,
  action_output: 16,
  action_generic: 8,
  instruction_goto: 8,
  instruction_write_metadata: 24,
  instruction_actions: 8,
  group_mod_fixed: 16,
  bucket_fixed: 16,
  port_mod: 40,
  table_mod: 16,
  multipart_header: 16,
  desc: 1056,
  flow_stats_request_fixed: 40,
  flow_stats_fixed: 48,
  aggregate_stats_reply: 24,
  table_stats: 24,
  port_stats: 112,
  queue_stats: 40,
  group_stats_fixed: 40,
  bucket_counter: 16,
  group_desc_fixed: 8,
  group_features: 40,
  meter_stats_fixed: 40,
  meter_band_stats: 16,
  meter_config_fixed: 8,
  meter_features: 16,
  table_features_fixed: 64,
  role_request: 24,
  async_config: 32,
  meter_mod_fixed: 16,
  meter_band_drop: 16,
  queue_get_config_request: 16,
  packet_queue_fixed: 16,
  queue_prop_header: 8,
} as const;
