import { describe, expect, it } from "vitest";
import type { ReplacementTrigger } from "./manager.ts";
import { CHAIN, activeChain, rig } from "./test-fixtures.ts";

describe("Manager: chain start", () => {
  it("starts a requested chain on the nearest edge, then steers once both vNFs are running", () => {
    const r = rig();
    activeChain(r);
    expect(r.backend.trace()).toEqual([
      "1 start-vnf c1.0.firewall.1@edge-1",
      "1 start-vnf c1.1.ids.1@edge-1",
      "2 install-steering c1 v1 via edge-1: c1.0.firewall.1@edge-1,c1.1.ids.1@edge-1",
    ]);
    const steering = r.backend.log[2]?.command;
    expect(steering).toEqual({
      type: "install-steering",
      chain: "c1",
      version: 1,
      ue: "ue-1",
      accessNode: "edge-1",
      hops: [
        { vnfId: "c1.0.firewall.1", host: "edge-1" },
        { vnfId: "c1.1.ids.1", host: "edge-1" },
      ],
      selector: { eth_src: "02:00:00:00:00:01", ip_proto: 6, tcp_dst: 80 },
      priority: 100,
    });
    const chain = r.manager.chain("c1");
    expect(chain?.status).toBe("active");
    expect(chain?.installedVersion).toBe(1);
    expect(r.manager.reserved("edge-1")).toEqual({ cpu: 0.75, memoryBytes: 8.5e6 });
  });

  it("does not steer before the second vNF reports started", () => {
    const r = rig({}, { delays: { start: 1 } });
    r.backend.inject(0, { type: "ue-connected", ue: "ue-1", device: "edge-1", rssiDbm: -50 });
    r.backend.inject(1, { type: "chain-requested", chain: { id: "c1", ue: "ue-1", vnfs: [{ type: "ids", params: {} }, { type: "firewall", params: {} }], match: {}, priority: 1 } });
    r.backend.runUntil(1.5);
    expect(r.backend.trace()).toEqual(["1 start-vnf c1.0.ids.1@edge-1", "1 start-vnf c1.1.firewall.1@edge-1"]);
    r.manager.handle({ type: "vnf-started", vnfId: "c1.0.ids.1", host: "edge-1" }, 1.5);
    expect(r.manager.handle({ type: "vnf-started", vnfId: "c1.0.ids.1", host: "edge-1" }, 1.6)).toEqual([]);
    expect(r.manager.chain("c1")?.status).toBe("starting");
  });

  it("waits for the UE to attach before placing", () => {
    const r = rig();
    r.backend.inject(0, { type: "chain-requested", chain: { id: "c1", ue: "ue-1", vnfs: [{ type: "ids", params: {} }], match: {}, priority: 1 } });
    r.backend.inject(5, { type: "ue-connected", ue: "ue-1", device: "edge-2", rssiDbm: -60 });
    r.backend.run();
    expect(r.backend.trace()).toEqual(["5 start-vnf c1.0.ids.1@edge-2", "6 install-steering c1 v1 via edge-2: c1.0.ids.1@edge-2"]);
  });

  it("falls back to the central NFVI when the edge is full", () => {
    const r = rig({}, {}, { hosts: [{ id: "edge-1", kind: "edge", cpuCapacity: 0.5, memoryBytes: 32e6 }, { id: "nfvi", kind: "nfvi", cpuCapacity: 16, memoryBytes: 16e9 }] });
    activeChain(r);
    expect(r.backend.trace()).toEqual(["1 start-vnf c1.0.firewall.1@edge-1", "1 start-vnf c1.1.ids.1@nfvi", "2 install-steering c1 v1 via edge-1: c1.0.firewall.1@edge-1,c1.1.ids.1@nfvi"]);
  });

  it("fails a chain whose vNF cannot start and stops the other one", () => {
    const r = rig({}, { startFailure: (c) => (c.vnfType === "ids" ? "no image" : undefined) });
    activeChain(r);
    expect(r.backend.trace()).toEqual(["1 start-vnf c1.0.firewall.1@edge-1", "1 start-vnf c1.1.ids.1@edge-1", "2 stop-vnf c1.0.firewall.1@edge-1"]);
    expect(r.manager.chain("c1")?.status).toBe("failed");
    expect(r.manager.chain("c1")?.failure).toBe("c1.1.ids.1 failed to start on edge-1: no image");
    expect(r.manager.reserved("edge-1")).toEqual({ cpu: 0, memoryBytes: 0 });
  });

  it("rejects an unknown vNF type without commands", () => {
    const r = rig();
    expect(r.manager.handle({ type: "chain-requested", chain: { id: "x", ue: "ue-1", vnfs: [{ type: "nope", params: {} }], match: {}, priority: 1 } }, 0)).toEqual([]);
    expect(r.manager.chain("x")?.failure).toBe('unknown vNF type "nope"');
  });

  it("removes a chain: stops its vNFs and its steering", () => {
    const r = rig();
    activeChain(r);
    r.backend.inject(20, { type: "chain-removed", chain: "c1" });
    r.backend.run();
    expect(r.backend.trace().slice(3)).toEqual(["20 stop-vnf c1.0.firewall.1@edge-1", "20 stop-vnf c1.1.ids.1@edge-1", "20 remove-steering c1 v1"]);
    expect(r.manager.chain("c1")?.status).toBe("removed");
    expect(r.manager.reserved("edge-1")).toEqual({ cpu: 0, memoryBytes: 0 });
  });
});

describe("Manager: UE mobility policies", () => {
  const handover = { type: "ue-handover", ue: "ue-1", from: "edge-1", to: "edge-2", rssiDbm: -55, packets: 1200 } as const;

  it("follow + make-before-break: detour to the old vNFs, start new → transfer → steering → stop old", () => {
    const r = rig({ ueMobility: "follow", migration: "make-before-break" });
    activeChain(r);
    r.backend.inject(10, handover);
    r.backend.run();
    expect(r.backend.trace().slice(3)).toEqual([
      // The new access node is steered to the old instances at once, so the chain keeps serving.
      "10 install-steering c1 v2 via edge-2: c1.0.firewall.1@edge-1,c1.1.ids.1@edge-1",
      "10 start-vnf c1.0.firewall.2@edge-2",
      "10 start-vnf c1.1.ids.2@edge-2",
      "11 transfer-state c1.0.firewall.1@edge-1->c1.0.firewall.2@edge-2 64000B",
      "11 transfer-state c1.1.ids.1@edge-1->c1.1.ids.2@edge-2 1000000B",
      "13 install-steering c1 v3 via edge-2: c1.0.firewall.2@edge-2,c1.1.ids.2@edge-2",
      "13.125 stop-vnf c1.0.firewall.1@edge-1",
      "13.125 stop-vnf c1.1.ids.1@edge-1",
    ]);
    expect(r.manager.migrations()).toEqual([
      expect.objectContaining({
        id: "m-1",
        chain: "c1",
        reason: "ue-handover",
        mode: "make-before-break",
        outcome: "completed",
        triggerTime: 10,
        decisionTime: 10,
        newReadyTime: 11,
        stateTransferredTime: 13,
        steeringRequestedTime: 13,
        steeringVersion: 3,
        steeringSwitchedTime: 13.125,
        oldStoppedTime: 13.625,
        endTime: 13.625,
        interruptionS: 0.125,
      }),
    ]);
    expect(r.manager.chain("c1")?.slots).toEqual(["c1.0.firewall.2", "c1.1.ids.2"]);
    expect(r.manager.reserved("edge-1")).toEqual({ cpu: 0, memoryBytes: 0 });
    expect(r.manager.reserved("edge-2")).toEqual({ cpu: 0.75, memoryBytes: 8.5e6 });
  });

  it("follow + break-before-make: stop old → start new → transfer → steering", () => {
    const r = rig({ ueMobility: "follow", migration: "break-before-make" });
    activeChain(r);
    r.backend.inject(10, handover);
    r.backend.run();
    expect(r.backend.trace().slice(3)).toEqual([
      "10 stop-vnf c1.0.firewall.1@edge-1",
      "10 stop-vnf c1.1.ids.1@edge-1",
      "10.5 start-vnf c1.0.firewall.2@edge-2",
      "10.5 start-vnf c1.1.ids.2@edge-2",
      "11.5 transfer-state c1.0.firewall.1@edge-1->c1.0.firewall.2@edge-2 64000B",
      "11.5 transfer-state c1.1.ids.1@edge-1->c1.1.ids.2@edge-2 1000000B",
      "13.5 install-steering c1 v2 via edge-2: c1.0.firewall.2@edge-2,c1.1.ids.2@edge-2",
    ]);
    const m = r.manager.migrations()[0];
    expect(m?.outcome).toBe("completed");
    expect(m?.oldStoppedTime).toBe(10.5);
    expect(m?.steeringSwitchedTime).toBe(13.625);
    expect(m?.interruptionS).toBe(3.625);
    expect(r.manager.reserved("edge-1")).toEqual({ cpu: 0, memoryBytes: 0 });
    expect(r.manager.reserved("edge-2")).toEqual({ cpu: 0.75, memoryBytes: 8.5e6 });
  });

  it("stay: re-steers from the new access node without moving vNFs", () => {
    const r = rig({ ueMobility: "stay" });
    activeChain(r);
    r.backend.inject(10, handover);
    r.backend.run();
    expect(r.backend.trace().slice(3)).toEqual(["10 install-steering c1 v2 via edge-2: c1.0.firewall.1@edge-1,c1.1.ids.1@edge-1"]);
    expect(r.manager.migrations()).toEqual([]);
  });

  it("stop-on-disconnect: stops the chain when the UE leaves and restarts it when it returns", () => {
    const r = rig({ ueMobility: "stop-on-disconnect" });
    activeChain(r);
    r.backend.inject(10, { type: "ue-disconnected", ue: "ue-1", device: "edge-1", rssiDbm: -90, packets: 10 });
    r.backend.inject(20, { type: "ue-connected", ue: "ue-1", device: "edge-2", rssiDbm: -50 });
    r.backend.run();
    expect(r.backend.trace().slice(3)).toEqual([
      "10 stop-vnf c1.0.firewall.1@edge-1",
      "10 stop-vnf c1.1.ids.1@edge-1",
      "10 remove-steering c1 v1",
      "20 start-vnf c1.0.firewall.2@edge-2",
      "20 start-vnf c1.1.ids.2@edge-2",
      "21 install-steering c1 v2 via edge-2: c1.0.firewall.2@edge-2,c1.1.ids.2@edge-2",
    ]);
  });

  it("follow leaves the chain running when the UE disconnects", () => {
    const r = rig({ ueMobility: "follow" });
    activeChain(r);
    r.backend.inject(10, { type: "ue-disconnected", ue: "ue-1", device: "edge-1", rssiDbm: -90, packets: 10 });
    r.backend.run();
    expect(r.backend.trace()).toHaveLength(3);
    expect(r.manager.ue("ue-1")?.device).toBeUndefined();
  });

  it("defers a handover that arrives mid-migration and runs it afterwards", () => {
    const r = rig({ ueMobility: "follow" });
    activeChain(r);
    r.backend.inject(10, handover);
    r.backend.inject(11, { type: "ue-handover", ue: "ue-1", from: "edge-2", to: "edge-1", rssiDbm: -50, packets: 5 });
    r.backend.run();
    const records = r.manager.migrations();
    expect(records.map((m) => [m.triggerTime, m.decisionTime, m.outcome, m.moves.map((x) => x.toHost).join(",")])).toEqual([
      [10, 10, "completed", "edge-2,edge-2"],
      [11, 13.625, "completed", "edge-1,edge-1"],
    ]);
  });
});

describe("Manager: migration failures", () => {
  const handover = { type: "ue-handover", ue: "ue-1", from: "edge-1", to: "edge-2", rssiDbm: -55, packets: 0 } as const;
  const idsFailsOnEdge2 = { startFailure: (c: { vnfType: string; host: string }) => (c.vnfType === "ids" && c.host === "edge-2" ? "image pull failed" : undefined) };

  it("make-before-break rolls back when a target fails to start: new instances stopped, old ones keep serving", () => {
    const r = rig({ migration: "make-before-break" }, idsFailsOnEdge2);
    activeChain(r);
    r.backend.inject(10, handover);
    r.backend.run();
    expect(r.backend.trace().slice(3)).toEqual([
      "10 install-steering c1 v2 via edge-2: c1.0.firewall.1@edge-1,c1.1.ids.1@edge-1",
      "10 start-vnf c1.0.firewall.2@edge-2",
      "10 start-vnf c1.1.ids.2@edge-2",
      "11 transfer-state c1.0.firewall.1@edge-1->c1.0.firewall.2@edge-2 64000B",
      "11 stop-vnf c1.0.firewall.2@edge-2",
    ]);
    const m = r.manager.migrations()[0];
    expect(m?.outcome).toBe("rolled-back");
    expect(m?.failure).toBe("c1.1.ids.2 on edge-2 failed: image pull failed");
    expect(m?.interruptionS).toBe(0);
    const chain = r.manager.chain("c1");
    expect(chain?.slots).toEqual(["c1.0.firewall.1", "c1.1.ids.1"]);
    expect(chain?.status).toBe("active");
    // The detour (v2: edge-2 → the old instances) stays in force.
    expect(chain?.installedVersion).toBe(2);
    expect(r.manager.reserved("edge-2")).toEqual({ cpu: 0, memoryBytes: 0 });
    expect(r.manager.reserved("edge-1")).toEqual({ cpu: 0.75, memoryBytes: 8.5e6 });
  });

  it("break-before-make restarts a failed target on its source host from the checkpoint", () => {
    const r = rig({ migration: "break-before-make" }, idsFailsOnEdge2);
    activeChain(r);
    r.backend.inject(10, handover);
    r.backend.run();
    expect(r.backend.trace().slice(3)).toEqual([
      "10 stop-vnf c1.0.firewall.1@edge-1",
      "10 stop-vnf c1.1.ids.1@edge-1",
      "10.5 start-vnf c1.0.firewall.2@edge-2",
      "10.5 start-vnf c1.1.ids.2@edge-2",
      "11.5 transfer-state c1.0.firewall.1@edge-1->c1.0.firewall.2@edge-2 64000B",
      "11.5 start-vnf c1.1.ids.3@edge-1",
      "12.5 transfer-state c1.1.ids.1@edge-1->c1.1.ids.3@edge-1 1000000B",
      "14.5 install-steering c1 v2 via edge-2: c1.0.firewall.2@edge-2,c1.1.ids.3@edge-1",
    ]);
    const m = r.manager.migrations()[0];
    expect(m?.outcome).toBe("rolled-back");
    expect(m?.interruptionS).toBe(4.625);
    expect(r.manager.chain("c1")?.slots).toEqual(["c1.0.firewall.2", "c1.1.ids.3"]);
    expect(r.manager.reserved("edge-1")).toEqual({ cpu: 0.5, memoryBytes: 6e6 });
    expect(r.manager.reserved("edge-2")).toEqual({ cpu: 0.25, memoryBytes: 2.5e6 });
  });

  it("recovers a crashed running vNF by restarting it (no state) and re-steering", () => {
    const r = rig();
    activeChain(r);
    r.backend.inject(10, { type: "vnf-failed", vnfId: "c1.1.ids.1", host: "edge-1", reason: "OOM killed" });
    r.backend.run();
    expect(r.backend.trace().slice(3)).toEqual(["10 start-vnf c1.1.ids.2@edge-1", "11 install-steering c1 v2 via edge-1: c1.0.firewall.1@edge-1,c1.1.ids.2@edge-1"]);
    expect(r.manager.migrations()[0]).toEqual(expect.objectContaining({ reason: "vnf-failed", mode: "break-before-make", outcome: "completed", interruptionS: 1.125 }));
  });
});

describe("Manager: utilisation trigger", () => {
  const report = (cpuUtilisation: number) => ({ type: "device-report", device: "edge-1", cpuUtilisation, memoryUsedBytes: 0, memoryBytes: 32e6, clients: 1 }) as const;

  it("re-places the device's chains at a 15% change and not at 14.9%", () => {
    const r = rig();
    activeChain(r);
    const before = r.placer.problems.length;
    r.manager.handle(report(0.2), 10);
    r.manager.handle(report(0.349), 11);
    expect(r.placer.problems.length).toBe(before);
    expect(r.manager.device("edge-1")?.utilisationAtLastDecision).toBe(0.2);
    r.manager.handle(report(0.35), 12);
    expect(r.placer.problems.length).toBe(before + 1);
    expect(r.placer.problems[before]?.requests.map((q) => [q.id, q.currentHost])).toEqual([
      ["c1.0.firewall.1", "edge-1"],
      ["c1.1.ids.1", "edge-1"],
    ]);
    expect(r.manager.device("edge-1")?.utilisationAtLastDecision).toBe(0.35);
    r.manager.handle(report(0.2), 13);
    expect(r.placer.problems.length).toBe(before + 2);
  });

  it("honours a configured threshold", () => {
    const r = rig({ utilisationThreshold: 0.3 });
    activeChain(r);
    const before = r.placer.problems.length;
    r.manager.handle(report(0.2), 10);
    r.manager.handle(report(0.45), 11);
    expect(r.placer.problems.length).toBe(before);
    r.manager.handle(report(0.5), 12);
    expect(r.placer.problems.length).toBe(before + 1);
  });

  it("brings vNFs back to the UE's device when its load drops by 15% or more", () => {
    const r = rig();
    r.backend.inject(0, { type: "ue-connected", ue: "ue-1", device: "edge-1", rssiDbm: -50 });
    r.backend.inject(0.5, report(0.9));
    r.backend.inject(1, { type: "chain-requested", chain: CHAIN });
    r.backend.inject(10, report(0.1));
    r.backend.run();
    // At 0.9 × 2 cores of background load edge-1 cannot take the firewall (0.25): both go to edge-2.
    expect(r.backend.trace()).toEqual([
      "1 start-vnf c1.0.firewall.1@edge-2",
      "1 start-vnf c1.1.ids.1@edge-2",
      "2 install-steering c1 v1 via edge-1: c1.0.firewall.1@edge-2,c1.1.ids.1@edge-2",
      "10 start-vnf c1.0.firewall.2@edge-1",
      "10 start-vnf c1.1.ids.2@edge-1",
      "11 transfer-state c1.0.firewall.1@edge-2->c1.0.firewall.2@edge-1 64000B",
      "11 transfer-state c1.1.ids.1@edge-2->c1.1.ids.2@edge-1 1000000B",
      "13 install-steering c1 v2 via edge-1: c1.0.firewall.2@edge-1,c1.1.ids.2@edge-1",
      "13.125 stop-vnf c1.0.firewall.1@edge-2",
      "13.125 stop-vnf c1.1.ids.1@edge-2",
    ]);
    expect(r.manager.migrations()[0]?.reason).toBe("utilisation-change");
  });
});

describe("Manager: overload trigger (per vNF)", () => {
  const report = (cpuUtilisation: number, device = "edge-1") => ({ type: "device-report", device, cpuUtilisation, memoryUsedBytes: 0, memoryBytes: 32e6, clients: 1 }) as const;

  it("moves the largest vNF off an overloaded device on its own and leaves the rest at the edge", () => {
    const r = rig();
    activeChain(r);
    const before = r.placer.problems.length;
    r.backend.inject(10, report(0.95));
    r.backend.run();
    // ids (0.5 of 2 cores: −0.25) brings 0.95 below 0.9; the firewall stays on edge-1.
    expect(r.backend.trace().slice(3)).toEqual([
      "10 start-vnf c1.1.ids.2@edge-2",
      "11 transfer-state c1.1.ids.1@edge-1->c1.1.ids.2@edge-2 1000000B",
      "13 install-steering c1 v2 via edge-1: c1.0.firewall.1@edge-1,c1.1.ids.2@edge-2",
      "13.125 stop-vnf c1.1.ids.1@edge-1",
    ]);
    // One placement call, for the ids alone, without the overloaded device.
    expect(r.placer.problems.slice(before).map((p) => [p.requests.map((q) => q.id), p.hosts.map((h) => h.id)])).toEqual([[["c1.1.ids.1"], ["edge-2", "nfvi"]]]);
    expect(r.manager.migrations()).toEqual([expect.objectContaining({ id: "m-1", reason: "overload", outcome: "completed", triggerTime: 10, decisionTime: 10, moves: [expect.objectContaining({ vnfType: "ids", fromHost: "edge-1", toHost: "edge-2" })] })]);
    expect(r.manager.chain("c1")?.slots).toEqual(["c1.0.firewall.1", "c1.1.ids.2"]);
    expect(r.manager.device("edge-1")?.utilisationAtLastDecision).toBe(0.95);
  });

  it("re-places vNF by vNF: one to the edge device with room, the next to the central NFVI", () => {
    const hosts = [
      { id: "edge-1", kind: "edge", cpuCapacity: 2, memoryBytes: 32e6 },
      { id: "edge-2", kind: "edge", cpuCapacity: 0.5, memoryBytes: 32e6 },
      { id: "nfvi", kind: "nfvi", cpuCapacity: 16, memoryBytes: 16e9 },
    ] as const;
    const r = rig({ overloadThreshold: 0.7 }, {}, { hosts: [...hosts] });
    activeChain(r);
    const before = r.placer.problems.length;
    r.backend.inject(10, report(1));
    r.backend.run();
    // 1 − 0.25 (ids) = 0.75 ≥ 0.7 → the firewall goes too (0.625). edge-2 takes the ids (0.5 of
    // 0.5 cores) and has no room left for the firewall, which goes to the NFVI.
    expect(r.placer.problems.slice(before).map((p) => [p.requests.map((q) => q.id), p.hosts.map((h) => [h.id, h.cpuUsed])])).toEqual([
      [["c1.1.ids.1"], [["edge-2", 0], ["nfvi", 0]]],
      [["c1.0.firewall.1"], [["edge-2", 0.5], ["nfvi", 0]]],
    ]);
    expect(r.backend.trace().slice(3)).toEqual([
      "10 start-vnf c1.0.firewall.2@nfvi",
      "10 start-vnf c1.1.ids.2@edge-2",
      "11 transfer-state c1.0.firewall.1@edge-1->c1.0.firewall.2@nfvi 64000B",
      "11 transfer-state c1.1.ids.1@edge-1->c1.1.ids.2@edge-2 1000000B",
      "13 install-steering c1 v2 via edge-1: c1.0.firewall.2@nfvi,c1.1.ids.2@edge-2",
      "13.125 stop-vnf c1.0.firewall.1@edge-1",
      "13.125 stop-vnf c1.1.ids.1@edge-1",
    ]);
    expect(r.manager.migrations().map((m) => [m.reason, m.moves.map((v) => `${v.vnfType}:${v.fromHost}->${v.toHost}`)])).toEqual([["overload", ["firewall:edge-1->nfvi", "ids:edge-1->edge-2"]]]);
  });

  it("waits while a migration away from the device is in flight, then sheds the next vNF if still overloaded", () => {
    const r = rig();
    activeChain(r);
    r.backend.inject(10, report(0.95));
    r.backend.inject(11, report(0.97));
    r.backend.inject(20, report(0.92));
    r.backend.run();
    expect(r.backend.trace().slice(3)).toEqual([
      "10 start-vnf c1.1.ids.2@edge-2",
      "11 transfer-state c1.1.ids.1@edge-1->c1.1.ids.2@edge-2 1000000B",
      "13 install-steering c1 v2 via edge-1: c1.0.firewall.1@edge-1,c1.1.ids.2@edge-2",
      "13.125 stop-vnf c1.1.ids.1@edge-1",
      "20 start-vnf c1.0.firewall.2@edge-2",
      "21 transfer-state c1.0.firewall.1@edge-1->c1.0.firewall.2@edge-2 64000B",
      "23 install-steering c1 v3 via edge-1: c1.0.firewall.2@edge-2,c1.1.ids.2@edge-2",
      "23.125 stop-vnf c1.0.firewall.1@edge-1",
    ]);
    expect(r.manager.migrations().map((m) => [m.id, m.reason, m.triggerTime])).toEqual([
      ["m-1", "overload", 10],
      ["m-2", "overload", 20],
    ]);
  });

  it("below the threshold the 15% rule re-places the whole chain with the device allowed, as before", () => {
    const r = rig();
    activeChain(r);
    const before = r.placer.problems.length;
    r.manager.handle(report(0.2), 10);
    r.manager.handle(report(0.89), 11);
    expect(r.placer.problems.slice(before).map((p) => [p.requests.map((q) => q.id), p.hosts.map((h) => h.id)])).toEqual([[["c1.0.firewall.1", "c1.1.ids.1"], ["edge-1", "edge-2", "nfvi"]]]);
    expect(r.manager.migrations()).toEqual([]);
  });

  it("an overloaded device without vNFs to move falls back to the utilisation-change rule", () => {
    const r = rig();
    activeChain(r);
    const before = r.placer.problems.length;
    r.manager.handle(report(0.1, "edge-2"), 10);
    r.manager.handle(report(0.95, "edge-2"), 11);
    // edge-2 hosts nothing and no UE is attached to it: nothing to re-place, no placement call.
    expect(r.placer.problems.length).toBe(before);
    expect(r.manager.device("edge-2")?.utilisationAtLastDecision).toBe(0.95);
    expect(r.backend.trace().slice(3)).toEqual([]);
  });
});

describe("Manager: periodic and optimal-stopping triggers", () => {
  it("sets the periodic timer at start and re-arms it", () => {
    const r = rig({ replacementPeriod: 30 });
    r.backend.inject(0, { type: "ue-connected", ue: "ue-1", device: "edge-1", rssiDbm: -50 });
    r.backend.inject(1, { type: "chain-requested", chain: CHAIN });
    r.backend.runUntil(5);
    expect(r.backend.trace()[0]).toBe("0 set-timer gnf/periodic-replacement at 30");
    r.backend.runUntil(65);
    expect(r.backend.trace().filter((l) => l.includes("set-timer"))).toEqual(["0 set-timer gnf/periodic-replacement at 30", "30 set-timer gnf/periodic-replacement at 60", "60 set-timer gnf/periodic-replacement at 90"]);
    expect(r.placer.problems.length).toBe(3);
  });

  it("re-places when the dynamic policy says so", () => {
    const seen: number[] = [];
    const replaced: string[] = [];
    const trigger: ReplacementTrigger = {
      observe: (s) => (seen.push(s.latencyS), s.latencyS > 0.01),
      replaced: (chain, now) => void replaced.push(`${chain}@${now}`),
    };
    const r = rig({}, {}, { trigger });
    activeChain(r);
    r.manager.handle({ type: "latency-observation", ue: "ue-1", chain: "c1", latencyS: 0.005 }, 10);
    expect(r.placer.problems.length).toBe(1);
    r.manager.handle({ type: "latency-observation", ue: "ue-1", chain: "c1", latencyS: 0.02 }, 11);
    expect(r.placer.problems.length).toBe(2);
    expect(seen).toEqual([0.005, 0.02]);
    expect(replaced).toEqual(["c1@11"]);
    expect(r.manager.chain("c1")?.lastLatencyS).toBe(0.02);
  });
});

describe("Manager: notifications", () => {
  it("stores notifications raised by vNFs with ids, linked to the UE", () => {
    const r = rig();
    r.manager.handle({ type: "notification", vnf: "c1.1.ids.1", ue: "ue-1", kind: "ids-alert", message: "SQL injection", data: { port: 80 } }, 7);
    expect(r.manager.notifications.list()).toEqual([{ id: "n-1", vnf: "c1.1.ids.1", ue: "ue-1", kind: "ids-alert", message: "SQL injection", data: { port: 80 }, time: 7, acknowledged: false, muted: false }]);
  });
});
