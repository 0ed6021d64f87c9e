/**
 * The API's test rig: a real Manager (nearest-edge placer, the orchestrator test fixtures' hosts,
 * catalog and latencies) on a FakeBackend through runLoop, wrapped as a FakeLiveRun and served by
 * `createApiServer`, called with fastify's `inject` (no sockets).
 *
 * World after `apiRig()`: ue-1 on edge-1 and ue-2 on edge-2 (t = 0); chain c1 (firewall → ids on
 * ue-1's HTTP traffic) requested at 1 and active from 2; notifications n-1 (ids about ue-1) and n-2
 * (firewall about ue-1) raised at 3 and 4; clock at 5.
 */
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { z } from "zod";
import { nearestEdge } from "../../placement/index.ts";
import type { ManagerConfig } from "../config.ts";
import { FakeBackend, type FakeBackendOptions } from "../fake-backend.ts";
import { Manager } from "../manager.ts";
import { CATALOG, CHAIN, DELAYS, HOSTS, latencyS } from "../test-fixtures.ts";
import type { HostSpec, VnfDemandCatalog } from "../types.ts";
import { FakeLiveRun } from "./fake-live-run.ts";
import { errorSchema } from "./schemas.ts";
import { createApiServer, type ApiServer } from "./server.ts";

export interface ApiRig {
  live: FakeLiveRun;
  manager: Manager;
  backend: FakeBackend;
  api: ApiServer;
  /** Calls a route; the body is parsed as JSON when there is one. */
  call(method: InjectOptions["method"], url: string, payload?: unknown): Promise<{ status: number; body: unknown; response: LightMyRequestResponse }>;
  /** Sends `payload` as it is (no JSON encoding), with `headers`; the answer's body parsed as JSON when there is one. */
  raw(method: string, url: string, payload?: string, headers?: Record<string, string>): Promise<{ status: number; body: unknown; response: LightMyRequestResponse }>;
  /** Everything observable about the run, for "nothing changed" assertions. */
  snapshot(): string;
  /** Entries the server wrote to its error log (5xx answers), unless `errorLog` was given. */
  errors: string[];
}

export interface ApiRigOptions {
  config?: Partial<ManagerConfig>;
  backend?: FakeBackendOptions;
  hosts?: HostSpec[];
  deferred?: boolean;
  /** Skip the chain and notifications (UEs still connect). */
  empty?: boolean;
  /** The vNF types (default: the fixtures' firewall and ids). */
  catalog?: VnfDemandCatalog;
  /** Passed to `createApiServer`. */
  runEnded?: () => boolean;
  /** Passed to `createApiServer` (default: collected in `errorLog` of the rig). */
  errorLog?: (entry: string) => void;
}

export function apiRig(options: ApiRigOptions = {}): ApiRig {
  const manager = new Manager({ hosts: options.hosts ?? HOSTS, catalog: options.catalog ?? CATALOG, latencyS, placer: nearestEdge(), config: options.config ?? {} });
  const backend = new FakeBackend({ delays: DELAYS, ...options.backend });
  const live = new FakeLiveRun({ name: "api-test", manager, backend, models: { "edge-1": "Raspberry Pi 3" }, deferred: options.deferred ?? false });
  backend.inject(0, { type: "ue-connected", ue: "ue-1", device: "edge-1", rssiDbm: -50 });
  backend.inject(0, { type: "ue-connected", ue: "ue-2", device: "edge-2", rssiDbm: -61 });
  if (!options.empty) {
    backend.inject(1, { type: "chain-requested", chain: CHAIN });
    backend.inject(3, { type: "notification", vnf: "c1.1.ids.1", ue: "ue-1", kind: "ids-alert", message: "port scan", data: { port: 22 } });
    backend.inject(4, { type: "notification", vnf: "c1.0.firewall.1", ue: "ue-1", kind: "attack-detected", message: "SYN flood" });
  }
  backend.runUntil(5);
  const errors: string[] = [];
  const api = createApiServer(live, { placementSeed: 7, errorLog: options.errorLog ?? ((entry) => errors.push(entry)), ...(options.runEnded ? { runEnded: options.runEnded } : {}) });
  const call: ApiRig["call"] = async (method, url, payload) => {
    const request: InjectOptions = { method, url };
    if (payload !== undefined) request.payload = payload as InjectOptions["payload"];
    const response = await api.app.inject(request);
    const text = response.body;
    return { status: response.statusCode, body: text === "" ? undefined : (JSON.parse(text) as unknown), response };
  };
  const raw: ApiRig["raw"] = async (method, url, payload, headers = {}) => {
    const request: InjectOptions = { method: method as InjectOptions["method"], url, headers };
    if (payload !== undefined) request.payload = payload;
    const response = await api.app.inject(request);
    const text = response.body;
    return { status: response.statusCode, body: text === "" ? undefined : (JSON.parse(text) as unknown), response };
  };
  const snapshot = () =>
    JSON.stringify({
      now: live.now(),
      chains: manager.chains().map((c) => ({ ...c, migration: c.migration?.record })),
      vnfs: manager.instances(),
      migrations: manager.migrations(),
      notifications: manager.notifications.list(),
      muted: manager.instances().map((i) => manager.notifications.isMuted(i.id)),
      reserved: manager.hosts().map((h) => manager.reserved(h.id)),
      placer: manager.placerName(),
      submitted: live.submitted.length,
      commands: backend.log.length,
    });
  return { live, manager, backend, api, call, raw, snapshot, errors };
}

/** Parses `body` with a documented schema (strict: undocumented fields fail) and returns it. */
export function conforms<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new Error(`answer does not match its schema: ${JSON.stringify(result.error.issues)}\n${JSON.stringify(body)}`);
  return result.data;
}

/** Asserts a rejected raw request: status, an error body whose message contains `message`, and no change. */
export async function expectRawRejected(rig: ApiRig, method: string, url: string, payload: string | undefined, headers: Record<string, string>, status: number, message: string): Promise<void> {
  const before = rig.snapshot();
  const { status: got, body, response } = await rig.raw(method, url, payload, headers);
  expect({ url: url.slice(0, 80), status: got }).toEqual({ url: url.slice(0, 80), status });
  expect(response.headers["content-type"]).toMatch(/^application\/json/);
  const error = conforms(errorSchema, body);
  expect(error.message).toContain(message);
  expect(rig.snapshot()).toBe(before);
}

/** Asserts a rejected call: status, an error body whose message contains `message`, and no change. */
export async function expectRejected(rig: ApiRig, method: InjectOptions["method"], url: string, payload: unknown, status: number, message: string): Promise<void> {
  const before = rig.snapshot();
  const { status: got, body, response } = await rig.call(method, url, payload);
  expect({ url, status: got }).toEqual({ url, status });
  expect(response.headers["content-type"]).toMatch(/^application\/json/);
  const error = conforms(errorSchema, body);
  expect(error.statusCode).toBe(status);
  expect(error.message).toContain(message);
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+/);
  expect(rig.snapshot()).toBe(before);
}
