/**
 * The checks of a validated scenario that its schema cannot make (`nameProblems`, `timeProblems`),
 * run by the loader on every load: `gnf check`, `gnf run` and every other command that reads a
 * scenario refuse a dangling name or a time outside the run, at its file:line:col.
 */
import type { ConfigProblem } from "../../base/config/load-yaml.ts";
import { RngStreams } from "../../base/rng.ts";
import { UserError } from "../../base/errors.ts";
import { buildTopology } from "../../topologies/config.ts";
import { loadDeviceCatalog } from "../../topologies/devices/index.ts";
import type { Scenario } from "../schema/scenario.ts";
import { nameProblems } from "./names.ts";
import { timeProblems } from "./times.ts";

/** Every problem of `scenario` (read from `file`); empty when it is consistent. */
export function scenarioProblems(scenario: Scenario, file: string): ConfigProblem[] {
  const deviceKeys = Object.keys(loadDeviceCatalog().devices);
  const names = nameProblems(scenario, {
    deviceKeys,
    scenarioFile: file,
    topologyNodeIds: () => topologyNodeIds(scenario, deviceKeys),
  });
  return [...names, ...timeProblems(scenario)];
}

/** The node ids of the topology a run builds (same seed stream), or undefined when it cannot be built. */
function topologyNodeIds(scenario: Scenario, deviceKeys: readonly string[]): string[] | undefined {
  if (scenario.topology === undefined) return undefined;
  try {
    return buildTopology(scenario.topology, new RngStreams(scenario.seed).stream("topology"), deviceKeys).nodes.map((n) => n.id);
  } catch (err) {
    if (err instanceof UserError) return undefined;
    throw err;
  }
}
