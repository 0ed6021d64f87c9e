import { describe, expect, it } from "vitest";
import { PlacementControl } from "./placement-control.ts";
import { placementSchema } from "./schemas.ts";
import { apiRig, conforms, expectRejected } from "./test-helpers.ts";

describe("/placement", () => {
  it("shows the algorithm and switches it for later decisions", async () => {
    const r = apiRig();
    expect(conforms(placementSchema, (await r.call("GET", "/placement")).body)).toEqual({ algorithm: "nearest-edge", available: ["nearest-edge", "central-only", "first-fit", "best-fit", "random", "latency-ilp"] });
    const put = await r.call("PUT", "/placement", { algorithm: "central-only" });
    expect(put.status).toBe(200);
    expect(conforms(placementSchema, put.body).algorithm).toBe("central-only");
    await r.call("POST", "/chains", { id: "c2", ue: "ue-2", vnfs: ["ids"] });
    expect(r.backend.trace().at(-1)).toBe("5 start-vnf c2.0.ids.1@nfvi");
    expect((await r.call("GET", "/status")).body).toEqual(expect.objectContaining({ placement: "central-only" }));
  });

  it("switches to random with a seed, and to latency-ilp (created asynchronously)", async () => {
    const r = apiRig();
    expect(conforms(placementSchema, (await r.call("PUT", "/placement", { algorithm: "random", seed: 42 })).body)).toEqual(expect.objectContaining({ algorithm: "random", seed: 42 }));
    const ilp = await r.call("PUT", "/placement", { algorithm: "latency-ilp", ilp: { initialCandidates: 4, timeLimitS: 5 } });
    expect(ilp.status).toBe(200);
    expect(conforms(placementSchema, ilp.body)).toEqual(expect.objectContaining({ algorithm: "latency-ilp" }));
    await r.call("POST", "/chains", { id: "c2", ue: "ue-2", vnfs: ["ids"] });
    expect(r.backend.trace().at(-1)).toBe("5 start-vnf c2.0.ids.1@edge-2");
  });

  it("ends with the newest of overlapping switches", async () => {
    const r = apiRig();
    const [a, b] = await Promise.all([r.call("PUT", "/placement", { algorithm: "latency-ilp" }), r.call("PUT", "/placement", { algorithm: "best-fit" })]);
    expect(b.status).toBe(200);
    expect([200, 409]).toContain(a.status);
    expect(r.manager.placerName()).toBe("best-fit");
  });

  it("PlacementControl drops a switch superseded while it was being created", async () => {
    const r = apiRig();
    const control = new PlacementControl(r.manager, 1);
    const first = control.switchTo({ algorithm: "latency-ilp" });
    const second = control.switchTo({ algorithm: "random", seed: 3 });
    expect(await first).toEqual({ applied: false, reason: "superseded" });
    expect(await second).toEqual({ applied: true });
    expect([r.manager.placerName(), control.lastSeed()]).toEqual(["random", 3]);
  });

  it("rejects bad bodies, changing nothing", async () => {
    const r = apiRig();
    await expectRejected(r, "PUT", "/placement", { algorithm: "simulated-annealing" }, 400, 'body.algorithm: expected one of "nearest-edge", "central-only", "first-fit", "best-fit", "random", "latency-ilp", found the string "simulated-annealing"');
    await expectRejected(r, "PUT", "/placement", {}, 400, 'body.algorithm: expected one of "nearest-edge", "central-only", "first-fit", "best-fit", "random", "latency-ilp", found nothing');
    await expectRejected(r, "PUT", "/placement", undefined, 400, "body: expected an object, found nothing");
    await expectRejected(r, "PUT", "/placement", { algorithm: "random", seed: true }, 400, "body.seed: expected a number or a string, found true");
    await expectRejected(r, "PUT", "/placement", { algorithm: "latency-ilp", ilp: { timeLimitS: -1 } }, 400, "body.ilp.timeLimitS: expected a number greater than 0, found the number -1");
    await expectRejected(r, "PUT", "/placement", { algorithm: "random", replacement: {} }, 400, 'body.replacement: unknown field "replacement"');
    await expectRejected(r, "POST", "/placement", { algorithm: "random" }, 405, "/placement: expected the method GET or HEAD or PUT, found POST");
  });
});
