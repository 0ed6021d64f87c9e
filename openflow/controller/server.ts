/**
 * The controller's TCP server (default 127.0.0.1:6653): one `SwitchConnection` per switch that
 * dials in. Emits `switch` when a switch finished its handshake and `switch_disconnected` when it
 * goes away; a failed handshake or a broken switch never affects the others.
 */
import { EventEmitter } from "node:events";
import { createServer, type Server, type Socket } from "node:net";
import { OFP_TCP_PORT } from "../constants.ts";
import { SwitchConnection, type ConnectionOptions } from "./connection.ts";

export interface ControllerOptions extends ConnectionOptions {
  host?: string;
  /** TCP port; 0 picks a free one (see `port` after `listen`). */
  port?: number;
}

export class Controller extends EventEmitter {
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

  get port(): number {
    const address = this.server.address();
    return typeof address === "object" && address ? address.port : -1;
  }

  /** Resolves with the switch of `datapathId` once it is connected (or the first one if omitted). */
  waitForSwitch(datapathId?: bigint, timeoutMs = 15_000): Promise<SwitchConnection> {
    const find = (): SwitchConnection | undefined =>
      datapathId === undefined ? this.switches.values().next().value : this.switches.get(datapathId);
    const existing = find();
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off("switch", listener);
        reject(new Error(`no switch${datapathId === undefined ? "" : ` with datapath id ${datapathId}`} connected within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (): void => {
        const sw = find();
        if (!sw) return;
        clearTimeout(timer);
        this.off("switch", listener);
        resolve(sw);
      };
      this.on("switch", listener);
    });
  }

  /** Closes every connection and stops listening. */
  async close(): Promise<void> {
    for (const c of this.connections) c.close("controller shutting down");
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    const connection = new SwitchConnection(socket, this.options);
    this.connections.add(connection);
    connection.on("close", (reason: string) => {
      this.connections.delete(connection);
      if (connection.isReady && this.switches.get(connection.datapathId) === connection) {
        this.switches.delete(connection.datapathId);
        this.emit("switch_disconnected", connection, reason);
      }
    });
    connection.start().then(
      () => {
        this.switches.set(connection.datapathId, connection);
        this.emit("switch", connection);
      },
      (err: Error) => {
        this.emit("handshake_failed", err);
        connection.close(`handshake failed: ${err.message}`);
      },
    );
  }
}
