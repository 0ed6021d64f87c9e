/**
 * Builders for the FLOW_MODs the steering app sends. All use table 0, no timeouts, no buffer, and
 * only output actions: steering never modifies packets.
 */
import { FlowModCommand, OFPG_ANY, OFP_NO_BUFFER, PortNo } from "../constants.ts";
import type { Match, MessageOf } from "../codec/index.ts";

export const ALL_ONES_64 = 0xffffffffffffffffn;

/** ADD of one entry whose single instruction is apply-actions output:`outPort`. */
export function flowAdd(cookie: bigint, priority: number, match: Match, outPort: number, tableId = 0): MessageOf<"flow_mod"> {
  return {
    type: "flow_mod",
    xid: 0,
    cookie,
    cookieMask: 0n,
    tableId,
    command: FlowModCommand.ADD,
    idleTimeout: 0,
    hardTimeout: 0,
    priority,
    bufferId: OFP_NO_BUFFER,
    outPort: PortNo.ANY,
    outGroup: OFPG_ANY,
    flags: 0,
    match,
    instructions: [{ type: "apply_actions", actions: [{ type: "output", port: outPort, maxLen: 0 }] }],
  };
}

/** DELETE (non-strict, table 0, any match) of the entries whose cookie equals `cookie` under `cookieMask`. */
export function deleteByCookie(cookie: bigint, cookieMask: bigint = ALL_ONES_64): MessageOf<"flow_mod"> {
  return { ...flowAdd(cookie, 0, [], 0), cookieMask, command: FlowModCommand.DELETE, instructions: [] };
}

/** A plain bidirectional patch between ports `a` and `b` (the path of traffic no chain selects). */
export function portPatch(a: number, b: number, priority: number, cookie = 0n): MessageOf<"flow_mod">[] {
  return [flowAdd(cookie, priority, [{ field: "in_port", value: a }], b), flowAdd(cookie, priority, [{ field: "in_port", value: b }], a)];
}

/** A barrier marker: `SwitchConnection.sendBatch` waits for the switch at each one. */
export function barrier(): MessageOf<"barrier_request"> {
  return { type: "barrier_request", xid: 0 };
}
