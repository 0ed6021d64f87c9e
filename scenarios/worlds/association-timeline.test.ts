/** The default scenario's association timeline equals the one the simulator's Agents report in `gnf run`. */
import { describe, expect, it } from "vitest";
import { loadScenarioFile } from "../load.ts";
import { RngStreams } from "../../base/rng.ts";
import { buildTopology } from "../../topologies/config.ts";
import { buildRun } from "../../sim/run/run-scenario.ts";
import { associationTimeline } from "../../sim/world/association-timeline.ts";
import { firstCells } from "../../deployment/agent-reports.ts";
import { loadDeviceCapacities } from "../../topologies/devices/index.ts";

const { scenario } = loadScenarioFile(new URL("../../scenarios/default.yaml", import.meta.url).pathname);

describe("associationTimeline", () => {
  it("replays the sim's connects and handovers for the scenario's seed", async () => {
    if (!scenario.topology) throw new Error("no topology");
    const topology = buildTopology(scenario.topology, new RngStreams(scenario.seed).stream("topology"), [...loadDeviceCapacities().keys()]);
    const timeline = associationTimeline(topology, scenario.ues, scenario.radio, scenario.seed, 60);
    // The built-in profile has no handover gap: the lab profile of default.yaml would deliver each
    // handover to the Manager its fitted gap (≈ 95 ms) after the radio timeline's instant.
    const run = await buildRun({ ...scenario, calibration: undefined }, scenario.seed);
    const handovers: unknown[] = [];
    run.world?.backend.eventDelivered.subscribe(({ time, event }) => {
      if (event.type === "ue-handover" || event.type === "ue-connected") handovers.push([time, event.type, event.ue, event.type === "ue-handover" ? event.to : event.device]);
    });
    run.env.run({ until: 60 });
    expect(timeline.map((e) => [e.time, e.type, e.ue, e.type === "ue-handover" ? e.to : e.device])).toEqual(handovers);
    expect(timeline.map((e) => [e.time, e.type, e.type === "ue-handover" ? `${e.from}->${e.to}` : e.device])).toEqual([
      [0, "ue-connected", "e-0-0"],
      [expect.any(Number), "ue-handover", "e-0-0->e-0-1"],
    ]);
    expect(firstCells(timeline)).toEqual(new Map([["ue-0", "e-0-0"]]));
  });
});
