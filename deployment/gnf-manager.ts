/**
 * The GNF Manager as a scenario configures it, built the same way in both worlds: the placer
 * named by `placement.algorithm` (seeded by the scenario seed, counted by `CountedPlacer`), the
 * re-placement trigger of `placement.replacement.policy` (none for `static`), and the Manager's
 * options from the topology, its host capacities, the vNF catalog and the traffic.
 *
 * @example const { manager, placer } = await buildManager(config, seed, { topology, paths, capacities, catalog });
 */
import { Manager } from "../orchestrator/manager.ts";
import { createReplacementPolicy, policyTrigger } from "../placement/dynamic/index.ts";
import { placerFromConfig } from "../placement/registry.ts";
import type { DeviceCapacity } from "../topologies/devices/capacity.ts";
import type { PathFinder } from "../topologies/paths.ts";
import type { Topology } from "../topologies/types.ts";
import type { DeploymentConfig } from "./config.ts";
import { CountedPlacer } from "./counted-placer.ts";
import { managerOptions } from "./manager-options.ts";
import type { VnfType } from "./vnfs/types.ts";

/** What a world provides: its network and the capacities of its vNF hosts. */
export interface ManagerWorld {
  topology: Topology;
  paths: PathFinder;
  /** vNF hosts by node id (`hostCapacities`). */
  capacities: ReadonlyMap<string, DeviceCapacity>;
  catalog: Readonly<Record<string, VnfType>>;
  /** Wall clock for timing placement (seconds from any origin); optional. */
  wallClock?: () => number;
}

export interface BuiltManager {
  manager: Manager;
  placer: CountedPlacer;
  /** True when a re-placement trigger consumes latency observations. */
  observesLatency: boolean;
}

export async function buildManager(config: DeploymentConfig, seed: number, world: ManagerWorld): Promise<BuiltManager> {
  const placer = new CountedPlacer(await placerFromConfig(config.placement, seed), world.wallClock);
  const policy = config.placement.replacement.policy;
  const trigger = policy === "static" ? undefined : policyTrigger(createReplacementPolicy(config.placement.replacement));
  const manager = new Manager(
    managerOptions({
      topology: world.topology,
      paths: world.paths,
      catalog: world.catalog,
      traffic: config.traffic,
      latencyBounds: config.placement.latencyBounds,
      placer,
      config: config.manager,
      capacities: world.capacities,
      ...(trigger ? { replacementTrigger: trigger } : {}),
    }),
  );
  return { manager, placer, observesLatency: trigger !== undefined };
}
