import { afterEach, describe, expect, it } from "vitest";
import type { MessageOf, OfMessage } from "../codec/index.ts";
import { FakeSwitch, type FakeSwitchOptions, type Responder } from "./fake-switch.ts";
import { Controller } from "./server.ts";
import { BatchFailed, ConnectionClosed, OpenFlowError, RequestTimeout } from "./errors.ts";

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

async function attach(c: Controller, dpid: bigint, options: FakeSwitchOptions = {}): Promise<FakeSwitch> {
  const s = new FakeSwitch(dpid, options);
  switches.push(s);
  await s.connect(c.port);
  return s;
}

function flowMod(priority: number): OfMessage {
  return {
    type: "flow_mod", xid: 0, cookie: 0n, cookieMask: 0n, tableId: 0, command: 0, idleTimeout: 0, hardTimeout: 0, priority,
    bufferId: 0xffffffff, outPort: 0xffffffff, outGroup: 0xffffffff, flags: 0, match: [], instructions: [],
  };
}

/** Answers barriers and echoes, replies to multipart in two parts (first flagged MORE), refuses FLOW_MODs of priority 666. */
const standard: Responder = (m) => {
  switch (m.type) {
    case "barrier_request":
      return [{ type: "barrier_reply", xid: m.xid }];
    case "echo_request":
      return [{ type: "echo_reply", xid: m.xid, data: m.data }];
    case "multipart_request":
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

const hex = (data: unknown): string => Buffer.from(data as Uint8Array).toString("hex");

describe("Controller handshake", () => {
  it("sends HELLO with a 1.3 version bitmap; FEATURES gives the 64-bit datapath id", async () => {
    const c = await setup();
    const s = await attach(c, 0xabcdef0123456789n, { respond: standard });
    const conn = await c.waitForSwitch(0xabcdef0123456789n);
    expect(conn.datapathId).toBe(0xabcdef0123456789n);
    expect(conn.features?.nTables).toBe(254);
    expect(s.received[0]).toEqual({ type: "hello", xid: 1, elements: [{ elementType: 1, bitmaps: [16] }] });
    expect(s.received[1]?.type).toBe("features_request");
  });

  it("refuses a switch whose bitmap lacks 1.3 with HELLO_FAILED and closes it", async () => {
    const c = await setup();
    const failed = new Promise<Error>((resolve) => c.once("handshake_failed", resolve));
    const s = await attach(c, 7n, { respond: standard, helloBitmap: 1 << 1 });
    await s.closed();
    expect(s.received.find((m) => m.type === "error")).toMatchObject({ errorType: 0, code: 0 });
    expect((await failed).message).toBe("connection closed: switch does not support OpenFlow 1.3 (HELLO version 4, bitmap 0x2)");
    expect(c.switches.size).toBe(0);
  });

  it("refuses an OpenFlow 1.0 HELLO (header version 1, no bitmap)", async () => {
    const c = await setup();
    const failed = new Promise<Error>((resolve) => c.once("handshake_failed", resolve));
    const s = await attach(c, 9n, { rawHello: Uint8Array.from([1, 0, 0, 8, 0, 0, 0, 5]) });
    await s.closed();
    expect((await failed).message).toBe("connection closed: switch does not support OpenFlow 1.3 (HELLO version 1)");
    expect(s.received.find((m) => m.type === "error")).toMatchObject({ xid: 5, errorType: 0, code: 0 });
  });

  it("accepts a HELLO from a newer version whose bitmap includes 1.3", async () => {
    const c = await setup();
    // OpenFlow 1.5 header, bitmap {1.3, 1.5}.
    await attach(c, 10n, { rawHello: Uint8Array.from([6, 0, 0, 16, 0, 0, 0, 1, 0, 1, 0, 8, 0, 0, 0, 0x50]) });
    expect((await c.waitForSwitch(10n)).datapathId).toBe(10n);
  });
});

describe("Controller requests", () => {
  it("matches replies to requests by xid and resolves barriers", async () => {
    const c = await setup();
    await attach(c, 1n, { respond: standard });
    const conn = await c.waitForSwitch(1n);
    const [a, b] = await Promise.all([conn.request({ type: "echo_request", xid: 0, data: "aa" }), conn.request({ type: "echo_request", xid: 0, data: "bb" })]);
    expect(a?.type === "echo_reply" ? hex(a.data) : "").toBe("aa");
    expect(b?.type === "echo_reply" ? hex(b.data) : "").toBe("bb");
    await conn.barrier();
  });

  it("reassembles multipart replies flagged MORE", async () => {
    const c = await setup();
    await attach(c, 2n, { respond: standard });
    const conn = await c.waitForSwitch(2n);
    const parts = await conn.multipart({ kind: "table" });
    expect(parts.map((p) => (p.kind === "table" ? p.stats.map((s) => s.tableId) : []))).toEqual([[0], [1]]);
  });

  it("surfaces an OFPT_ERROR reply as a typed OpenFlowError", async () => {
    const c = await setup();
    await attach(c, 3n, { respond: standard });
    const conn = await c.waitForSwitch(3n);
    const err = await conn.request(flowMod(666)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenFlowError);
    expect((err as OpenFlowError).message).toBe("switch replied with error FLOW_MOD_FAILED.TABLE_FULL (type 5, code 1)");
  });

  it("times out a request the switch never answers", async () => {
    const c = await setup();
    await attach(c, 4n);
    const conn = await c.waitForSwitch(4n);
    const err = await conn.request({ type: "get_config_request", xid: 0 }, 100).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestTimeout);
    expect((err as Error).message).toMatch(/^no reply to get_config_request \(xid \d+\) within 100 ms$/);
  });

  it("a batch stops at the first refused segment and names the refused message", async () => {
    const c = await setup();
    const s = await attach(c, 11n, { respond: standard });
    const conn = await c.waitForSwitch(11n);
    const err = await conn.sendBatch([flowMod(1), flowMod(666), { type: "barrier_request", xid: 0 }, flowMod(2)]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BatchFailed);
    expect((err as BatchFailed).failures.map((f) => [f.index, f.messageType, f.error.errorType, f.error.code])).toEqual([[1, "flow_mod", 5, 1]]);
    await conn.barrier();
    // The segment after the failed barrier was never sent.
    expect(s.received.filter((m) => m.type === "flow_mod").map((m) => (m as MessageOf<"flow_mod">).priority)).toEqual([1, 666]);
  });

  it("a batch sends its segments in order, each followed by a barrier", async () => {
    const c = await setup();
    const s = await attach(c, 12n, { respond: standard });
    const conn = await c.waitForSwitch(12n);
    await conn.sendBatch([flowMod(1), flowMod(2), { type: "barrier_request", xid: 0 }, flowMod(3)]);
    expect(s.received.slice(2).map((m) => (m.type === "flow_mod" ? m.priority : m.type))).toEqual([1, 2, "barrier_request", 3, "barrier_request"]);
  });

  it("rejects waiting requests with ConnectionClosed when the switch goes away, and reports the disconnect", async () => {
    const c = await setup();
    const s = await attach(c, 13n);
    const conn = await c.waitForSwitch(13n);
    const disconnected = new Promise<string>((resolve) => c.once("switch_disconnected", (_conn, reason) => resolve(reason)));
    const waiting = conn.barrier().catch((e: unknown) => e);
    s.close();
    expect(await waiting).toBeInstanceOf(ConnectionClosed);
    expect(await disconnected).toBe("socket closed");
    expect(c.switches.has(13n)).toBe(false);
  });
});

describe("Controller events and robustness", () => {
  it("forwards packet-in, port-status and flow-removed with the connection they came from", async () => {
    const c = await setup();
    const s = await attach(c, 14n, { respond: standard });
    const conn = await c.waitForSwitch(14n);
    const seen: string[] = [];
    const done = new Promise<void>((resolve) => {
      c.on("packet_in", (from, m) => seen.push(`packet_in ${from.datapathId} ${hex(m.data)}`));
      c.on("port_status", (from, m) => seen.push(`port_status ${from.datapathId} ${m.port.name}`));
      c.on("flow_removed", (from, m) => {
        seen.push(`flow_removed ${from.datapathId} ${m.cookie}`);
        resolve();
      });
    });
    s.send({ type: "packet_in", xid: 0, bufferId: 0xffffffff, totalLen: 2, reason: 0, tableId: 0, cookie: 0n, match: [{ field: "in_port", value: 1 }], data: "abcd" });
    s.send({
      type: "port_status", xid: 0, reason: 0,
      port: { portNo: 3, hwAddr: "02:00:00:00:00:03", name: "p3", config: 0, state: 0, curr: 0, advertised: 0, supported: 0, peer: 0, currSpeed: 0, maxSpeed: 0 },
    });
    s.send({ type: "flow_removed", xid: 0, cookie: 42n, priority: 1, reason: 0, tableId: 0, durationSec: 1, durationNsec: 0, idleTimeout: 1, hardTimeout: 0, packetCount: 0n, byteCount: 0n, match: [] });
    await done;
    expect(seen).toEqual(["packet_in 14 abcd", "port_status 14 p3", "flow_removed 14 42"]);
    expect(conn.isClosed).toBe(false);
  });

  it("answers the switch's echo requests", async () => {
    const c = await setup();
    const s = await attach(c, 15n, { respond: standard });
    const conn = await c.waitForSwitch(15n);
    const reply = new Promise<OfMessage>((resolve) => {
      const timer = setInterval(() => {
        const r = s.received.find((m) => m.type === "echo_reply");
        if (r) {
          clearInterval(timer);
          resolve(r);
        }
      }, 5);
    });
    s.send({ type: "echo_request", xid: 77, data: "0102" });
    await conn.barrier();
    expect(await reply).toMatchObject({ type: "echo_reply", xid: 77 });
  });

  it("answers a malformed message with OFPT_ERROR and keeps serving it and other switches", async () => {
    const c = await setup();
    const bad = await attach(c, 5n, { respond: standard });
    await attach(c, 6n, { respond: standard });
    const conn5 = await c.waitForSwitch(5n);
    const conn6 = await c.waitForSwitch(6n);
    const malformed = new Promise((resolve) => conn5.once("malformed", resolve));
    // A FLOW_MOD whose body is cut short (length honest, body truncated).
    bad.sendRaw(Uint8Array.from([4, 14, 0, 16, 0, 0, 0, 99, 0, 0, 0, 0, 0, 0, 0, 0]));
    await malformed;
    // An unknown message type, then a version that is not 1.3.
    bad.sendRaw(Uint8Array.from([4, 200, 0, 8, 0, 0, 0, 100]));
    bad.sendRaw(Uint8Array.from([5, 2, 0, 8, 0, 0, 0, 101]));
    await conn5.barrier();
    await conn6.barrier();
    const errors = bad.received.filter((m) => m.type === "error").map((m) => (m.type === "error" ? [m.xid, m.errorType, m.code] : []));
    expect(errors).toEqual([
      [99, 1, 6], // BAD_REQUEST.BAD_LEN
      [100, 1, 1], // BAD_REQUEST.BAD_TYPE
      [101, 1, 0], // BAD_REQUEST.BAD_VERSION
    ]);
    expect(conn5.isClosed).toBe(false);
  });

  it("closes a corrupt stream (length below the header) without affecting other switches", async () => {
    const c = await setup();
    const bad = await attach(c, 16n, { respond: standard });
    await attach(c, 17n, { respond: standard });
    const conn16 = await c.waitForSwitch(16n);
    const conn17 = await c.waitForSwitch(17n);
    const closed = new Promise<string>((resolve) => conn16.once("close", resolve));
    bad.sendRaw(Uint8Array.from([4, 2, 0, 4, 0, 0, 0, 1]));
    expect(await closed).toMatch(/^corrupt stream: cannot decode header\.length at byte offset \d+: length 4 is shorter than the 8-byte header$/);
    await conn17.barrier();
    expect([...c.switches.keys()]).toEqual([17n]);
  });

  it("detects a dead peer that stops answering", async () => {
    const c = await setup({ echoIntervalMs: 50, deadAfterMs: 200 });
    const s = await attach(c, 8n, { respond: (m) => (m.type === "barrier_request" ? [{ type: "barrier_reply", xid: m.xid }] : []) });
    const conn = await c.waitForSwitch(8n);
    const reason = await new Promise<string>((resolve) => conn.once("close", resolve));
    expect(reason).toBe("dead peer: nothing heard for 200 ms");
    expect(s.received.filter((m) => m.type === "echo_request").length).toBeGreaterThanOrEqual(2);
  });

  it("a new connection with the same datapath id replaces the old one", async () => {
    const c = await setup();
    await attach(c, 18n, { respond: standard });
    const first = await c.waitForSwitch(18n);
    const firstClosed = new Promise<string>((resolve) => first.once("close", resolve));
    await attach(c, 18n, { respond: standard });
    expect(await firstClosed).toBe("replaced by a new connection from the same datapath");
    const second = c.switches.get(18n);
    expect(second).not.toBe(first);
    await second?.barrier();
  });
});
