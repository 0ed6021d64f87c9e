/**
 * Issue 17, item 1 and the REST part of item 7: requests that used to break the server for good,
 * ids a URL could not carry back, changes accepted after the run had ended, silent 5xx, and
 * library wording in errors. Each case failed on the code before the request bounds.
 */
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { UserError } from "../../base/errors.ts";
import type { LiveRun } from "../live-run.ts";
import { API_LIMITS } from "./limits.ts";
import { PlacementControl } from "./placement-control.ts";
import { chainSchema, errorSchema, vnfSchema } from "./schemas.ts";
import { createApiServer } from "./server.ts";
import { apiRig, conforms, expectRawRejected, expectRejected, type ApiRig } from "./test-helpers.ts";

const JSON_HEADERS = { "content-type": "application/json" };

/** `{"a":{"a":…1}}` nested `depth` objects deep, as raw JSON text. */
function deepObjectText(depth: number): string {
  return '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

/** Every read the issue found broken answers 2xx/404, never 5xx. */
async function expectReadsWork(r: ApiRig): Promise<void> {
  for (const url of ["/chains", "/vnfs", "/status", "/ues", "/devices"]) {
    const { status, body } = await r.call("GET", url);
    expect({ url, status }).toEqual({ url, status: 200 });
    expect(body).toBeDefined();
  }
  conforms(z.array(chainSchema), (await r.call("GET", "/chains")).body);
  conforms(z.array(vnfSchema), (await r.call("GET", "/vnfs")).body);
}

describe("a chain whose params nest 5,000 objects deep (issue 17, item 1)", () => {
  it("is refused with a 400 naming the field and the limit, creates nothing, and every later read works", async () => {
    const r = apiRig();
    const payload = `{"id":"d","ue":"ue-1","vnfs":[{"type":"firewall","params":${deepObjectText(5000)}}]}`;
    const deepPath = `body.vnfs[0].params${".a".repeat(API_LIMITS.jsonDepth - 3)}`;
    await expectRawRejected(r, "POST", "/chains", payload, JSON_HEADERS, 400, `${deepPath}: nested too deep: expected at most ${API_LIMITS.jsonDepth} levels of objects and arrays`);
    expect(r.manager.chain("d")).toBeUndefined();
    await expectReadsWork(r);
    await expectRejected(r, "GET", "/chains/d", undefined, 404, "no chain d");
    await expectRejected(r, "DELETE", "/chains/d", undefined, 404, "no chain d");
    expect(r.errors).toEqual([]);
  });

  it("accepts params up to the depth limit, and shows them in every answer", async () => {
    const r = apiRig();
    // body 1 > vnfs 2 > entry 3 > params 4: params may be jsonDepth - 3 objects deep.
    const params = deepObjectText(API_LIMITS.jsonDepth - 3);
    const { status } = await r.raw("POST", "/chains", `{"id":"d","ue":"ue-2","vnfs":[{"type":"firewall","params":${params}}]}`, JSON_HEADERS);
    expect(status).toBe(201);
    await expectReadsWork(r);
    expect(JSON.stringify(conforms(chainSchema, (await r.call("GET", "/chains/d")).body).spec.vnfs[0]?.params)).toBe(params);
    const deeper = `{"id":"e","ue":"ue-2","vnfs":[{"type":"firewall","params":${deepObjectText(API_LIMITS.jsonDepth - 2)}}]}`;
    await expectRawRejected(r, "POST", "/chains", deeper, JSON_HEADERS, 400, "nested too deep");
  });

  it("answers a Manager state deeper than any request may be (e.g. from a scenario file) without overflowing the stack", async () => {
    const r = apiRig({ empty: true });
    let params: Record<string, unknown> = {};
    for (let i = 0; i < 20_000; i++) params = { a: params };
    r.live.submit({ type: "chain-requested", chain: { id: "deep", ue: "ue-1", vnfs: [{ type: "firewall", params }], match: {}, priority: 1 } });
    await expectReadsWork(r);
    expect((await r.call("GET", "/chains/deep")).status).toBe(200);
    expect((await r.call("GET", "/vnfs/deep.0.firewall.1")).status).toBe(200);
  });
});

describe("ids a URL must carry back (issue 17, item 1)", () => {
  it("refuses a chain id longer than the limit, naming the field and the limit", async () => {
    const r = apiRig();
    await expectRejected(r, "POST", "/chains", { id: "x".repeat(150), ue: "ue-2", vnfs: ["ids"] }, 400, `body.id: expected at most ${API_LIMITS.chainIdChars} characters, found 150`);
  });

  it("a chain with the longest id accepted can be read and removed, and so can its vNFs", async () => {
    const r = apiRig();
    const id = "c".repeat(API_LIMITS.chainIdChars);
    expect((await r.call("POST", "/chains", { id, ue: "ue-2", vnfs: ["firewall", "ids"] })).status).toBe(201);
    expect(conforms(chainSchema, (await r.call("GET", `/chains/${id}`)).body).id).toBe(id);
    const vnfId = `${id}.1.ids.1`;
    expect(conforms(vnfSchema, (await r.call("GET", `/vnfs/${vnfId}`)).body).id).toBe(vnfId);
    r.live.advance(10);
    expect((await r.call("POST", `/vnfs/${vnfId}/stop`)).status).toBe(202);
    expect((await r.call("DELETE", `/chains/${id}`)).status).toBe(202);
  });

  it("every vNF id the API can create fits a URL, even with the longest vNF type name a catalog may have", async () => {
    const longestType = "t".repeat(API_LIMITS.pathParamChars - API_LIMITS.chainIdChars - 16);
    const r = apiRig({ empty: true, catalog: { [longestType]: { cpu: 0.1, memoryBytes: 1e6, stateBytes: 0 } } });
    const chain = "c".repeat(API_LIMITS.chainIdChars);
    expect((await r.call("POST", "/chains", { id: chain, ue: "ue-2", vnfs: [longestType] })).status).toBe(201);
    const vnfId = `${chain}.0.${longestType}.1`;
    expect(conforms(vnfSchema, (await r.call("GET", `/vnfs/${vnfId}`)).body).id).toBe(vnfId);
    r.live.advance(10);
    expect((await r.call("POST", `/vnfs/${vnfId}/stop`)).status).toBe(202);
    expect(() => apiRig({ empty: true, catalog: { [`${longestType}x`]: { cpu: 0.1, memoryBytes: 1e6, stateBytes: 0 } } })).toThrow(
      new UserError(`vNF type names longer than ${longestType.length} characters make vNF ids too long for a URL (the catalog's longest has ${longestType.length + 1})`),
    );
  });

  it("answers 414 for a path segment longer than any id, on every route and method, changing nothing", async () => {
    const r = apiRig();
    const long = "y".repeat(API_LIMITS.pathParamChars + 1);
    const message = `url: expected path segments of at most ${API_LIMITS.pathParamChars} characters, found one of ${API_LIMITS.pathParamChars + 1}`;
    for (const [method, url] of [
      ["GET", `/chains/${long}`],
      ["DELETE", `/chains/${long}`],
      ["GET", `/vnfs/${long}`],
      ["POST", `/vnfs/${long}/stop`],
      ["GET", `/notifications/${long}`],
      ["GET", `/migrations/${long}`],
    ] as const) {
      await expectRawRejected(r, method, url, undefined, {}, 414, message);
    }
    // One character shorter is an ordinary unknown id.
    await expectRejected(r, "GET", `/chains/${long.slice(1)}`, undefined, 404, "no chain");
  });
});

describe("after the run has ended (issue 17, item 1)", () => {
  it("refuses every change with 409 saying so, changing nothing; reads still work", async () => {
    let ended = false;
    const r = apiRig({ runEnded: () => ended });
    r.live.advance(10);
    ended = true;
    const message = 'the run "api-test" has ended';
    await expectRejected(r, "POST", "/chains", { id: "late", ue: "ue-2", vnfs: ["ids"] }, 409, message);
    await expectRejected(r, "DELETE", "/chains/c1", undefined, 409, message);
    await expectRejected(r, "POST", "/vnfs/c1.1.ids.1/stop", undefined, 409, message);
    await expectRejected(r, "POST", "/vnfs/c1.1.ids.1/start", undefined, 409, message);
    await expectRejected(r, "POST", "/vnfs/c1.1.ids.1/migrate", { host: "nfvi" }, 409, message);
    await expectRejected(r, "PUT", "/placement", { algorithm: "best-fit" }, 409, message);
    expect(r.manager.chain("late")).toBeUndefined();
    await expectReadsWork(r);
    // A bad request is still a 400 naming its field: the request is checked first.
    await expectRejected(r, "POST", "/chains", { ue: "ue-2", vnfs: [] }, 400, "body.vnfs: expected at least 1 item, found 0");
  });

  it("accepts changes while the run goes on", async () => {
    const r = apiRig({ runEnded: () => false });
    expect((await r.call("POST", "/chains", { id: "now", ue: "ue-2", vnfs: ["ids"] })).status).toBe(201);
  });
});

describe("5xx answers are logged with their cause (issue 17, item 1)", () => {
  const brokenRun = (manager: ApiRig["manager"]): LiveRun => ({
    name: "broken",
    manager,
    now: () => 0,
    submit: () => undefined,
    devices: () => [],
    metrics: () => {
      throw new Error("metrics store lost", { cause: new Error("disk unplugged") });
    },
  });

  it("writes the route, the error and its causes to the error log; the client gets no detail", async () => {
    const r = apiRig();
    const log: string[] = [];
    const api = createApiServer(brokenRun(r.manager), { errorLog: (entry) => log.push(entry) });
    const res = await api.app.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ statusCode: 500, error: "Internal Server Error", message: "internal error" });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^gnf serve: 500 Internal Server Error on GET \/metrics\n {2}Error: metrics store lost\n/);
    expect(log[0]).toContain("caused by: Error: disk unplugged");
    await api.close();
  });

  it("logs a 503 with the error that caused it", async () => {
    const r = apiRig();
    const failing = vi.spyOn(PlacementControl.prototype, "switchTo").mockRejectedValue(new Error("HiGHS failed to load"));
    try {
      await expectRejected(r, "PUT", "/placement", { algorithm: "best-fit" }, 503, "could not create placement algorithm best-fit: HiGHS failed to load");
    } finally {
      failing.mockRestore();
    }
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^gnf serve: 503 Service Unavailable on PUT \/placement\n {2}ApiError: could not create placement algorithm best-fit/);
    expect(r.errors[0]).toContain("caused by: Error: HiGHS failed to load");
  });

  it("writes to stderr by default", async () => {
    const r = apiRig();
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const api = createApiServer(brokenRun(r.manager));
      expect((await api.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(500);
      expect(write).toHaveBeenCalledWith(expect.stringMatching(/^gnf serve: 500 .* GET \/metrics\n[\s\S]*metrics store lost[\s\S]*\n$/));
      await api.close();
    } finally {
      write.mockRestore();
    }
  });
});

describe("bounds of API_LIMITS", () => {
  it("answers 413 for a body over the size limit, naming the limit", async () => {
    const r = apiRig();
    const payload = JSON.stringify({ ue: "ue-2", vnfs: ["ids"], id: "z".repeat(API_LIMITS.bodyBytes) });
    await expectRawRejected(r, "POST", "/chains", payload, JSON_HEADERS, 413, `body: expected at most ${API_LIMITS.bodyBytes} bytes, found ${payload.length} bytes`);
  });

  it("refuses over-long strings and keys, too many items, and prototype keys, naming the field", async () => {
    const r = apiRig();
    const long = "s".repeat(API_LIMITS.stringChars + 1);
    await expectRejected(r, "POST", "/chains", { ue: long, vnfs: ["ids"] }, 400, `body.ue: expected a string of at most ${API_LIMITS.stringChars} characters, found ${API_LIMITS.stringChars + 1}`);
    await expectRejected(r, "POST", "/chains", { ue: "ue-2", vnfs: [{ type: "ids", params: { [long]: 1 } }] }, 400, `body.vnfs[0].params: expected keys of at most ${API_LIMITS.stringChars} characters`);
    await expectRejected(r, "POST", "/chains", { ue: "ue-2", vnfs: Array.from({ length: API_LIMITS.arrayItems + 1 }, () => "ids") }, 400, `body.vnfs: expected at most ${API_LIMITS.arrayItems} items, found ${API_LIMITS.arrayItems + 1}`);
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const payload = `{"ue":"ue-2","vnfs":[{"type":"ids","params":{"${key}":{"polluted":true}}}]}`;
      await expectRawRejected(r, "POST", "/chains", payload, JSON_HEADERS, 400, `body.vnfs[0].params.${key}: the key "${key}" is not accepted anywhere in a request`);
    }
    await expectRejected(r, "GET", `/chains?ue=${long}`, undefined, 400, `query.ue: expected a string of at most ${API_LIMITS.stringChars} characters`);
  });

  it("names a prototype key in the query without [object Object] (issue 17, item 7)", async () => {
    const r = apiRig();
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const { body } = await r.raw("GET", `/chains?${key}=1`);
      const error = conforms(errorSchema, body);
      expect(error).toEqual({ statusCode: 400, error: "Bad Request", message: `query.${key}: the key "${key}" is not accepted anywhere in a request`, issues: [{ path: `query.${key}`, message: `the key "${key}" is not accepted anywhere in a request` }] });
    }
  });
});

describe("errors in our own words (issue 17, item 7)", () => {
  it("a vNF entry without its type names .type, not 'Invalid input'", async () => {
    const r = apiRig();
    const { body } = await r.call("POST", "/chains", { ue: "ue-2", vnfs: [{ typ: "ids" }] });
    expect(conforms(errorSchema, body).issues).toEqual([
      { path: "body.vnfs[0].type", message: "expected a string, found nothing" },
      { path: "body.vnfs[0].typ", message: 'unknown field "typ"' },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/Invalid input|\[object Object\]/);
  });

  it("other media types get 415 naming the one expected; a body without a content type too", async () => {
    const r = apiRig();
    const body = JSON.stringify({ ue: "ue-2", vnfs: ["ids"] });
    await expectRawRejected(r, "POST", "/chains", body, { "content-type": "text/plain" }, 415, 'content-type: expected application/json, found "text/plain"');
    await expectRawRejected(r, "POST", "/chains", body, { "content-type": "application/x-www-form-urlencoded" }, 415, "content-type: expected application/json");
    await expectRawRejected(r, "POST", "/chains", body, {}, 415, "content-type: expected application/json, found no content-type with a body");
  });

  it("truncated JSON, an empty JSON body and a bad percent-escape are 400s saying what was wrong", async () => {
    const r = apiRig();
    await expectRawRejected(r, "POST", "/chains", '{"ue": "ue-2", ', JSON_HEADERS, 400, "body: expected JSON, found text that is not valid JSON");
    await expectRawRejected(r, "POST", "/chains", "", JSON_HEADERS, 400, "body: expected an object, found nothing");
    await expectRawRejected(r, "GET", "/chains/%zz", undefined, {}, 400, 'url: expected a path with valid percent-escapes (%XX), found "/chains/%zz"');
    // A route without a body takes an empty JSON body as none.
    expect((await r.raw("POST", "/notifications/n-1/ack", "", JSON_HEADERS)).status).toBe(200);
  });
});
