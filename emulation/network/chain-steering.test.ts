/**
 * ChainSteering against fake switches (each a FlowTable behind a real controller connection):
 * the default topology's six switches, a UE at e-0-0 then e-0-1, a firewall that migrates — the
 * versions the Manager sends during a make-before-break handover. A packet of the UE is walked
 * across the switches and vNFs after each version; old segments are gone once a version is in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PathFinder } from "../../topologies/paths.ts";
import { ChainSteering, type ChainRoute } from "./chain-steering.ts";
import type { LinkPorts } from "./l2.ts";
import { planNetwork } from "./plan.ts";
import { SteeringTestBed } from "./steering-test-bed.ts";
import { selectorOxm } from "./selector-oxm.ts";
import { defaultTopology } from "./test-topology.ts";

const topology = defaultTopology();
const paths = new PathFinder(topology);
const plan = planNetwork(topology, { ueCells: new Map([["ue-0", "e-0-0"]]), destinations: ["internet"], dpidBase: 0x700n << 16n });
const links: LinkPorts = new Map(plan.links.map((l) => [l.id, l]));
const MAC = "02:00:00:00:00:01";
const packet = { eth_type: 0x0800, ip_proto: 6, eth_src: MAC, tcp_dst: 80 };
/** vNFs by switch: in-port → out-port. fw1 on e-0-0 (ports 10/11), fw2 on e-0-1 (10/11). */
const vnfs = new Map([
  ["e-0-0", new Map([[10, 11]])],
  ["e-0-1", new Map([[10, 11]])],
]);
const server = { switchNode: "core", port: 3 };

/** Follows the packet from (switch, port) across links and vNFs; returns the hops as "node:port" until it leaves at a host port. */
const bed = new SteeringTestBed(plan, vnfs);
const { tables } = bed;
const dpid = bed.dpid;
const walk = (start: string, inPort: number): string[] => bed.walk(packet, start, inPort);

beforeAll(() => bed.start());
afterAll(() => bed.stop());

describe("ChainSteering", () => {
  it("follows a make-before-break handover: v1 at e-0-0, v2 detour from e-0-1 to the old vNF, v3 through the new vNF", async () => {
    const steering = new ChainSteering(paths, links, (n) => dpid.get(n) as bigint, bed.driver);
    const route = (version: number, accessNode: string, uePort: number, hop: string): ChainRoute => ({ chain: "fw", version, accessNode, uePort, hops: [{ switchNode: hop, inPort: 10, outPort: 11 }], destination: server, selector: selectorOxm({ ip_proto: 6 }, MAC), priority: 100 });
    expect(await steering.install(route(1, "e-0-0", 3, "e-0-0"))).toMatchObject({ applied: true, segments: 3 });
    expect(walk("e-0-0", 3)).toEqual(["e-0-0:vnf10", "core:3"]);
    await steering.install(route(2, "e-0-1", 4, "e-0-0"));
    expect(walk("e-0-1", 4)).toEqual(["e-0-0:vnf10", "core:3"]);
    await steering.install(route(3, "e-0-1", 4, "e-0-1"));
    expect(walk("e-0-1", 4)).toEqual(["e-0-1:vnf10", "core:3"]);
    // Nothing of v1/v2 is left: the old access port and the old vNF have no entries.
    expect(tables.get("e-0-0")?.forward({ ...packet, in_port: 3 })).toEqual([]);
    expect(tables.get("e-0-0")?.forward({ ...packet, in_port: 11 })).toEqual([]);
    // A late older version changes nothing.
    expect(await steering.install(route(2, "e-0-1", 4, "e-0-0"))).toMatchObject({ applied: false });
    expect(walk("e-0-1", 4)).toEqual(["e-0-1:vnf10", "core:3"]);
    // Other traffic of the UE and other UEs' traffic is not steered.
    expect(tables.get("e-0-1")?.forward({ ...packet, eth_src: "02:00:00:00:00:02", in_port: 4 })).toEqual([]);
    await steering.remove("fw");
    expect([...tables.values()].map((t) => t.entries.length)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
