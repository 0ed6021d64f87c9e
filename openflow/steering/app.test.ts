import { describe, expect, it } from "vitest";
import { UserError } from "../../base/errors.ts";
import { EMPTY_STEERING, steer, type SteeringState } from "./app.ts";
import type { SteeringChain } from "./chain.ts";
import { chainCookie, parseChainCookie } from "./cookies.ts";
import { portPatch } from "./flow-mods.ts";
import { FlowTable } from "./flow-table.ts";
import { applyAll, flowModsOf, walk } from "./test-support.ts";

// UE on port 1, server on port 2; three vNFs: in 11 → out 12, in 21 → out 22, in 31 → out 32.
const vnfs = new Map([
  [11, 12],
  [21, 22],
  [31, 32],
]);
const DP = 0x1n;
const idsOnWeb: SteeringChain = {
  id: 7,
  priority: 100,
  selector: [{ field: "eth_src", value: "02:00:00:00:00:01" }, { field: "eth_type", value: 0x0800 }, { field: "ip_proto", value: 6 }, { field: "tcp_dst", value: 80 }],
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

/** A switch with the default patch 1 ↔ 2 and the app's output applied. */
function switchWith(...chains: SteeringChain[]): { table: FlowTable; state: SteeringState } {
  const table = applyAll(new FlowTable(), portPatch(1, 2, 1));
  let state = EMPTY_STEERING;
  for (const chain of chains) {
    const r = steer(state, { type: "install", datapathId: DP, chain });
    applyAll(table, r.out);
    state = r.state;
  }
  return { table, state };
}

const describeMessage = (m: { type: string }): string => {
  if (m.type !== "flow_mod") return m.type;
  const f = m as ReturnType<typeof flowModsOf>[number];
  const inPort = f.match.find((x) => "field" in x && x.field === "in_port");
  const out = f.instructions.flatMap((i) => (i.type === "apply_actions" ? i.actions.map((a) => (a.type === "output" ? a.port : -1)) : []));
  const cookie = parseChainCookie(BigInt(f.cookie));
  return `${["add", "mod", "mod!", "del", "del!"][f.command]} c${cookie?.id}v${cookie?.version} ${inPort && "value" in inPort ? `in${inPort.value}` : "*"}${out.length ? `→${out.join(",")}` : ""}`;
};

describe("GNF steering app", () => {
  it("steers the selected traffic through every vNF in order, unmodified, to its destination", () => {
    const { table } = switchWith(idsOnWeb);
    expect(walk(table, web, 1, vnfs)).toEqual([1, 11, 12, 21, 22, 31, 32, 2]);
    expect(walk(table, dns, 1, vnfs)).toEqual([1, 2]);
    expect(walk(table, { ...web, eth_src: "02:00:00:00:00:09" }, 1, vnfs)).toEqual([1, 2]);
    // Only output actions: packets are never modified.
    const actions = table.entries.flatMap((e) => e.instructions.flatMap((i) => (i.type === "apply_actions" ? i.actions.map((a) => a.type) : [i.type])));
    expect(new Set(actions)).toEqual(new Set(["output"]));
  });

  it("installs stages from the egress back, a barrier after each, committing at the ingress", () => {
    const { out } = steer(EMPTY_STEERING, { type: "install", datapathId: DP, chain: idsOnWeb });
    expect(out.map((o) => o.datapathId)).toEqual([DP]);
    expect(out[0]?.messages.map(describeMessage)).toEqual(["add c7v0 in32→2", "barrier_request", "add c7v0 in22→31", "barrier_request", "add c7v0 in12→21", "barrier_request", "add c7v0 in1→11", "barrier_request"]);
  });

  it("resolves overlapping selectors by priority", () => {
    const allTcp: SteeringChain = { ...idsOnWeb, id: 8, priority: 50, selector: [{ field: "eth_type", value: 0x0800 }, { field: "ip_proto", value: 6 }], hops: [{ inPort: 31, outPort: 32 }] };
    const { table } = switchWith(allTcp, idsOnWeb);
    expect(walk(table, web, 1, vnfs)).toEqual([1, 11, 12, 21, 22, 31, 32, 2]);
    expect(walk(table, { ...web, tcp_dst: 443 }, 1, vnfs)).toEqual([1, 31, 32, 2]);
  });

  it("updates a chain to a new path: new version in place, old leftovers deleted by exact cookie", () => {
    const { table, state } = switchWith(idsOnWeb);
    const shorter: SteeringChain = { ...idsOnWeb, hops: [{ inPort: 21, outPort: 22 }] };
    const r = steer(state, { type: "install", datapathId: DP, chain: shorter });
    expect(r.out[0]?.messages.map(describeMessage)).toEqual(["add c7v1 in22→2", "barrier_request", "add c7v1 in1→21", "barrier_request", "del c7v0 *", "barrier_request"]);
    applyAll(table, r.out);
    expect(walk(table, web, 1, vnfs)).toEqual([1, 21, 22, 2]);
    expect(table.entries.filter((e) => parseChainCookie(e.cookie)?.id === 7).map((e) => e.cookie)).toEqual([chainCookie(7, 1), chainCookie(7, 1)]);
    expect(r.state.get(DP)?.get(7)?.version).toBe(1);
  });

  it("during an update, every intermediate table sends packets to the egress without loops", () => {
    const { table, state } = switchWith(idsOnWeb);
    const reversed: SteeringChain = { ...idsOnWeb, hops: [...idsOnWeb.hops].reverse() };
    const r = steer(state, { type: "install", datapathId: DP, chain: reversed });
    const paths: number[][] = [];
    for (const m of flowModsOf(r.out[0]?.messages ?? [])) {
      table.apply(m);
      paths.push(walk(table, web, 1, vnfs));
    }
    expect(paths).toEqual([
      [1, 11, 12, 2], // the new last stage 12 → egress: old packets leaving vNF 11 finish early
      [1, 11, 12, 2],
      [1, 11, 12, 2],
      [1, 31, 32, 21, 22, 11, 12, 2], // committed at the ingress
      [1, 31, 32, 21, 22, 11, 12, 2], // old leftovers deleted
    ]);
    // Had the downstream stages been written front to back, the table in between would loop:
    const naive = switchWith(idsOnWeb).table;
    naive.apply(flowModsOf(r.out[0]?.messages ?? [])[2]!); // in32 → 21 alone
    expect(walk(naive, web, 1, vnfs).at(-1)).toBe(-2);
  });

  it("an identical install is a no-op", () => {
    const { state } = switchWith(idsOnWeb);
    const r = steer(state, { type: "install", datapathId: DP, chain: { ...idsOnWeb } });
    expect(r.out).toEqual([]);
    expect(r.state).toBe(state);
  });

  it("removes every version of a chain by cookie and leaves other flows alone", () => {
    const { table, state } = switchWith(idsOnWeb);
    expect(table.entries.length).toBe(6);
    const r = steer(state, { type: "remove", datapathId: DP, chainId: 7 });
    expect(r.out[0]?.messages.map(describeMessage)).toEqual(["del c7v0 *", "barrier_request"]);
    applyAll(table, r.out);
    expect(table.entries.length).toBe(2);
    expect(walk(table, web, 1, vnfs)).toEqual([1, 2]);
    expect(r.state.size).toBe(0);
    expect(steer(r.state, { type: "remove", datapathId: DP, chainId: 7 }).out).toEqual([]);
  });

  it("on (re)connection clears stale steering entries and reinstalls the switch's chains", () => {
    const { state } = switchWith(idsOnWeb);
    const table = applyAll(new FlowTable(), portPatch(1, 2, 1));
    // A stale entry of some older run of the app, and the patch (cookie 0) that must survive.
    table.apply({ ...flowModsOf(portPatch(1, 3, 500, chainCookie(99, 3)))[0]! });
    const r = steer(state, { type: "switch_connected", datapathId: DP });
    expect(r.state).toBe(state);
    applyAll(table, r.out);
    expect(walk(table, web, 1, vnfs)).toEqual([1, 11, 12, 21, 22, 31, 32, 2]);
    expect(table.entries.length).toBe(6);
    expect(steer(EMPTY_STEERING, { type: "switch_connected", datapathId: 5n }).out[0]?.messages.map(describeMessage)).toEqual(["del c0v0 *", "barrier_request"]);
  });

  it("keeps the chains of different switches apart", () => {
    const a = steer(EMPTY_STEERING, { type: "install", datapathId: 1n, chain: idsOnWeb });
    const b = steer(a.state, { type: "install", datapathId: 2n, chain: idsOnWeb });
    expect(b.out.map((o) => o.datapathId)).toEqual([2n]);
    const c = steer(b.state, { type: "remove", datapathId: 1n, chainId: 7 });
    expect([...c.state.keys()]).toEqual([2n]);
  });

  it("rejects chains that are malformed or ambiguous with a UserError", () => {
    const bad = (chain: SteeringChain, state = EMPTY_STEERING): unknown => {
      try {
        steer(state, { type: "install", datapathId: DP, chain });
        return undefined;
      } catch (err) {
        expect(err).toBeInstanceOf(UserError);
        return (err as Error).message;
      }
    };
    expect(bad({ ...idsOnWeb, selector: [{ field: "in_port", value: 3 }] })).toBe("steering chain 7: the selector must not contain in_port (each stage adds its own)");
    expect(bad({ ...idsOnWeb, egressPort: 11 })).toBe("steering chain 7: port 11 appears twice on the path (a path visits each port once)");
    // In and out by the same port is a path only through vNFs (a leaf's one uplink); never without.
    expect(bad({ ...idsOnWeb, egressPort: 1 })).toBeUndefined();
    expect(bad({ ...idsOnWeb, hops: [], egressPort: 1 })).toBe("steering chain 7: port 1 appears twice on the path (a path visits each port once)");
    expect(bad({ ...idsOnWeb, priority: 0 })).toBe("steering chain 7: priority 0 must be an integer in [1, 65535]");
    expect(bad({ ...idsOnWeb, id: -1 })).toBe("steering chain -1: id must be an integer in [0, 2^32)");
    expect(bad({ ...idsOnWeb, selector: [{ field: "ipv4_dst", value: "10.0.0.300" }] })).toMatch(/^steering chain 7: bad selector: /);
    const { state } = switchWith(idsOnWeb);
    const sameLevel: SteeringChain = { ...idsOnWeb, id: 8, selector: [{ field: "eth_type", value: 0x0800 }] };
    expect(bad(sameLevel, state)).toBe("steering chains 8 and 7 have the same priority 100 and overlapping selectors: give one a higher priority");
    // Same priority but disjoint selectors (another UE) is fine.
    expect(bad({ ...idsOnWeb, id: 9, selector: [{ field: "eth_src", value: "02:00:00:00:00:02" }] }, state)).toBe(undefined);
  });
});
