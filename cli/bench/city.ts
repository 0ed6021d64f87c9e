/**
 * `gnf bench city [--ues N] [--duration S] [--json]`: the 125 EUA Melbourne CBD sites as radio
 * cells (250 m range, default radio), N UEs (default 10,000) with random waypoint (0.5–1.5 m/s,
 * 30 s pauses, steady-state start) inside the EUA Melbourne CBD polygon (≈ 1.75 km²), a 1 s
 * mobility tick process on the DES engine, connects/handovers delivered as DES events by the
 * Agents (plus 10 s device reports), one simulated hour.
 *
 * Targets: ≤ 60 s wall and ≤ 1.5 GB peak RSS for 10,000 UEs × 3,600 s.
 */
import type { BenchDefinition } from "./types.ts";
import { UserError } from "../../base/errors.ts";
import { parsePositiveInt } from "../parse.ts";
import { Environment } from "../../sim/engine/environment.ts";
import { RngStreams } from "../../base/rng.ts";
import { cellsOf } from "../../sim/world/city-mobility.ts";
import { Agents } from "../../sim/models/agent-reports/agents.ts";
import { createMobility, mobilitySchema } from "../../sim/models/mobility/config.ts";
import { MELBOURNE_CBD_POLYGON, projectPolygon } from "../../sim/models/mobility/region.ts";
import { RadioAccess } from "../../sim/models/radio/association.ts";
import { radioSchema } from "../../sim/models/radio/config.ts";
import { importEuaMelbourne } from "../../topologies/import/edge-sites.ts";

/** Mobility tick, s. */
const STEP_S = 1;

export const cityBench: BenchDefinition = {
  name: "city",
  description: "125 EUA Melbourne sites, N random-waypoint UEs in the CBD, 1 s steps, one simulated hour",
  options: [
    { flags: "--ues <n>", description: "number of UEs", defaultValue: "10000" },
    { flags: "--duration <s>", description: "simulated seconds", defaultValue: "3600" },
    { flags: "--shadowing-db <sigma>", description: "log-normal shadowing sigma, dB (0 = off; on, every UE is evaluated every step)", defaultValue: "0" },
  ],
  inAll: true,
  async run(options) {
    const ues = parsePositiveInt(options["ues"] ?? "10000", "--ues");
    const duration = parsePositiveInt(options["duration"] ?? "3600", "--duration");
    const shadowingText = options["shadowingDb"] ?? "0";
    const shadowingDb = Number(shadowingText);
    if (shadowingText.trim() === "" || !(shadowingDb >= 0 && shadowingDb <= 30)) throw new UserError(`--shadowing-db: expected a number of dB in [0, 30], found "${shadowingText}"`);
    const started = performance.now();
    const env = new Environment();
    const rng = new RngStreams(1);
    const topology = importEuaMelbourne();
    // The topology's frame is centred on its metro node; move the CBD's bounding box to (0, 0).
    const metro = topology.nodes.find((n) => n.role === "metro" && n.lat !== undefined && n.lon !== undefined);
    if (!metro) throw new Error("the EUA topology has no metro node with lat/lon");
    const origin = { lat: metro.lat as number, lon: metro.lon as number };
    const cbd = projectPolygon(MELBOURNE_CBD_POLYGON, origin);
    const region = projectPolygon(MELBOURNE_CBD_POLYGON, origin, { x: cbd.minX, y: cbd.minY });
    const cells = cellsOf(topology).map((c) => ({ ...c, x: c.x - cbd.minX, y: c.y - cbd.minY }));
    const area = { width: region.maxX, height: region.maxY, region };
    const mobility = createMobility(mobilitySchema.parse({ model: "random-waypoint", minSpeed: 0.5, maxSpeed: 1.5, pause: 30, steadyState: true }), ues, area, rng);
    const radio = new RadioAccess(cells, radioSchema.parse({ shadowingDb }), rng.stream("radio/shadowing"), ues);
    const agents = new Agents(env, radio, 10);
    let reports = 0;
    agents.deviceReports.subscribe(() => reports++);
    agents.start();
    env.process(function* () {
      radio.update(env.now, mobility.x, mobility.y);
      for (;;) {
        yield env.timeout(STEP_S);
        mobility.step(STEP_S);
        radio.update(env.now, mobility.x, mobility.y);
      }
    }, "mobility");
    let peakRss = process.memoryUsage().rss;
    for (let t = Math.min(60, duration); t <= duration; t = t === duration ? Infinity : Math.min(t + 60, duration)) {
      env.run({ until: t });
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    const wallSeconds = (performance.now() - started) / 1000;
    return {
      ues,
      cells: cells.length,
      shadowingDb,
      simulatedSeconds: duration,
      handovers: radio.handovers,
      clientEvents: agents.delivered,
      deviceReports: reports,
      events: env.eventsProcessed,
      wallSeconds,
      eventsPerSecond: env.eventsProcessed / wallSeconds,
      radioEvaluations: radio.evaluations,
      radioEvaluationsSkipped: 1 - radio.evaluations / (ues * (Math.floor(duration / STEP_S) + 1)),
      ueStepsPerSecond: (ues * duration) / STEP_S / wallSeconds,
      peakRssMB: peakRss / 1e6,
    };
  },
  describe(r) {
    return `city: ${r["ues"]} UEs × ${r["simulatedSeconds"]} s among ${r["cells"]} cells: ${r["handovers"]} handovers, ${r["events"]} events in ${Number(r["wallSeconds"]).toFixed(1)} s wall (${Math.round(Number(r["eventsPerSecond"]))} events/s, ${(Number(r["ueStepsPerSecond"]) / 1e6).toFixed(2)} M UE-steps/s, ${(100 * Number(r["radioEvaluationsSkipped"])).toFixed(0)}% radio checks skipped), peak RSS ${Math.round(Number(r["peakRssMB"]))} MB`;
  },
};
