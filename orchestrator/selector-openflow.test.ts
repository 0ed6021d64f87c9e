/**
 * One match model: the simulator's view of a chain selector (orchestrator/selector.ts and the
 * scenario schema) and the emulation's (the selector's OpenFlow matches installed by the steering
 * app: specMatches → steer → FLOW_MODs through the codec → fake flow table) accept and refuse the
 * same selectors, and classify the same packets.
 */
import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage } from "../openflow/codec/index.ts";
import { EMPTY_STEERING, steer } from "../openflow/steering/app.ts";
import { FlowTable } from "../openflow/steering/flow-table.ts";
import { sameMatch } from "../openflow/steering/match-math.ts";
import { specMatches } from "../openflow/steering/match-spec.ts";
import { trafficSelectorSchema } from "./config.ts";
import { selectorMatches, selectorProblems, type PacketHeaders, type TrafficSelector } from "./selector.ts";

const UE_PORT = 1;
const VNF_IN = 11;
const PHONE = "02:00:00:00:00:01";

/** Well-formed packets: every field a packet of its kind carries, vlan_vid 0 (OFPVID_NONE) when untagged. */
const base = { eth_src: PHONE, eth_dst: "02:00:00:00:00:fe", vlan_vid: 0 };
const v4tcp = { ...base, eth_type: 0x0800, ip_proto: 6, ipv4_src: "10.0.0.5", ipv4_dst: "93.184.216.34", tcp_src: 40000, tcp_dst: 80 };
const PACKETS: Record<string, PacketHeaders> = {
  v4tcp,
  v4tcpNeighbour: { ...v4tcp, ipv4_dst: "93.184.216.35" },
  v4tcpOther: { ...v4tcp, ipv4_src: "10.0.1.200", ipv4_dst: "10.1.2.3", tcp_dst: 443 },
  v4udp: { ...base, eth_dst: "01:00:5e:00:00:fb", eth_type: 0x0800, ip_proto: 17, ipv4_src: "10.0.0.5", ipv4_dst: "8.8.8.8", udp_src: 5353, udp_dst: 53 },
  v4tagged: { ...v4tcp, vlan_vid: 0x1064 },
  v4otherUe: { ...v4tcp, eth_src: "0a:00:00:00:00:02" },
  v6tcp: { ...base, eth_type: 0x86dd, ip_proto: 6, ipv6_src: "2001:db8:1::7", ipv6_dst: "2001:db9::1", tcp_src: 40000, tcp_dst: 80 },
  v6tcpHost: { ...base, eth_type: 0x86dd, ip_proto: 6, ipv6_src: "2001:db8:1::8", ipv6_dst: "2001:db9:0:1::1", tcp_src: 40000, tcp_dst: 80 },
  v6udp: { ...base, eth_type: 0x86dd, ip_proto: 17, ipv6_src: "fe80::1", ipv6_dst: "2001:db8::53", udp_src: 5353, udp_dst: 53 },
  arp: { ...base, eth_dst: "ff:ff:ff:ff:ff:ff", eth_type: 0x0806, arp_op: 1, arp_spa: "10.0.0.5", arp_tpa: "10.0.0.1" },
  mpls: { ...base, eth_type: 0x8847, mpls_label: 5 },
  mplsMulticast: { ...base, eth_type: 0x8848, mpls_label: 5 },
};
type PacketName = keyof typeof PACKETS;
const ALL = Object.keys(PACKETS) as PacketName[];
const V4 = ALL.filter((p) => p.startsWith("v4"));

/** Accepted selectors with the packets they select. */
const ACCEPTED: [string, TrafficSelector, PacketName[]][] = [
  ["empty", {}, ALL],
  ["paper IDS example", { eth_src: PHONE, ip_proto: 6, tcp_dst: 80 }, ["v4tcp", "v4tcpNeighbour", "v4tagged", "v6tcp", "v6tcpHost"]],
  ["IPv4 /0", { ipv4_dst: "0.0.0.0/0" }, V4],
  ["IPv4 /8", { ipv4_dst: "93.0.0.0/8" }, ["v4tcp", "v4tcpNeighbour", "v4tagged", "v4otherUe"]],
  ["IPv4 /24", { ipv4_dst: "93.184.216.0/24" }, ["v4tcp", "v4tcpNeighbour", "v4tagged", "v4otherUe"]],
  ["IPv4 /32", { ipv4_dst: "93.184.216.34/32" }, ["v4tcp", "v4tagged", "v4otherUe"]],
  ["IPv4 prefix with host bits (cleared)", { ipv4_dst: "10.1.2.3/8" }, ["v4tcpOther"]],
  ["IPv4 explicit subnet mask", { ipv4_src: { value: "10.0.0.0", mask: "255.255.255.0" } }, ["v4tcp", "v4tcpNeighbour", "v4udp", "v4tagged", "v4otherUe"]],
  ["IPv4 arbitrary mask", { ipv4_src: { value: "10.0.0.200", mask: "255.255.0.255" } }, ["v4tcpOther"]],
  ["IPv6 /0", { ipv6_src: "::/0" }, ["v6tcp", "v6tcpHost", "v6udp"]],
  ["IPv6 /32", { ipv6_src: "2001:db8::/32" }, ["v6tcp", "v6tcpHost"]],
  ["IPv6 /64", { ipv6_dst: "2001:db9::/64" }, ["v6tcp"]],
  ["IPv6 /128", { ipv6_src: "2001:db8:1::7/128" }, ["v6tcp"]],
  ["IPv6 prefix with UDP, prerequisites implied", { udp_dst: 53, ipv6_dst: "2001:db8::/32" }, ["v6udp"]],
  ["MAC OUI mask", { eth_src: { value: "02:00:00:00:00:00", mask: "ff:ff:ff:00:00:00" } }, ALL.filter((p) => p !== "v4otherUe")],
  ["MAC multicast bit", { eth_dst: { value: "01:00:00:00:00:00", mask: "01:00:00:00:00:00" } }, ["v4udp", "arp"]],
  ["vlan present bit", { vlan_vid: { value: 0x1000, mask: 0x1000 } }, ["v4tagged"]],
  ["vlan exact", { vlan_vid: 0x1064 }, ["v4tagged"]],
  ["untagged", { vlan_vid: 0 }, ALL.filter((p) => p !== "v4tagged")],
  ["tcp port alone (ip_proto and eth_type implied)", { tcp_dst: 443 }, ["v4tcpOther"]],
  ["ip_proto alone (IPv4 or IPv6)", { ip_proto: 17 }, ["v4udp", "v6udp"]],
  ["eth_type given", { eth_type: 0x86dd, ipv6_src: "2001:db8::/32", tcp_dst: 80 }, ["v6tcp", "v6tcpHost"]],
  ["ARP", { arp_op: 1, arp_tpa: "10.0.0.0/24" }, ["arp"]],
  ["MPLS (unicast or multicast)", { mpls_label: 5 }, ["mpls", "mplsMulticast"]],
  ["hex text for integers", { eth_type: "0x800", tcp_dst: "80" }, ["v4tcp", "v4tcpNeighbour", "v4tagged", "v4otherUe"]],
];

/** Refused selectors. */
const REFUSED: [string, TrafficSelector][] = [
  ["tcp_* with ip_proto 17", { ip_proto: 17, tcp_dst: 80 }],
  ["ipv4_* with eth_type IPv6", { eth_type: 0x86dd, ipv4_dst: "10.0.0.1" }],
  ["tcp_* with udp_*", { tcp_dst: 80, udp_dst: 53 }],
  ["ipv4_* with ipv6_*", { ipv4_src: "10.0.0.1", ipv6_src: "2001:db8::1" }],
  ["arp_* with ip_proto", { arp_op: 1, ip_proto: 6 }],
  ["mpls_* with ip_proto", { mpls_label: 5, ip_proto: 6 }],
  ["mpls_* with eth_type ARP", { eth_type: 0x0806, mpls_label: 5 }],
  ["IPv4 /33", { ipv4_dst: "10.0.0.0/33" }],
  ["IPv6 /129", { ipv6_dst: "2001:db8::/129" }],
  ["malformed prefix", { ipv4_dst: "10.0.0.0/x" }],
  ["two prefixes", { ipv4_dst: "10.0.0.0/8/8" }],
  ["IPv6 prefix of a bad address", { ipv6_src: "2001:db8::1::2/64" }],
  ["prefix on a MAC", { eth_src: "02:00:00:00:00:00/8" }],
  ["value bits outside the mask", { ipv4_src: { value: "10.0.0.5", mask: "255.255.255.0" } }],
  ["vlan mask wider than 13 bits", { vlan_vid: { value: 0x1000, mask: 0xffff } }],
  ["vlan value wider than 13 bits", { vlan_vid: 0x2000 }],
  ["mpls_label wider than 20 bits", { mpls_label: 0x100000 }],
  ["malformed IPv4 mask", { ipv4_dst: { value: "10.0.0.0", mask: "255.255.255.256" } }],
  ["mask on a non-maskable field", { tcp_dst: { value: 80, mask: 0xff } }],
  ["mask on eth_type", { eth_type: { value: 0x800, mask: 0xffff } }],
  ["port out of range", { tcp_dst: 70000 }],
  ["negative port", { udp_dst: -1 }],
  ["short MAC", { eth_src: "02:00" }],
  ["in_port (steering matches it per stage)", { in_port: 3 }],
];

/** The emulation's path: every OpenFlow match of the selector as a chain through one vNF, via the codec, on a fake switch. */
function install(selector: TrafficSelector): FlowTable {
  const table = new FlowTable();
  let state = EMPTY_STEERING;
  specMatches(selector).forEach((match, i) => {
    const r = steer(state, { type: "install", datapathId: 1n, chain: { id: i + 1, priority: 100, selector: match, ingressPort: UE_PORT, hops: [{ inPort: VNF_IN, outPort: 12 }], egressPort: 2 } });
    state = r.state;
    for (const { messages } of r.out) {
      for (const m of messages) {
        if (m.type !== "flow_mod") continue;
        const back = decodeMessage(encodeMessage(m));
        if (back.type !== "flow_mod" || !sameMatch(back.match, m.match)) throw new Error("the codec changed the match");
        table.apply(m);
      }
    }
  });
  return table;
}

function openflowRefusal(selector: TrafficSelector): string | undefined {
  try {
    install(selector);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

describe("selectors: the orchestrator and OpenFlow steering agree", () => {
  it.each(ACCEPTED)("accepts %s in both and selects the same packets", (_name, selector, selected) => {
    expect(selectorProblems(selector)).toEqual([]);
    expect(trafficSelectorSchema.safeParse(selector).success).toBe(true);
    const table = install(selector);
    for (const name of ALL) {
      const packet = PACKETS[name] as PacketHeaders;
      const simulated = selectorMatches(selector, packet);
      const switched = table.forward({ ...packet, in_port: UE_PORT });
      expect({ name, simulated, switched }).toEqual({ name, simulated: selected.includes(name), switched: simulated ? [VNF_IN] : [] });
    }
  });

  it.each(REFUSED)("refuses %s in both", (_name, selector) => {
    expect(selectorProblems(selector)).not.toEqual([]);
    expect(trafficSelectorSchema.safeParse(selector).success).toBe(false);
    expect(openflowRefusal(selector)).toBeDefined();
  });

  it("names the same problem on both paths", () => {
    expect(selectorProblems({ ip_proto: 17, tcp_dst: 80 })).toEqual(["tcp_* fields need ip_proto 6, got 17"]);
    expect(openflowRefusal({ ip_proto: 17, tcp_dst: 80 })).toBe("tcp_* fields need ip_proto 6, got 17");
    expect(selectorProblems({ tcp_dst: 80, udp_dst: 53 })).toEqual(["tcp_* and udp_* fields cannot both be matched (tcp_* fields need ip_proto 6; udp_* fields need ip_proto 17)"]);
    expect(selectorProblems({ vlan_vid: { value: 0x1000, mask: 0xffff } })).toEqual(["vlan_vid: expected an integer from 0 to 8191 (13 bits), found 65535"]);
    expect(openflowRefusal({ vlan_vid: { value: 0x1000, mask: 0xffff } })).toBe("vlan_vid: expected an integer from 0 to 8191 (13 bits), found 65535");
    expect(selectorProblems({ ipv4_src: { value: "10.0.0.5", mask: "255.255.255.0" } })).toEqual(["ipv4_src: value 10.0.0.5 has bits set outside its mask 255.255.255.0 (OFPBMC_BAD_WILDCARDS)"]);
    expect(selectorProblems({ ipv6_dst: "2001:db8::/129" })).toEqual(["prefix length 129 must be an integer in [0, 128]"]);
  });

  it("gives OpenFlow matches with prerequisites first, one per open alternative", () => {
    expect(specMatches({ tcp_dst: 80, ipv6_src: "2001:db8::/32" })).toEqual([
      [
        { field: "eth_type", value: 0x86dd },
        { field: "ip_proto", value: 6 },
        { field: "tcp_dst", value: 80 },
        { field: "ipv6_src", value: "2001:db8::", mask: "ffff:ffff::" },
      ],
    ]);
    expect(specMatches({ ip_proto: 6 }).map((m) => m[0])).toEqual([
      { field: "eth_type", value: 0x0800 },
      { field: "eth_type", value: 0x86dd },
    ]);
    expect(specMatches({ ipv4_dst: "10.1.2.3/8" })).toEqual([
      [
        { field: "eth_type", value: 0x0800 },
        { field: "ipv4_dst", value: "10.0.0.0", mask: "255.0.0.0" },
      ],
    ]);
    expect(specMatches({ ipv4_dst: "10.1.2.3/32" })[0]?.[1]).toEqual({ field: "ipv4_dst", value: "10.1.2.3" });
  });
});
