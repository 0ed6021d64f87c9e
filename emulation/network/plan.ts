/**
 * The emulated network of a scenario, as plain data, computed from the same topology the simulator
 * uses (pure: no I/O). `EmuNetwork` builds it in Mininet.
 *
 * Rules:
 * - every forwarding node (edge, aggregation, metro, core, nfvi, router) is an OVS switch
 *   (userspace datapath, our controller) with datapath id `dpidBase | (index + 1)`;
 * - an `internet` node is a server host (the traffic destination), attached by its one link;
 * - every other traffic destination that is a switch node gets a server host on a 0 ms link;
 * - UEs are hosts (`ueIdentity` IP/MAC, prefix /8) attached to their first cell's switch;
 * - a link's delay is emulated by a relay when it is at least `minDelayMs` (default 0.25 ms):
 *   one hop through userspace OVS already costs ≈ 0.07 ms one-way (RTT 0.13 ms min, measured), so
 *   shorter delays are below what the lab can resolve; the delay left out is kept in
 *   `skippedDelayMs` for the record;
 * - bandwidth: htb at the link's rate when it is below 1000 Mbit/s (MininetNet's limit); faster
 *   links are left unshaped, since userspace OVS carries ≈ 1.1 Gbit/s at most and htb would only
 *   cost CPU and build time;
 * - port numbers: per switch 1, 2, 3 … in topology link order, then host ports; later ports (vNFs,
 *   UEs at other cells) come from `PortAllocator`.
 * Size limits for this 2-core machine: at most `maxSwitches` (16) switches and `maxUes` (8) UEs.
 */
import { UserError } from "../../base/errors.ts";
import { ueIdentity } from "../../deployment/ue-identity.ts";
import type { Topology, TopologyLink } from "../../topologies/types.ts";

export const FORWARDING_ROLES = new Set(["edge", "aggregation", "metro", "core", "nfvi", "router"]);

export interface PlannedSwitch {
  /** Topology node id. */
  node: string;
  dpid: bigint;
}

export interface PlannedLink {
  /** Topology link id. */
  id: string;
  a: string;
  b: string;
  portA: number;
  portB: number;
  /** Emulated one-way delay, ms (undefined: no relay). */
  delayMs?: number;
  /** Topology delay not emulated, ms. */
  skippedDelayMs: number;
  /** htb rate, Mbit/s (undefined: unshaped). */
  bwMbit?: number;
}

export interface PlannedHost {
  /** "ue-0", or "server:<node>" for a traffic destination. */
  id: string;
  kind: "ue" | "server";
  /** For servers, the topology node they stand for; for UEs, their first cell. */
  node: string;
  ip: string;
  mac: string;
  /** Switch node the host attaches to and its port there. */
  attach: string;
  port: number;
  /** The host's link (servers on an internet node: that node's topology link). */
  delayMs?: number;
  skippedDelayMs: number;
  bwMbit?: number;
}

export interface NetworkPlan {
  switches: PlannedSwitch[];
  links: PlannedLink[];
  hosts: PlannedHost[];
  /** Next free port per switch after the plan's own. */
  nextPort: ReadonlyMap<string, number>;
}

export interface PlanOptions {
  /** UE id → node of its first cell (UEs that never connect are left out). */
  ueCells: ReadonlyMap<string, string>;
  /** Traffic destinations (node ids). */
  destinations: readonly string[];
  /** High bits of every datapath id (e.g. the process id << 16). */
  dpidBase: bigint;
  minDelayMs?: number;
  maxSwitches?: number;
  maxUes?: number;
}

export const DEFAULT_MIN_DELAY_MS = 0.25;
export const MAX_BW_MBIT = 1000;

/** The address of server `k` (0-based): 10.254.0.<k+1>, MAC 02:fe:00:00:00:<k+1>. */
export function serverIdentity(k: number): { ip: string; mac: string } {
  if (!(Number.isInteger(k) && k >= 0 && k < 250)) throw new RangeError(`server index ${k} must be in [0, 250)`);
  return { ip: `10.254.0.${k + 1}`, mac: `02:fe:00:00:00:${(k + 1).toString(16).padStart(2, "0")}` };
}

function delayParts(delayS: number, minDelayMs: number): { delayMs?: number; skippedDelayMs: number } {
  const ms = Math.round(delayS * 1e6) / 1e3;
  return ms >= minDelayMs ? { delayMs: ms, skippedDelayMs: 0 } : { skippedDelayMs: ms };
}

function bwOf(link: TopologyLink): { bwMbit?: number } {
  const mbit = link.bandwidthBps / 1e6;
  return mbit < MAX_BW_MBIT ? { bwMbit: mbit } : {};
}

export function planNetwork(topology: Topology, options: PlanOptions): NetworkPlan {
  const minDelayMs = options.minDelayMs ?? DEFAULT_MIN_DELAY_MS;
  const maxSwitches = options.maxSwitches ?? 16;
  const maxUes = options.maxUes ?? 8;
  const roleOf = new Map(topology.nodes.map((n) => [n.id, n.role]));
  const switchNodes = topology.nodes.filter((n) => FORWARDING_ROLES.has(n.role));
  if (switchNodes.length > maxSwitches) throw new UserError(`topology ${topology.name} has ${switchNodes.length} forwarding nodes; the emulation on this machine takes at most ${maxSwitches} switches; use a smaller topology (fewer cells, blocks or homes)`);
  if (options.ueCells.size > maxUes) throw new UserError(`the scenario has ${options.ueCells.size} UEs; the emulation on this machine takes at most ${maxUes} (use --set ues.count=${maxUes})`);
  const switches = switchNodes.map((n, i) => ({ node: n.id, dpid: options.dpidBase | BigInt(i + 1) }));
  const isSwitch = new Set(switches.map((s) => s.node));
  const next = new Map(switches.map((s) => [s.node, 1]));
  const take = (node: string): number => {
    const p = next.get(node) as number;
    next.set(node, p + 1);
    return p;
  };
  const links: PlannedLink[] = [];
  const hosts: PlannedHost[] = [];
  const internetLinks = new Map<string, TopologyLink[]>();
  for (const l of topology.links) {
    if (isSwitch.has(l.a) && isSwitch.has(l.b)) {
      links.push({ id: l.id, a: l.a, b: l.b, portA: take(l.a), portB: take(l.b), ...delayParts(l.delayS, minDelayMs), ...bwOf(l) });
      continue;
    }
    for (const end of [l.a, l.b]) if (roleOf.get(end) === "internet") internetLinks.set(end, [...(internetLinks.get(end) ?? []), l]);
  }
  const servers = [...new Set([...topology.nodes.filter((n) => n.role === "internet").map((n) => n.id), ...options.destinations])];
  servers.forEach((node, k) => {
    const id = serverIdentity(k);
    if (roleOf.get(node) === "internet") {
      const ls = internetLinks.get(node) ?? [];
      if (ls.length !== 1) throw new UserError(`topology ${topology.name}: internet node "${node}" has ${ls.length} links; the emulation attaches its server host by exactly one link to a switch`);
      const l = ls[0] as TopologyLink;
      const attach = l.a === node ? l.b : l.a;
      if (!isSwitch.has(attach)) throw new UserError(`topology ${topology.name}: internet node "${node}" is linked to "${attach}", which is not a forwarding node`);
      hosts.push({ id: `server:${node}`, kind: "server", node, ...id, attach, port: take(attach), ...delayParts(l.delayS, minDelayMs), ...bwOf(l) });
    } else if (isSwitch.has(node)) {
      hosts.push({ id: `server:${node}`, kind: "server", node, ...id, attach: node, port: take(node), skippedDelayMs: 0 });
    } else throw new UserError(`traffic destination "${node}" is not a node of topology ${topology.name}`);
  });
  for (const [ue, cell] of options.ueCells) {
    const index = Number(/^ue-(\d+)$/.exec(ue)?.[1] ?? Number.NaN);
    if (!isSwitch.has(cell)) throw new UserError(`UE ${ue}: its cell "${cell}" is not a forwarding node`);
    const { ipv4, mac } = ueIdentity(index);
    hosts.push({ id: ue, kind: "ue", node: cell, ip: ipv4, mac, attach: cell, port: take(cell), skippedDelayMs: 0 });
  }
  return { switches, links, hosts, nextPort: next };
}

/** Free OpenFlow port numbers per switch (vNF in/out ports, UE ports at new cells); never reused. */
export class PortAllocator {
  private readonly next: Map<string, number>;

  constructor(start: ReadonlyMap<string, number>) {
    this.next = new Map(start);
  }

  /** The next free port of `node`. */
  take(node: string): number {
    const p = this.next.get(node);
    if (p === undefined) throw new Error(`no switch for node "${node}"`);
    this.next.set(node, p + 1);
    return p;
  }
}
