/**
 * The default scenario's topology (1 × 3 grid of home routers, metro, core, NFVI, internet), for
 * unit tests: its `topology:` section (scenarios/default.yaml) written out here, built with seed 1.
 */
import { RngStreams } from "../../base/rng.ts";
import { buildTopology, topologySchema } from "../../topologies/config.ts";
import { loadDeviceCapacities } from "../../topologies/devices/index.ts";
import type { Topology } from "../../topologies/types.ts";

/** `topology:` of scenarios/default.yaml. */
export const DEFAULT_TOPOLOGY_CONFIG = { type: "grid", rows: 1, cols: 3, spacingM: 60, device: "tp-link-archer-c9", nfviDevice: "nfvi-i7", cellRangeM: 40 } as const;

export function defaultTopology(): Topology {
  return buildTopology(topologySchema.parse(DEFAULT_TOPOLOGY_CONFIG), new RngStreams(1).stream("topology"), [...loadDeviceCapacities().keys()]);
}
