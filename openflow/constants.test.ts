/**
 * Struct sizes of the spec, checked by encoding minimal messages (Ryu asserts
 * `calcsize(fmt) == OFP_..._SIZE`; we check the encoder's output against the same numbers).
 */
import { describe, expect, it } from "vitest";
import { SIZES, errorName, ErrorType, MessageType } from "./constants.ts";
import { encodeMessage, type OfMessage } from "./codec/index.ts";

const port = { portNo: 1, hwAddr: "02:00:00:00:00:01", name: "eth0", config: 0, state: 0, curr: 0, advertised: 0, supported: 0, peer: 0, currSpeed: 0, maxSpeed: 0 };
const size = (m: OfMessage): number => encodeMessage(m).length;

describe("OpenFlow 1.3 struct sizes", () => {
  it("fixed messages have the spec's sizes", () => {
    expect(size({ type: "barrier_request", xid: 0 })).toBe(SIZES.header);
    expect(size({ type: "features_reply", xid: 0, datapathId: 1n, nBuffers: 0, nTables: 1, auxiliaryId: 0, capabilities: 0, reserved: 0 })).toBe(SIZES.switch_features);
    expect(size({ type: "set_config", xid: 0, flags: 0, missSendLen: 128 })).toBe(SIZES.switch_config);
    expect(size({ type: "port_status", xid: 0, reason: 0, port })).toBe(SIZES.port_status);
    expect(size({ type: "port_mod", xid: 0, portNo: 1, hwAddr: "02:00:00:00:00:01", config: 0, mask: 0, advertise: 0 })).toBe(SIZES.port_mod);
    expect(size({ type: "table_mod", xid: 0, tableId: 0, config: 0 })).toBe(SIZES.table_mod);
    expect(size({ type: "role_request", xid: 0, role: 0, generationId: 0n })).toBe(SIZES.role_request);
    expect(size({ type: "set_async", xid: 0, packetInMask: [0, 0], portStatusMask: [0, 0], flowRemovedMask: [0, 0] })).toBe(SIZES.async_config);
    expect(size({ type: "queue_get_config_request", xid: 0, port: 1 })).toBe(SIZES.queue_get_config_request);
    expect(size({ type: "meter_mod", xid: 0, command: 0, flags: 0, meterId: 1, bands: [] })).toBe(SIZES.meter_mod_fixed);
    expect(size({ type: "group_mod", xid: 0, command: 0, groupType: 0, groupId: 1, buckets: [] })).toBe(SIZES.group_mod_fixed);
  });

  it("messages with a match: fixed part + an empty match padded to 8 bytes", () => {
    const emptyMatch = 8;
    const flowMod: OfMessage = {
      type: "flow_mod", xid: 0, cookie: 0n, cookieMask: 0n, tableId: 0, command: 0, idleTimeout: 0, hardTimeout: 0, priority: 0,
      bufferId: 0xffffffff, outPort: 0xffffffff, outGroup: 0xffffffff, flags: 0, match: [], instructions: [],
    };
    expect(size(flowMod)).toBe(SIZES.flow_mod_fixed + emptyMatch);
    expect(size({ type: "packet_in", xid: 0, bufferId: 0, totalLen: 0, reason: 0, tableId: 0, cookie: 0n, match: [], data: "" })).toBe(SIZES.packet_in_fixed + emptyMatch + 2);
    expect(size({ type: "packet_out", xid: 0, bufferId: 0, inPort: 0, actions: [{ type: "output", port: 1, maxLen: 0 }], data: "" })).toBe(SIZES.packet_out_fixed + SIZES.action_output);
  });

  it("multipart records have the spec's sizes", () => {
    const reply = (body: Extract<OfMessage, { type: "multipart_reply" }>["body"]): number => size({ type: "multipart_reply", xid: 0, flags: 0, body }) - SIZES.multipart_header;
    expect(reply({ kind: "desc", mfrDesc: "", hwDesc: "", swDesc: "", serialNum: "", dpDesc: "" })).toBe(SIZES.desc);
    expect(reply({ kind: "table", stats: [{ tableId: 0, activeCount: 0, lookupCount: 0n, matchedCount: 0n }] })).toBe(SIZES.table_stats);
    expect(reply({ kind: "aggregate", packetCount: 0n, byteCount: 0n, flowCount: 0 })).toBe(SIZES.aggregate_stats_reply);
    expect(reply({ kind: "port_desc", ports: [port] })).toBe(SIZES.port);
    expect(reply({ kind: "group_features", types: 0, capabilities: 0, maxGroups: [0, 0, 0, 0], actions: [0, 0, 0, 0] })).toBe(SIZES.group_features);
    expect(reply({ kind: "meter_features", maxMeter: 0, bandTypes: 0, capabilities: 0, maxBands: 0, maxColor: 0 })).toBe(SIZES.meter_features);
  });

  it("names errors and message types", () => {
    expect(errorName(1, 1)).toBe("BAD_REQUEST.BAD_TYPE");
    expect(errorName(5, 1)).toBe("FLOW_MOD_FAILED.TABLE_FULL");
    expect(errorName(99, 3)).toBe("99.3");
    expect(ErrorType["BAD_MATCH"]).toBe(4);
    expect(MessageType.METER_MOD).toBe(29);
  });
});
