/**
 * ChainSteering on a tree (two home routers under one core, the NFVI beside it; paper Fig. 4 as
 * `scenarios/fig4-roaming.yaml` builds it) against fake switches: the make-before-break detour
 * from the new router to the old router's vNFs passes the core twice and enters and leaves the old
 * router by its one uplink, so the core's last visit moves from index 0 to 1 between versions.
 * A packet of the UE is walked across switches and vNFs after each version.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { treeParams, treeTopology } from "../../topologies/generators/index.ts";
import { PathFinder } from "../../topologies/paths.ts";
import { ChainSteering, stableKeys, type ChainRoute } from "./chain-steering.ts";
import type { LinkPorts } from "./l2.ts";
import { planNetwork } from "./plan.ts";
import { SteeringTestBed } from "./steering-test-bed.ts";
import { selectorOxm } from "./selector-oxm.ts";

const topology = treeTopology(treeParams.parse({ type: "tree", depth: 1, fanout: 2, leafSpacingM: 60 }));
const paths = new PathFinder(topology);
const plan = planNetwork(topology, { ueCells: new Map([["ue-1", "e-0"]]), destinations: ["internet"], dpidBase: 0x701n << 16n });
const links: LinkPorts = new Map(plan.links.map((l) => [l.id, l]));
const MAC = "02:00:00:00:00:02";
const packet = { eth_type: 0x0800, ip_proto: 17, eth_src: MAC, udp_dst: 5004 };
const server = plan.hosts.find((h) => h.kind === "server");
const destination = { switchNode: server?.attach as string, port: server?.port as number };
/** vNFs by switch, in-port → out-port: fw1 10/11 and ids1 12/13 on e-0, fw2 10/11 on e-1, ids2 10/11 on nfvi. */
const vnfs = new Map([
  ["e-0", new Map([[10, 11], [12, 13]])],
  ["e-1", new Map([[10, 11]])],
  ["nfvi", new Map([[10, 11]])],
]);

const bed = new SteeringTestBed(plan, vnfs);
const { tables } = bed;
const dpid = bed.dpid;
const walk = (start: string, inPort: number): string[] => bed.walk(packet, start, inPort);

beforeAll(() => bed.start());
afterAll(() => bed.stop());

describe("ChainSteering: a detour that passes a switch twice", () => {
  it("follows Fig. 4: v1 at Home Router 1, v2 detour from Home Router 2 through the core twice, v3 firewall at Home Router 2 and IDS at the NFVI", async () => {
    const steering = new ChainSteering(paths, links, (n) => dpid.get(n) as bigint, bed.driver);
    const uePortAt0 = plan.hosts.find((h) => h.id === "ue-1")?.port as number;
    const uePortAt1 = 9;
    const route = (version: number, accessNode: string, uePort: number, hops: [string, number][]): ChainRoute => ({
      chain: "phone",
      version,
      accessNode,
      uePort,
      hops: hops.map(([switchNode, inPort]) => ({ switchNode, inPort, outPort: inPort + 1 })),
      destination,
      selector: selectorOxm({ eth_type: 0x0800 }, MAC),
      priority: 100,
    });
    await steering.install(route(1, "e-0", uePortAt0, [["e-0", 10], ["e-0", 12]]));
    expect(walk("e-0", uePortAt0)).toEqual(["e-0:vnf10", "e-0:vnf12", `core:${destination.port}`]);
    await steering.install(route(2, "e-1", uePortAt1, [["e-0", 10], ["e-0", 12]]));
    expect(walk("e-1", uePortAt1)).toEqual(["e-0:vnf10", "e-0:vnf12", `core:${destination.port}`]);
    await steering.install(route(3, "e-1", uePortAt1, [["e-1", 10], ["nfvi", 10]]));
    expect(walk("e-1", uePortAt1)).toEqual(["e-1:vnf10", "nfvi:vnf10", `core:${destination.port}`]);
    // Nothing of v1/v2 is left on the old router.
    expect(tables.get("e-0")?.entries).toEqual([]);
    await steering.remove("phone");
    expect([...tables.values()].map((t) => t.entries.length)).toEqual([0, 0, 0, 0]);
  });

  it("keeps the key of the older segment a new one would compete with; a taken natural key gets the version", () => {
    const seg = (key: string, switchNode: string, ingressPort: number, egressPort: number) => ({ key, switchNode, ingressPort, hops: [], egressPort });
    const older = [seg("c|core|0", "core", 2, 4), seg("c|e-0|0", "e-0", 3, 1)];
    const next = [seg("c|e-1|0", "e-1", 9, 3), seg("c|core|0", "core", 3, 2), seg("c|e-0|0", "e-0", 1, 1), seg("c|core|1", "core", 2, 4)];
    expect(stableKeys(next, older, 2).map((s) => s.key)).toEqual(["c|e-1|0", "c|core|0#2", "c|e-0|0", "c|core|0"]);
  });
});
