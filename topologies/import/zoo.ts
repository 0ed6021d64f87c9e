/**
 * Topology Zoo GraphML import (Knight et al., JSAC 2011; files in `topologies/data/topology-zoo/`,
 * CC BY 4.0). Nodes become routers with lat/lon (projected to local metres around the network's
 * centroid); links get a delay of great-circle distance at 2/3 of c plus `perHopDelayS`. Nodes
 * without coordinates (some hyperedges and unknown PoPs) are skipped by default, and links to them
 * dropped; `keepUnlocated: true` keeps them with links of `perHopDelayS` only. Parallel edges
 * between the same pair are merged (the zoo records multiple circuits as multi-edges).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { XMLParser } from "fast-xml-parser";
import { UserError } from "../../cli/errors.ts";
import { centroid, fibreDelayS, haversineM, projectLocal, type LatLon } from "../geo.ts";
import type { Topology, TopologyLink, TopologyNode } from "../types.ts";

export const ZOO_NETWORKS = ["Abilene", "AttMpls", "BtEurope", "Cogentco", "Geant2012", "Janetbackbone"] as const;
export type ZooNetwork = (typeof ZOO_NETWORKS)[number];

export interface ZooOptions {
  /** Added to every link's propagation delay (switching/queueing at each hop), seconds. Default 0.1 ms. */
  perHopDelayS?: number;
  /** Link capacity, bit/s (the zoo rarely states it). Default 10 Gbit/s. */
  bandwidthBps?: number;
  keepUnlocated?: boolean;
}

export interface ZooImport {
  topology: Topology;
  /** Node ids skipped for lack of coordinates. */
  skipped: string[];
}

interface GraphmlKey {
  "@_id": string;
  "@_for": string;
  "@_attr.name": string;
}
interface GraphmlData {
  "@_key": string;
  "#text"?: string | number;
}
interface GraphmlNode {
  "@_id": string;
  data?: GraphmlData[];
}
interface GraphmlEdge {
  "@_source": string;
  "@_target": string;
}

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["key", "node", "edge", "data"].includes(name), parseTagValue: false });

export function zooPath(network: ZooNetwork): string {
  return fileURLToPath(new URL(`../data/topology-zoo/${network}.graphml`, import.meta.url));
}

/** Imports one of the bundled networks, or any GraphML file by path. */
export function importZoo(networkOrPath: ZooNetwork | string, options: ZooOptions = {}): ZooImport {
  const path = (ZOO_NETWORKS as readonly string[]).includes(networkOrPath) ? zooPath(networkOrPath as ZooNetwork) : networkOrPath;
  let doc: { graphml?: { key?: GraphmlKey[]; graph?: { node?: GraphmlNode[]; edge?: GraphmlEdge[] } } };
  try {
    doc = parser.parse(readFileSync(path, "utf8")) as typeof doc;
  } catch (err) {
    throw new UserError(`${path}: cannot read GraphML: ${(err as Error).message.split("\n")[0]}`);
  }
  const graph = doc.graphml?.graph;
  if (!graph) throw new UserError(`${path}: not a GraphML file (no <graphml><graph>)`);
  const keyName = new Map((doc.graphml?.key ?? []).filter((k) => k["@_for"] === "node").map((k) => [k["@_id"], k["@_attr.name"]]));
  const perHop = options.perHopDelayS ?? 1e-4;
  const bandwidthBps = options.bandwidthBps ?? 10e9;
  const raw = (graph.node ?? []).map((n) => {
    const attrs: Record<string, string> = {};
    for (const d of n.data ?? []) attrs[keyName.get(d["@_key"]) ?? d["@_key"]] = String(d["#text"] ?? "");
    const lat = attrs["Latitude"] === undefined || attrs["Latitude"] === "" ? NaN : Number(attrs["Latitude"]);
    const lon = attrs["Longitude"] === undefined || attrs["Longitude"] === "" ? NaN : Number(attrs["Longitude"]);
    return { id: `n${n["@_id"]}`, label: attrs["label"] ?? n["@_id"], lat, lon };
  });
  const located = raw.filter((n) => Number.isFinite(n.lat) && Number.isFinite(n.lon));
  const origin = centroid(located as LatLon[]);
  const skipped = raw.filter((n) => !located.includes(n)).map((n) => n.id);
  const kept = options.keepUnlocated ? raw : located;
  const byId = new Map(kept.map((n) => [n.id, n]));
  const nodes: TopologyNode[] = kept.map((n) => {
    const node: TopologyNode = { id: n.id, role: "router", label: n.label };
    if (Number.isFinite(n.lat)) Object.assign(node, { lat: n.lat, lon: n.lon }, projectLocal(n, origin));
    return node;
  });
  const links: TopologyLink[] = [];
  const seen = new Set<string>();
  for (const e of graph.edge ?? []) {
    const a = byId.get(`n${e["@_source"]}`);
    const b = byId.get(`n${e["@_target"]}`);
    if (!a || !b || a === b) continue;
    const key = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const distance = Number.isFinite(a.lat) && Number.isFinite(b.lat) ? haversineM(a, b) : 0;
    links.push({ id: `l${links.length}`, a: a.id, b: b.id, delayS: fibreDelayS(distance) + perHop, bandwidthBps, core: true });
  }
  const name = path.replace(/^.*\//, "").replace(/\.graphml$/, "");
  const meta = { source: "Topology Zoo", licence: "CC BY 4.0", file: name, graphmlNodes: raw.length, graphmlEdges: (graph.edge ?? []).length, skippedUnlocated: skipped.length };
  return { topology: { name, nodes, links, meta }, skipped };
}
