import { afterEach, describe, expect, it } from "vitest";
import type { OfMessage } from "../codec/index.ts";
import { FakeSwitch, type Responder } from "./fake-switch.ts";
import { Controller } from "./server.ts";
import { OpenFlowError, RequestTimeout } from "./errors.ts";

const controllers: Controller[] = [];
const switches: FakeSwitch[] = [];
afterEach(async () => {
  for (const s of switches.splice(0)) s.close();
  for (const c of controllers.splice(0)) await c.close();
});

async function setup(options: ConstructorParameters<typeof Controller>[0] = {}): Promise<Controller> {
  const c = new Controller({ port: 0, echoIntervalMs: 0, ...options });
  await c.listen();
  controllers.push(c);
  return c;
}

async function attach(c: Controller, dpid: bigint, respond?: Responder, bitmap?: number): Promise<FakeSwitch> {
  const s = new FakeSwitch(dpid, respond, bitmap);
  switches.push(s);
  await s.connect(c.port);
  return s;
}

const standard: Responder = (m) => {
  switch (m.type) {
    case "barrier_request":
      return [{ type: "barrier_reply", xid: m.xid }];
    case "echo_request":
      return [{ type: "echo_reply", xid: m.xid, data: m.data }];
    case "multipart_request":
      // Two parts: the first with OFPMPF_REPLY_MORE.
      return [
        { type: "multipart_reply", xid: m.xid, flags: 1, body: { kind: "table", stats: [{ tableId: 0, activeCount: 3, lookupCount: 10n, matchedCount: 7n }] } },
        { type: "multipart_reply", xid: m.xid, flags: 0, body: { kind: "table", stats: [{ tableId: 1, activeCount: 0, lookupCount: 0n, matchedCount: 0n }] } },
      ];
    case "flow_mod":
      return m.priority === 666 ? [{ type: "error", xid: m.xid, errorType: 5, code: 1, data: new Uint8Array(8) }] : [];
    default:
      return [];
  }
};

describe("Controller", () => {
  it("handshakes: HELLO with a 1.3 version bitmap, FEATURES gives the datapath id", async () => {
    const c = await setup();
    const s = await attach(c, 0xabcdef0123456789n, standard);
    const conn = await c.waitForSwitch(0xabcdef0123456789n);
    expect(conn.datapathId).toBe(0xabcdef0123456789n);
    expect(s.received[0]).toEqual({ type: "hello", xid: 1, elements: [{ elementType: 1, bitmaps: [16] }] });
    expect(s.received[1]?.type).toBe("features_request");
  });

  it("matches replies to requests by xid and resolves barriers", async () => {
    const c = await setup();
    await attach(c, 1n, standard);
    const conn = await c.waitForSwitch(1n);
    const [a, b] = await Promise.all([conn.request({ type: "echo_request", xid: 0, data: "aa" }), conn.request({ type: "echo_request", xid: 0, data: "bb" })]);
    expect(Buffer.from(a?.type === "echo_reply" ? (a.data as Uint8Array) : []).toString("hex")).toBe("aa");
    expect(Buffer.from(b?.type === "echo_reply" ? (b.data as Uint8Array) : []).toString("hex")).toBe("bb");
    await conn.barrier();
  });

  it("reassembles multipart replies flagged MORE", async () => {
    const c = await setup();
    await attach(c, 2n, standard);
    const conn = await c.waitForSwitch(2n);
    const parts = await conn.multipart({ kind: "table" });
    expect(parts.map((p) => (p.kind === "table" ? p.stats.map((s) => s.tableId) : []))).toEqual([[0], [1]]);
  });

  it("surfaces an OFPT_ERROR reply as a typed OpenFlowError", async () => {
    const c = await setup();
    await attach(c, 3n, standard);
    const conn = await c.waitForSwitch(3n);
    const bad: OfMessage = {
      type: "flow_mod", xid: 0, cookie: 0n, cookieMask: 0n, tableId: 0, command: 0, idleTimeout: 0, hardTimeout: 0, priority: 666,
      bufferId: 0xffffffff, outPort: 0xffffffff, outGroup: 0xffffffff, flags: 0, match: [], instructions: [],
    };
    const err = await conn.request(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenFlowError);
    expect((err as OpenFlowError).message).toBe("switch replied with error FLOW_MOD_FAILED.TABLE_FULL (type 5, code 1)");
  });

  it("times out a request the switch never answers", async () => {
    const c = await setup();
    await attach(c, 4n, () => []);
    const conn = await c.waitForSwitch(4n);
    await expect(conn.request({ type: "get_config_request", xid: 0 }, 200)).rejects.toBeInstanceOf(RequestTimeout);
  });

  it("answers a malformed message with OFPT_ERROR and keeps serving it and other switches", async () => {
    const c = await setup();
    const bad = await attach(c, 5n, standard);
    await attach(c, 6n, standard);
    const conn5 = await c.waitForSwitch(5n);
    const conn6 = await c.waitForSwitch(6n);
    const malformed = new Promise((resolve) => conn5.once("malformed", resolve));
    // A FLOW_MOD whose body is cut short (length honest, body truncated).
    bad.sendRaw(Uint8Array.from([4, 14, 0, 16, 0, 0, 0, 99, 0, 0, 0, 0, 0, 0, 0, 0]));
    await malformed;
    await conn5.barrier();
    await conn6.barrier();
    const error = bad.received.find((m) => m.type === "error");
    expect(error).toMatchObject({ type: "error", xid: 99, errorType: 1, code: 6 });
  });

  it("refuses a switch without OpenFlow 1.3 (HELLO_FAILED) and closes it", async () => {
    const c = await setup();
    const s = await attach(c, 7n, standard, 1 << 1);
    await s.closed();
    expect(s.received.find((m) => m.type === "error")).toMatchObject({ errorType: 0, code: 0 });
    expect(c.switches.size).toBe(0);
  });

  it("detects a dead peer that stops answering echoes", async () => {
    const c = await setup({ echoIntervalMs: 50, deadAfterMs: 200 });
    await attach(c, 8n, (m) => (m.type === "barrier_request" ? [{ type: "barrier_reply", xid: m.xid }] : []));
    const conn = await c.waitForSwitch(8n);
    const reason = await new Promise<string>((resolve) => conn.once("close", resolve));
    expect(reason).toBe("dead peer: no echo reply for 200 ms");
  });
});
