/**
 * The GNF Agents' view of the radio world (paper §IV): each edge device's Agent reports
 * HostAPD-like client events — connect/disconnect/roam with signal strength and per-station
 * packet counters — and every `reportInterval` seconds (10 s by default) a device report with
 * the Linux kernel statistics (CPU, memory) and Wi-Fi stats (associated clients, mean RSSI).
 * Client events are delivered through the DES (one event each, at the time they happen), as the
 * Manager would receive them over the network. The records are shaped like the Manager's events
 * (`orchestrator/events.ts`) plus the time they happened, so a backend can forward them as is.
 *
 * @example
 *   const agents = new Agents(env, radio, 10, () => 50);
 *   agents.clientEvents.subscribe((e) => manager.handle(e, e.time));
 *   agents.start();
 */
import type { Environment } from "../../engine/environment.ts";
import { TraceSource } from "../../../base/trace.ts";
import type { RadioAccess } from "../radio/association.ts";
import type { ClientEvent, DeviceReport } from "../../../deployment/agent-reports.ts";

export type { ClientEvent, DeviceReport, UeConnectedReport, UeDisconnectedReport, UeHandoverReport } from "../../../deployment/agent-reports.ts";

/** Kernel statistics of one device at one instant (what `/proc/stat` and `/proc/meminfo` give). */
export interface DeviceLoadSample {
  /** CPU utilisation of the whole device, 0..1. */
  cpuUtilisation: number;
  /** Memory in use, bytes. */
  memoryUsedBytes: number;
  /** Memory of the device, bytes (0 = unknown). */
  memoryBytes: number;
}

/** Where the Agents read CPU and memory of a device (e.g. the vNF host model); `now` in s. */
export type DeviceLoadSource = (device: string, now: number) => DeviceLoadSample;

const UNKNOWN_LOAD: DeviceLoadSample = { cpuUtilisation: 0, memoryUsedBytes: 0, memoryBytes: 0 };

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
    /** CPU and memory of each device for the device reports (default: zeros, unknown memory). */
    private readonly deviceLoad: DeviceLoadSource = () => UNKNOWN_LOAD,
  ) {
    if (!(reportInterval > 0)) throw new RangeError(`agent report interval must be > 0 s, got ${reportInterval}`);
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
    if (!this.deviceReports.active) return;
    this.radio.refreshServingRssi();
    const cells = this.radio.cells;
    const clients = new Int32Array(cells.length);
    const rssiSum = new Float64Array(cells.length);
    for (let ue = 0; ue < this.radio.serving.length; ue++) {
      const c = this.radio.serving[ue] as number;
      if (c < 0) continue;
      clients[c] = (clients[c] as number) + 1;
      rssiSum[c] = (rssiSum[c] as number) + (this.radio.servingRssi[ue] as number);
    }
    const now = this.env.now;
    cells.forEach((cell, c) => {
      const n = clients[c] as number;
      const load = this.deviceLoad(cell.id, now);
      this.deviceReports.emit({
        type: "device-report",
        time: now,
        device: cell.id,
        cpuUtilisation: load.cpuUtilisation,
        memoryUsedBytes: load.memoryUsedBytes,
        memoryBytes: load.memoryBytes,
        clients: n,
        meanRssiDbm: n > 0 ? (rssiSum[c] as number) / n : Number.NaN,
      });
    });
  }
}
