/**
 * The edge world of a scenario with a `topology`: UEs move (`ues`) among the radio cells of the
 * topology's edge devices (`radio`), the Agents report connects, handovers and device stats, and
 * each UE's `traffic` flows to its destination through its serving cell. Every `sampleInterval`
 * the latency of each connected UE's flows is sampled (propagation + per-hop along the shortest
 * path) and the core links are charged with the flows' rates (core utilisation).
 *
 * `handovers`, `ue_latency` and `core_utilisation` have the columns (and units and meanings) of
 * the GNF system's tables of the same names (`deployment/manager-outputs.ts`): with no chains, a
 * flow's `chain` is empty, `steered` false, `chain_latency_ms` empty, nothing is dropped and no vNF
 * is overloaded. The shared metrics are the Manager-level ones; `connections` and
 * `ues.connectedMean` are this world's own.
 */
import { UserError } from "../../base/errors.ts";
import type { Environment } from "../engine/environment.ts";
import type { RngStreams } from "../../base/rng.ts";
import { Tally } from "../../base/stats/tally.ts";
import { defineMetrics, defineTable, metricOf, tableRecorder } from "../../base/results/data-dictionary.ts";
import { CORE_UTILISATION_TABLE, HANDOVERS_TABLE, MANAGER_METRICS, UE_LATENCY_TABLE } from "../../deployment/manager-outputs.ts";
import type { Metric, RunStreams, Table } from "../../base/tables.ts";
import { PathFinder } from "../../topologies/paths.ts";
import { buildTopology, type TopologyConfig } from "../../topologies/config.ts";
import type { UesConfig } from "../models/mobility/config.ts";
import type { RadioConfig } from "../models/radio/config.ts";
import { CoreUtilisation } from "../models/traffic/core-utilisation.ts";
import { flowLatency } from "../models/traffic/latency.ts";
import { DEFAULT_BUFFER_PACKETS } from "../models/traffic/latency-config.ts";

import { meanBitRate, meanPacketRate, type Flow } from "../models/traffic/flows.ts";
import { buildCityMobility } from "./city-mobility.ts";

const NO_VNF_QUEUES = { queueModel: "mm1", bufferPackets: DEFAULT_BUFFER_PACKETS } as const;

/** The edge world's own table: UEs associating with and leaving cells. */
export const CONNECTIONS_TABLE = defineTable("connections", "One row per UE associating with a cell or leaving the last one (handovers are in `handovers`).", [
  ["time_s", "s", "when it happened"],
  ["ue", "text", "the UE"],
  ["device", "text", "the cell (edge device)"],
  ["event", "text", "connected or disconnected"],
  ["rssi_dbm", "dBm", "received signal strength at the cell (NaN when the UE is already out of range)"],
]);

/** The edge world's own metric (its others are the Manager-level ones of the same names). */
export const EDGE_WORLD_METRICS = defineMetrics({
  "ues.connectedMean": ["count", "UEs connected to a cell, mean over samples"],
});

export interface EdgeWorldConfig {
  topology: TopologyConfig;
  ues: UesConfig;
  radio: RadioConfig;
  traffic: Flow[];
  sampleInterval: number;
}

export class EdgeWorld {
  private readonly handovers;
  private readonly connections;
  private readonly latency;
  private readonly coreLoad;
  private readonly latencyTally;
  private readonly connectedTally;
  private readonly handoverCount: { value: number } = { value: 0 };
  private readonly paths: PathFinder;
  private readonly core: CoreUtilisation;
  private readonly world: ReturnType<typeof buildCityMobility>;

  constructor(
    private readonly env: Environment,
    private readonly config: EdgeWorldConfig,
    rng: RngStreams,
    /** The device catalog's keys (loaded once per run). */
    deviceKeys: readonly string[],
    /** Stream the tables and latency samples to disk (default: in memory). */
    streams?: RunStreams,
  ) {
    this.handovers = tableRecorder(HANDOVERS_TABLE, streams);
    this.connections = tableRecorder(CONNECTIONS_TABLE, streams);
    this.latency = tableRecorder(UE_LATENCY_TABLE, streams);
    this.coreLoad = tableRecorder(CORE_UTILISATION_TABLE, streams);
    this.latencyTally = new Tally("latency", streams?.samples("latency"));
    this.connectedTally = new Tally("connected", streams?.samples("connected"));
    const topology = buildTopology(config.topology, rng.stream("topology"), deviceKeys);
    this.paths = new PathFinder(topology);
    this.core = new CoreUtilisation(topology, this.paths);
    const uePacketRate = config.traffic.reduce((sum, f) => sum + meanPacketRate(f), 0);
    this.world = buildCityMobility(env, topology, config.ues, config.radio, rng, config.sampleInterval, () => uePacketRate);
    for (const flow of config.traffic) {
      if (flow.destination !== "internet" && !topology.nodes.some((n) => n.id === flow.destination)) {
        throw new UserError(`traffic: destination "${flow.destination}" is not a node of topology ${topology.name} (use "internet" or a node id)`);
      }
    }
    this.world.agents.clientEvents.subscribe((e) => {
      if (e.type === "ue-handover") {
        this.handoverCount.value++;
        this.handovers.add([e.time, e.ue, e.from, e.to, round(e.rssiDbm), e.packets]);
      } else this.connections.add([e.time, e.ue, e.device, e.type === "ue-connected" ? "connected" : "disconnected", round(e.rssiDbm)]);
    });
    env.process(this.sampler(), "latency sampler");
  }

  private *sampler() {
    const env = this.env;
    const { radio } = this.world;
    const cells = radio.cells;
    let previousRates: { from: string; to: string; bps: number }[] = [];
    for (;;) {
      yield env.timeout(this.config.sampleInterval);
      for (const r of previousRates) this.core.addRate(env.now, r.from, r.to, -r.bps);
      const rates: { from: string; to: string; bps: number }[] = [];
      let connected = 0;
      for (let ue = 0; ue < radio.serving.length; ue++) {
        const c = radio.serving[ue] as number;
        if (c < 0) continue;
        connected++;
        const access = (cells[c] as { id: string }).id;
        this.config.traffic.forEach((flow, f) => {
          // No vNFs here: the path's link delays only (nothing queues, nothing to draw).
          const l = flowLatency(this.paths, access, flow.destination, [], NO_VNF_QUEUES);
          this.latencyTally.observe(l.latencyS);
          // time_s, ue, flow, access, chain, steered, latency_ms, chain_latency_ms, offered_pps, dropped_pps, overloaded
          this.latency.add([env.now, `ue-${ue}`, f, access, "", false, round(l.latencyS * 1000), null, round(meanPacketRate(flow)), 0, false]);
          rates.push({ from: access, to: flow.destination, bps: meanBitRate(flow) });
        });
      }
      for (const r of rates) this.core.addRate(env.now, r.from, r.to, r.bps);
      previousRates = rates;
      this.connectedTally.observe(connected);
      const total = this.core.totalBytes(env.now);
      this.coreLoad.add([env.now, round(this.core.totalBps()), round(total)]);
    }
  }

  metrics(): Record<string, Metric> {
    const lat = this.latencyTally;
    const total = this.core.totalBytes(this.env.now);
    return {
      "ues.handovers": metricOf(MANAGER_METRICS["ues.handovers"], this.handoverCount.value),
      "ues.connectedMean": metricOf(EDGE_WORLD_METRICS["ues.connectedMean"], this.connectedTally.count > 0 ? this.connectedTally.mean : 0),
      "latency.meanMs": metricOf(MANAGER_METRICS["latency.meanMs"], lat.count > 0 ? lat.mean * 1000 : Number.NaN),
      "latency.p95Ms": metricOf(MANAGER_METRICS["latency.p95Ms"], lat.count > 0 ? lat.percentile(95) * 1000 : Number.NaN),
      "core.bytes": metricOf(MANAGER_METRICS["core.bytes"], total),
      "core.meanBps": metricOf(MANAGER_METRICS["core.meanBps"], this.env.now > 0 ? (total * 8) / this.env.now : 0),
    };
  }

  tables(): Table[] {
    return [this.connections.toTable(), this.handovers.toTable(), this.latency.toTable(), this.coreLoad.toTable()];
  }
}

function round(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : x;
}
