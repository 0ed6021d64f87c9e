/**
 * The UE association timeline of a scenario, computed ahead (pure, deterministic): the simulator's
 * own mobility and radio models (`buildCityMobility`: `sim/models/mobility` + `sim/models/radio`
 * and the Agents' HostAPD-like client events) run alone on a DES for the scenario's duration with
 * the scenario's seed. The RNG streams are named, so the draws are the same as in `gnf run` of the
 * same scenario and seed: the emulation's UEs connect and roam at the same times as the sim's.
 *
 * @example associationTimeline(topology, scenario.ues, scenario.radio, 1, 120)
 *   → [{ time: 0, type: "ue-connected", ue: "ue-0", device: "e-0-0", rssiDbm: -38.2 }, { time: 44, type: "ue-handover", … }]
 */
import { Environment } from "../engine/environment.ts";
import { RngStreams } from "../../base/rng.ts";
import type { ClientEvent } from "../models/agent-reports/agents.ts";
import type { UesConfig } from "../models/mobility/config.ts";
import type { RadioConfig } from "../models/radio/config.ts";
import { buildCityMobility } from "./city-mobility.ts";
import type { Topology } from "../../topologies/types.ts";

/** Client events in time order (seconds since the start), as the sim's Agents report them. */
export function associationTimeline(topology: Topology, ues: UesConfig, radio: RadioConfig, seed: number, durationS: number): ClientEvent[] {
  const env = new Environment();
  const city = buildCityMobility(env, topology, ues, radio, new RngStreams(seed), Math.max(1, durationS));
  const events: ClientEvent[] = [];
  city.agents.clientEvents.subscribe((e) => events.push({ ...e }));
  env.run({ until: durationS });
  return events;
}
