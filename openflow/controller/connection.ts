/**
 * One OpenFlow 1.3 connection to a switch (controller side).
 *
 * Handshake: both sides send HELLO (ours with a version bitmap for 1.3); if the switch cannot speak
 * 1.3 we send HELLO_FAILED/INCOMPATIBLE and close. Then FEATURES_REQUEST gives the datapath id and
 * the connection is `ready`. Afterwards:
 * - `request(msg)` assigns an xid and resolves with the reply (multipart replies with the MORE flag
 *   are reassembled into one list), rejects with `OpenFlowError` if the switch answers OFPT_ERROR,
 *   or with `RequestTimeout`;
 * - `send(msg)` fires and forgets (errors for it arrive as `error` events);
 * - `barrier()` resolves once the switch has processed everything sent before it;
 * - keepalive: an ECHO_REQUEST every `echoIntervalMs`; no reply within `deadAfterMs` closes the
 *   connection (dead peer). Echo requests from the switch are answered.
 * - a message from the switch that does not decode gets an OFPT_ERROR (BAD_REQUEST) back and is
 *   reported as a `malformed` event; the connection keeps serving. A broken stream (a length below
 *   8) closes it.
 */
import { EventEmitter } from "node:events";
import type { Socket } from "node:net";
import { ErrorType, OFPMPF_REPLY_MORE, OFP_VERSION } from "../constants.ts";
import { DecodeError, Framer, decodeMessage, encodeMessage, type MessageOf, type OfMessage } from "../codec/index.ts";
import type { MultipartReplyBody } from "../codec/multipart/types.ts";
import { ConnectionClosed, OpenFlowError, RequestTimeout } from "./errors.ts";

export interface ConnectionOptions {
  /** Keepalive period, ms (0 disables). */
  echoIntervalMs?: number;
  /** Close the connection when no echo reply arrives within this time, ms. */
  deadAfterMs?: number;
  /** Default request timeout, ms. */
  requestTimeoutMs?: number;
  /** Handshake timeout, ms. */
  handshakeTimeoutMs?: number;
}

interface Pending {
  what: string;
  resolve: (reply: OfMessage) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
  /** Multipart bodies received so far (REPLY_MORE set). */
  parts?: MultipartReplyBody[];
}

/** Events: ready, packet_in, port_status, flow_removed, error (OpenFlowError without a waiting request), malformed (DecodeError), close. */
export class SwitchConnection extends EventEmitter {
  /** Datapath id, known once `ready`. */
  datapathId = -1n;
  isReady = false;
  private readonly framer = new Framer();
  private readonly pending = new Map<number, Pending>();
  private nextXid = 1;
  private closed = false;
  private echoTimer: NodeJS.Timeout | undefined;
  private lastEchoReply = Date.now();
  private readonly options: Required<ConnectionOptions>;

  constructor(
    private readonly socket: Socket,
    options: ConnectionOptions = {},
  ) {
    super();
    this.options = { echoIntervalMs: 5000, deadAfterMs: 15_000, requestTimeoutMs: 10_000, handshakeTimeoutMs: 10_000, ...options };
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("close", () => this.close("socket closed"));
    socket.on("error", (err) => this.close(`socket error: ${err.message}`));
  }

  /** Runs the handshake; resolves when the datapath id is known. */
  async start(): Promise<void> {
    const hello = this.waitFor("hello", this.options.handshakeTimeoutMs);
    this.write({ type: "hello", xid: this.allocateXid(), elements: [{ elementType: 1, bitmaps: [1 << OFP_VERSION] }] });
    const theirs = (await hello) as MessageOf<"hello">;
    const bitmap = theirs.elements.find((e) => e.elementType === 1)?.bitmaps?.[0];
    if (bitmap !== undefined && (bitmap & (1 << OFP_VERSION)) === 0) {
      this.write({ type: "error", xid: theirs.xid, errorType: ErrorType["HELLO_FAILED"] as number, code: 0, data: new TextEncoder().encode("OpenFlow 1.3 required") });
      this.close("switch does not support OpenFlow 1.3");
      throw new ConnectionClosed("switch does not support OpenFlow 1.3");
    }
    const features = (await this.request({ type: "features_request", xid: 0 }, this.options.handshakeTimeoutMs)) as MessageOf<"features_reply">;
    this.datapathId = BigInt(features.datapathId);
    this.isReady = true;
    this.startKeepalive();
    this.emit("ready", this);
  }

  /** Sends a message and waits for its reply (same xid). */
  request(message: OfMessage, timeoutMs = this.options.requestTimeoutMs): Promise<OfMessage> {
    if (this.closed) return Promise.reject(new ConnectionClosed("already closed"));
    const xid = this.allocateXid();
    return new Promise<OfMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(xid);
        reject(new RequestTimeout(`${message.type} (xid ${xid})`, timeoutMs));
      }, timeoutMs);
      this.pending.set(xid, { what: message.type, resolve, reject, timer });
      this.write({ ...message, xid } as OfMessage);
    });
  }

  /** Sends without waiting; returns the xid used. */
  send(message: OfMessage): number {
    const xid = this.allocateXid();
    this.write({ ...message, xid } as OfMessage);
    return xid;
  }

  /** Sends several messages then a barrier; resolves when the switch has processed all of them. */
  async sendBatch(messages: readonly OfMessage[]): Promise<void> {
    for (const m of messages) this.send(m);
    await this.barrier();
  }

  /** Resolves when every message sent before has been processed by the switch. */
  async barrier(timeoutMs?: number): Promise<void> {
    await this.request({ type: "barrier_request", xid: 0 }, timeoutMs);
  }

  /** A multipart request; resolves with all reply bodies (reassembled across MORE-flagged parts). */
  async multipart(body: MessageOf<"multipart_request">["body"], timeoutMs?: number): Promise<MultipartReplyBody[]> {
    const reply = await this.request({ type: "multipart_request", xid: 0, flags: 0, body }, timeoutMs);
    return (reply as MessageOf<"multipart_reply"> & { parts?: MultipartReplyBody[] }).parts ?? [(reply as MessageOf<"multipart_reply">).body];
  }

  close(reason = "closed by controller"): void {
    if (this.closed) return;
    this.closed = true;
    if (this.echoTimer) clearInterval(this.echoTimer);
    for (const [xid, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new ConnectionClosed(`${reason} (while waiting for ${p.what} xid ${xid})`));
    }
    this.pending.clear();
    this.socket.destroy();
    this.emit("close", reason);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private allocateXid(): number {
    const xid = this.nextXid;
    this.nextXid = this.nextXid >= 0xffffffff ? 1 : this.nextXid + 1;
    return xid;
  }

  private write(message: OfMessage): void {
    if (this.closed) return;
    this.socket.write(encodeMessage(message));
  }

  private waitFor(type: OfMessage["type"], timeoutMs: number): Promise<OfMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off("message", listener);
        reject(new RequestTimeout(type, timeoutMs));
      }, timeoutMs);
      const listener = (m: OfMessage): void => {
        if (m.type !== type) return;
        clearTimeout(timer);
        this.off("message", listener);
        resolve(m);
      };
      this.on("message", listener);
    });
  }

  private startKeepalive(): void {
    if (this.options.echoIntervalMs <= 0) return;
    this.lastEchoReply = Date.now();
    this.echoTimer = setInterval(() => {
      if (Date.now() - this.lastEchoReply > this.options.deadAfterMs) {
        this.close(`dead peer: no echo reply for ${this.options.deadAfterMs} ms`);
        return;
      }
      this.send({ type: "echo_request", xid: 0, data: new Uint8Array() });
    }, this.options.echoIntervalMs);
    this.echoTimer.unref();
  }

  private onData(chunk: Buffer): void {
    let frames: Uint8Array[];
    try {
      frames = this.framer.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    } catch (err) {
      this.close(`corrupt stream: ${(err as Error).message}`);
      return;
    }
    for (const frame of frames) this.onFrame(frame);
  }

  private onFrame(frame: Uint8Array): void {
    let message: OfMessage;
    try {
      message = decodeMessage(frame);
    } catch (err) {
      if (!(err instanceof DecodeError)) throw err;
      const xid = frame.length >= 8 ? new DataView(frame.buffer, frame.byteOffset).getUint32(4) : 0;
      const code = err.field.startsWith("header.version") ? 0 : err.field.startsWith("header.type") ? 1 : 6; // BAD_VERSION, BAD_TYPE, BAD_LEN
      this.write({ type: "error", xid, errorType: ErrorType["BAD_REQUEST"] as number, code, data: frame.slice(0, 64) });
      this.emit("malformed", err);
      return;
    }
    this.emit("message", message);
    this.dispatch(message);
  }

  private dispatch(message: OfMessage): void {
    switch (message.type) {
      case "echo_request":
        this.write({ type: "echo_reply", xid: message.xid, data: message.data });
        return;
      case "echo_reply":
        this.lastEchoReply = Date.now();
        break;
      case "packet_in":
      case "port_status":
      case "flow_removed":
        this.emit(message.type, message);
        return;
      case "hello":
        return;
    }
    const pending = this.pending.get(message.xid);
    if (!pending) {
      if (message.type === "error") this.emit("error_message", new OpenFlowError(message.errorType, message.code, message.data as Uint8Array));
      return;
    }
    if (message.type === "error") {
      this.settle(message.xid, pending);
      pending.reject(new OpenFlowError(message.errorType, message.code, message.data as Uint8Array));
      return;
    }
    if (message.type === "multipart_reply") {
      pending.parts = [...(pending.parts ?? []), message.body];
      if ((message.flags & OFPMPF_REPLY_MORE) !== 0) return;
      this.settle(message.xid, pending);
      pending.resolve({ ...message, parts: pending.parts } as OfMessage);
      return;
    }
    this.settle(message.xid, pending);
    pending.resolve(message);
  }

  private settle(xid: number, pending: Pending): void {
    clearTimeout(pending.timer);
    this.pending.delete(xid);
  }
}
