/**
 * The GNF Agents of the emulated devices (paper §IV): one per vNF host and radio cell.
 *
 * - Client events: the scenario's association timeline it is given (`EmulationScript.timeline`: the sim's mobility and
 *   radio models) executed in wall time. A handover reads the packets the UE sent through its old
 *   cell (its interface counter; the interface is re-created at each move), moves the UE's Mininet
 *   host to the new cell's switch (`moveUe`: link moved, L2 entries follow) and then raises a
 *   HostAPD-like `ue-handover`; a disconnect brings the UE's interface down; a later connect
 *   brings it up (moving it first if the cell changed). Each UE's events run in order.
 * - Device reports every `intervalS`: CPU utilisation (the cgroup CPU time of the device's vNF
 *   containers over the interval, divided by the device's cores: the lab's cores stand in for the
 *   device's), memory in use (their cgroups' usage), the device's vNF memory, associated clients.
 * Times: `time` fields in seconds of the backend clock; durations in ms.
 */
import type { ClientEvent, UeHandoverReport } from "../../deployment/agent-reports.ts";
import type { DeviceCapacity } from "../../topologies/devices/capacity.ts";
import { TraceSource } from "../../base/trace.ts";
import type { EmulationBackend } from "../backend/emulation-backend.ts";
import type { EmuNetwork } from "../network/emu-network.ts";

/** A handover as the sim's Agents report it (`time`: when it began, s), plus how the lab carried it out. */
export interface HandoverRecord extends Omit<UeHandoverReport, "type"> {
  /** When the handover was due on the timeline, s. */
  dueS: number;
  moveMs: number;
  flowsMs: number;
}

export interface DeviceSample {
  time: number;
  device: string;
  vnfs: number;
  cpuUtilisation: number;
  memoryUsedBytes: number;
}

export class DeviceAgents {
  readonly handovers = new TraceSource<HandoverRecord>("agentHandover");
  readonly samples = new TraceSource<DeviceSample>("agentDeviceSample");
  /** Current cell of each connected UE. */
  readonly serving = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly queues = new Map<string, Promise<void>>();
  /** Last cgroup CPU time per vNF id. */
  private readonly lastCpu = new Map<string, { ns: bigint; atMs: number }>();
  private interval: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly backend: EmulationBackend,
    private readonly net: EmuNetwork,
    private readonly timeline: readonly ClientEvent[],
    private readonly devices: ReadonlyMap<string, DeviceCapacity>,
    private readonly intervalS: number,
    private readonly onError: (err: Error) => void,
  ) {}

  /** Schedules the timeline (times relative to the backend clock) and the device reports. */
  start(): void {
    for (const e of this.timeline) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.enqueue(e.ue, () => this.client(e));
      }, Math.max(0, (e.time - this.backend.now()) * 1000));
      this.timers.add(timer);
    }
    this.interval = setInterval(() => {
      this.report().catch((err: unknown) => this.onError(err as Error));
    }, this.intervalS * 1000);
  }

  /** Stops scheduling; waits for client events in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.interval) clearInterval(this.interval);
    await Promise.allSettled([...this.queues.values()]);
  }

  private enqueue(ue: string, job: () => Promise<void>): void {
    const next = (this.queues.get(ue) ?? Promise.resolve()).then(() => (this.stopped ? undefined : job())).catch((err: unknown) => this.onError(err as Error));
    this.queues.set(ue, next);
  }

  private async client(e: ClientEvent): Promise<void> {
    const b = this.backend;
    if (e.type === "ue-connected") {
      const at = this.net.placeOf(e.ue).switchNode;
      if (at !== e.device) await this.net.moveUe(e.ue, e.device);
      if (this.everConnected.has(e.ue)) await this.net.setUeLink(e.ue, true);
      this.everConnected.add(e.ue);
      this.serving.set(e.ue, e.device);
      b.deliver({ type: "ue-connected", ue: e.ue, device: e.device, rssiDbm: e.rssiDbm, packets: 0 });
    } else if (e.type === "ue-disconnected") {
      const packets = await this.net.txPackets(e.ue);
      await this.net.setUeLink(e.ue, false);
      this.serving.delete(e.ue);
      b.deliver({ type: "ue-disconnected", ue: e.ue, device: e.device, rssiDbm: e.rssiDbm, packets });
    } else {
      const time = b.now();
      const packets = await this.net.txPackets(e.ue);
      const { moveMs, flowsMs } = await this.net.moveUe(e.ue, e.to);
      this.serving.set(e.ue, e.to);
      this.handovers.emit({ dueS: e.time, time, ue: e.ue, from: e.from, to: e.to, rssiDbm: e.rssiDbm, packets, moveMs, flowsMs });
      b.deliver({ type: "ue-handover", ue: e.ue, from: e.from, to: e.to, rssiDbm: e.rssiDbm, packets });
    }
  }

  private readonly everConnected = new Set<string>();
  private lastReportMs: number | undefined;

  private async report(): Promise<void> {
    if (this.stopped) return;
    const now = this.backend.now();
    const nowMs = performance.now();
    const spanMs = nowMs - (this.lastReportMs ?? nowMs - this.intervalS * 1000);
    this.lastReportMs = nowMs;
    for (const [device, capacity] of this.devices) {
      const vnfs = [...this.backend.vnfs.values()].filter((v) => v.host === device);
      let busyNs = 0;
      let memory = 0;
      let counted = 0;
      for (const v of vnfs) {
        const r = await v.container.resources().catch(() => undefined);
        if (!r) continue;
        counted++;
        memory += r.memoryUsageBytes;
        const last = this.lastCpu.get(v.id);
        this.lastCpu.set(v.id, { ns: r.cpuUsageNs, atMs: nowMs });
        // A vNF seen for the first time: its CPU time since it started (within this interval or so).
        busyNs += Number(r.cpuUsageNs - (last?.ns ?? 0n));
      }
      const cpu = spanMs > 0 ? busyNs / 1e6 / spanMs / capacity.cores : 0;
      const clients = [...this.serving.values()].filter((d) => d === device).length;
      if (counted > 0) this.samples.emit({ time: now, device, vnfs: counted, cpuUtilisation: cpu, memoryUsedBytes: memory });
      this.backend.deliver({ type: "device-report", device, cpuUtilisation: Math.min(1, cpu), memoryUsedBytes: memory, memoryBytes: capacity.vnfMemoryBytes, clients });
    }
  }
}
