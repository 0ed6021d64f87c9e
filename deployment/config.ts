/**
 * The part of a scenario that configures the GNF system itself, the same in both worlds: what
 * the deployment layer reads. The scenario schema (`scenarios/schema/`) composes these keys with
 * each world's own; a runner takes its own config type, which extends this one.
 * Times in seconds.
 */
import type { ChainConfig, ManagerConfig } from "../orchestrator/config.ts";
import type { PlacementConfig } from "../placement/config.ts";
import type { TopologyConfig } from "../topologies/config.ts";
import type { MitigationConfig } from "./mitigation.ts";
import type { Flow } from "./traffic/flow-config.ts";
import type { UeChainTemplate } from "./ue-chains.ts";
import type { VnfOverrides } from "./vnfs/config.ts";

export interface DeploymentConfig {
  name: string;
  /** Run length, seconds. */
  duration: number;
  topology?: TopologyConfig | undefined;
  /** How many UEs (`ue-0` … `ue-<count−1>`). */
  ues: { count: number };
  /** The flows every UE sends. */
  traffic: Flow[];
  /** vNF catalog overrides. */
  vnfs: VnfOverrides;
  chains: ChainConfig[];
  ueChains: UeChainTemplate[];
  manager: ManagerConfig;
  placement: PlacementConfig;
  mitigation?: MitigationConfig | undefined;
  outputs: {
    /** Data-plane and device sampling interval, seconds. */
    sampleInterval: number;
  };
}
