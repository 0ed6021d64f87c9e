import { describe, expect, it } from "vitest";
import { classifyPacket, type ChainSpec } from "./chains.ts";
import { chainConfigSchema, chainsConfigSchema, chainsFromConfig, managerConfigSchema, trafficSelectorSchema } from "./config.ts";
import { fieldConstraint, fieldValueToBigInt, selectorMatches, selectorProblems, withPrerequisites } from "./selector.ts";

const PHONE = "02:00:00:00:00:01";
const http = { eth_src: PHONE, eth_type: 0x800, ip_proto: 6, ipv4_src: "10.0.0.5", ipv4_dst: "93.184.216.34", tcp_src: 40000, tcp_dst: 80 };

describe("selectors", () => {
  it("matches the paper's IDS example on HTTP traffic of one phone only", () => {
    const ids = { eth_src: PHONE, ip_proto: 6, tcp_dst: 80 };
    expect(selectorMatches(ids, http)).toBe(true);
    expect(selectorMatches(ids, { ...http, tcp_dst: 443 })).toBe(false);
    expect(selectorMatches(ids, { ...http, eth_src: "02:00:00:00:00:02" })).toBe(false);
    expect(selectorMatches(ids, { eth_src: PHONE, ip_proto: 17, udp_dst: 80 })).toBe(false);
    expect(selectorMatches({}, http)).toBe(true);
  });

  it("handles IPv4 prefixes, explicit masks, IPv6 prefixes and masked MACs", () => {
    expect(selectorMatches({ ipv4_dst: "93.184.0.0/16" }, http)).toBe(true);
    expect(selectorMatches({ ipv4_dst: "93.185.0.0/16" }, http)).toBe(false);
    expect(selectorMatches({ ipv4_src: { value: "10.0.0.0", mask: "255.255.255.0" } }, http)).toBe(true);
    expect(selectorMatches({ ipv6_src: "2001:db8::/32" }, { ipv6_src: "2001:db8:1::7" })).toBe(true);
    expect(selectorMatches({ ipv6_src: "2001:db8::/32" }, { ipv6_src: "2001:db9::7" })).toBe(false);
    expect(selectorMatches({ eth_src: { value: "02:00:00:00:00:00", mask: "ff:ff:ff:00:00:00" } }, http)).toBe(true);
    expect(selectorMatches({ vlan_vid: { value: 0x1000, mask: 0x1000 } }, { vlan_vid: 0x1064 })).toBe(true);
    expect(fieldConstraint("ipv4_dst", "10.1.2.3/8")).toEqual({ field: "ipv4_dst", value: 0x0a000000n, mask: 0xff000000n });
    expect(fieldValueToBigInt("ipv6_src", "::1")).toBe(1n);
    expect(fieldValueToBigInt("ipv6_src", "fe80::1:2")).toBe((0xfe80n << 112n) | (1n << 16n) | 2n);
  });

  it("reports malformed values and prerequisite conflicts", () => {
    expect(selectorProblems({ ip_proto: 6, tcp_dst: 80 })).toEqual([]);
    expect(selectorProblems({ ip_proto: 17, tcp_dst: 80 })).toEqual(["tcp_* fields need ip_proto 6, got 17"]);
    expect(selectorProblems({ eth_type: 0x86dd, ipv4_dst: "10.0.0.1" })).toEqual(["ipv4_* fields need eth_type 0x800, got 0x86dd"]);
    expect(selectorProblems({ tcp_dst: 70000 })).toEqual(["tcp_dst: expected an integer from 0 to 65535 (16 bits), found 70000"]);
    expect(selectorProblems({ eth_src: "02:00" })).toEqual(['"02:00" is not a MAC address (expected aa:bb:cc:dd:ee:ff)']);
    expect(selectorProblems({ tcp_dst: { value: 80, mask: 0xff } })).toEqual(["tcp_dst cannot be masked"]);
  });

  it("fills in implied prerequisites", () => {
    expect(withPrerequisites({ tcp_dst: 80, ipv4_dst: "10.0.0.1" })).toEqual({ tcp_dst: 80, ipv4_dst: "10.0.0.1", ip_proto: 6, eth_type: 0x800 });
    expect(withPrerequisites({ arp_op: 1 })).toEqual({ arp_op: 1, eth_type: 0x806 });
    expect(withPrerequisites({ ip_proto: 6 })).toEqual({ ip_proto: 6 });
  });
});

describe("classifyPacket", () => {
  const chain = (id: string, priority: number, match: ChainSpec["match"], ue = "phone-1"): ChainSpec => ({ id, ue, vnfs: [{ type: "ids", params: {} }], match, priority });
  const chains = [chain("all", 10, { eth_src: PHONE }), chain("http", 100, { eth_src: PHONE, ip_proto: 6, tcp_dst: 80 }), chain("web", 100, { ipv4_dst: "93.184.216.0/24" }), chain("other-ue", 200, {}, "phone-2")];

  it("picks the highest priority among overlapping selectors, ties by request order", () => {
    expect(classifyPacket(chains, http, "phone-1")?.id).toBe("http");
    expect(classifyPacket(chains, { ...http, tcp_dst: 22 }, "phone-1")?.id).toBe("web");
    expect(classifyPacket(chains, { ...http, tcp_dst: 22, ipv4_dst: "8.8.8.8" }, "phone-1")?.id).toBe("all");
    expect(classifyPacket(chains, { eth_src: "02:00:00:00:00:09" }, "phone-1")).toBeUndefined();
    expect(classifyPacket(chains, http)?.id).toBe("other-ue");
  });
});

describe("scenario configuration", () => {
  it("parses the paper's chain example with defaults", () => {
    const parsed = chainConfigSchema.parse({ ue: "phone-1", vnfs: ["ids"], match: { eth_src: PHONE, ip_proto: 6, tcp_dst: 80 } });
    expect(parsed).toEqual({ ue: "phone-1", vnfs: ["ids"], match: { eth_src: PHONE, ip_proto: 6, tcp_dst: 80 }, priority: 100, at: 0 });
    expect(chainsFromConfig([parsed, { ...parsed, id: "fw", vnfs: [{ type: "firewall", params: { drop: "10.0.0.9" } }], until: 60 }])).toEqual([
      { spec: { id: "chain-1", ue: "phone-1", vnfs: [{ type: "ids", params: {} }], match: { eth_src: PHONE, ip_proto: 6, tcp_dst: 80 }, priority: 100 }, at: 0 },
      { spec: { id: "fw", ue: "phone-1", vnfs: [{ type: "firewall", params: { drop: "10.0.0.9" } }], match: { eth_src: PHONE, ip_proto: 6, tcp_dst: 80 }, priority: 100 }, at: 0, until: 60 },
    ]);
  });

  it("rejects unknown fields, bad prerequisites and duplicate ids with their paths", () => {
    const unknown = trafficSelectorSchema.safeParse({ tcp_port: 80 });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.code).toBe("unrecognized_keys");
    expect(trafficSelectorSchema.safeParse({ ip_proto: 17, tcp_dst: 80 }).error?.issues.map((i) => i.message)).toEqual(["tcp_* fields need ip_proto 6, got 17"]);
    const dup = chainsConfigSchema.safeParse([{ id: "a", ue: "u", vnfs: ["ids"] }, { id: "a", ue: "u", vnfs: ["ids"] }]);
    expect(dup.error?.issues.map((i) => [i.path, i.message])).toEqual([[[1, "id"], 'duplicate chain id "a"']]);
  });

  it("gives the Manager's defaults and validates the threshold", () => {
    expect(managerConfigSchema.parse({})).toEqual({ ueMobility: "follow", migration: "make-before-break", utilisationThreshold: 0.15, overloadThreshold: 0.9, replacementPeriod: 0 });
    expect(managerConfigSchema.safeParse({ utilisationThreshold: 1.5 }).success).toBe(false);
    expect(managerConfigSchema.safeParse({ policy: "follow" }).success).toBe(false);
  });
});
