import { describe, expect, it } from "vitest";
import { FlowModCommand, FlowModFlags, OFPTT_ALL } from "../constants.ts";
import type { MessageOf } from "../codec/index.ts";
import { flowAdd, portPatch } from "./flow-mods.ts";
import { FlowModRejected, FlowTable } from "./flow-table.ts";

const patch = (a: number, b: number, priority: number): MessageOf<"flow_mod">[] => portPatch(a, b, priority);
const ip = (dst: string, mask?: string): MessageOf<"flow_mod">["match"] => [{ field: "eth_type", value: 0x800 }, mask ? { field: "ipv4_dst", value: dst, mask } : { field: "ipv4_dst", value: dst }];

describe("FlowTable (fake switch) semantics", () => {
  it("ADD replaces an entry with identical match and priority; a higher priority wins", () => {
    const t = new FlowTable();
    for (const m of [...patch(1, 2, 5), ...patch(1, 3, 5)]) t.apply(m);
    expect(t.entries.map((e) => e.match)).toEqual([[{ field: "in_port", value: 1 }], [{ field: "in_port", value: 2 }], [{ field: "in_port", value: 3 }]]);
    expect(t.forward({ in_port: 1 })).toEqual([3]);
    t.apply(flowAdd(0n, 6, [{ field: "in_port", value: 1 }], 9));
    expect(t.forward({ in_port: 1 })).toEqual([9]);
    expect(t.forward({ in_port: 4 })).toEqual([]);
  });

  it("match field order does not matter for identity", () => {
    const t = new FlowTable();
    t.apply(flowAdd(1n, 10, [{ field: "in_port", value: 1 }, { field: "eth_type", value: 0x800 }], 2));
    t.apply(flowAdd(2n, 10, [{ field: "eth_type", value: 0x800 }, { field: "in_port", value: 1 }], 3));
    expect(t.entries.map((e) => e.cookie)).toEqual([2n]);
  });

  it("masked IPv4 matches; non-strict DELETE removes what a wider match covers, strict only the identical entry", () => {
    const t = new FlowTable();
    t.apply(flowAdd(0n, 10, ip("10.0.0.0", "255.255.255.0"), 2));
    t.apply(flowAdd(0n, 20, ip("10.0.0.7"), 3));
    t.apply(flowAdd(0n, 1, [{ field: "in_port", value: 1 }], 4));
    expect(t.forward({ in_port: 1, eth_type: 0x800, ipv4_dst: "10.0.0.77" })).toEqual([2]);
    expect(t.forward({ in_port: 1, eth_type: 0x800, ipv4_dst: "10.0.0.7" })).toEqual([3]);
    expect(t.forward({ in_port: 1, eth_type: 0x800, ipv4_dst: "10.0.1.77" })).toEqual([4]);
    t.apply({ ...flowAdd(0n, 20, ip("10.0.0.0", "255.255.255.0"), 0), command: FlowModCommand.DELETE_STRICT });
    expect(t.entries.length).toBe(3);
    t.apply({ ...flowAdd(0n, 0, [{ field: "eth_type", value: 0x800 }], 0), command: FlowModCommand.DELETE });
    expect(t.entries.map((e) => e.priority)).toEqual([1]);
  });

  it("MODIFY changes instructions of covered entries (cookie-masked), never adds; MODIFY_STRICT only the identical one", () => {
    const t = new FlowTable();
    t.apply(flowAdd(0x10n, 10, ip("10.0.0.1"), 2));
    t.apply(flowAdd(0x20n, 10, ip("10.0.0.2"), 2));
    t.apply({ ...flowAdd(0x10n, 0, [{ field: "eth_type", value: 0x800 }], 7), command: FlowModCommand.MODIFY, cookieMask: 0xf0n });
    expect(t.forward({ eth_type: 0x800, ipv4_dst: "10.0.0.1" })).toEqual([7]);
    expect(t.forward({ eth_type: 0x800, ipv4_dst: "10.0.0.2" })).toEqual([2]);
    t.apply({ ...flowAdd(0n, 10, ip("10.0.0.2"), 8), command: FlowModCommand.MODIFY_STRICT });
    t.apply({ ...flowAdd(0n, 10, ip("10.0.0.3"), 8), command: FlowModCommand.MODIFY_STRICT });
    expect(t.forward({ eth_type: 0x800, ipv4_dst: "10.0.0.2" })).toEqual([8]);
    expect(t.entries.length).toBe(2);
  });

  it("DELETE filters by out_port and by cookie mask", () => {
    const t = new FlowTable();
    for (const m of patch(1, 2, 1)) t.apply({ ...m, cookie: 0xab00n });
    t.apply({ ...flowAdd(0xab00n, 0, [], 0), command: FlowModCommand.DELETE, outPort: 2 });
    expect(t.entries.map((e) => e.match)).toEqual([[{ field: "in_port", value: 2 }]]);
    t.apply({ ...flowAdd(0xcd00n, 0, [], 0), command: FlowModCommand.DELETE, cookieMask: 0xff00n });
    expect(t.entries.length).toBe(1);
    t.apply({ ...flowAdd(0xab11n, 0, [], 0), command: FlowModCommand.DELETE, cookieMask: 0xff00n });
    expect(t.entries.length).toBe(0);
  });

  it("CHECK_OVERLAP refuses an overlapping entry of the same priority, like a switch", () => {
    const t = new FlowTable();
    t.apply(flowAdd(0n, 10, ip("10.0.0.0", "255.255.255.0"), 2));
    const clash = { ...flowAdd(0n, 10, ip("10.0.0.5"), 3), flags: FlowModFlags.CHECK_OVERLAP };
    expect(() => t.apply(clash)).toThrow(FlowModRejected);
    expect(() => t.apply(clash)).toThrow("FLOW_MOD_FAILED (code 3): an entry of priority 10 overlaps");
    t.apply({ ...clash, priority: 11 });
    t.apply({ ...flowAdd(0n, 10, ip("10.0.1.5"), 3), flags: FlowModFlags.CHECK_OVERLAP });
    expect(t.entries.length).toBe(3);
  });

  it("follows goto_table; write-actions output runs at the end; deletes in OFPTT_ALL reach every table", () => {
    const t = new FlowTable();
    t.apply({ ...flowAdd(0n, 1, [{ field: "in_port", value: 1 }], 5), instructions: [{ type: "apply_actions", actions: [{ type: "output", port: 5, maxLen: 0 }] }, { type: "goto_table", tableId: 3 }] });
    t.apply({ ...flowAdd(0n, 1, [], 0, 3), instructions: [{ type: "write_actions", actions: [{ type: "output", port: 6, maxLen: 0 }] }] });
    expect(t.forward({ in_port: 1 })).toEqual([5, 6]);
    expect(t.table(3).map((e) => e.packetCount)).toEqual([1]);
    t.apply({ ...flowAdd(0n, 0, [], 0, OFPTT_ALL), command: FlowModCommand.DELETE });
    expect(t.entries).toEqual([]);
    expect(() => t.apply(flowAdd(0n, 0, [], 0, OFPTT_ALL))).toThrow("FLOW_MOD_FAILED (code 2): ADD to table 255");
  });

  it("a packet without a field a match constrains does not match (IPv6 and MAC fields too)", () => {
    const t = new FlowTable();
    t.apply(flowAdd(0n, 5, [{ field: "eth_type", value: 0x86dd }, { field: "ipv6_dst", value: "2001:db8::", mask: "ffff:ffff::" }], 2));
    t.apply(flowAdd(0n, 4, [{ field: "eth_dst", value: "02:00:00:00:00:00", mask: "ff:00:00:00:00:00" }], 3));
    expect(t.forward({ eth_type: 0x86dd, ipv6_dst: "2001:db8::1" })).toEqual([2]);
    expect(t.forward({ eth_type: 0x86dd, ipv6_dst: "2001:db9::1", eth_dst: "02:aa:bb:cc:dd:ee" })).toEqual([3]);
    expect(t.forward({ eth_type: 0x86dd })).toEqual([]);
  });
});
