/**
 * The pure parts of the emulated network on the default scenario's topology:
 *   e-0-2 ─ e-0-1 ─ e-0-0 ─ metro ─(1.1 ms)─ core ─(2.1 ms)─ nfvi
 *                                              └─(10.1 ms)─ internet (server host)
 * the plan (switches, ports, relay delays, hosts), the L2 ports and the steering segments.
 */
import { describe, expect, it } from "vitest";
import { PathFinder } from "../../topologies/paths.ts";
import { l2FlowMods, l2Ports, L2_PRIORITY, type LinkPorts } from "./l2.ts";
import { planNetwork, PortAllocator } from "./plan.ts";
import { chainSegments, SteeringConflict } from "./segments.ts";
import { selectorOxm } from "./selector-oxm.ts";
import { defaultTopology } from "./test-topology.ts";

const topology = defaultTopology();
const paths = new PathFinder(topology);
const plan = planNetwork(topology, { ueCells: new Map([["ue-0", "e-0-0"]]), destinations: ["internet"], dpidBase: 0x10000n });
const links: LinkPorts = new Map(plan.links.map((l) => [l.id, l]));
const switches = plan.switches.map((s) => s.node);

describe("planNetwork", () => {
  it("makes every forwarding node a switch with its own dpid, and the internet node a server host", () => {
    expect(plan.switches.map((s) => [s.node, s.dpid])).toEqual([
      ["e-0-0", 0x10001n],
      ["e-0-1", 0x10002n],
      ["e-0-2", 0x10003n],
      ["metro", 0x10004n],
      ["core", 0x10005n],
      ["nfvi", 0x10006n],
    ]);
    expect(plan.hosts).toEqual([
      { id: "server:internet", kind: "server", node: "internet", ip: "10.254.0.1", mac: "02:fe:00:00:00:01", attach: "core", port: 3, delayMs: 10.1, skippedDelayMs: 0 },
      { id: "ue-0", kind: "ue", node: "e-0-0", ip: "10.0.0.1", mac: "02:00:00:00:00:01", attach: "e-0-0", port: 3, skippedDelayMs: 0 },
    ]);
  });

  it("emulates delays of at least 0.25 ms with a relay and records the skipped ones; leaves links of 1 Gbit/s and more unshaped", () => {
    expect(plan.links.map((l) => [l.a, l.b, l.portA, l.portB, l.delayMs ?? null, l.skippedDelayMs, l.bwMbit ?? null])).toEqual([
      ["e-0-0", "e-0-1", 1, 1, null, 0.1, null],
      ["e-0-1", "e-0-2", 2, 1, null, 0.1, null],
      ["metro", "core", 1, 1, 1.1, 0, null],
      ["core", "nfvi", 2, 1, 2.1, 0, null],
      ["e-0-0", "metro", 2, 2, null, 0.1, null],
    ]);
    const alloc = new PortAllocator(plan.nextPort);
    expect([alloc.take("e-0-0"), alloc.take("e-0-0"), alloc.take("e-0-1"), alloc.take("core")]).toEqual([4, 5, 3, 4]);
  });

  it("refuses topologies too big for this machine, with what to do", () => {
    expect(() => planNetwork(topology, { ueCells: new Map(), destinations: [], dpidBase: 0n, maxSwitches: 5 })).toThrow("has 6 forwarding nodes; the emulation on this machine takes at most 5 switches");
    const ues = new Map(Array.from({ length: 9 }, (_, i) => [`ue-${i}`, "e-0-0"]));
    expect(() => planNetwork(topology, { ueCells: ues, destinations: [], dpidBase: 0n })).toThrow("the scenario has 9 UEs; the emulation on this machine takes at most 8 (use --set ues.count=8)");
    expect(() => planNetwork(topology, { ueCells: new Map(), destinations: ["mars"], dpidBase: 0n })).toThrow('traffic destination "mars" is not a node');
  });
});

describe("L2 forwarding", () => {
  it("sends each MAC along the shortest path toward its host's port", () => {
    const ue = { mac: "02:00:00:00:00:01", switchNode: "e-0-2", port: 3 };
    expect(Object.fromEntries(l2Ports(paths, links, switches, ue))).toEqual({ "e-0-2": 3, "e-0-1": 2, "e-0-0": 1, metro: 2, core: 1, nfvi: 1 });
    const server = { mac: "02:fe:00:00:00:01", switchNode: "core", port: 3 };
    expect(Object.fromEntries(l2Ports(paths, links, switches, server))).toEqual({ "e-0-2": 1, "e-0-1": 1, "e-0-0": 2, metro: 1, core: 3, nfvi: 1 });
    const mod = l2FlowMods(paths, links, switches, ue).get("metro");
    expect([mod?.priority, mod?.match]).toEqual([L2_PRIORITY, [{ field: "eth_dst", value: "02:00:00:00:00:01" }]]);
  });
});

describe("chainSegments", () => {
  const destination = { switchNode: "core", port: 3 };
  it("a vNF on the access switch: one segment through it, then plain segments to the server's port", () => {
    const segs = chainSegments(paths, links, { chain: "fw", accessNode: "e-0-0", uePort: 3, hops: [{ switchNode: "e-0-0", inPort: 4, outPort: 5 }], destination });
    expect(segs.map((s) => [s.switchNode, s.ingressPort, s.hops, s.egressPort])).toEqual([
      ["e-0-0", 3, [{ inPort: 4, outPort: 5 }], 2],
      ["metro", 2, [], 1],
      ["core", 1, [], 3],
    ]);
    expect(segs.map((x) => x.key)).toEqual(["fw|e-0-0|0", "fw|metro|0", "fw|core|0"]);
  });

  it("hops on two hosts: the access, a neighbour's vNF, back through the access toward the core", () => {
    const segs = chainSegments(paths, links, {
      chain: "c",
      accessNode: "e-0-0",
      uePort: 3,
      hops: [
        { switchNode: "e-0-1", inPort: 4, outPort: 5 },
        { switchNode: "e-0-1", inPort: 6, outPort: 7 },
        { switchNode: "nfvi", inPort: 2, outPort: 3 },
      ],
      destination,
    });
    expect(segs.map((s) => [s.switchNode, s.ingressPort, s.hops.map((h) => `${h.inPort}>${h.outPort}`), s.egressPort])).toEqual([
      ["e-0-0", 3, [], 1],
      ["e-0-1", 1, ["4>5", "6>7"], 1],
      ["e-0-0", 1, [], 2],
      ["metro", 2, [], 1],
      ["core", 1, [], 2],
      ["nfvi", 1, ["2>3"], 1],
      ["core", 2, [], 3],
    ]);
    expect(segs.map((s) => s.key.split("|").slice(1).join("|"))).toEqual(["e-0-0|0", "e-0-1|0", "e-0-0|1", "metro|0", "core|0", "nfvi|0", "core|1"]);
  });

  it("refuses a path that enters a switch twice on the same port", () => {
    const input = { chain: "x", accessNode: "e-0-1", uePort: 3, hops: [{ switchNode: "e-0-2", inPort: 4, outPort: 5 }, { switchNode: "e-0-1", inPort: 6, outPort: 7 }, { switchNode: "e-0-2", inPort: 6, outPort: 7 }], destination };
    expect(() => chainSegments(paths, links, input)).toThrow(SteeringConflict);
    expect(() => chainSegments(paths, links, input)).toThrow("its path enters switch e-0-2 twice on port 1");
  });
});

describe("selectorOxm", () => {
  it("adds the UE's MAC and the prerequisites, in prerequisite order", () => {
    expect(selectorOxm({ tcp_dst: 80 }, "02:00:00:00:00:01")).toEqual([
      { field: "eth_type", value: 0x0800 },
      { field: "ip_proto", value: 6 },
      { field: "tcp_dst", value: 80 },
      { field: "eth_src", value: "02:00:00:00:00:01" },
    ]);
    expect(selectorOxm({ eth_src: "02:00:00:00:00:07", ipv4_dst: "10.254.0.0/16" }, "02:00:00:00:00:01")).toEqual([
      { field: "eth_type", value: 0x0800 },
      { field: "eth_src", value: "02:00:00:00:00:07" },
      { field: "ipv4_dst", value: "10.254.0.0", mask: "255.255.0.0" },
    ]);
  });
});
