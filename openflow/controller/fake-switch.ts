/**
 * An in-process fake OpenFlow 1.3 switch for controller unit tests: it dials the controller over
 * real TCP on 127.0.0.1, sends its HELLO, answers FEATURES_REQUEST with its datapath id and every
 * other message the way `respond` says. Everything it receives is kept in `received`.
 */
import { connect, type Socket } from "node:net";
import { Framer, decodeMessage, encodeMessage, type OfMessage } from "../codec/index.ts";

/** Replies of the fake switch to one message from the controller. */
export type Responder = (request: OfMessage) => OfMessage[];

export interface FakeSwitchOptions {
  respond?: Responder;
  /** Version bitmap in its HELLO (default: 1.3 only, 1 << 4). */
  helloBitmap?: number;
  /** Raw bytes sent instead of the HELLO (for negotiation tests). */
  rawHello?: Uint8Array;
}

export class FakeSwitch {
  readonly received: OfMessage[] = [];
  private readonly framer = new Framer();
  private socket: Socket | undefined;

  constructor(
    readonly datapathId: bigint,
    private readonly options: FakeSwitchOptions = {},
  ) {}

  /** Connects to the controller on 127.0.0.1:`port` and sends HELLO. */
  connect(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => {
        if (this.options.rawHello) this.sendRaw(this.options.rawHello);
        else this.send({ type: "hello", xid: 1, elements: [{ elementType: 1, bitmaps: [this.options.helloBitmap ?? 1 << 4] }] });
        resolve();
      });
      this.socket = socket;
      socket.on("error", reject);
      socket.on("data", (chunk: Buffer) => {
        for (const frame of this.framer.push(new Uint8Array(chunk))) this.onMessage(decodeMessage(frame));
      });
    });
  }

  send(message: OfMessage): void {
    this.socket?.write(encodeMessage(message));
  }

  /** Writes raw bytes (for malformed-input tests). */
  sendRaw(bytes: Uint8Array): void {
    this.socket?.write(bytes);
  }

  /** Resolves when the socket closes. */
  closed(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.socket || this.socket.destroyed) resolve();
      else this.socket.once("close", () => resolve());
    });
  }

  /** Closes gracefully (FIN), as a switch that shuts down would. */
  close(): void {
    this.socket?.end();
  }

  private onMessage(m: OfMessage): void {
    this.received.push(m);
    if (m.type === "features_request") {
      this.send({ type: "features_reply", xid: m.xid, datapathId: this.datapathId, nBuffers: 0, nTables: 254, auxiliaryId: 0, capabilities: 0x4f, reserved: 0 });
      return;
    }
    for (const reply of (this.options.respond ?? (() => []))(m)) this.send(reply);
  }
}
