/**
 * The GNF Agents' view of the radio world (paper §IV): each edge device's Agent reports
 * HostAPD-like client events — connect/disconnect with signal strength — and every `reportInterval`
 * seconds a device report with its Wi-Fi stats (associated clients, mean RSSI). Client events are
 * delivered through the DES (one event each, at the time they happen), as the Manager would
 * receive them over the network.
 */
import type { Environment } from "../../engine/environment.ts";
import { TraceSource } from "../../engine/trace.ts";
import type { RadioAccess } from "../radio/association.ts";

/**
 * What an Agent tells the Manager about clients. `packets` counts the packets the UE sent through
 * the device it leaves, since it associated there (HostAPD's per-station counters).
 */
export type ClientEvent =
  | { type: "ue-connected"; time: number; ue: string; device: string; rssiDbm: number }
  | { type: "ue-disconnected"; time: number; ue: string; device: string; rssiDbm: number; packets: number }
  | { type: "ue-handover"; time: number; ue: string; from: string; to: string; rssiDbm: number; packets: number };

export interface DeviceReport {
  type: "device-report";
  time: number;
  device: string;
  /** Associated Wi-Fi clients. */
  clients: number;
  /** Mean RSSI of the clients, dBm (NaN without clients). */
  meanRssiDbm: number;
}

export class Agents {
  readonly clientEvents = new TraceSource<ClientEvent>("agentClientEvent");
  readonly deviceReports = new TraceSource<DeviceReport>("agentDeviceReport");
  delivered = 0;
  /** When each UE associated with its current device, seconds. */
  private readonly since: Float64Array;

  constructor(
    private readonly env: Environment,
    private readonly radio: RadioAccess,
    private readonly reportInterval = 10,
    /** Packets per second a UE sends (for the per-station packet counters). */
    private readonly packetRate: (ue: number) => number = () => 0,
    private readonly ueName: (ue: number) => string = (ue) => `ue-${ue}`,
  ) {
    this.since = new Float64Array(radio.serving.length);
    const packets = (ue: number, now: number): number => Math.round(this.packetRate(ue) * (now - (this.since[ue] as number)));
    radio.ueConnected.subscribe((r) => {
      this.since[r.ue] = r.time;
      this.deliver({ type: "ue-connected", time: r.time, ue: this.ueName(r.ue), device: r.cell, rssiDbm: r.rssiDbm });
    });
    radio.ueDisconnected.subscribe((r) => this.deliver({ type: "ue-disconnected", time: r.time, ue: this.ueName(r.ue), device: r.cell, rssiDbm: r.rssiDbm, packets: packets(r.ue, r.time) }));
    radio.ueHandover.subscribe((r) => {
      const sent = packets(r.ue, r.time);
      this.since[r.ue] = r.time;
      this.deliver({ type: "ue-handover", time: r.time, ue: this.ueName(r.ue), from: r.from, to: r.to, rssiDbm: r.rssiDbm, packets: sent });
    });
  }

  /** Starts the periodic device reports. */
  start(): void {
    this.env.process(this.reportLoop(), "agent reports");
  }

  private *reportLoop() {
    for (;;) {
      yield this.env.timeout(this.reportInterval);
      this.report();
    }
  }

  private deliver(event: ClientEvent): void {
    const e = this.env.event<ClientEvent>();
    e.addCallback((ev) => {
      this.delivered++;
      this.clientEvents.emit(ev.value);
    });
    e.succeed(event);
  }

  private report(): void {
    const cells = this.radio.cells;
    const clients = new Int32Array(cells.length);
    const rssiSum = new Float64Array(cells.length);
    for (let ue = 0; ue < this.radio.serving.length; ue++) {
      const c = this.radio.serving[ue] as number;
      if (c < 0) continue;
      clients[c] = (clients[c] as number) + 1;
      rssiSum[c] = (rssiSum[c] as number) + (this.radio.servingRssi[ue] as number);
    }
    if (!this.deviceReports.active) return;
    cells.forEach((cell, c) => {
      const n = clients[c] as number;
      this.deviceReports.emit({ type: "device-report", time: this.env.now, device: cell.id, clients: n, meanRssiDbm: n > 0 ? (rssiSum[c] as number) / n : Number.NaN });
    });
  }
}
