/**
 * The GNF Manager's options for a topology, shared by both worlds (the sim's `GnfWorld` and the
 * emulation's `EmulationRun`) so the same scenario gives the Manager the same view of the network:
 * - hosts: every topology node with a device (`hostCapacities`), kind "nfvi" for NFVI nodes,
 *   "edge" otherwise, with its CPU (reference cores) and vNF memory (bytes);
 * - demand catalog: per vNF type, idle memory (bytes), CPU for the UE's total packet rate
 *   (reference-core seconds per second), state size (bytes) and the latency bound (seconds);
 * - latency: the one-way shortest-path delay from the access node to the host (`PathFinder`), s.
 */
import type { ManagerConfig } from "../orchestrator/config.ts";
import type { ManagerOptions, ReplacementTrigger } from "../orchestrator/manager.ts";
import type { HostSpec, VnfDemandCatalog } from "../orchestrator/types.ts";
import type { Placer } from "../placement/types.ts";
import type { PathFinder } from "../topologies/paths.ts";
import type { Topology } from "../topologies/types.ts";
import type { DeviceCapacity } from "../topologies/devices/capacity.ts";
import type { Flow } from "./traffic/flow-config.ts";
import { meanPacketRate } from "./traffic/rates.ts";
import type { VnfType } from "./vnfs/types.ts";

export interface ManagerOptionsInput {
  topology: Topology;
  paths: PathFinder;
  catalog: Readonly<Record<string, VnfType>>;
  /** The scenario's traffic (one UE's flows; their mean packet rates sum to the UE's rate). */
  traffic: readonly Flow[];
  /** Latency bound per vNF type, seconds. */
  latencyBounds: Readonly<Record<string, number>>;
  placer: Placer;
  config: ManagerConfig;
  replacementTrigger?: ReplacementTrigger;
  /** The vNF hosts' capacities by node id (`hostCapacities`). */
  capacities: ReadonlyMap<string, DeviceCapacity>;
}

/** Packets per second one UE sends: the sum of its flows' mean rates. */
export function uePacketRate(traffic: readonly Flow[]): number {
  return traffic.reduce((sum, f) => sum + meanPacketRate(f), 0);
}

/** The Manager's host list: nodes with a device, "nfvi" for NFVI nodes. */
export function hostSpecs(topology: Topology, capacities: ReadonlyMap<string, DeviceCapacity>): HostSpec[] {
  const roleOf = new Map(topology.nodes.map((n) => [n.id, n.role]));
  return [...capacities.values()].map((c) => ({ id: c.id, kind: roleOf.get(c.id) === "nfvi" ? "nfvi" : "edge", cpuCapacity: c.cpuCapacity, memoryBytes: c.vnfMemoryBytes }));
}

/** The Manager's per-type demands: idle memory, CPU for the UE's packet rate, state, bound. */
export function demandCatalog(catalog: Readonly<Record<string, VnfType>>, packetRate: number, bounds: Readonly<Record<string, number>>): VnfDemandCatalog {
  return Object.fromEntries(
    Object.values(catalog).map((t) => {
      const bound = bounds[t.name];
      return [t.name, { cpu: t.cpuPerPacketS * packetRate, memoryBytes: t.idleMemoryBytes, stateBytes: t.stateBytes, ...(bound === undefined ? {} : { maxLatencyS: bound }) }];
    }),
  );
}

/** Options for `new Manager(…)` from a topology and the scenario's settings. */
export function managerOptions(input: ManagerOptionsInput): ManagerOptions {
  const capacities = input.capacities;
  return {
    hosts: hostSpecs(input.topology, capacities),
    catalog: demandCatalog(input.catalog, uePacketRate(input.traffic), input.latencyBounds),
    latencyS: (access, host) => input.paths.delay(access, host),
    placer: input.placer,
    config: input.config,
    ...(input.replacementTrigger ? { replacementTrigger: input.replacementTrigger } : {}),
  };
}
