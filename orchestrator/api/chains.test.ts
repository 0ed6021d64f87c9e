import { describe, expect, it } from "vitest";
import { z } from "zod";
import { acceptedSchema, chainSchema } from "./schemas.ts";
import { apiRig, conforms, expectRejected } from "./test-helpers.ts";

describe("GET /chains", () => {
  it("lists chains with their state, filtered by UE and status", async () => {
    const r = apiRig();
    const { status, body } = await r.call("GET", "/chains");
    expect(status).toBe(200);
    expect(conforms(z.array(chainSchema), body)).toEqual([
      {
        id: "c1",
        spec: { id: "c1", ue: "ue-1", vnfs: [{ type: "firewall", params: {} }, { type: "ids", params: {} }], match: { eth_src: "02:00:00:00:00:01", ip_proto: 6, tcp_dst: 80 }, priority: 100 },
        status: "active",
        slots: ["c1.0.firewall.1", "c1.1.ids.1"],
        steeringVersion: 1,
        installedVersion: 1,
        accessNode: "edge-1",
      },
    ]);
    expect((await r.call("GET", "/chains?ue=ue-2")).body).toEqual([]);
    expect((await r.call("GET", "/chains?status=active")).body).toHaveLength(1);
    expect((await r.call("GET", "/chains?status=removed")).body).toEqual([]);
  });

  it("rejects unknown filters and bad values", async () => {
    const r = apiRig();
    await expectRejected(r, "GET", "/chains?colour=red", undefined, 400, 'query.colour: unknown query parameter "colour"');
    await expectRejected(r, "GET", "/chains?status=sleeping", undefined, 400, 'query.status: expected one of "waiting", "starting", "active", "stopped", "failed", "removing", "removed", found the string "sleeping"');
  });
});

describe("GET /chains/{id}", () => {
  it("answers one chain or 404", async () => {
    const r = apiRig();
    expect(conforms(chainSchema, (await r.call("GET", "/chains/c1")).body).status).toBe("active");
    await expectRejected(r, "GET", "/chains/c9", undefined, 404, "no chain c9");
  });
});

describe("POST /chains", () => {
  it("requests a chain from the scenario chain schema and answers 201 with its state", async () => {
    const r = apiRig();
    const { status, body, response } = await r.call("POST", "/chains", { id: "web-2", ue: "ue-2", vnfs: ["firewall", { type: "ids", params: { rules: "et-open" } }], match: { eth_type: 2048, ip_proto: 6, tcp_dst: 443 }, priority: 200 });
    expect(status).toBe(201);
    expect(response.headers.location).toBe("/chains/web-2");
    expect(conforms(chainSchema, body)).toEqual({
      id: "web-2",
      spec: { id: "web-2", ue: "ue-2", vnfs: [{ type: "firewall", params: {} }, { type: "ids", params: { rules: "et-open" } }], match: { eth_type: 2048, ip_proto: 6, tcp_dst: 443 }, priority: 200 },
      status: "starting",
      slots: ["web-2.0.firewall.1", "web-2.1.ids.1"],
      steeringVersion: 0,
      installedVersion: 0,
      accessNode: "edge-2",
    });
    expect(r.backend.trace().slice(3)).toEqual(["5 start-vnf web-2.0.firewall.1@edge-2", "5 start-vnf web-2.1.ids.1@edge-2"]);
    r.live.advance(10);
    expect(conforms(chainSchema, (await r.call("GET", "/chains/web-2")).body)).toEqual(expect.objectContaining({ status: "active", installedVersion: 1 }));
  });

  it("defaults the id, the match and the priority", async () => {
    const r = apiRig();
    const { status, body } = await r.call("POST", "/chains", { ue: "ue-2", vnfs: ["ids"] });
    expect(status).toBe(201);
    expect(conforms(chainSchema, body).spec).toEqual({ id: "chain-2", ue: "ue-2", vnfs: [{ type: "ids", params: {} }], match: {}, priority: 100 });
  });

  it("answers 202 when the run has not handled the request yet", async () => {
    const r = apiRig({ deferred: true });
    const { status, body, response } = await r.call("POST", "/chains", { id: "later", ue: "ue-2", vnfs: ["ids"] });
    expect(status).toBe(202);
    expect(conforms(acceptedSchema, body)).toEqual({ accepted: true, id: "later", status: "requested" });
    expect(response.headers.location).toBe("/chains/later");
    r.live.advance(0);
    expect(conforms(chainSchema, (await r.call("GET", "/chains/later")).body).status).toBe("starting");
  });

  it("allows a removed chain's id again", async () => {
    const r = apiRig();
    await r.call("DELETE", "/chains/c1");
    r.live.advance(5);
    expect(r.manager.chain("c1")?.status).toBe("removed");
    const { status, body } = await r.call("POST", "/chains", { id: "c1", ue: "ue-1", vnfs: ["ids"] });
    expect(status).toBe(201);
    expect(conforms(chainSchema, body)).toEqual(expect.objectContaining({ status: "starting", slots: ["c1.0.ids.1"], steeringVersion: 1, installedVersion: 0 }));
  });

  it("rejects, changing nothing: an existing id, unknown vNF types, schema violations", async () => {
    const r = apiRig();
    await expectRejected(r, "POST", "/chains", { id: "c1", ue: "ue-2", vnfs: ["ids"] }, 409, "chain c1 exists (status active)");
    await expectRejected(r, "POST", "/chains", { ue: "ue-2", vnfs: ["ids", { type: "dpi" }, "nat"] }, 422, 'body.vnfs[1].type: unknown vNF type "dpi"; expected one of firewall, ids; body.vnfs[2]: unknown vNF type "nat"');
    const bad: [unknown, string][] = [
      [undefined, "body: expected an object, found nothing"],
      [[], "body: expected an object, found an empty list"],
      [{ vnfs: ["ids"] }, "body.ue: expected a string, found nothing"],
      [{ ue: "ue-2", vnfs: [] }, "body.vnfs: expected at least 1 item, found 0"],
      [{ ue: "ue-2", vnfs: [7] }, "body.vnfs[0]: expected a string or an object, found the number 7"],
      [{ ue: "ue-2", vnfs: ["ids"], priority: 70000 }, "body.priority: expected a number at most 65535, found the number 70000"],
      [{ ue: "ue-2", vnfs: ["ids"], id: "has space" }, "body.id: expected letters, digits, '.', '_' or '-', found the string \"has space\""],
      [{ ue: "ue-2", vnfs: ["ids"], match: { ip_proto: 17, tcp_dst: 80 } }, "body.match: tcp_* fields need ip_proto 6, got 17"],
      [{ ue: "ue-2", vnfs: ["ids"], match: { ipv4_src: "10.0.0.300" } }, "body.match"],
      [{ ue: "ue-2", vnfs: ["ids"], match: { tcp_port: 80 } }, 'body.match.tcp_port: unknown field "tcp_port"'],
      [{ ue: "ue-2", vnfs: ["ids"], at: 10 }, "body.at: scheduling is not supported over the API"],
      [{ ue: "ue-2", vnfs: ["ids"], until: 10 }, "body.until: scheduling is not supported over the API"],
      [{ ue: "ue-2", vnfs: ["ids"], colour: "red" }, 'body.colour: unknown field "colour"'],
    ];
    for (const [payload, message] of bad) await expectRejected(r, "POST", "/chains", payload, 400, message);
  });

  it("lists every issue with its path", async () => {
    const r = apiRig();
    const { body } = await r.call("POST", "/chains", { ue: "", vnfs: ["ids"], match: { eth_type: 2054, ipv4_dst: "10.0.0.1" }, priority: -1 });
    expect((body as { issues: unknown[] }).issues).toEqual([
      { path: "body.ue", message: "expected at least 1 character, found 0" },
      { path: "body.match", message: "ipv4_* fields need eth_type 0x800, got 0x806" },
      { path: "body.priority", message: "expected a number at least 0, found the number -1" },
    ]);
  });
});

describe("DELETE /chains/{id}", () => {
  it("removes a chain: 202 with the chain removing, then removed", async () => {
    const r = apiRig();
    const { status, body } = await r.call("DELETE", "/chains/c1");
    expect(status).toBe(202);
    expect(conforms(chainSchema, body)).toEqual(expect.objectContaining({ status: "removing", slots: [] }));
    expect(r.backend.trace().slice(3)).toEqual(["5 stop-vnf c1.0.firewall.1@edge-1", "5 stop-vnf c1.1.ids.1@edge-1", "5 remove-steering c1 v1"]);
    r.live.advance(1);
    expect(conforms(chainSchema, (await r.call("GET", "/chains/c1")).body).status).toBe("removed");
  });

  it("rejects an unknown or already removed chain, changing nothing", async () => {
    const r = apiRig();
    await expectRejected(r, "DELETE", "/chains/c9", undefined, 404, "no chain c9");
    await r.call("DELETE", "/chains/c1");
    await expectRejected(r, "DELETE", "/chains/c1", undefined, 409, "chain c1 is already removing");
    r.live.advance(1);
    await expectRejected(r, "DELETE", "/chains/c1", undefined, 409, "chain c1 is already removed");
    await expectRejected(r, "DELETE", "/chains/c1", { force: true }, 400, 'body.force: unknown field "force"');
  });
});
