/**
 * One OpenFlow 1.3 connection to a switch (controller side).
 *
 * Handshake: both sides send HELLO (ours with a version bitmap offering 1.3); a switch that cannot
 * speak 1.3, or whose first message is not HELLO, gets HELLO_FAILED/INCOMPATIBLE and is closed.
 * Then FEATURES_REQUEST gives the datapath id and the connection is `ready`. Afterwards:
 * - `request(msg)` assigns an xid and resolves with the reply (multipart replies flagged MORE are
 *   reassembled: `parts`), rejects with `OpenFlowError` if the switch answers OFPT_ERROR, with
 *   `RequestTimeout`, or with `ConnectionClosed`;
 * - `send(msg)` fires and forgets (an error for it arrives as a `switch_error` event);
 * - `barrier()` resolves once the switch has processed everything sent before it;
 * - `sendBatch(msgs)` sends messages with barriers after each `barrier_request` in the list and at
 *   the end, and rejects with `BatchFailed` if the switch refused any of them (later segments are
 *   then not sent);
 * - keepalive: an ECHO_REQUEST every `echoIntervalMs`; silence for `deadAfterMs` closes the
 *   connection (dead peer); the switch's echo requests are answered;
 * - a message that does not decode gets OFPT_ERROR BAD_REQUEST back (`malformed` event) and the
 *   connection keeps serving; a broken stream (a length below 8) closes it.
 * Invariant: xids are 1 … 2^32−1, never 0, unique among outstanding requests.
 */
import { EventEmitter } from "node:events";
import type { Socket } from "node:net";
import { ErrorType } from "../constants.ts";
import { DecodeError, Framer, decodeMessage, encodeMessage, type MessageOf, type MultipartReplyBody, type OfMessage } from "../codec/index.ts";
import { BatchFailed, ConnectionClosed, OpenFlowError, type BatchFailure } from "./errors.ts";
import type { ConnectionEvents } from "./events.ts";
import { agreesOnOpenFlow13, ourHello, readHello } from "./hello.ts";
import { Keepalive } from "./keepalive.ts";
import { badRequestFor } from "./malformed.ts";
import { PendingRequests, type Reply } from "./pending-requests.ts";

export interface ConnectionOptions {
  /** Keepalive period, ms (0 disables). Default 5000. */
  echoIntervalMs?: number;
  /** Close the connection after this much silence from the switch, ms. Default 15000. */
  deadAfterMs?: number;
  /** Default request (and barrier) timeout, ms. Default 10000. */
  requestTimeoutMs?: number;
  /** Time allowed for HELLO + FEATURES, ms. Default 10000. */
  handshakeTimeoutMs?: number;
}

const DEFAULTS: Required<ConnectionOptions> = { echoIntervalMs: 5000, deadAfterMs: 15_000, requestTimeoutMs: 10_000, handshakeTimeoutMs: 10_000 };

type HelloState = { kind: "waiting"; resolve: () => void; reject: (err: Error) => void } | { kind: "done" };

export class SwitchConnection extends EventEmitter<ConnectionEvents> {
  /** Datapath id, known once `ready` (−1 before). */
  datapathId = -1n;
  /** FEATURES_REPLY of the handshake. */
  features: MessageOf<"features_reply"> | undefined;
  isReady = false;
  private readonly framer = new Framer();
  private readonly pending = new PendingRequests();
  /** xids of batch messages not yet confirmed by their barrier → where to report an error. */
  private readonly batchWatch = new Map<number, { index: number; messageType: string; failures: BatchFailure[] }>();
  private readonly keepalive: Keepalive;
  private readonly options: Required<ConnectionOptions>;
  private hello: HelloState = { kind: "done" };
  private nextXid = 1;
  private closed = false;

  constructor(
    private readonly socket: Socket,
    options: ConnectionOptions = {},
  ) {
    super();
    this.options = { ...DEFAULTS, ...options };
    this.keepalive = new Keepalive({
      intervalMs: this.options.echoIntervalMs,
      deadAfterMs: this.options.deadAfterMs,
      sendEcho: () => this.send({ type: "echo_request", xid: 0, data: new Uint8Array() }),
      onDead: () => this.close(`dead peer: nothing heard for ${this.options.deadAfterMs} ms`),
    });
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("close", () => this.close("socket closed"));
    socket.on("error", (err) => this.close(`socket error: ${err.message}`));
  }

  /** Runs the handshake; resolves when the datapath id is known, rejects (and closes) otherwise. */
  async start(): Promise<void> {
    const helloReceived = new Promise<void>((resolve, reject) => {
      this.hello = { kind: "waiting", resolve, reject };
    });
    const timer = setTimeout(() => this.failHandshake(`no HELLO within ${this.options.handshakeTimeoutMs} ms`), this.options.handshakeTimeoutMs);
    try {
      this.write(ourHello(this.allocateXid()));
      await helloReceived;
      const features = (await this.request({ type: "features_request", xid: 0 }, this.options.handshakeTimeoutMs)) as MessageOf<"features_reply">;
      this.features = features;
      this.datapathId = BigInt(features.datapathId);
    } catch (err) {
      this.close(`handshake failed: ${(err as Error).message}`);
      throw err;
    } finally {
      clearTimeout(timer);
    }
    this.isReady = true;
    this.keepalive.start();
    this.emit("ready", this);
  }

  /** Sends a message and waits for its reply (same xid). */
  request(message: OfMessage, timeoutMs = this.options.requestTimeoutMs): Promise<Reply> {
    if (this.closed) return Promise.reject(new ConnectionClosed("already closed"));
    const xid = this.allocateXid();
    const reply = this.pending.wait(xid, message.type, timeoutMs);
    this.write({ ...message, xid } as OfMessage);
    return reply;
  }

  /** Sends without waiting; returns the xid used. */
  send(message: OfMessage): number {
    const xid = this.allocateXid();
    this.write({ ...message, xid } as OfMessage);
    return xid;
  }

  /** Resolves when every message sent before has been processed by the switch. */
  async barrier(timeoutMs?: number): Promise<void> {
    await this.request({ type: "barrier_request", xid: 0 }, timeoutMs);
  }

  /**
   * Sends `messages` in order; each `barrier_request` in the list, and the end, is a barrier that
   * is awaited. Rejects with `BatchFailed` (indexes into `messages`) as soon as a segment had a
   * refused message; the segments after it are not sent.
   */
  async sendBatch(messages: readonly OfMessage[], timeoutMs?: number): Promise<void> {
    const failures: BatchFailure[] = [];
    const watched: number[] = [];
    try {
      let index = 0;
      do {
        this.socket.cork();
        for (; index < messages.length; index++) {
          const m = messages[index] as OfMessage;
          if (m.type === "barrier_request") {
            index++;
            break;
          }
          const xid = this.send(m);
          this.batchWatch.set(xid, { index, messageType: m.type, failures });
          watched.push(xid);
        }
        const barrier = this.barrier(timeoutMs);
        this.socket.uncork();
        await barrier;
        if (failures.length > 0) throw new BatchFailed(failures);
      } while (index < messages.length);
    } finally {
      for (const xid of watched) this.batchWatch.delete(xid);
    }
  }

  /** A multipart request; resolves with every reply body (reassembled across MORE-flagged parts). */
  async multipart(body: MessageOf<"multipart_request">["body"], timeoutMs?: number): Promise<MultipartReplyBody[]> {
    const reply = await this.request({ type: "multipart_request", xid: 0, flags: 0, body }, timeoutMs);
    return reply.parts ?? [];
  }

  close(reason = "closed by controller"): void {
    if (this.closed) return;
    this.closed = true;
    this.keepalive.stop();
    this.failHandshake(reason);
    this.pending.rejectAll(reason);
    this.socket.destroy();
    this.emit("close", reason);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private allocateXid(): number {
    let xid = this.nextXid;
    while (this.pending.has(xid) || this.batchWatch.has(xid)) xid = xid >= 0xffffffff ? 1 : xid + 1;
    this.nextXid = xid >= 0xffffffff ? 1 : xid + 1;
    return xid;
  }

  private write(message: OfMessage): void {
    if (this.closed) return;
    this.socket.write(encodeMessage(message));
  }

  private failHandshake(reason: string): void {
    if (this.hello.kind !== "waiting") return;
    const { reject } = this.hello;
    this.hello = { kind: "done" };
    reject(new ConnectionClosed(reason));
  }

  private onData(chunk: Buffer): void {
    let frames: Uint8Array[];
    try {
      frames = this.framer.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    } catch (err) {
      this.close(`corrupt stream: ${(err as Error).message}`);
      return;
    }
    this.keepalive.heard();
    for (const frame of frames) {
      if (this.closed) return;
      this.onFrame(frame);
    }
  }

  private onFrame(frame: Uint8Array): void {
    if (this.hello.kind === "waiting") {
      this.onFirstFrame(frame);
      return;
    }
    let message: OfMessage;
    try {
      message = decodeMessage(frame);
    } catch (err) {
      if (!(err instanceof DecodeError)) throw err;
      this.write(badRequestFor(frame, err));
      this.emit("malformed", err, frame);
      return;
    }
    this.emit("message", message);
    this.dispatch(message);
  }

  /** The first message must be a HELLO that lets us speak 1.3. */
  private onFirstFrame(frame: Uint8Array): void {
    const waiting = this.hello as Extract<HelloState, { kind: "waiting" }>;
    const hello = readHello(frame);
    if (hello && agreesOnOpenFlow13(hello)) {
      this.hello = { kind: "done" };
      waiting.resolve();
      return;
    }
    const why = hello ? `switch does not support OpenFlow 1.3 (HELLO version ${hello.headerVersion}${hello.bitmap === undefined ? "" : `, bitmap 0x${hello.bitmap.toString(16)}`})` : `first message (type ${frame[1]}) is not HELLO`;
    this.write({ type: "error", xid: frame.length >= 8 ? new DataView(frame.buffer, frame.byteOffset).getUint32(4) : 0, errorType: ErrorType["HELLO_FAILED"] as number, code: 0, data: new TextEncoder().encode(why) });
    this.close(why);
  }

  private dispatch(message: OfMessage): void {
    switch (message.type) {
      case "echo_request":
        this.write({ type: "echo_reply", xid: message.xid, data: message.data });
        return;
      case "packet_in":
        this.emit("packet_in", message);
        return;
      case "port_status":
        this.emit("port_status", message);
        return;
      case "flow_removed":
        this.emit("flow_removed", message);
        return;
      case "hello":
        return;
    }
    if (this.pending.offer(message)) return;
    if (message.type !== "error" && message.type !== "error_experimenter") return;
    const watch = this.batchWatch.get(message.xid);
    const error = OpenFlowError.from(message);
    if (watch) watch.failures.push({ index: watch.index, messageType: watch.messageType, error });
    else this.emit("switch_error", error);
  }
}
