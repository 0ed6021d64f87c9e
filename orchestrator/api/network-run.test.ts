import { describe, expect, it } from "vitest";
import { z } from "zod";
import { deviceSchema, metricsSchema, migrationSchema, operatorRefusalSchema, statusSchema, ueSchema } from "./schemas.ts";
import { apiRig, conforms, expectRejected } from "./test-helpers.ts";

describe("GET /devices", () => {
  it("lists hosts with their last report and the Manager's reservations", async () => {
    const r = apiRig();
    r.backend.inject(5, { type: "device-report", device: "edge-2", cpuUtilisation: 0.25, memoryUsedBytes: 4e6, memoryBytes: 32e6, clients: 1 });
    r.live.advance(0);
    expect(conforms(z.array(deviceSchema), (await r.call("GET", "/devices")).body)).toEqual([
      { id: "edge-1", kind: "edge", model: "Raspberry Pi 3", cpuCapacity: 2, memoryBytes: 32e6, reservedCpu: 0.75, reservedMemoryBytes: 8.5e6, vnfs: ["c1.0.firewall.1", "c1.1.ids.1"] },
      { id: "edge-2", kind: "edge", cpuCapacity: 2, memoryBytes: 32e6, cpuUtilisation: 0.25, memoryUsedBytes: 4e6, clients: 1, reservedCpu: 0, reservedMemoryBytes: 0, vnfs: [] },
      { id: "nfvi", kind: "nfvi", cpuCapacity: 16, memoryBytes: 16e9, reservedCpu: 0, reservedMemoryBytes: 0, vnfs: [] },
    ]);
    await expectRejected(r, "GET", "/devices?kind=edge", undefined, 400, 'query.kind: unknown query parameter "kind"');
  });
});

describe("GET /ues", () => {
  it("lists connected UEs and UEs named by chains", async () => {
    const r = apiRig();
    await r.call("POST", "/chains", { id: "c3", ue: "ue-3", vnfs: ["ids"] });
    r.backend.inject(5, { type: "ue-disconnected", ue: "ue-2", device: "edge-2", rssiDbm: -90, packets: 12 });
    r.live.advance(0);
    expect(conforms(z.array(ueSchema), (await r.call("GET", "/ues")).body)).toEqual([
      { id: "ue-1", attached: true, device: "edge-1", rssiDbm: -50, packets: 0, chains: ["c1"] },
      { id: "ue-2", attached: false, rssiDbm: -90, packets: 12, chains: [] },
      { id: "ue-3", attached: false, chains: ["c3"] },
    ]);
    expect(((await r.call("GET", "/ues?attached=true")).body as { id: string }[]).map((u) => u.id)).toEqual(["ue-1"]);
    expect(((await r.call("GET", "/ues?attached=false")).body as { id: string }[]).map((u) => u.id)).toEqual(["ue-2", "ue-3"]);
    await expectRejected(r, "GET", "/ues?attached=maybe", undefined, 400, 'query.attached: expected one of "true", "false", found the string "maybe"');
  });

  it("GET /ues/{id}", async () => {
    const r = apiRig();
    expect(conforms(ueSchema, (await r.call("GET", "/ues/ue-1")).body)).toEqual({ id: "ue-1", attached: true, device: "edge-1", rssiDbm: -50, packets: 0, chains: ["c1"] });
    await expectRejected(r, "GET", "/ues/ue-9", undefined, 404, "no UE ue-9");
  });
});

describe("GET /status, /metrics, /migrations", () => {
  it("status: name, clock, counts", async () => {
    const r = apiRig();
    expect(conforms(statusSchema, (await r.call("GET", "/status")).body)).toEqual({ name: "api-test", now: 5, placement: "nearest-edge", chains: { active: 1 }, vnfs: { running: 2 }, migrationsInFlight: 0, unreadNotifications: 2, operatorRefusals: 0 });
    r.live.advance(2.5);
    expect(conforms(statusSchema, (await r.call("GET", "/status")).body).now).toBe(7.5);
    await expectRejected(r, "GET", "/status?verbose=1", undefined, 400, 'query.verbose: unknown query parameter "verbose"');
  });

  it("metrics are the run's live metrics", async () => {
    const r = apiRig();
    const metrics = conforms(metricsSchema, (await r.call("GET", "/metrics")).body);
    expect(metrics).toEqual(r.live.metrics());
    expect(metrics.chainsActive).toEqual({ value: 1, unit: "count", description: "chains active now" });
  });

  it("migrations with filters, and one by id", async () => {
    const r = apiRig();
    r.backend.inject(5, { type: "ue-handover", ue: "ue-1", from: "edge-1", to: "edge-2", rssiDbm: -55, packets: 9 });
    r.live.advance(10);
    await r.call("POST", "/vnfs/c1.1.ids.2/migrate", { host: "nfvi" });
    r.live.advance(10);
    const all = conforms(z.array(migrationSchema), (await r.call("GET", "/migrations")).body);
    expect(all.map((m) => [m.id, m.reason, m.outcome])).toEqual([
      ["m-1", "ue-handover", "completed"],
      ["m-2", "operator", "completed"],
    ]);
    expect(((await r.call("GET", "/migrations?reason=operator&chain=c1&outcome=completed")).body as { id: string }[]).map((m) => m.id)).toEqual(["m-2"]);
    expect((await r.call("GET", "/migrations?chain=c2")).body).toEqual([]);
    expect(conforms(migrationSchema, (await r.call("GET", "/migrations/m-2")).body).moves).toEqual([expect.objectContaining({ fromHost: "edge-2", toHost: "nfvi", bytes: 1e6 })]);
    await expectRejected(r, "GET", "/migrations/m-9", undefined, 404, "no migration m-9");
    await expectRejected(r, "GET", "/migrations?reason=boredom", undefined, 400, 'query.reason: expected one of "ue-handover", "ue-reconnected", "utilisation-change", "overload", "periodic", "optimal-stopping", "vnf-failed", "operator", "operator-restart", found the string "boredom"');
  });
});

describe("GET /operator-refusals", () => {
  it("lists accepted actions that the state had outrun when the run handled them", async () => {
    const r = apiRig({ deferred: true });
    expect((await r.call("POST", "/vnfs/c1.1.ids.1/migrate", { host: "edge-2" })).status).toBe(202);
    expect((await r.call("POST", "/vnfs/c1.0.firewall.1/stop")).status).toBe(202);
    expect((await r.call("GET", "/operator-refusals")).body).toEqual([]);
    r.live.advance(0);
    expect(conforms(z.array(operatorRefusalSchema), (await r.call("GET", "/operator-refusals")).body)).toEqual([
      { time: 5, event: { type: "vnf-stop-requested", vnfId: "c1.0.firewall.1" }, refusal: { kind: "conflict", message: "chain c1 is busy with migration m-1" } },
    ]);
    expect(conforms(statusSchema, (await r.call("GET", "/status")).body).operatorRefusals).toBe(1);
    expect(r.manager.instance("c1.0.firewall.1")?.state).toBe("running");
  });
});
