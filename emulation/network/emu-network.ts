/**
 * The emulated network of a scenario, live: our OpenFlow controller on 127.0.0.1 and the
 * `NetworkPlan` built in Mininet (OVS switches on the userspace datapath with explicit dpids,
 * relays for delayed links, htb bandwidth, UE and server hosts). Base connectivity is proactive L2
 * forwarding (`l2.ts`) and static ARP entries in every host (no broadcast handling); IPv6 is off
 * in the hosts so nothing else is sent. UEs move between switches (`moveUe`): the UE keeps its
 * interface name, MAC and IP, gets a stable port per cell, and its L2 entries follow it.
 * Everything is registered with the given `Teardown` (controller, then the Mininet network).
 *
 * Example:
 *   const net = await EmuNetwork.build(plan, topology, teardown);
 *   await net.exec("ue-0", ["ping", "-c", "1", net.host("server:internet").ip]);
 */
import type { MessageOf } from "../../openflow/codec/index.ts";
import { Controller } from "../../openflow/controller/server.ts";
import type { SwitchConnection } from "../../openflow/controller/connection.ts";
import { barrier } from "../../openflow/steering/flow-mods.ts";
import { PathFinder } from "../../topologies/paths.ts";
import type { Topology } from "../../topologies/types.ts";
import { OvsBridge } from "../lab/ovs-bridge.ts";
import type { Teardown } from "../lab/teardown.ts";
import { MininetNet, type ExecResult } from "../mininet/net.ts";
import { l2FlowMods, type LinkPorts } from "./l2.ts";
import { PortAllocator, type NetworkPlan, type PlannedHost } from "./plan.ts";

/** Where a host is now. */
export interface HostPlace {
  switchNode: string;
  port: number;
}

export class EmuNetwork {
  readonly paths: PathFinder;
  readonly links: LinkPorts;
  readonly ports: PortAllocator;
  /** Current attachment of every host, by host id. */
  private readonly places = new Map<string, HostPlace>();
  /** A UE's port per cell, kept for later visits. */
  private readonly uePorts = new Map<string, number>();
  private readonly connections = new Map<string, SwitchConnection>();
  /** Host id → Mininet name; switch node → Mininet name. */
  private readonly names = new Map<string, string>();
  private readonly hostsById: Map<string, PlannedHost>;

  private constructor(
    readonly plan: NetworkPlan,
    topology: Topology,
    readonly controller: Controller,
    readonly mininet: MininetNet,
  ) {
    this.paths = new PathFinder(topology);
    this.links = new Map(plan.links.map((l) => [l.id, l]));
    this.ports = new PortAllocator(plan.nextPort);
    this.hostsById = new Map(plan.hosts.map((h) => [h.id, h]));
    for (const h of plan.hosts) {
      this.places.set(h.id, { switchNode: h.attach, port: h.port });
      if (h.kind === "ue") this.uePorts.set(`${h.id}|${h.attach}`, h.port);
    }
  }

  /** Builds and starts the network and installs base connectivity; `timings` get build phases, ms. */
  static async build(plan: NetworkPlan, topology: Topology, teardown: Teardown, timings: Record<string, number> = {}): Promise<EmuNetwork> {
    const t0 = performance.now();
    const controller = new Controller({ port: 0, echoIntervalMs: 2000, deadAfterMs: 20_000 });
    await controller.listen();
    teardown.add(`OpenFlow controller on 127.0.0.1:${controller.port}`, () => controller.close());
    const mininet = await MininetNet.start(teardown);
    const net = new EmuNetwork(plan, topology, controller, mininet);
    for (const s of plan.switches) net.names.set(s.node, await mininet.addSwitch("s", { dpid: s.dpid, controllerPort: controller.port }));
    for (const h of plan.hosts) net.names.set(h.id, await mininet.addHost(h.kind === "ue" ? "u" : "v", { ip: `${h.ip}/8`, mac: h.mac }));
    for (const l of plan.links) {
      await mininet.addLink(net.switchName(l.a), net.switchName(l.b), { port1: l.portA, port2: l.portB, ...(l.bwMbit === undefined ? {} : { bwMbit: l.bwMbit }), ...(l.delayMs === undefined ? {} : { delayMs: l.delayMs }) });
    }
    for (const h of plan.hosts) {
      await mininet.addLink(net.hostName(h.id), net.switchName(h.attach), { port2: h.port, ...(h.bwMbit === undefined ? {} : { bwMbit: h.bwMbit }), ...(h.delayMs === undefined ? {} : { delayMs: h.delayMs }) });
    }
    timings["addMs"] = performance.now() - t0;
    await mininet.start();
    timings["startMs"] = performance.now() - t0 - (timings["addMs"] ?? 0);
    const t1 = performance.now();
    await Promise.all(
      plan.switches.map(async (s) => {
        net.connections.set(s.node, await controller.waitForSwitch(s.dpid, 30_000));
      }),
    );
    timings["connectMs"] = performance.now() - t1;
    const t2 = performance.now();
    await net.installL2(plan.hosts.map((h) => h.id));
    for (const h of plan.hosts) await net.configureHost(h.id);
    timings["baseFlowsMs"] = performance.now() - t2;
    return net;
  }

  /** The planned host `id` ("ue-0", "server:internet"). */
  host(id: string): PlannedHost {
    const h = this.hostsById.get(id);
    if (!h) throw new Error(`no host "${id}" in the emulated network`);
    return h;
  }

  /** Mininet name of host `id`. */
  hostName(id: string): string {
    const n = this.names.get(id);
    if (n === undefined || !this.hostsById.has(id)) throw new Error(`no host "${id}" in the emulated network`);
    return n;
  }

  /** Mininet (and OVS bridge) name of switch node `node`. */
  switchName(node: string): string {
    const n = this.names.get(node);
    if (n === undefined || this.hostsById.has(node)) throw new Error(`no switch for node "${node}" in the emulated network`);
    return n;
  }

  hasSwitch(node: string): boolean {
    return this.names.has(node) && !this.hostsById.has(node);
  }

  /** The OVS bridge of a switch node (for attaching vNFs). */
  bridge(node: string): OvsBridge {
    return OvsBridge.existing(this.switchName(node));
  }

  dpid(node: string): bigint {
    const s = this.plan.switches.find((x) => x.node === node);
    if (!s) throw new Error(`no switch for node "${node}"`);
    return s.dpid;
  }

  connection(node: string): SwitchConnection {
    const c = this.connections.get(node);
    if (!c) throw new Error(`switch ${node} is not connected`);
    return c;
  }

  /** Where host `id` is attached now. */
  placeOf(id: string): HostPlace {
    const p = this.places.get(id);
    if (!p) throw new Error(`no host "${id}"`);
    return p;
  }

  /** The UE's port on `node` (allocated on first use, the same on later visits). */
  uePort(ue: string, node: string): number {
    const key = `${ue}|${node}`;
    let p = this.uePorts.get(key);
    if (p === undefined) {
      p = this.ports.take(node);
      this.uePorts.set(key, p);
    }
    return p;
  }

  /** Runs `argv` in host `id` (no shell). */
  exec(id: string, argv: readonly string[], options: { timeoutMs?: number } = {}): Promise<ExecResult> {
    return this.mininet.exec(this.hostName(id), argv, options);
  }

  /** Starts `argv` in host `id` in the background; resolves with its PID (stopped at teardown). */
  spawn(id: string, argv: readonly string[], options: { logFile?: string } = {}): Promise<number> {
    return this.mininet.spawn(this.hostName(id), argv, options);
  }

  /** Moves UE `ue` to switch `to` (a handover); its L2 entries follow. Resolves with timings, ms. */
  async moveUe(ue: string, to: string): Promise<{ moveMs: number; flowsMs: number }> {
    const from = this.placeOf(ue).switchNode;
    if (from === to) return { moveMs: 0, flowsMs: 0 };
    const port = this.uePort(ue, to);
    const t0 = performance.now();
    await this.mininet.moveHost(this.hostName(ue), this.switchName(from), this.switchName(to), { port });
    this.places.set(ue, { switchNode: to, port });
    const t1 = performance.now();
    await this.installL2([ue]);
    await this.configureHost(ue);
    return { moveMs: t1 - t0, flowsMs: performance.now() - t1 };
  }

  /** Brings the UE's interface down (disconnected from every cell) or up. */
  async setUeLink(ue: string, up: boolean): Promise<void> {
    const r = await this.exec(ue, ["ip", "link", "set", "dev", `${this.hostName(ue)}-eth0`, up ? "up" : "down"]);
    if (r.exitCode !== 0) throw new Error(`ip link set ${up ? "up" : "down"} in ${ue}: ${r.stderr.trim()}`);
  }

  /** Packets the host's interface has sent since it was (re)created. */
  async txPackets(id: string): Promise<number> {
    const r = await this.exec(id, ["cat", `/sys/class/net/${this.hostName(id)}-eth0/statistics/tx_packets`]);
    return Number(r.stdout.trim());
  }

  /** Sends the L2 entries of the given hosts to every switch (barrier at the end of each batch). */
  private async installL2(hostIds: readonly string[]): Promise<void> {
    const switches = this.plan.switches.map((s) => s.node);
    const perSwitch = new Map<string, MessageOf<"flow_mod">[]>();
    for (const id of hostIds) {
      const h = this.host(id);
      const place = this.placeOf(id);
      for (const [s, mod] of l2FlowMods(this.paths, this.links, switches, { mac: h.mac, switchNode: place.switchNode, port: place.port })) perSwitch.set(s, [...(perSwitch.get(s) ?? []), mod]);
    }
    await Promise.all([...perSwitch].map(([s, mods]) => this.connection(s).sendBatch([...mods, barrier()])));
  }

  /** Static ARP entries for every other host, IPv6 off. */
  private async configureHost(id: string): Promise<void> {
    const intf = `${this.hostName(id)}-eth0`;
    const lines = ["sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1", `ethtool -K ${intf} tx off >/dev/null 2>&1 || true`];
    for (const o of this.plan.hosts) if (o.id !== id) lines.push(`ip neigh replace ${o.ip} lladdr ${o.mac} dev ${intf} nud permanent`);
    const r = await this.exec(id, ["/bin/sh", "-ec", lines.join("\n")]);
    if (r.exitCode !== 0) throw new Error(`configuring host ${id} (${this.hostName(id)}): ${r.stderr.trim() || r.stdout.trim()}`);
  }
}
