import { afterEach, describe, expect, it } from "vitest";
import type { LiveRun } from "../live-run.ts";
import { errorSchema, statusSchema } from "./schemas.ts";
import { API_ROUTES, createApiServer, type ApiServer } from "./server.ts";
import { apiRig, conforms, expectRejected } from "./test-helpers.ts";

interface OpenApiDoc {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, { summary?: string; tags?: string[]; responses: Record<string, { description: string }>; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> }; parameters?: { in: string; name: string }[] }>>;
}

describe("OpenAPI document", () => {
  it("lists exactly the API's routes, each with a summary, a tag and its answers", async () => {
    const r = apiRig();
    const { status, body } = await r.call("GET", "/openapi.json");
    expect(status).toBe(200);
    const doc = body as OpenApiDoc;
    expect(doc.openapi).toBe("3.0.3");
    expect(doc.info.title).toBe("GNF Lab Manager API");
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(listed.sort()).toEqual([...API_ROUTES].sort());
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect({ route: `${method} ${path}`, summary: typeof op.summary, tags: op.tags?.length }).toEqual({ route: `${method} ${path}`, summary: "string", tags: 1 });
        expect(Object.keys(op.responses)).toContain("400");
        if (path.includes("{id}")) expect(op.parameters).toEqual([expect.objectContaining({ in: "path", name: "id" })]);
      }
    }
  });

  it("documents request bodies from the same schemas that validate them", async () => {
    const r = apiRig();
    const doc = (await r.call("GET", "/openapi.json")).body as OpenApiDoc;
    const chainBody = doc.paths["/chains"]?.post?.requestBody?.content["application/json"]?.schema;
    expect(Object.keys(chainBody?.properties ?? {})).toEqual(["id", "ue", "vnfs", "match", "priority"]);
    expect(chainBody?.required).toEqual(["ue", "vnfs"]);
    expect(doc.paths["/vnfs/{id}/migrate"]?.post?.requestBody?.content["application/json"]?.schema.required).toEqual(["host"]);
    expect(doc.paths["/placement"]?.put?.requestBody?.content["application/json"]?.schema.properties?.algorithm).toEqual(expect.objectContaining({ enum: ["nearest-edge", "central-only", "first-fit", "best-fit", "random", "latency-ilp"] }));
    expect(Object.keys(doc.paths["/chains"]?.post?.responses ?? {}).sort()).toEqual(["201", "202", "400", "409", "413", "415", "422"]);
    expect(Object.keys(doc.paths["/placement"]?.put?.responses ?? {}).sort()).toEqual(["200", "400", "409", "413", "415", "503"]);
    const chainId = doc.paths["/chains"]?.post?.requestBody?.content["application/json"]?.schema.properties?.id;
    expect(chainId).toEqual(expect.objectContaining({ maxLength: 64 }));
  });
});

/** A valid body for each route that takes one (so that only the path parameter is wrong). */
const VALID_BODY: Record<string, unknown> = { "POST /vnfs/{id}/migrate": { host: "nfvi" }, "POST /chains": { ue: "ue-2", vnfs: ["ids"] }, "PUT /placement": { algorithm: "best-fit" } };

describe("path parameters", () => {
  const withId = API_ROUTES.filter((route) => route.includes("{id}"));

  it("every {id} route answers 400 for an empty id and 404 for an unknown one, changing nothing", async () => {
    const r = apiRig();
    expect(withId).toHaveLength(13);
    for (const route of withId) {
      const [method, path] = route.split(" ") as ["GET" | "POST" | "DELETE", string];
      await expectRejected(r, method, path.replace("{id}", ""), VALID_BODY[route], 400, "params.id: expected at least 1 character, found 0");
      await expectRejected(r, method, path.replace("{id}", "zz-unknown"), VALID_BODY[route], 404, "zz-unknown");
    }
  });
});

describe("errors", () => {
  it("unknown routes answer 404 JSON; other methods on a known path 405 naming the accepted ones", async () => {
    const r = apiRig();
    for (const [method, url, message] of [
      ["GET", "/nope", "no route GET /nope"],
      ["GET", "/chains/c1/nope", "no route GET /chains/c1/nope"],
    ] as const) {
      const { status, body } = await r.call(method, url);
      expect(status).toBe(404);
      expect(conforms(errorSchema, body)).toEqual({ statusCode: 404, error: "Not Found", message });
    }
    for (const [method, url, allow] of [
      ["PATCH", "/chains/c1", "GET, HEAD, DELETE"],
      ["GET", "/vnfs/c1.1.ids.1/stop?x=1", "POST"],
      ["DELETE", "/chains", "GET, HEAD, POST"],
      ["OPTIONS", "/placement", "GET, HEAD, PUT"],
    ] as const) {
      const before = r.snapshot();
      const { status, body, response } = await r.call(method, url);
      expect({ url, status }).toEqual({ url, status: 405 });
      expect(response.headers.allow).toBe(allow);
      const path = url.split("?")[0] as string;
      expect(conforms(errorSchema, body)).toEqual({ statusCode: 405, error: "Method Not Allowed", message: `${path}: expected the method ${allow.replace(/, /g, " or ")}, found ${method}` });
      expect(r.snapshot()).toBe(before);
    }
  });

  it("malformed JSON and other media types answer 4xx JSON without a stack trace", async () => {
    const r = apiRig();
    const before = r.snapshot();
    const bad = await r.api.app.inject({ method: "POST", url: "/chains", headers: { "content-type": "application/json" }, payload: '{"ue": "ue-2", ' });
    expect(bad.statusCode).toBe(400);
    const badBody = conforms(errorSchema, bad.json());
    expect(badBody.message).toMatch(/JSON/);
    const text = await r.api.app.inject({ method: "POST", url: "/chains", headers: { "content-type": "text/plain" }, payload: "ue-2 ids" });
    expect(text.statusCode).toBe(415);
    expect(conforms(errorSchema, text.json()).message).toBe('content-type: expected application/json, found "text/plain"');
    const xml = await r.api.app.inject({ method: "POST", url: "/chains", headers: { "content-type": "application/xml" }, payload: "<chain/>" });
    expect(xml.statusCode).toBe(415);
    expect(conforms(errorSchema, xml.json()).error).toBe("Unsupported Media Type");
    for (const res of [bad, text, xml]) expect(res.body).not.toMatch(/\.ts:\d+|node_modules|stack/);
    expect(r.snapshot()).toBe(before);
  });

  it("an internal error answers 500 without its message or stack", async () => {
    const r = apiRig();
    const broken: LiveRun = {
      name: "broken",
      manager: r.manager,
      now: () => 0,
      submit: () => undefined,
      devices: () => [],
      metrics: () => {
        throw new Error("secret detail at /work/x.ts:1");
      },
    };
    const log: string[] = [];
    const api = createApiServer(broken, { errorLog: (entry) => log.push(entry) });
    const res = await api.app.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ statusCode: 500, error: "Internal Server Error", message: "internal error" });
    expect(log.join("\n")).toContain("secret detail at /work/x.ts:1");
    await api.close();
  });
});

describe("listening", () => {
  let api: ApiServer | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it("binds 127.0.0.1 by default and answers real HTTP requests", async () => {
    const r = apiRig();
    api = createApiServer(r.live);
    const url = await api.listen();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const address = api.app.server.address();
    expect(typeof address === "object" && address?.address).toBe("127.0.0.1");
    const res = await fetch(`${url}/status`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(conforms(statusSchema, await res.json()).name).toBe("api-test");
    const post = await fetch(`${url}/chains`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ id: "c2", ue: "ue-2", vnfs: ["ids"] }) });
    expect(post.status).toBe(201);
    const stop = await fetch(`${url}/vnfs/c1.1.ids.1/stop`, { method: "POST" });
    expect(stop.status).toBe(202);
    expect(r.manager.instance("c1.1.ids.1")?.state).toBe("stopping");
  });
});
