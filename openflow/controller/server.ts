/**
 * The controller's TCP server (default 127.0.0.1:6653): one `SwitchConnection` per switch that
 * dials in. Emits `switch_connected` when a switch finished its handshake, `switch_disconnected`
 * when it goes away, and forwards each switch's packet-in, port-status and flow-removed messages
 * with the connection they came from. A failed handshake or a misbehaving switch never affects
 * the others. A second connection with the same datapath id replaces the first.
 */
import { EventEmitter } from "node:events";
import { createServer, type Server, type Socket } from "node:net";
import { OFP_TCP_PORT } from "../constants.ts";
import { SwitchConnection, type ConnectionOptions } from "./connection.ts";
import type { ControllerEvents } from "./events.ts";

export interface ControllerOptions extends ConnectionOptions {
  /** Address to listen on; default 127.0.0.1 (the lab never listens beyond loopback). */
  host?: string;
  /** TCP port; default 6653; 0 picks a free one (read `port` after `listen`). */
  port?: number;
}

export class Controller extends EventEmitter<ControllerEvents> {
  private readonly server: Server;
  private readonly connections = new Set<SwitchConnection>();
  /** Ready switches by datapath id. */
  readonly switches = new Map<bigint, SwitchConnection>();

  constructor(private readonly options: ControllerOptions = {}) {
    super();
    this.server = createServer((socket) => this.accept(socket));
  }

  /** Starts listening; resolves with the port. */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.options.port ?? OFP_TCP_PORT, this.options.host ?? "127.0.0.1", () => {
        this.server.off("error", reject);
        resolve(this.port);
      });
    });
  }

  /** The port listened on (−1 before `listen`). */
  get port(): number {
    const address = this.server.address();
    return typeof address === "object" && address ? address.port : -1;
  }

  /** Resolves with the switch of `datapathId` once it is connected (the first one if omitted). */
  waitForSwitch(datapathId?: bigint, timeoutMs = 15_000): Promise<SwitchConnection> {
    const find = (): SwitchConnection | undefined => (datapathId === undefined ? this.switches.values().next().value : this.switches.get(datapathId));
    const existing = find();
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off("switch_connected", listener);
        reject(new Error(`no switch${datapathId === undefined ? "" : ` with datapath id 0x${datapathId.toString(16)}`} connected within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (): void => {
        const sw = find();
        if (!sw) return;
        clearTimeout(timer);
        this.off("switch_connected", listener);
        resolve(sw);
      };
      this.on("switch_connected", listener);
    });
  }

  /** Closes every connection and stops listening. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const c of this.connections) c.close("controller shutting down");
    await closed;
  }

  private accept(socket: Socket): void {
    const connection = new SwitchConnection(socket, this.options);
    this.connections.add(connection);
    connection.on("packet_in", (m) => this.emit("packet_in", connection, m));
    connection.on("port_status", (m) => this.emit("port_status", connection, m));
    connection.on("flow_removed", (m) => this.emit("flow_removed", connection, m));
    connection.on("close", (reason) => {
      this.connections.delete(connection);
      if (connection.isReady && this.switches.get(connection.datapathId) === connection) {
        this.switches.delete(connection.datapathId);
        this.emit("switch_disconnected", connection, reason);
      }
    });
    connection.start().then(
      () => {
        const previous = this.switches.get(connection.datapathId);
        this.switches.set(connection.datapathId, connection);
        previous?.close("replaced by a new connection from the same datapath");
        this.emit("switch_connected", connection);
      },
      (err: Error) => {
        this.emit("handshake_failed", err);
      },
    );
  }
}
