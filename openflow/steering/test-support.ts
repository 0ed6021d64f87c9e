/**
 * Helpers for steering unit tests: apply app output to a fake flow table and walk a packet
 * through the switch and the vNFs wired to it.
 */
import type { MessageOf, OfMessage } from "../codec/index.ts";
import type { SwitchMessages } from "./app.ts";
import { FlowTable } from "./flow-table.ts";
import type { PacketFields } from "./match-math.ts";

export function flowModsOf(messages: readonly OfMessage[]): MessageOf<"flow_mod">[] {
  return messages.filter((m): m is MessageOf<"flow_mod"> => m.type === "flow_mod");
}

/** Applies every FLOW_MOD of the app's output to `table` (all switches' messages: tests use one switch). */
export function applyAll(table: FlowTable, out: readonly SwitchMessages[] | readonly OfMessage[]): FlowTable {
  for (const item of out) {
    const messages = "messages" in item ? item.messages : [item];
    for (const m of flowModsOf(messages)) table.apply(m);
  }
  return table;
}

/**
 * Follows a packet entering at port `start`: each output port that has a vNF wired to it
 * (in-port → out-port in `vnfs`) leads back into the switch at the vNF's out-port. Returns the
 * ports visited; −1 marks a drop, the walk stops at a port with no vNF (the packet left the switch).
 */
export function walk(table: FlowTable, packet: PacketFields, start: number, vnfs: ReadonlyMap<number, number>): number[] {
  const path = [start];
  let port = start;
  for (let i = 0; i < 20; i++) {
    const out = table.forward({ ...packet, in_port: port });
    if (out.length !== 1) return [...path, ...(out.length === 0 ? [-1] : out)];
    const next = out[0] as number;
    path.push(next);
    const back = vnfs.get(next);
    if (back === undefined) return path;
    path.push(back);
    port = back;
  }
  return [...path, -2];
}
