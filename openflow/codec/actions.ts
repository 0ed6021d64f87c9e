/**
 * OpenFlow 1.3 actions (spec §7.2.5). Each decodes to a tagged object; experimenter actions (e.g.
 * Nicira extensions) and unknown types keep their bytes so re-encoding is exact.
 */
import { ActionType } from "../constants.ts";
import { EncodeError } from "./errors.ts";
import { decodeOxm, encodeOxm, type Oxm } from "./oxm.ts";
import type { Reader } from "./reader.ts";
import type { BytesInput, Writer } from "./writer.ts";

export type Action =
  | { type: "output"; port: number; maxLen: number }
  | { type: "copy_ttl_out" }
  | { type: "copy_ttl_in" }
  | { type: "set_mpls_ttl"; mplsTtl: number }
  | { type: "dec_mpls_ttl" }
  | { type: "push_vlan"; ethertype: number }
  | { type: "pop_vlan" }
  | { type: "push_mpls"; ethertype: number }
  | { type: "pop_mpls"; ethertype: number }
  | { type: "set_queue"; queueId: number }
  | { type: "group"; groupId: number }
  | { type: "set_nw_ttl"; nwTtl: number }
  | { type: "dec_nw_ttl" }
  | { type: "set_field"; field: Oxm }
  | { type: "push_pbb"; ethertype: number }
  | { type: "pop_pbb" }
  | { type: "experimenter"; experimenter: number; data: BytesInput }
  | { type: "unknown"; actionType: number; body: BytesInput };

/** Type name → code (a Map: keyed lookups on an object literal are slower). */
const TYPE_CODE: ReadonlyMap<string, number> = new Map([
  ["output", ActionType.OUTPUT],
  ["copy_ttl_out", ActionType.COPY_TTL_OUT],
  ["copy_ttl_in", ActionType.COPY_TTL_IN],
  ["set_mpls_ttl", ActionType.SET_MPLS_TTL],
  ["dec_mpls_ttl", ActionType.DEC_MPLS_TTL],
  ["push_vlan", ActionType.PUSH_VLAN],
  ["pop_vlan", ActionType.POP_VLAN],
  ["push_mpls", ActionType.PUSH_MPLS],
  ["pop_mpls", ActionType.POP_MPLS],
  ["set_queue", ActionType.SET_QUEUE],
  ["group", ActionType.GROUP],
  ["set_nw_ttl", ActionType.SET_NW_TTL],
  ["dec_nw_ttl", ActionType.DEC_NW_TTL],
  ["set_field", ActionType.SET_FIELD],
  ["push_pbb", ActionType.PUSH_PBB],
  ["pop_pbb", ActionType.POP_PBB],
  ["experimenter", ActionType.EXPERIMENTER],
]);

/** Decodes one action TLV. */
export function decodeAction(r: Reader, index: number): Action {
  r.enter("actions", index);
  const type = r.u16("type");
  const length = r.u16("len");
  if (length < 8 || length % 8 !== 0) r.failAt(r.offset - 2, `action length ${length} is not a multiple of 8 of at least 8`, "len");
  const bodyStart = r.offset;
  const outer = r.narrow(length - 4, "body");
  const decoded = decodeActionBody(r, type, length) ?? { type: "unknown", actionType: type, body: r.viewFrom(bodyStart) };
  r.close(outer);
  r.leave();
  return decoded;
}

/** The structured action, or undefined when its length does not fit its type (kept raw). */
function decodeActionBody(b: Reader, type: number, length: number): Action | undefined {
  switch (type) {
    case ActionType.OUTPUT:
      return length === 16 ? { type: "output", port: b.u32("port"), maxLen: b.u16("max_len") } : undefined;
    case ActionType.COPY_TTL_OUT:
      return length === 8 ? { type: "copy_ttl_out" } : undefined;
    case ActionType.COPY_TTL_IN:
      return length === 8 ? { type: "copy_ttl_in" } : undefined;
    case ActionType.DEC_MPLS_TTL:
      return length === 8 ? { type: "dec_mpls_ttl" } : undefined;
    case ActionType.POP_VLAN:
      return length === 8 ? { type: "pop_vlan" } : undefined;
    case ActionType.DEC_NW_TTL:
      return length === 8 ? { type: "dec_nw_ttl" } : undefined;
    case ActionType.POP_PBB:
      return length === 8 ? { type: "pop_pbb" } : undefined;
    case ActionType.PUSH_VLAN:
      return length === 8 ? { type: "push_vlan", ethertype: b.u16("ethertype") } : undefined;
    case ActionType.PUSH_MPLS:
      return length === 8 ? { type: "push_mpls", ethertype: b.u16("ethertype") } : undefined;
    case ActionType.POP_MPLS:
      return length === 8 ? { type: "pop_mpls", ethertype: b.u16("ethertype") } : undefined;
    case ActionType.PUSH_PBB:
      return length === 8 ? { type: "push_pbb", ethertype: b.u16("ethertype") } : undefined;
    case ActionType.SET_MPLS_TTL:
      return length === 8 ? { type: "set_mpls_ttl", mplsTtl: b.u8("mpls_ttl") } : undefined;
    case ActionType.SET_NW_TTL:
      return length === 8 ? { type: "set_nw_ttl", nwTtl: b.u8("nw_ttl") } : undefined;
    case ActionType.SET_QUEUE:
      return length === 8 ? { type: "set_queue", queueId: b.u32("queue_id") } : undefined;
    case ActionType.GROUP:
      return length === 8 ? { type: "group", groupId: b.u32("group_id") } : undefined;
    case ActionType.SET_FIELD: {
      b.enter("field");
      const field = decodeOxm(b, 0);
      b.leave();
      const used = length - 4 - b.remaining;
      return Math.ceil((4 + used) / 8) * 8 === length ? { type: "set_field", field } : undefined;
    }
    case ActionType.EXPERIMENTER:
      return { type: "experimenter", experimenter: b.u32("experimenter"), data: b.rest("data") };
    default:
      return undefined;
  }
}

/** Decodes a list of actions filling `length` bytes. */
export function decodeActions(r: Reader, length: number): Action[] {
  const outer = r.narrow(length, "actions");
  const actions: Action[] = [];
  while (r.remaining > 0) actions.push(decodeAction(r, actions.length));
  r.close(outer);
  return actions;
}

/** Encodes one action. */
export function encodeAction(w: Writer, action: Action, field: string): void {
  w.enter(field);
  encodeActionTlv(w, action);
  w.leave();
}

function encodeActionTlv(w: Writer, action: Action): void {
  if (action === null || typeof action !== "object") throw new EncodeError("", "expected an action object");
  const start = w.length;
  const code = action.type === "unknown" ? action.actionType : TYPE_CODE.get(action.type);
  if (code === undefined) throw new EncodeError("type", `unknown action type "${String((action as { type: unknown }).type)}"`);
  w.u16(code, "type");
  w.u16(0, "len");
  switch (action.type) {
    case "output":
      w.u32(action.port, "port");
      w.u16(action.maxLen ?? 0, "maxLen");
      w.zeros(6);
      break;
    case "set_mpls_ttl":
      w.u8(action.mplsTtl, "mplsTtl");
      w.zeros(3);
      break;
    case "set_nw_ttl":
      w.u8(action.nwTtl, "nwTtl");
      w.zeros(3);
      break;
    case "push_vlan":
    case "push_mpls":
    case "pop_mpls":
    case "push_pbb":
      w.u16(action.ethertype, "ethertype");
      w.zeros(2);
      break;
    case "set_queue":
      w.u32(action.queueId, "queueId");
      break;
    case "group":
      w.u32(action.groupId, "groupId");
      break;
    case "set_field":
      encodeOxm(w, action.field, "field");
      w.padTo(start, 8);
      break;
    case "experimenter":
      w.u32(action.experimenter, "experimenter");
      w.bytes(action.data, "data");
      break;
    case "unknown":
      w.bytes(action.body, "body");
      break;
    default:
      w.zeros(4);
  }
  w.u16At(start + 2, w.length - start, "len");
}

/** Encodes a list of actions; errors name `field[i].member`. */
export function encodeActions(w: Writer, actions: readonly Action[], field = "actions"): void {
  w.enter(field);
  if (!Array.isArray(actions)) throw new EncodeError("", "expected a list of actions");
  for (let i = 0; i < actions.length; i++) {
    w.enter("", i);
    encodeActionTlv(w, actions[i] as Action);
    w.leave();
  }
  w.leave();
}
