/** The default scenario's topology (1 × 3 grid of home routers, metro, core, NFVI, internet), for unit tests. */
import { loadScenarioFile } from "../../scenarios/load.ts";
import { RngStreams } from "../../base/rng.ts";
import { buildTopology } from "../../topologies/config.ts";
import type { Topology } from "../../topologies/types.ts";

export function defaultTopology(): Topology {
  const { scenario } = loadScenarioFile(new URL("../../scenarios/default.yaml", import.meta.url).pathname);
  if (!scenario.topology) throw new Error("default scenario has no topology");
  return buildTopology(scenario.topology, new RngStreams(scenario.seed).stream("topology"));
}
