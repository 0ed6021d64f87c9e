import { describe, expect, it } from "vitest";
import { z } from "zod";
import { muteSchema, notificationSchema } from "./schemas.ts";
import { apiRig, conforms, expectRejected } from "./test-helpers.ts";

const ids = (body: unknown) => conforms(z.array(notificationSchema), body).map((n) => n.id);

describe("GET /notifications", () => {
  it("lists notifications with the vnf, ue, kind, acknowledged and muted filters", async () => {
    const r = apiRig();
    expect(conforms(z.array(notificationSchema), (await r.call("GET", "/notifications")).body)).toEqual([
      { id: "n-1", vnf: "c1.1.ids.1", ue: "ue-1", kind: "ids-alert", message: "port scan", data: { port: 22 }, time: 3, acknowledged: false, muted: false },
      { id: "n-2", vnf: "c1.0.firewall.1", ue: "ue-1", kind: "attack-detected", message: "SYN flood", data: {}, time: 4, acknowledged: false, muted: false },
    ]);
    expect(ids((await r.call("GET", "/notifications?vnf=c1.1.ids.1")).body)).toEqual(["n-1"]);
    expect(ids((await r.call("GET", "/notifications?ue=ue-2")).body)).toEqual([]);
    expect(ids((await r.call("GET", "/notifications?kind=attack-detected")).body)).toEqual(["n-2"]);
    await r.call("POST", "/notifications/n-1/ack");
    expect(ids((await r.call("GET", "/notifications?acknowledged=true")).body)).toEqual(["n-1"]);
    expect(ids((await r.call("GET", "/notifications?acknowledged=false&ue=ue-1")).body)).toEqual(["n-2"]);
    expect(ids((await r.call("GET", "/notifications?muted=true")).body)).toEqual([]);
  });

  it("rejects bad filters", async () => {
    const r = apiRig();
    await expectRejected(r, "GET", "/notifications?acknowledged=yes", undefined, 400, 'query.acknowledged: expected one of "true", "false", found the string "yes"');
    await expectRejected(r, "GET", "/notifications?unread=true", undefined, 400, 'query.unread: unknown query parameter "unread"');
    await expectRejected(r, "GET", "/notifications?vnf=a&vnf=b", undefined, 400, "query.vnf: expected a string, found a list of 2 items");
  });

  it("GET /notifications/{id}", async () => {
    const r = apiRig();
    expect(conforms(notificationSchema, (await r.call("GET", "/notifications/n-2")).body).kind).toBe("attack-detected");
    await expectRejected(r, "GET", "/notifications/n-9", undefined, 404, "no notification n-9");
  });
});

describe("acknowledge and delete", () => {
  it("acknowledges (idempotently) and deletes", async () => {
    const r = apiRig();
    const ack = await r.call("POST", "/notifications/n-1/ack");
    expect(ack.status).toBe(200);
    expect(conforms(notificationSchema, ack.body).acknowledged).toBe(true);
    expect((await r.call("POST", "/notifications/n-1/ack")).status).toBe(200);
    expect((await r.call("GET", "/status")).body).toEqual(expect.objectContaining({ unreadNotifications: 1 }));
    const del = await r.call("DELETE", "/notifications/n-1");
    expect(del.status).toBe(204);
    expect(del.body).toBeUndefined();
    expect(ids((await r.call("GET", "/notifications")).body)).toEqual(["n-2"]);
  });

  it("rejects unknown ids and bodies, changing nothing", async () => {
    const r = apiRig();
    await expectRejected(r, "POST", "/notifications/n-9/ack", undefined, 404, "no notification n-9");
    await expectRejected(r, "DELETE", "/notifications/n-9", undefined, 404, "no notification n-9");
    await expectRejected(r, "POST", "/notifications/n-1/ack", { all: true }, 400, 'body.all: unknown field "all"');
    await r.call("DELETE", "/notifications/n-1");
    await expectRejected(r, "DELETE", "/notifications/n-1", undefined, 404, "no notification n-1");
  });
});

describe("mute per vNF", () => {
  it("mutes and unmutes a vNF's notifications", async () => {
    const r = apiRig();
    const mute = await r.call("POST", "/vnfs/c1.1.ids.1/mute");
    expect(mute.status).toBe(200);
    expect(conforms(muteSchema, mute.body)).toEqual({ vnf: "c1.1.ids.1", muted: true, notifications: { raised: 1, muted: 0 } });
    expect(((await r.call("GET", "/vnfs/c1.1.ids.1")).body as { muted: boolean }).muted).toBe(true);
    r.backend.inject(6, { type: "notification", vnf: "c1.1.ids.1", ue: "ue-1", kind: "ids-alert", message: "again" });
    r.live.advance(1);
    expect(ids((await r.call("GET", "/notifications?muted=true")).body)).toEqual(["n-3"]);
    expect((await r.call("GET", "/status")).body).toEqual(expect.objectContaining({ unreadNotifications: 2 }));
    expect(conforms(muteSchema, (await r.call("POST", "/vnfs/c1.1.ids.1/unmute")).body)).toEqual({ vnf: "c1.1.ids.1", muted: false, notifications: { raised: 2, muted: 1 } });
  });

  it("mutes a vNF known only from its notifications; 404 for an unknown one", async () => {
    const r = apiRig();
    r.backend.inject(5, { type: "notification", vnf: "probe-7", ue: "ue-2", kind: "measurement-done", message: "rtt 3 ms" });
    r.live.advance(0);
    expect((await r.call("POST", "/vnfs/probe-7/mute")).status).toBe(200);
    await expectRejected(r, "POST", "/vnfs/ghost/mute", undefined, 404, "no vNF ghost");
    await expectRejected(r, "POST", "/vnfs/ghost/unmute", undefined, 404, "no vNF ghost");
    await expectRejected(r, "POST", "/vnfs/c1.1.ids.1/mute", { minutes: 5 }, 400, 'body.minutes: unknown field "minutes"');
  });
});
