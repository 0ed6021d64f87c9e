/**
 * UEs moving among radio cells at edge sites, driven by the DES: a mobility tick process every
 * `step` seconds moves all UEs and re-evaluates their association; the Agents turn connects,
 * disconnects and handovers into events and send periodic device reports.
 */
import { Environment } from "../engine/environment.ts";
import type { RngStreams } from "../../base/rng.ts";
import type { Topology } from "../../topologies/types.ts";
import { Agents, type DeviceLoadSource } from "../models/agent-reports/agents.ts";
import { createMobility, type UesConfig } from "../models/mobility/config.ts";
import type { MobilityModel } from "../models/mobility/types.ts";
import { RadioAccess } from "../models/radio/association.ts";
import type { Cell } from "../models/radio/cell-grid.ts";
import type { RadioConfig } from "../models/radio/config.ts";

export interface CityMobility {
  env: Environment;
  mobility: MobilityModel;
  radio: RadioAccess;
  agents: Agents;
  /** Offset added to topology coordinates to put the area at (0, 0). */
  origin: { x: number; y: number };
}

/** The cells of a topology: its edge nodes with positions and a cell range. */
export function cellsOf(topology: Topology): Cell[] {
  return topology.nodes.filter((n) => n.role === "edge" && n.x !== undefined && n.y !== undefined && n.cellRangeM !== undefined).map((n) => ({ id: n.id, x: n.x as number, y: n.y as number, rangeM: n.cellRangeM as number }));
}

export function buildCityMobility(env: Environment, topology: Topology, ues: UesConfig, radioConfig: RadioConfig, rng: RngStreams, reportInterval = 10, packetRate: (ue: number) => number = () => 0, deviceLoad?: DeviceLoadSource): CityMobility {
  const raw = cellsOf(topology);
  if (raw.length === 0) throw new Error(`topology ${topology.name} has no edge nodes with positions and cell ranges`);
  const minX = Math.min(...raw.map((c) => c.x));
  const minY = Math.min(...raw.map((c) => c.y));
  const cells = raw.map((c) => ({ ...c, x: c.x - minX, y: c.y - minY }));
  const area = { width: Math.max(1, ...cells.map((c) => c.x)), height: Math.max(1, ...cells.map((c) => c.y)) };
  const mobility = createMobility(ues.mobility, ues.count, area, rng);
  const radio = new RadioAccess(cells, radioConfig, radioConfig.shadowingDb > 0 ? rng.stream("radio/shadowing") : undefined, mobility.count);
  const agents = new Agents(env, radio, reportInterval, packetRate, undefined, deviceLoad);
  env.process(function* () {
    radio.update(env.now, mobility.x, mobility.y);
    for (;;) {
      yield env.timeout(ues.step);
      mobility.step(ues.step);
      radio.update(env.now, mobility.x, mobility.y);
    }
  }, "mobility");
  agents.start();
  return { env, mobility, radio, agents, origin: { x: minX, y: minY } };
}
