/**
 * The emulation backend: the orchestrator's `Backend` contract (orchestrator/backend.ts) executed
 * on the lab — the sim backend's twin. Every command is real work and its answering event is
 * delivered when that work is done:
 *
 *   start-vnf        → ContainerVnf on the host's switch (two fresh ports), ready to forward  → vnf-started | vnf-failed
 *   stop-vnf         → state checkpoint, container stopped and removed, OVS ports gone       → vnf-stopped | vnf-failed
 *   transfer-state   → iptables rules + counters exported and imported (`state-transfer.ts`) → state-transferred (bytes carried)
 *   install-steering → per-switch segments through the SteeringDriver, every barrier back    → steering-installed
 *   remove-steering  → every segment removed, barriers back                                   → steering-removed
 *   set-timer        → a queue of Node timers (never early; equal times in the order set)    → timer
 *
 * The clock is wall seconds since the backend was made (`performance.now`). Events are delivered
 * in the order the work finished; a command that fails at once (a start on a node without a switch
 * or of a type without an image, a stop of a vNF the backend does not run, a transfer to a target
 * that is not running) is answered synchronously within `execute`, which the contract allows.
 * vNF reports become `notification` events (`vnf-reports.ts`); a container that exits by itself is reported as `vnf-failed`. A steering request that cannot be realised
 * (a loop the switches cannot tell apart, a hop whose vNF is gone) is a lab failure: `onFatal`.
 * Times recorded in ms.
 */
import { WallClock } from "./wall-clock.ts";
import type { Backend } from "../../orchestrator/backend.ts";
import type { Command, InstallSteering, StartVnf, TransferState } from "../../orchestrator/commands.ts";
import type { ManagerEvent } from "../../orchestrator/events.ts";
import { TraceSource } from "../../base/trace.ts";
import { ueIdentity, ueIndexOf } from "../../deployment/ue-identity.ts";
import type { Teardown } from "../lab/teardown.ts";
import type { ChainSteering } from "../network/chain-steering.ts";
import type { EmuNetwork } from "../network/emu-network.ts";
import { selectorOxm } from "../network/selector-oxm.ts";
import { ContainerVnf, type VnfTimings } from "../vnf/container-vnf.ts";
import type { HostContainerLimits } from "../vnf/host-limits.ts";
import { exportState, importState } from "./state-transfer.ts";
import { vnfSpecOf } from "./vnf-mapping.ts";
import { reportEvents, type MonitorState } from "./vnf-reports.ts";

/** A vNF container the backend runs. */
export interface EmuVnf {
  id: string;
  type: string;
  host: string;
  ue: string;
  chain: string;
  params: Record<string, unknown>;
  container: ContainerVnf;
}

export interface EmulationBackendOptions {
  net: EmuNetwork;
  steering: ChainSteering;
  teardown: Teardown;
  /** Server host id ("server:<node>") of a chain's traffic. */
  destinationOf(chain: string, ue: string): string;
  /** A failure that makes the run meaningless (the run stops with it). */
  onFatal(err: Error): void;
  /** The container limits of a host's vNFs (Table I scaled to this machine, `HostLimits`); none when absent. */
  limitsOf?(host: string): Promise<HostContainerLimits>;
}

export interface SteeringRecord {
  time: number;
  chain: string;
  version: number;
  accessNode: string;
  hops: { vnfId: string; host: string }[];
  segments: number;
  elapsedMs: number;
  applied: boolean;
}

export class EmulationBackend implements Backend {
  /** vNF started (with its phase timings) — for the records. */
  readonly vnfTimings = new TraceSource<{ time: number; vnf: EmuVnf; timings: VnfTimings }>("vnfTimings");
  readonly steeringDone = new TraceSource<SteeringRecord>("steeringDone");
  readonly stateCarried = new TraceSource<{ time: number; from: string; to: string; requestedBytes: number; bytes: number; elapsedMs: number; how: string }>("stateCarried");
  /** Every event delivered to the Manager, with its time (seconds). */
  readonly eventDelivered = new TraceSource<{ time: number; event: ManagerEvent }>("eventDelivered");
  /** Running (or stopping) vNFs by id. */
  readonly vnfs = new Map<string, EmuVnf>();
  /** Steering in force per chain: version and access node. */
  readonly installed = new Map<string, { version: number; accessNode: string; since: number }>();
  /** The Manager's event stream (`onEvent` subscribers). */
  private readonly listeners = new TraceSource<ManagerEvent>("managerEvent");
  private readonly checkpoints = new Map<string, string>();
  /** vNFs being stopped on the Manager's command (their exit is not a failure). */
  private readonly stopping = new Set<string>();
  private readonly monitors = new Map<string, MonitorState>();
  private readonly t0 = performance.now();
  private closed = false;

  /** The Manager's timers (`set-timer`): never early, equal times in the order set. */
  private readonly timers: WallClock;

  constructor(private readonly options: EmulationBackendOptions) {
    this.timers = new WallClock(() => this.now());
  }

  now(): number {
    return (performance.now() - this.t0) / 1000;
  }

  onEvent(listener: (event: ManagerEvent) => void): () => void {
    return this.listeners.subscribe(listener);
  }

  /** Delivers an unsolicited event (Agents, operator schedule) on the next turn of the event loop. */
  deliver(event: ManagerEvent): void {
    setImmediate(() => this.emit(event));
  }

  /** No more events after this (timers cleared). */
  close(): void {
    this.closed = true;
    this.timers.clear();
  }

  execute(command: Command): void {
    const job = this.run(command);
    job.catch((err: unknown) => this.options.onFatal(err as Error));
  }

  private async run(command: Command): Promise<void> {
    switch (command.type) {
      case "start-vnf":
        return this.startVnf(command);
      case "stop-vnf":
        return this.stopVnf(command.vnfId, command.host);
      case "transfer-state":
        return this.transferState(command);
      case "install-steering":
        return this.installSteering(command);
      case "remove-steering": {
        const t0 = performance.now();
        await this.options.steering.remove(command.chain);
        this.installed.delete(command.chain);
        this.steeringDone.emit({ time: this.now(), chain: command.chain, version: 0, accessNode: "", hops: [], segments: 0, elapsedMs: performance.now() - t0, applied: true });
        this.emit({ type: "steering-removed", chain: command.chain, version: command.version });
        return;
      }
      case "set-timer":
        return this.setTimer(command.name, command.at);
    }
  }

  /** Delivers `timer` `name` at max(at, now) seconds, never earlier (`WallClock`). */
  private setTimer(name: string, at: number): void {
    if (this.closed) return;
    this.timers.at(at, () => this.emit({ type: "timer", name }));
  }

  private async startVnf(c: StartVnf): Promise<void> {
    const { net, teardown } = this.options;
    if (!net.hasSwitch(c.host)) return this.emit({ type: "vnf-failed", vnfId: c.vnfId, host: c.host, reason: `no switch for host "${c.host}" in the emulated network` });
    let container: ContainerVnf;
    try {
      const spec = vnfSpecOf(c.vnfType, c.params);
      const inPort = net.ports.take(c.host);
      const outPort = net.ports.take(c.host);
      const limits = (await this.options.limitsOf?.(c.host)) ?? {};
      container = await ContainerVnf.start({ spec, bridge: net.bridge(c.host), inPort, outPort, ...limits }, teardown);
    } catch (err) {
      return this.emit({ type: "vnf-failed", vnfId: c.vnfId, host: c.host, reason: (err as Error).message.split("\n")[0] ?? "start failed" });
    }
    const vnf: EmuVnf = { id: c.vnfId, type: c.vnfType, host: c.host, ue: c.ue, chain: c.chain, params: c.params, container };
    this.vnfs.set(vnf.id, vnf);
    const monitor: MonitorState = { alerted: false };
    this.monitors.set(vnf.id, monitor);
    container.onReport((r) => {
      if (!this.vnfs.has(vnf.id)) return;
      for (const e of reportEvents(r, vnf, performance.now(), monitor)) this.emit(e);
    });
    void this.watchExit(vnf);
    this.vnfTimings.emit({ time: this.now(), vnf, timings: container.timings });
    this.emit({ type: "vnf-started", vnfId: c.vnfId, host: c.host });
  }

  /** A container whose output ends while it should run has died: `vnf-failed` (its resources are gone with it). */
  private async watchExit(vnf: EmuVnf): Promise<void> {
    for await (const report of vnf.container.stream()) void report;
    if (this.closed || this.stopping.has(vnf.id) || !this.vnfs.has(vnf.id)) return;
    this.vnfs.delete(vnf.id);
    await vnf.container.remove().catch(() => undefined);
    this.emit({ type: "vnf-failed", vnfId: vnf.id, host: vnf.host, reason: `container ${vnf.container.name} exited` });
  }

  private async stopVnf(vnfId: string, host: string): Promise<void> {
    const vnf = this.vnfs.get(vnfId);
    if (!vnf) return this.emit({ type: "vnf-failed", vnfId, host, reason: `no vNF ${vnfId} on ${host}` });
    this.stopping.add(vnfId);
    try {
      this.checkpoints.set(vnfId, await exportState(vnf.container));
    } catch {
      // a vNF that cannot export has no state to carry later
    }
    try {
      await vnf.container.remove();
    } catch (err) {
      this.vnfs.delete(vnfId);
      return this.emit({ type: "vnf-failed", vnfId, host, reason: `stop failed: ${(err as Error).message}` });
    }
    this.vnfs.delete(vnfId);
    this.emit({ type: "vnf-stopped", vnfId, host });
  }

  private async transferState(c: TransferState): Promise<void> {
    const t0 = performance.now();
    const source = this.vnfs.get(c.fromVnfId);
    const target = this.vnfs.get(c.toVnfId);
    if (!target) return this.emit({ type: "vnf-failed", vnfId: c.toVnfId, host: c.toHost, reason: "transfer-state: the target vNF is not running" });
    let state = this.checkpoints.get(c.fromVnfId);
    let how = "checkpoint at stop";
    if (source) {
      state = await exportState(source.container);
      how = "iptables-save -c / iptables-restore -c";
    }
    let bytes = 0;
    if (state !== undefined) {
      try {
        bytes = await importState(target.container, state);
      } catch (err) {
        return this.emit({ type: "vnf-failed", vnfId: c.toVnfId, host: c.toHost, reason: `state import failed: ${(err as Error).message}` });
      }
    } else how = "nothing to carry (no export)";
    this.stateCarried.emit({ time: this.now(), from: c.fromVnfId, to: c.toVnfId, requestedBytes: c.bytes, bytes, elapsedMs: performance.now() - t0, how });
    this.emit({ type: "state-transferred", fromVnfId: c.fromVnfId, toVnfId: c.toVnfId, bytes });
  }

  private async installSteering(c: InstallSteering): Promise<void> {
    const { net, steering } = this.options;
    const index = ueIndexOf(c.ue);
    if (index === undefined) throw new Error(`install-steering ${c.chain}: UE name "${c.ue}" is not ue-<i>`);
    const hops = c.hops.map((h) => {
      const vnf = this.vnfs.get(h.vnfId);
      if (!vnf) throw new Error(`install-steering ${c.chain} v${c.version}: vNF ${h.vnfId} is not running`);
      return { switchNode: vnf.host, inPort: vnf.container.inPort, outPort: vnf.container.outPort };
    });
    const server = net.host(this.options.destinationOf(c.chain, c.ue));
    const destination = net.placeOf(server.id);
    const outcome = await steering.install({
      chain: c.chain,
      version: c.version,
      accessNode: c.accessNode,
      uePort: net.uePort(c.ue, c.accessNode),
      hops,
      destination,
      selector: selectorOxm(c.selector, ueIdentity(index).mac),
      priority: c.priority,
    });
    if (outcome.applied) this.installed.set(c.chain, { version: c.version, accessNode: c.accessNode, since: this.now() });
    this.steeringDone.emit({ time: this.now(), chain: c.chain, version: c.version, accessNode: c.accessNode, hops: c.hops.map((h) => ({ ...h })), segments: outcome.segments, elapsedMs: outcome.elapsedMs, applied: outcome.applied });
    this.emit({ type: "steering-installed", chain: c.chain, version: c.version });
  }

  private emit(event: ManagerEvent): void {
    if (this.closed) return;
    this.eventDelivered.emit({ time: this.now(), event });
    this.listeners.emit(event);
  }
}
