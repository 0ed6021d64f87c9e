import { describe, expect, it } from "vitest";
import { z } from "zod";
import { vnfActionSchema, vnfSchema } from "./schemas.ts";
import { apiRig, conforms, expectRejected } from "./test-helpers.ts";

describe("GET /vnfs", () => {
  it("lists instances with filters", async () => {
    const r = apiRig();
    const list = conforms(z.array(vnfSchema), (await r.call("GET", "/vnfs")).body);
    expect(list).toEqual([
      { id: "c1.0.firewall.1", type: "firewall", host: "edge-1", chain: "c1", slot: 0, ue: "ue-1", params: {}, state: "running", inChain: true, operatorStopped: false, muted: false, notifications: { raised: 1, muted: 0 } },
      { id: "c1.1.ids.1", type: "ids", host: "edge-1", chain: "c1", slot: 1, ue: "ue-1", params: {}, state: "running", inChain: true, operatorStopped: false, muted: false, notifications: { raised: 1, muted: 0 } },
    ]);
    const ids = async (q: string) => ((await r.call("GET", `/vnfs${q}`)).body as { id: string }[]).map((v) => v.id);
    expect(await ids("?chain=c1&state=running")).toEqual(["c1.0.firewall.1", "c1.1.ids.1"]);
    expect(await ids("?host=edge-2")).toEqual([]);
    expect(await ids("?ue=ue-2")).toEqual([]);
    await expectRejected(r, "GET", "/vnfs?state=zombie", undefined, 400, 'query.state: expected one of "starting", "running", "stopping", "stopped", "failed", found the string "zombie"');
    await expectRejected(r, "GET", "/vnfs?host=", undefined, 400, "query.host: expected at least 1 character, found 0");
  });

  it("GET /vnfs/{id} answers one or 404", async () => {
    const r = apiRig();
    expect(conforms(vnfSchema, (await r.call("GET", "/vnfs/c1.1.ids.1")).body).type).toBe("ids");
    await expectRejected(r, "GET", "/vnfs/c1.1.ids.9", undefined, 404, "no vNF c1.1.ids.9");
  });
});

describe("POST /vnfs/{id}/migrate", () => {
  it("migrates with the Manager's procedure and reason operator", async () => {
    const r = apiRig();
    const { status, body } = await r.call("POST", "/vnfs/c1.1.ids.1/migrate", { host: "edge-2" });
    expect(status).toBe(202);
    const answer = conforms(vnfActionSchema, body);
    expect(answer.vnf.state).toBe("running");
    expect(answer.chain.migration).toBe("m-1");
    expect(answer.migration).toEqual(expect.objectContaining({ id: "m-1", reason: "operator", mode: "make-before-break", outcome: "in-flight", decisionTime: 5 }));
    r.live.advance(10);
    expect(r.backend.trace().slice(3)).toEqual([
      "5 start-vnf c1.1.ids.2@edge-2",
      "6 transfer-state c1.1.ids.1@edge-1->c1.1.ids.2@edge-2 1000000B",
      "8 install-steering c1 v2 via edge-1: c1.0.firewall.1@edge-1,c1.1.ids.2@edge-2",
      "8.125 stop-vnf c1.1.ids.1@edge-1",
    ]);
    const migrations = (await r.call("GET", "/migrations?reason=operator")).body as { outcome: string; interruptionS: number }[];
    expect(migrations.map((m) => [m.outcome, m.interruptionS])).toEqual([["completed", 0.125]]);
    expect(conforms(vnfSchema, (await r.call("GET", "/vnfs/c1.1.ids.1")).body)).toEqual(expect.objectContaining({ state: "stopped", inChain: false }));
  });

  it("takes a mode", async () => {
    const r = apiRig();
    const answer = conforms(vnfActionSchema, (await r.call("POST", "/vnfs/c1.0.firewall.1/migrate", { host: "nfvi", mode: "break-before-make" })).body);
    expect(answer.migration).toEqual(expect.objectContaining({ mode: "break-before-make", phase: "stopping-old" }));
    expect(answer.vnf.state).toBe("stopping");
  });

  it("rejects, changing nothing: 404, 409 busy, 422 host, 400 body", async () => {
    const r = apiRig({ hosts: [{ id: "edge-1", kind: "edge", cpuCapacity: 2, memoryBytes: 32e6 }, { id: "edge-2", kind: "edge", cpuCapacity: 0.3, memoryBytes: 32e6 }, { id: "nfvi", kind: "nfvi", cpuCapacity: 16, memoryBytes: 16e9 }] });
    await expectRejected(r, "POST", "/vnfs/nope/migrate", { host: "edge-2" }, 404, "no vNF nope");
    await expectRejected(r, "POST", "/vnfs/c1.1.ids.1/migrate", { host: "mars" }, 422, 'unknown host "mars"; expected one of edge-1, edge-2, nfvi');
    await expectRejected(r, "POST", "/vnfs/c1.1.ids.1/migrate", { host: "edge-1" }, 422, "already runs on edge-1");
    await expectRejected(r, "POST", "/vnfs/c1.1.ids.1/migrate", { host: "edge-2" }, 422, "host edge-2 lacks capacity for ids (needs 0.5 cores and 6000000 bytes; free 0.3 cores");
    await expectRejected(r, "POST", "/vnfs/c1.1.ids.1/migrate", undefined, 400, "body: expected an object, found nothing");
    await expectRejected(r, "POST", "/vnfs/c1.1.ids.1/migrate", {}, 400, "body.host: expected a string, found nothing");
    await expectRejected(r, "POST", "/vnfs/c1.1.ids.1/migrate", { host: 3 }, 400, "body.host: expected a string, found the number 3");
    await expectRejected(r, "POST", "/vnfs/c1.1.ids.1/migrate", { host: "nfvi", mode: "teleport" }, 400, 'body.mode: expected one of "make-before-break", "break-before-make", found the string "teleport"');
    await expectRejected(r, "POST", "/vnfs/c1.1.ids.1/migrate", { host: "nfvi", when: 3 }, 400, 'body.when: unknown field "when"');
    expect((await r.call("POST", "/vnfs/c1.1.ids.1/migrate", { host: "nfvi" })).status).toBe(202);
    await expectRejected(r, "POST", "/vnfs/c1.0.firewall.1/migrate", { host: "nfvi" }, 409, "chain c1 is busy with migration m-1");
    await expectRejected(r, "POST", "/vnfs/c1.0.firewall.1/stop", undefined, 409, "chain c1 is busy with migration m-1");
  });

  it("409 while the chain is starting", async () => {
    const r = apiRig();
    await r.call("POST", "/chains", { id: "c2", ue: "ue-2", vnfs: ["ids"] });
    await expectRejected(r, "POST", "/vnfs/c2.0.ids.1/migrate", { host: "nfvi" }, 409, "chain c2 is starting; operator actions need an active chain");
  });
});

describe("POST /vnfs/{id}/stop and /start", () => {
  it("stops a vNF (its chain bypasses it) and starts it again", async () => {
    const r = apiRig();
    const stop = await r.call("POST", "/vnfs/c1.1.ids.1/stop");
    expect(stop.status).toBe(202);
    const stopped = conforms(vnfActionSchema, stop.body);
    expect(stopped.vnf).toEqual(expect.objectContaining({ state: "stopping", operatorStopped: true, inChain: true }));
    expect(stopped.migration).toBeUndefined();
    expect(stopped.chain).toEqual(expect.objectContaining({ status: "active", steeringVersion: 2 }));
    r.live.advance(1);
    await expectRejected(r, "POST", "/vnfs/c1.1.ids.1/stop", undefined, 409, "vNF c1.1.ids.1 is stopped by the operator; it must be running");
    await expectRejected(r, "POST", "/vnfs/c1.1.ids.1/start", { host: "mars" }, 422, 'unknown host "mars"');
    await expectRejected(r, "POST", "/vnfs/c1.1.ids.1/start", { host: "" }, 400, "body.host: expected at least 1 character, found 0");
    await expectRejected(r, "POST", "/vnfs/c1.1.ids.1/start", { hots: "edge-2" }, 400, 'body.hots: unknown field "hots"');
    const start = await r.call("POST", "/vnfs/c1.1.ids.1/start", { host: "edge-2" });
    expect(start.status).toBe(202);
    const started = conforms(vnfActionSchema, start.body);
    expect(started.migration).toEqual(expect.objectContaining({ reason: "operator-restart", moves: [expect.objectContaining({ fromVnfId: "c1.1.ids.1", toVnfId: "c1.1.ids.2", toHost: "edge-2", stateLost: true })] }));
    r.live.advance(5);
    expect(r.backend.trace().slice(3)).toEqual([
      "5 install-steering c1 v2 via edge-1: c1.0.firewall.1@edge-1",
      "5 stop-vnf c1.1.ids.1@edge-1",
      "6 start-vnf c1.1.ids.2@edge-2",
      "7 install-steering c1 v3 via edge-1: c1.0.firewall.1@edge-1,c1.1.ids.2@edge-2",
    ]);
    expect((await r.call("GET", "/chains/c1")).body).toEqual(expect.objectContaining({ slots: ["c1.0.firewall.1", "c1.1.ids.2"], installedVersion: 3 }));
  });

  it("start without a body restarts on the host it ran on; a running vNF cannot be started", async () => {
    const r = apiRig();
    await expectRejected(r, "POST", "/vnfs/c1.0.firewall.1/start", undefined, 409, "vNF c1.0.firewall.1 is running; only a vNF stopped by the operator can be started");
    await r.call("POST", "/vnfs/c1.0.firewall.1/stop", {});
    await expectRejected(r, "POST", "/vnfs/c1.0.firewall.1/start", undefined, 409, "is still stopping");
    r.live.advance(1);
    const answer = conforms(vnfActionSchema, (await r.call("POST", "/vnfs/c1.0.firewall.1/start")).body);
    expect(answer.migration?.moves[0]?.toHost).toBe("edge-1");
    await expectRejected(r, "POST", "/vnfs/nope/start", undefined, 404, "no vNF nope");
    await expectRejected(r, "POST", "/vnfs/nope/stop", undefined, 404, "no vNF nope");
    await expectRejected(r, "POST", "/vnfs/c1.1.ids.1/stop", { now: true }, 400, 'body.now: unknown field "now"');
  });

  it("accepts while the run has not handled the action yet", async () => {
    const r = apiRig({ deferred: true });
    const answer = conforms(vnfActionSchema, (await r.call("POST", "/vnfs/c1.1.ids.1/migrate", { host: "edge-2" })).body);
    expect(answer.migration).toBeUndefined();
    expect(answer.vnf.state).toBe("running");
    r.live.advance(0);
    expect(r.manager.migrations()).toHaveLength(1);
  });
});
