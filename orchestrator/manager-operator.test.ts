import { describe, expect, it } from "vitest";
import { centralOnly } from "../placement/index.ts";
import { CHAIN, activeChain, rig, type Rig } from "./test-fixtures.ts";

/** Everything observable about the Manager, to compare before and after a refused action. */
function snapshot(r: Rig): string {
  return JSON.stringify({
    chains: r.manager.chains().map((c) => ({ ...c, migration: c.migration?.record })),
    vnfs: r.manager.instances(),
    migrations: r.manager.migrations(),
    reserved: r.manager.hosts().map((h) => r.manager.reserved(h.id)),
    log: r.backend.log.length,
  });
}

describe("Manager: operator stop and start of a vNF", () => {
  it("stop: re-steers around the vNF, stops it, frees its capacity; the chain stays active", () => {
    const r = rig();
    activeChain(r);
    r.backend.inject(10, { type: "vnf-stop-requested", vnfId: "c1.1.ids.1" });
    r.backend.run();
    expect(r.backend.trace().slice(3)).toEqual(["10 install-steering c1 v2 via edge-1: c1.0.firewall.1@edge-1", "10 stop-vnf c1.1.ids.1@edge-1"]);
    expect(r.manager.instance("c1.1.ids.1")).toEqual(expect.objectContaining({ state: "stopped", operatorStopped: true }));
    const chain = r.manager.chain("c1");
    expect(chain?.status).toBe("active");
    expect(chain?.slots).toEqual(["c1.0.firewall.1", "c1.1.ids.1"]);
    expect(chain?.installedVersion).toBe(2);
    expect(r.manager.reserved("edge-1")).toEqual({ cpu: 0.25, memoryBytes: 2.5e6 });
    expect(r.manager.migrations()).toEqual([]);
  });

  it("stopping the only vNF steers the traffic with no hops", () => {
    const r = rig();
    r.backend.inject(0, { type: "ue-connected", ue: "ue-1", device: "edge-1", rssiDbm: -50 });
    r.backend.inject(1, { type: "chain-requested", chain: { ...CHAIN, vnfs: [{ type: "ids", params: {} }] } });
    r.backend.inject(10, { type: "vnf-stop-requested", vnfId: "c1.0.ids.1" });
    r.backend.run();
    expect(r.backend.trace().slice(2)).toEqual(["10 install-steering c1 v2 via edge-1: ", "10 stop-vnf c1.0.ids.1@edge-1"]);
  });

  it("a stopped vNF is left out of re-placement: a handover moves only the running ones", () => {
    const r = rig({ ueMobility: "follow" });
    activeChain(r);
    r.backend.inject(10, { type: "vnf-stop-requested", vnfId: "c1.0.firewall.1" });
    r.backend.inject(20, { type: "ue-handover", ue: "ue-1", from: "edge-1", to: "edge-2", rssiDbm: -55, packets: 0 });
    r.backend.run();
    expect(r.backend.trace().slice(5)).toEqual([
      "20 install-steering c1 v3 via edge-2: c1.1.ids.1@edge-1",
      "20 start-vnf c1.1.ids.2@edge-2",
      "21 transfer-state c1.1.ids.1@edge-1->c1.1.ids.2@edge-2 1000000B",
      "23 install-steering c1 v4 via edge-2: c1.1.ids.2@edge-2",
      "23.125 stop-vnf c1.1.ids.1@edge-1",
    ]);
    expect(r.manager.chain("c1")?.slots).toEqual(["c1.0.firewall.1", "c1.1.ids.2"]);
  });

  it("a stopped vNF whose stop fails is not recovered", () => {
    const r = rig();
    activeChain(r);
    r.manager.handle({ type: "vnf-stop-requested", vnfId: "c1.1.ids.1" }, 10);
    r.manager.handle({ type: "vnf-failed", vnfId: "c1.1.ids.1", host: "edge-1", reason: "stop timed out" }, 10.5);
    expect(r.manager.handle({ type: "device-report", device: "edge-1", cpuUtilisation: 0.5, memoryUsedBytes: 0, memoryBytes: 32e6, clients: 1 }, 11)).toEqual([]);
    expect(r.manager.migrations()).toEqual([]);
    expect(r.manager.reserved("edge-1")).toEqual({ cpu: 0.25, memoryBytes: 2.5e6 });
    expect(r.manager.operatorRefusal({ type: "vnf-start-requested", vnfId: "c1.1.ids.1" })).toBeUndefined();
  });

  it("start: restarts a stopped vNF on its host as a new instance and steers it back in", () => {
    const r = rig();
    activeChain(r);
    r.backend.inject(10, { type: "vnf-stop-requested", vnfId: "c1.1.ids.1" });
    r.backend.inject(20, { type: "vnf-start-requested", vnfId: "c1.1.ids.1" });
    r.backend.run();
    expect(r.backend.trace().slice(5)).toEqual(["20 start-vnf c1.1.ids.2@edge-1", "21 install-steering c1 v3 via edge-1: c1.0.firewall.1@edge-1,c1.1.ids.2@edge-1"]);
    expect(r.manager.chain("c1")?.slots).toEqual(["c1.0.firewall.1", "c1.1.ids.2"]);
    expect(r.manager.migrations()).toEqual([
      expect.objectContaining({ id: "m-1", reason: "operator-restart", mode: "break-before-make", outcome: "completed", triggerTime: 20, decisionTime: 20, steeringSwitchedTime: 21.125 }),
    ]);
    expect(r.manager.migrations()[0]?.moves).toEqual([expect.objectContaining({ fromVnfId: "c1.1.ids.1", toVnfId: "c1.1.ids.2", fromHost: "edge-1", toHost: "edge-1", bytes: 0, stateLost: true })]);
    expect(r.manager.reserved("edge-1")).toEqual({ cpu: 0.75, memoryBytes: 8.5e6 });
  });

  it("start on another host", () => {
    const r = rig();
    activeChain(r);
    r.manager.handle({ type: "vnf-stop-requested", vnfId: "c1.1.ids.1" }, 10);
    r.manager.handle({ type: "vnf-stopped", vnfId: "c1.1.ids.1", host: "edge-1" }, 10.5);
    expect(r.manager.handle({ type: "vnf-start-requested", vnfId: "c1.1.ids.1", host: "nfvi" }, 11)).toEqual([
      { type: "start-vnf", vnfId: "c1.1.ids.2", vnfType: "ids", host: "nfvi", params: {}, ue: "ue-1", chain: "c1" },
    ]);
  });

  it("a restart that fails leaves the slot stopped and the chain serving", () => {
    let fail = false;
    const r = rig({}, { startFailure: () => (fail ? "no image" : undefined) });
    activeChain(r);
    r.backend.inject(10, { type: "vnf-stop-requested", vnfId: "c1.1.ids.1" });
    r.backend.run();
    fail = true;
    r.backend.inject(20, { type: "vnf-start-requested", vnfId: "c1.1.ids.1" });
    r.backend.run();
    expect(r.backend.trace().slice(5)).toEqual(["20 start-vnf c1.1.ids.2@edge-1"]);
    expect(r.manager.migrations()[0]).toEqual(expect.objectContaining({ reason: "operator-restart", outcome: "failed", failure: "c1.1.ids.2 on edge-1 failed: no image" }));
    const chain = r.manager.chain("c1");
    expect(chain?.status).toBe("active");
    expect(chain?.slots).toEqual(["c1.0.firewall.1", "c1.1.ids.1"]);
    expect(r.manager.reserved("edge-1")).toEqual({ cpu: 0.25, memoryBytes: 2.5e6 });
    // It can be started again once the image is there.
    fail = false;
    expect(r.manager.operatorRefusal({ type: "vnf-start-requested", vnfId: "c1.1.ids.1" })).toBeUndefined();
  });

  it("refuses, without commands or state change, what it cannot do", () => {
    const r = rig();
    activeChain(r);
    const before = snapshot(r);
    const cases = [
      [{ type: "vnf-stop-requested", vnfId: "nope" }, "not-found", "no vNF nope"],
      [{ type: "vnf-start-requested", vnfId: "c1.1.ids.1" }, "conflict", "vNF c1.1.ids.1 is running; only a vNF stopped by the operator can be started"],
    ] as const;
    for (const [event, kind, message] of cases) {
      expect(r.manager.operatorRefusal(event)).toEqual({ kind, message });
      expect(r.manager.handle(event, 10)).toEqual([]);
    }
    expect(snapshot(r)).toBe(before);
    expect(r.manager.operatorRefusals()).toEqual(cases.map(([event, kind, message]) => ({ time: 10, event, refusal: { kind, message } })));

    r.manager.handle({ type: "vnf-stop-requested", vnfId: "c1.1.ids.1" }, 10);
    const stopping = snapshot(r);
    expect(r.manager.operatorRefusal({ type: "vnf-stop-requested", vnfId: "c1.1.ids.1" })).toEqual({ kind: "conflict", message: "vNF c1.1.ids.1 is stopped by the operator; it must be running" });
    expect(r.manager.operatorRefusal({ type: "vnf-start-requested", vnfId: "c1.1.ids.1" })).toEqual({ kind: "conflict", message: "vNF c1.1.ids.1 is still stopping" });
    expect(r.manager.handle({ type: "vnf-start-requested", vnfId: "c1.1.ids.1" }, 10.1)).toEqual([]);
    expect(snapshot(r)).toBe(stopping);
    r.manager.handle({ type: "vnf-stopped", vnfId: "c1.1.ids.1", host: "edge-1" }, 10.5);
    expect(r.manager.operatorRefusal({ type: "vnf-start-requested", vnfId: "c1.1.ids.1", host: "mars" })).toEqual({ kind: "unprocessable", message: 'unknown host "mars"; expected one of edge-1, edge-2, nfvi' });
  });

  it("refuses actions on a chain that is starting", () => {
    const r = rig();
    r.backend.inject(0, { type: "ue-connected", ue: "ue-1", device: "edge-1", rssiDbm: -50 });
    r.backend.inject(1, { type: "chain-requested", chain: CHAIN });
    r.backend.runUntil(1.5);
    expect(r.manager.operatorRefusal({ type: "vnf-stop-requested", vnfId: "c1.0.firewall.1" })).toEqual({ kind: "conflict", message: "chain c1 is starting; operator actions need an active chain" });
  });
});

describe("Manager: operator migration", () => {
  it("migrates one vNF make-before-break with reason operator", () => {
    const r = rig({ migration: "make-before-break" });
    activeChain(r);
    r.backend.inject(10, { type: "vnf-migration-requested", vnfId: "c1.1.ids.1", host: "edge-2" });
    r.backend.run();
    expect(r.backend.trace().slice(3)).toEqual([
      "10 start-vnf c1.1.ids.2@edge-2",
      "11 transfer-state c1.1.ids.1@edge-1->c1.1.ids.2@edge-2 1000000B",
      "13 install-steering c1 v2 via edge-1: c1.0.firewall.1@edge-1,c1.1.ids.2@edge-2",
      "13.125 stop-vnf c1.1.ids.1@edge-1",
    ]);
    expect(r.manager.migrations()).toEqual([expect.objectContaining({ id: "m-1", reason: "operator", mode: "make-before-break", outcome: "completed", triggerTime: 10, decisionTime: 10, interruptionS: 0.125 })]);
    expect(r.manager.reserved("edge-2")).toEqual({ cpu: 0.5, memoryBytes: 6e6 });
  });

  it("honours a requested mode over the configured one", () => {
    const r = rig({ migration: "make-before-break" });
    activeChain(r);
    r.backend.inject(10, { type: "vnf-migration-requested", vnfId: "c1.0.firewall.1", host: "nfvi", mode: "break-before-make" });
    r.backend.run();
    expect(r.backend.trace().slice(3)).toEqual([
      "10 stop-vnf c1.0.firewall.1@edge-1",
      "10.5 start-vnf c1.0.firewall.2@nfvi",
      "11.5 transfer-state c1.0.firewall.1@edge-1->c1.0.firewall.2@nfvi 64000B",
      "13.5 install-steering c1 v2 via edge-1: c1.0.firewall.2@nfvi,c1.1.ids.1@edge-1",
    ]);
    expect(r.manager.migrations()[0]).toEqual(expect.objectContaining({ reason: "operator", mode: "break-before-make", outcome: "completed", interruptionS: 3.625 }));
  });

  it("refuses an unknown host, the current host, a full host and a busy chain", () => {
    const small = [
      { id: "edge-1", kind: "edge", cpuCapacity: 2, memoryBytes: 32e6 },
      { id: "edge-2", kind: "edge", cpuCapacity: 0.3, memoryBytes: 32e6 },
      { id: "nfvi", kind: "nfvi", cpuCapacity: 16, memoryBytes: 16e9 },
    ] as const;
    const r = rig({}, {}, { hosts: small.map((h) => ({ ...h })) });
    activeChain(r);
    const before = snapshot(r);
    const cases = [
      [{ type: "vnf-migration-requested", vnfId: "c1.1.ids.1", host: "mars" }, "unprocessable", 'unknown host "mars"; expected one of edge-1, edge-2, nfvi'],
      [{ type: "vnf-migration-requested", vnfId: "c1.1.ids.1", host: "edge-1" }, "unprocessable", "vNF c1.1.ids.1 already runs on edge-1"],
      [{ type: "vnf-migration-requested", vnfId: "c1.1.ids.1", host: "edge-2" }, "unprocessable", "host edge-2 lacks capacity for ids (needs 0.5 cores and 6000000 bytes; free 0.3 cores and 32000000 bytes)"],
      [{ type: "vnf-migration-requested", vnfId: "c9.0.ids.1", host: "edge-2" }, "not-found", "no vNF c9.0.ids.1"],
    ] as const;
    for (const [event, kind, message] of cases) {
      expect(r.manager.operatorRefusal(event)).toEqual({ kind, message });
      expect(r.manager.handle(event, 10)).toEqual([]);
    }
    expect(snapshot(r)).toBe(before);

    r.manager.handle({ type: "vnf-migration-requested", vnfId: "c1.0.firewall.1", host: "edge-2" }, 10);
    const busy = snapshot(r);
    expect(r.manager.operatorRefusal({ type: "vnf-migration-requested", vnfId: "c1.1.ids.1", host: "nfvi" })).toEqual({ kind: "conflict", message: "chain c1 is busy with migration m-1" });
    expect(r.manager.handle({ type: "vnf-stop-requested", vnfId: "c1.1.ids.1" }, 10.5)).toEqual([]);
    expect(snapshot(r)).toBe(busy);
  });

  it("refuses to act on a replaced instance", () => {
    const r = rig();
    activeChain(r);
    r.backend.inject(10, { type: "vnf-migration-requested", vnfId: "c1.1.ids.1", host: "edge-2" });
    r.backend.run();
    expect(r.manager.operatorRefusal({ type: "vnf-migration-requested", vnfId: "c1.1.ids.1", host: "nfvi" })).toEqual({ kind: "conflict", message: "vNF c1.1.ids.1 is no longer part of chain c1 (state stopped)" });
  });
});

describe("Manager: placer switch", () => {
  it("uses the new placer for later decisions", () => {
    const r = rig();
    expect(r.manager.placerName()).toBe("spy");
    r.manager.usePlacer(centralOnly());
    expect(r.manager.placerName()).toBe("central-only");
    activeChain(r);
    expect(r.backend.trace()[0]).toBe("1 start-vnf c1.0.firewall.1@nfvi");
    expect(r.placer.problems).toEqual([]);
  });

  it("lists UEs and vNF types", () => {
    const r = rig();
    activeChain(r);
    expect(r.manager.ueList()).toEqual([{ id: "ue-1", device: "edge-1", rssiDbm: -50, packets: 0 }]);
    expect(r.manager.vnfTypes()).toEqual(["firewall", "ids"]);
  });
});
