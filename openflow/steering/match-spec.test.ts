import { describe, expect, it } from "vitest";
import { fieldValue, formatFieldValue, oxmField, prefixMask } from "./field-values.ts";
import { matchProblems, specConstraint, specMatches, specProblems } from "./match-spec.ts";
import { resolvePrerequisites } from "./prerequisites.ts";

describe("field values", () => {
  it("parses integers and addresses against the field's width (spec table 11)", () => {
    expect([fieldValue("tcp_dst", 80), fieldValue("tcp_dst", "0x50"), fieldValue("eth_type", 0x86dd)]).toEqual([80n, 80n, 0x86ddn]);
    expect(fieldValue("eth_src", "02:00:00:00:00:0A")).toBe(0x02000000000an);
    expect(fieldValue("ipv6_dst", "2001:db8::1")).toBe((0x20010db8n << 96n) | 1n);
    expect(() => fieldValue("vlan_vid", 0x2000)).toThrow("vlan_vid: expected an integer from 0 to 8191 (13 bits), found 8192");
    expect(() => fieldValue("mpls_label", 0x100000)).toThrow("mpls_label: expected an integer from 0 to 1048575 (20 bits), found 1048576");
    expect(() => fieldValue("ipv4_dst", "10.0.0.300")).toThrow('"10.0.0.300" is not an IPv4 address (expected a.b.c.d)');
    expect(() => fieldValue("tcp_dst", 1.5)).toThrow("tcp_dst: expected an integer from 0 to 65535 (16 bits), found 1.5");
    expect(prefixMask(20, 32)).toBe(0xfffff000n);
    expect(formatFieldValue(oxmField("ipv6_src"), 0x20010db8n << 96n)).toBe("2001:db8::");
    expect(formatFieldValue(oxmField("metadata"), 5n)).toBe(5n);
  });
});

describe("match specs", () => {
  it("turns prefixes and masks into constraints; refuses what a switch refuses", () => {
    expect(specConstraint("ipv6_src", "2001:db8:ffff::/32")).toEqual({ value: 0x20010db8n << 96n, mask: 0xffffffffn << 96n });
    expect(specConstraint("vlan_vid", { value: 0x1000, mask: 0x1000 })).toEqual({ value: 0x1000n, mask: 0x1000n });
    expect(() => specConstraint("ipv6_nd_target", "2001:db8::/32")).toThrow("ipv6_nd_target cannot be masked");
    expect(() => specConstraint("eth_src", { value: "02:00:00:00:00:01", mask: "ff:00:00:00:00:00" })).toThrow("OFPBMC_BAD_WILDCARDS");
    expect(specProblems({ tcp_dst: 80, sctp_dst: 9, udp_dst: 53 })).toEqual([
      "tcp_*, sctp_* and udp_* fields cannot together be matched (tcp_* fields need ip_proto 6; sctp_* fields need ip_proto 132; udp_* fields need ip_proto 17)",
    ]);
    expect(specProblems({ nope: 1 })).toEqual(['unknown OXM field "nope"']);
  });

  it("resolves transitive prerequisites: implied, open, contradictory", () => {
    const fields = (o: Record<string, number | string>) => new Map(Object.entries(o).map(([f, v]) => [f, specConstraint(f, v)]));
    const nd = resolvePrerequisites(fields({ ipv6_nd_sll: "02:00:00:00:00:01" }));
    expect([...nd.implied].map(([f, c]) => [f, c.value])).toEqual([
      ["icmpv6_type", 135n],
      ["ip_proto", 58n],
    ]);
    // Table 11 asks only ip_proto 58 of ICMPv6 fields, and ip_proto either IP version.
    expect(nd.open.get("eth_type")?.map((c) => c.value)).toEqual([0x800n, 0x86ddn]);
    expect(resolvePrerequisites(fields({ ipv6_nd_target: "2001:db8::1" })).open.get("icmpv6_type")?.map((c) => c.value)).toEqual([135n, 136n]);
    expect(resolvePrerequisites(fields({ vlan_pcp: 3 })).implied.get("vlan_vid")).toEqual({ value: 0x1000n, mask: 0x1000n });
    expect(resolvePrerequisites(fields({ ipv6_nd_target: "2001:db8::1", tcp_dst: 80 })).problems).toEqual([
      "tcp_* and icmpv6_* fields cannot both be matched (tcp_* fields need ip_proto 6; icmpv6_* fields need ip_proto 58)",
    ]);
  });

  it("gives every alternative of an open prerequisite as its own match", () => {
    expect(specMatches({ mpls_label: 5 })).toEqual([
      [{ field: "eth_type", value: 0x8847 }, { field: "mpls_label", value: 5 }],
      [{ field: "eth_type", value: 0x8848 }, { field: "mpls_label", value: 5 }],
    ]);
    expect(() => specMatches({ ip_proto: 17, tcp_dst: 80 })).toThrow("tcp_* fields need ip_proto 6, got 17");
  });
});

describe("matchProblems", () => {
  it("checks an OXM list as a switch: prerequisites present, earlier and satisfied; fields once", () => {
    expect(matchProblems([{ field: "eth_type", value: 0x800 }, { field: "ip_proto", value: 6 }, { field: "tcp_dst", value: 80 }])).toEqual([]);
    expect(matchProblems([{ field: "ipv4_dst", value: "10.0.0.1" }])).toEqual(["ipv4_* fields need eth_type 0x800, which the match lacks (OFPBMC_BAD_PREREQ)"]);
    expect(matchProblems([{ field: "ipv4_dst", value: "10.0.0.1" }, { field: "eth_type", value: 0x800 }])).toEqual(["eth_type must come before ipv4_dst (a prerequisite precedes the fields that need it)"]);
    expect(matchProblems([{ field: "eth_type", value: 0x806 }, { field: "ipv4_dst", value: "10.0.0.1" }])).toEqual(["ipv4_* fields need eth_type 0x800, got 0x806"]);
    expect(matchProblems([{ field: "eth_type", value: 0x800 }, { field: "eth_type", value: 0x800 }])).toEqual(["eth_type appears twice (a field may be matched once)"]);
    expect(matchProblems([{ field: "eth_type", value: 0x800 }, { field: "ipv4_dst", value: "10.0.0.0/8" }])).toEqual(['"10.0.0.0/8" is not an IPv4 address (expected a.b.c.d)']);
    expect(matchProblems([{ oxmClass: 0xffff, oxmField: 1, hasMask: false, body: "00" }])).toEqual(["only basic OXM fields are supported here"]);
  });
});
