/**
 * A scenario in the emulation lab: composes what the lab needs from the scenario — the topology
 * (built from its config and seed, as `gnf run` builds it) and the UEs' association timeline
 * (the simulator's own mobility and radio models, run ahead with the same seed) — and hands them
 * to the lab's runner. The lab's UEs therefore connect and roam at the same times as the
 * simulator's, and the two results folders compare row by row.
 *
 * @example const out = await emulateScenario(scenario, scenario.seed, { log: console.error });
 */
import { UserError } from "../../base/errors.ts";
import { RngStreams } from "../../base/rng.ts";
import { runEmulation, type EmulationHooks, type EmulationOutput, type EmulationScript } from "../../emulation/backend/emulation-run.ts";
import type { DeviceLimitMode } from "../../emulation/vnf/host-limits.ts";
import { associationTimeline } from "../../sim/world/association-timeline.ts";
import { buildTopology } from "../../topologies/config.ts";
import { loadDeviceCapacities } from "../../topologies/devices/index.ts";
import type { Scenario } from "../schema/scenario.ts";

/** The topology and association timeline of `scenario` with `seed`; hosts under Table I limits unless `deviceLimits` is "lab". */
export function emulationScript(scenario: Scenario, seed: number, deviceLimits: DeviceLimitMode = "table-i"): EmulationScript {
  if (!scenario.topology) throw new UserError(`scenario "${scenario.name}" has no topology to emulate`);
  const devices = loadDeviceCapacities();
  const topology = buildTopology(scenario.topology, new RngStreams(seed).stream("topology"), [...devices.keys()]);
  const timeline = associationTimeline(topology, scenario.ues, scenario.radio, seed, scenario.duration);
  return { topology, devices, timeline, deviceLimits };
}

/** Runs `scenario` with `seed` in the lab (see `runEmulation`); `deviceLimits` as in `emulationScript`. */
export async function emulateScenario(scenario: Scenario, seed: number, hooks: EmulationHooks = {}, deviceLimits: DeviceLimitMode = "table-i"): Promise<EmulationOutput> {
  return runEmulation(scenario, seed, emulationScript(scenario, seed, deviceLimits), hooks);
}
