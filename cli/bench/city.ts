/**
 * `gnf bench city`: the 125 EUA Melbourne CBD sites as cells, N UEs with random waypoint inside
 * the sites' bounding box, 1 s mobility steps, one simulated hour, on the DES engine.
 */
import type { BenchDefinition } from "./types.ts";
import { parsePositiveInt } from "../parse.ts";
import { Environment } from "../../sim/engine/environment.ts";
import { RngStreams } from "../../sim/engine/rng.ts";
import { buildCityMobility } from "../../sim/world/city-mobility.ts";
import { uesSchema } from "../../sim/models/mobility/config.ts";
import { radioSchema } from "../../sim/models/radio/config.ts";
import { importEuaMelbourne } from "../../topologies/import/edge-sites.ts";

export const cityBench: BenchDefinition = {
  name: "city",
  description: "125 EUA Melbourne sites, N random-waypoint UEs, 1 s steps, one simulated hour",
  options: [
    { flags: "--ues <n>", description: "number of UEs", defaultValue: "10000" },
    { flags: "--duration <s>", description: "simulated seconds", defaultValue: "3600" },
  ],
  inAll: true,
  async run(options) {
    const ues = parsePositiveInt(options["ues"] ?? "10000", "--ues");
    const duration = parsePositiveInt(options["duration"] ?? "3600", "--duration");
    const started = performance.now();
    const env = new Environment();
    const world = buildCityMobility(
      env,
      importEuaMelbourne(),
      uesSchema.parse({ count: ues, mobility: { model: "random-waypoint", minSpeed: 0.5, maxSpeed: 1.5, pause: 30 }, step: 1 }),
      radioSchema.parse({}),
      new RngStreams(1),
    );
    let peakRss = process.memoryUsage().rss;
    for (let t = 60; t <= duration; t += 60) {
      env.run({ until: t });
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    const wallSeconds = (performance.now() - started) / 1000;
    return {
      ues,
      simulatedSeconds: duration,
      handovers: world.radio.handovers,
      clientEvents: world.agents.delivered,
      events: env.eventsProcessed,
      wallSeconds,
      eventsPerSecond: env.eventsProcessed / wallSeconds,
      ueStepsPerSecond: (ues * duration) / wallSeconds,
      peakRssMB: peakRss / 1e6,
    };
  },
  describe(r) {
    return `city: ${r["ues"]} UEs × ${r["simulatedSeconds"]} s: ${r["handovers"]} handovers, ${r["events"]} events in ${Number(r["wallSeconds"]).toFixed(1)} s wall (${Math.round(Number(r["eventsPerSecond"]))} events/s, ${(Number(r["ueStepsPerSecond"]) / 1e6).toFixed(2)} M UE-steps/s), peak RSS ${Math.round(Number(r["peakRssMB"]))} MB`;
  },
};
