/**
 * An in-process fake OpenFlow 1.3 switch for controller unit tests: it dials the controller over
 * real TCP on 127.0.0.1, does the handshake, and answers requests the way `respond` says.
 */
import { connect, type Socket } from "node:net";
import { Framer, decodeMessage, encodeMessage, type OfMessage } from "../codec/index.ts";

export type Responder = (request: OfMessage) => OfMessage[];

export class FakeSwitch {
  readonly received: OfMessage[] = [];
  private readonly framer = new Framer();
  private socket!: Socket;

  constructor(
    readonly datapathId: bigint,
    private readonly respond: Responder = () => [],
    private readonly helloBitmap = 1 << 4,
  ) {}

  /** Connects and sends HELLO. */
  connect(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket = connect(port, "127.0.0.1", () => {
        this.send({ type: "hello", xid: 1, elements: [{ elementType: 1, bitmaps: [this.helloBitmap] }] });
        resolve();
      });
      this.socket.on("error", reject);
      this.socket.on("data", (chunk: Buffer) => {
        for (const frame of this.framer.push(new Uint8Array(chunk))) this.onMessage(decodeMessage(frame));
      });
    });
  }

  send(message: OfMessage): void {
    this.socket.write(encodeMessage(message));
  }

  /** Writes raw bytes (for malformed-input tests). */
  sendRaw(bytes: Uint8Array): void {
    this.socket.write(bytes);
  }

  /** Resolves when the socket closes. */
  closed(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.destroyed) resolve();
      else this.socket.once("close", () => resolve());
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onMessage(m: OfMessage): void {
    this.received.push(m);
    if (m.type === "features_request") {
      this.send({ type: "features_reply", xid: m.xid, datapathId: this.datapathId, nBuffers: 0, nTables: 254, auxiliaryId: 0, capabilities: 0x4f, reserved: 0 });
      return;
    }
    for (const reply of this.respond(m)) this.send(reply);
  }
}
