/**
 * Real edge sites as topologies: the EUA Melbourne CBD base stations (125 Optus sites; Lai et al.,
 * ICSOC 2018; MIT, site data owned by ACMA) and the iFogSim2 Melbourne CBD resources (131: one
 * data centre, 12 proxies, 118 gateways; Mahmud et al., JSS 2022; MIT). Coordinates are projected
 * to local metres around the CBD centroid.
 *
 * Backhaul. EUA has none, so one is built: sites are grouped into square cells of
 * `aggregationCellM` metres (a street-cabinet / fibre-ring area), each cell gets an aggregation
 * switch `agg-<column>-<row>` at its sites' centroid (fibre delay at 2/3 c over the great-circle
 * distance from each site, + per-hop), every aggregation switch links to one `metro` node at the CBD
 * centroid (fibre delay + per-hop), the metro to a `core` router (`metroToCoreS`), and the core to
 * the central `nfvi` (`coreToNfviS`) and the `internet` (`coreToInternetS`); metro–core–NFVI/internet
 * links are core links. Sites are edge nodes `site-<SITE_ID>` with a radio cell of `cellRangeM`. iFogSim has its own tree (gateway → proxy → data centre, by `Parent`), used
 * as is with fibre delays; its data centre is the NFVI.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { centroid, fibreDelayS, haversineM, projectLocal, type LatLon } from "../geo.ts";
import type { Topology, TopologyLink, TopologyNode } from "../types.ts";
import { parseCsv } from "../../base/results/csv.ts";

const dataFile = (rel: string): string => fileURLToPath(new URL(`../data/${rel}`, import.meta.url));

export interface EdgeSiteOptions {
  /** Device model of the edge sites (a key of topologies/devices/devices.yaml). */
  siteDevice?: string;
  /** Device model of the central NFVI. */
  nfviDevice?: string;
  /** Radio cell range of each site, metres. */
  cellRangeM?: number;
  /** Per-hop switching delay added to every link, seconds. */
  perHopDelayS?: number;
  /** Side of the square cells that group EUA sites under one aggregation switch, metres. */
  aggregationCellM?: number;
  metroToCoreS?: number;
  coreToNfviS?: number;
  coreToInternetS?: number;
  /** Capacity of access/aggregation links and of core links, bit/s. */
  accessBandwidthBps?: number;
  coreBandwidthBps?: number;
}

const DEFAULTS: Required<EdgeSiteOptions> = {
  siteDevice: "nexcom-cps-200",
  nfviDevice: "nfvi-xeon",
  cellRangeM: 250,
  perHopDelayS: 1e-4,
  aggregationCellM: 500,
  metroToCoreS: 1e-3,
  coreToNfviS: 2e-3,
  coreToInternetS: 10e-3,
  accessBandwidthBps: 1e9,
  coreBandwidthBps: 100e9,
};

interface Builder {
  nodes: TopologyNode[];
  links: TopologyLink[];
  link(a: string, b: string, delayS: number, bandwidthBps: number, core?: boolean): void;
}

function builder(): Builder {
  const b: Builder = {
    nodes: [],
    links: [],
    link(a, c, delayS, bandwidthBps, core = false) {
      b.links.push({ id: `l${b.links.length}`, a, b: c, delayS, bandwidthBps, ...(core ? { core: true } : {}) });
    },
  };
  return b;
}

/** The 125 EUA Melbourne CBD sites with a built backhaul. */
export function importEuaMelbourne(options: EdgeSiteOptions = {}): Topology {
  const o = { ...DEFAULTS, ...options };
  const rows = parseCsv(readFileSync(dataFile("eua/site-optus-melbCBD.csv"), "utf8"));
  const sites = rows.map((r) => ({ id: `site-${r["SITE_ID"]}`, lat: Number(r["LATITUDE"]), lon: Number(r["LONGITUDE"]), label: r["NAME"] ?? "" }));
  const origin = centroid(sites);
  const b = builder();
  // Square cells of aggregationCellM metres, numbered from the south-west corner: agg-<column>-<row>.
  const cellOf = sites.map((s) => {
    const p = projectLocal(s, origin);
    return [Math.floor(p.x / o.aggregationCellM), Math.floor(p.y / o.aggregationCellM)] as const;
  });
  const minColumn = Math.min(...cellOf.map((c) => c[0]));
  const minRow = Math.min(...cellOf.map((c) => c[1]));
  const cells = new Map<string, { column: number; row: number; members: typeof sites }>();
  sites.forEach((s, i) => {
    const [x, y] = cellOf[i] as readonly [number, number];
    const column = x - minColumn;
    const row = y - minRow;
    const key = `${column}-${row}`;
    const cell = cells.get(key) ?? cells.set(key, { column, row, members: [] }).get(key);
    cell?.members.push(s);
  });
  const orderedCells = [...cells.values()].sort((a, b) => a.row - b.row || a.column - b.column);
  b.nodes.push({ id: "metro", role: "metro", ...origin, ...projectLocal(origin, origin) });
  b.nodes.push({ id: "core", role: "core" }, { id: "nfvi", role: "nfvi", device: o.nfviDevice }, { id: "internet", role: "internet" });
  b.link("metro", "core", o.metroToCoreS + o.perHopDelayS, o.coreBandwidthBps, true);
  b.link("core", "nfvi", o.coreToNfviS + o.perHopDelayS, o.coreBandwidthBps, true);
  b.link("core", "internet", o.coreToInternetS + o.perHopDelayS, o.coreBandwidthBps, true);
  for (const { column, row, members } of orderedCells) {
    const at = centroid(members);
    const agg = `agg-${column}-${row}`;
    b.nodes.push({ id: agg, role: "aggregation", ...at, ...projectLocal(at, origin) });
    b.link(agg, "metro", fibreDelayS(haversineM(at, origin)) + o.perHopDelayS, o.accessBandwidthBps);
    for (const s of members) {
      b.nodes.push({ id: s.id, role: "edge", device: o.siteDevice, lat: s.lat, lon: s.lon, ...projectLocal(s, origin), cellRangeM: o.cellRangeM, label: s.label });
      b.link(s.id, agg, fibreDelayS(haversineM(s, at)) + o.perHopDelayS, o.accessBandwidthBps);
    }
  }
  return { name: "eua-melbourne-cbd", nodes: b.nodes, links: b.links, meta: { source: "EUA dataset (site-optus-melbCBD.csv)", licence: "MIT; site data owned by ACMA", sites: sites.length } };
}

/** The 131 iFogSim2 Melbourne CBD resources with their own hierarchy. */
export function importIfogsimMelbourne(options: EdgeSiteOptions = {}): Topology {
  const o = { ...DEFAULTS, ...options };
  const rows = parseCsv(readFileSync(dataFile("ifogsim-melbcbd/edgeResources-melbCBD.csv"), "utf8"));
  const resources = rows.map((r) => ({ id: Number(r["ID"]), lat: Number(r["Latitude"]), lon: Number(r["Longitude"]), level: Number(r["Level"]), parent: Number(r["Parent"]), details: r["Details"] ?? "" }));
  const origin = centroid(resources as LatLon[]);
  const nameOf = (id: number, level: number): string => (level === 0 ? "nfvi" : level === 1 ? `proxy-${id}` : `gw-${id}`);
  const b = builder();
  const byId = new Map(resources.map((r) => [r.id, r]));
  for (const r of resources) {
    const common = { lat: r.lat, lon: r.lon, ...projectLocal(r, origin), label: r.details };
    if (r.level === 0) b.nodes.push({ id: "nfvi", role: "nfvi", device: o.nfviDevice, ...common });
    else if (r.level === 1) b.nodes.push({ id: nameOf(r.id, 1), role: "aggregation", ...common });
    else b.nodes.push({ id: nameOf(r.id, 2), role: "edge", device: o.siteDevice, cellRangeM: o.cellRangeM, ...common });
  }
  b.nodes.push({ id: "internet", role: "internet" });
  b.link("nfvi", "internet", o.coreToInternetS + o.perHopDelayS, o.coreBandwidthBps, true);
  for (const r of resources) {
    if (r.parent < 0) continue;
    const parent = byId.get(r.parent);
    if (!parent) continue;
    const core = parent.level === 0;
    b.link(nameOf(r.id, r.level), nameOf(parent.id, parent.level), fibreDelayS(haversineM(r, parent)) + o.perHopDelayS, core ? o.coreBandwidthBps : o.accessBandwidthBps, core);
  }
  return { name: "ifogsim-melbourne-cbd", nodes: b.nodes, links: b.links, meta: { source: "iFogSim2 dataset (edgeResources-melbCBD.csv)", licence: "MIT", resources: resources.length } };
}
