import { describe, expect, it } from "vitest";
import type { MessageOf, OfMessage } from "../codec/index.ts";
import { chainCookie, chainFlowMods, installChain, portPatch, removeChain, type SteeringChain } from "./chain.ts";
import { FlowTable } from "./flow-table.ts";

const flowMods = (messages: OfMessage[]): MessageOf<"flow_mod">[] => messages.filter((m): m is MessageOf<"flow_mod"> => m.type === "flow_mod");

function tableWith(...batches: OfMessage[][]): FlowTable {
  const t = new FlowTable();
  for (const batch of batches) for (const m of flowMods(batch)) t.apply(m);
  return t;
}

/** Follows a packet through the switch: each output port leads into the vNF wired there. */
function walk(table: FlowTable, packet: Record<string, string | number>, start: number, vnfs: Map<number, number>): number[] {
  const path = [start];
  let port = start;
  for (let i = 0; i < 10; i++) {
    const out = table.forward({ ...packet, in_port: port });
    if (out.length !== 1) return [...path, ...(out.length === 0 ? [-1] : out)];
    const next = out[0] as number;
    path.push(next);
    const back = vnfs.get(next);
    if (back === undefined) return path;
    path.push(back);
    port = back;
  }
  return path;
}

// UE on port 1, server on port 2; three vNFs: in 11 → out 12, in 21 → out 22, in 31 → out 32.
const vnfs = new Map([
  [11, 12],
  [21, 22],
  [31, 32],
]);
const idsOnWeb: SteeringChain = {
  id: 7,
  version: 0,
  priority: 100,
  selector: [
    { field: "eth_src", value: "02:00:00:00:00:01" },
    { field: "eth_type", value: 0x0800 },
    { field: "ip_proto", value: 6 },
    { field: "tcp_dst", value: 80 },
  ],
  ingressPort: 1,
  hops: [
    { inPort: 11, outPort: 12 },
    { inPort: 21, outPort: 22 },
    { inPort: 31, outPort: 32 },
  ],
  egressPort: 2,
};
const web = { eth_src: "02:00:00:00:00:01", eth_type: 0x0800, ip_proto: 6, tcp_dst: 80 };
const dns = { eth_src: "02:00:00:00:00:01", eth_type: 0x0800, ip_proto: 17, udp_dst: 53 };

describe("GNF steering app", () => {
  it("steers the selected traffic through every vNF in order, unmodified, to its destination", () => {
    const table = tableWith(portPatch(1, 2, 1), installChain(idsOnWeb));
    expect(walk(table, web, 1, vnfs)).toEqual([1, 11, 12, 21, 22, 31, 32, 2]);
    expect(walk(table, dns, 1, vnfs)).toEqual([1, 2]);
    expect(flowMods(installChain(idsOnWeb)).every((m) => m.instructions.every((i) => i.type === "apply_actions" && i.actions.every((a) => a.type === "output")))).toBe(true);
  });

  it("ends each batch with a barrier", () => {
    expect(installChain(idsOnWeb).at(-1)?.type).toBe("barrier_request");
    expect(removeChain(7).at(-1)?.type).toBe("barrier_request");
  });

  it("resolves overlapping selectors by priority", () => {
    const allTcp: SteeringChain = { ...idsOnWeb, id: 8, priority: 50, selector: [{ field: "eth_type", value: 0x0800 }, { field: "ip_proto", value: 6 }], hops: [{ inPort: 31, outPort: 32 }] };
    const table = tableWith(portPatch(1, 2, 1), installChain(allTcp), installChain(idsOnWeb));
    expect(walk(table, web, 1, vnfs)).toEqual([1, 11, 12, 21, 22, 31, 32, 2]);
    expect(walk(table, { ...web, tcp_dst: 443 }, 1, vnfs)).toEqual([1, 31, 32, 2]);
  });

  it("updates a chain's path atomically: new entries in, leftovers of the old version out", () => {
    const table = tableWith(portPatch(1, 2, 1), installChain(idsOnWeb));
    const v1: SteeringChain = { ...idsOnWeb, version: 1, hops: [{ inPort: 21, outPort: 22 }] };
    for (const m of flowMods(installChain(v1, 0))) table.apply(m);
    expect(walk(table, web, 1, vnfs)).toEqual([1, 21, 22, 2]);
    expect(table.entries.filter((e) => e.cookie >> 16n === 7n).map((e) => e.cookie)).toEqual([chainCookie(7, 1), chainCookie(7, 1)]);
  });

  it("removes every version of a chain by cookie and leaves other flows alone", () => {
    const table = tableWith(portPatch(1, 2, 1), installChain(idsOnWeb));
    expect(table.entries.length).toBe(6);
    for (const m of flowMods(removeChain(7))) table.apply(m);
    expect(table.entries.length).toBe(2);
    expect(walk(table, web, 1, vnfs)).toEqual([1, 2]);
  });

  it("refuses an in_port in the selector and out-of-range ids", () => {
    expect(() => chainFlowMods({ ...idsOnWeb, selector: [{ field: "in_port", value: 3 }] })).toThrow("must not contain in_port");
    expect(() => chainCookie(-1, 0)).toThrow(RangeError);
    expect(() => chainCookie(1, 70000)).toThrow(RangeError);
  });
});

describe("FlowTable semantics", () => {
  it("ADD replaces an identical match and priority; DELETE_STRICT removes exactly one", () => {
    const t = tableWith(portPatch(1, 2, 5), portPatch(1, 3, 5));
    expect(t.entries.length).toBe(3);
    expect(t.forward({ in_port: 1 })).toEqual([3]);
    t.apply({ ...flowMods(portPatch(1, 3, 5))[0]!, command: 4 });
    expect(t.forward({ in_port: 1 })).toEqual([]);
    expect(t.forward({ in_port: 3 })).toEqual([1]);
  });

  it("masked IPv4 matches and non-strict delete by a wider match", () => {
    const t = new FlowTable();
    const add = flowMods(portPatch(1, 2, 1))[0]!;
    t.apply({ ...add, priority: 10, match: [{ field: "eth_type", value: 0x800 }, { field: "ipv4_dst", value: "10.0.0.0", mask: "255.255.255.0" }] });
    expect(t.forward({ in_port: 1, eth_type: 0x800, ipv4_dst: "10.0.0.77" })).toEqual([2]);
    expect(t.forward({ in_port: 1, eth_type: 0x800, ipv4_dst: "10.0.1.77" })).toEqual([]);
    t.apply({ ...add, command: 3, match: [{ field: "eth_type", value: 0x800 }] });
    expect(t.entries.length).toBe(0);
  });
});
