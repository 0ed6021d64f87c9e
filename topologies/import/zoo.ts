/**
 * Topology Zoo GraphML import (Knight et al., JSAC 2011; files in `topologies/data/topology-zoo/`,
 * CC BY 4.0; parsed with fast-xml-parser).
 *
 * - Nodes become `router` PoPs `n<graphml id>` with lat/lon, projected to local metres around the
 *   centroid of the located nodes (`projectLocal`).
 * - Link delay = great-circle (haversine) distance at 2/3 c (`fibreDelayS`) + `perHopDelayS`
 *   (default 0.1 ms: one router's switching and queueing).
 * - Link capacity = the edge's `LinkSpeedRaw` (bit/s) when the file gives it (Geant2012), else
 *   `bandwidthBps` (default 10 Gbit/s).
 * - Multi-edges: the zoo records parallel circuits as repeated edges; they are merged into one link
 *   whose capacity is the sum of theirs (the delay is the same geography). Self-loops are dropped.
 * - Nodes without coordinates (unlabelled hyperedge nodes, external PoPs) are skipped by default
 *   and their edges dropped (they are listed in `skipped`); with `keepUnlocated: true` they are kept
 *   without a position and their links get `perHopDelayS` only.
 * - Hosting (optional): `edgeDevice` turns every PoP into an `edge` node hosting vNFs with that
 *   device and a cell of `cellRangeM`; `nfviDevice` adds a central `nfvi` and the `internet`, both
 *   attached by a per-hop core link to the best-connected PoP (highest degree, first in file order
 *   on ties). Without them the import is the plain backbone.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { XMLParser } from "fast-xml-parser";
import { UserError } from "../../base/errors.ts";
import { centroid, fibreDelayS, haversineM, projectLocal, type LatLon } from "../geo.ts";
import type { Topology, TopologyLink, TopologyNode } from "../types.ts";

export const ZOO_NETWORKS = ["Abilene", "AttMpls", "BtEurope", "Cogentco", "Geant2012", "Janetbackbone"] as const;
export type ZooNetwork = (typeof ZOO_NETWORKS)[number];

export interface ZooOptions {
  /** Added to every link's propagation delay (switching/queueing at each hop), seconds. Default 1e-4. */
  perHopDelayS?: number;
  /** Capacity of links whose edge has no `LinkSpeedRaw`, bit/s. Default 10e9. */
  bandwidthBps?: number;
  /** Keep nodes without coordinates (links of `perHopDelayS` only). Default false. */
  keepUnlocated?: boolean;
  /** When set, every PoP becomes an `edge` node hosting vNFs with this device (a key of devices.yaml). */
  edgeDevice?: string;
  /** Radio cell range of PoPs made edge nodes, metres. Default 10 000. */
  cellRangeM?: number;
  /** When set, a central `nfvi` with this device and the `internet` hang off the best-connected PoP. */
  nfviDevice?: string;
}

export interface ZooImport {
  topology: Topology;
  /** Node ids skipped for lack of coordinates (empty with `keepUnlocated`). */
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
interface GraphmlElement {
  "@_id"?: string;
  data?: GraphmlData[];
}
interface GraphmlNode extends GraphmlElement {
  "@_id": string;
}
interface GraphmlEdge extends GraphmlElement {
  "@_source": string;
  "@_target": string;
}
interface GraphmlDoc {
  graphml?: { key?: GraphmlKey[]; graph?: { node?: GraphmlNode[]; edge?: GraphmlEdge[] } };
}

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["key", "node", "edge", "data"].includes(name), parseTagValue: false });

const DEFAULT_PER_HOP_DELAY_S = 1e-4;
const DEFAULT_BANDWIDTH_BPS = 10e9;
const DEFAULT_POP_CELL_RANGE_M = 10_000;

/** Path of a bundled network's GraphML file. */
export function zooPath(network: ZooNetwork): string {
  return fileURLToPath(new URL(`../data/topology-zoo/${network}.graphml`, import.meta.url));
}

/** GraphML `<data>` values of an element, by attribute name (via the file's `<key>` table). */
function attributes(element: GraphmlElement, keyNames: Map<string, string>): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const d of element.data ?? []) attrs[keyNames.get(d["@_key"]) ?? d["@_key"]] = String(d["#text"] ?? "");
  return attrs;
}

const numberOrNaN = (text: string | undefined): number => (text === undefined || text.trim() === "" ? Number.NaN : Number(text));

function readGraphml(path: string): { nodes: GraphmlNode[]; edges: GraphmlEdge[]; nodeKeys: Map<string, string>; edgeKeys: Map<string, string> } {
  let doc: GraphmlDoc;
  try {
    doc = parser.parse(readFileSync(path, "utf8")) as GraphmlDoc;
  } catch (err) {
    throw new UserError(`${path}: cannot read GraphML: ${(err as Error).message.split("\n")[0]}`);
  }
  const graph = doc.graphml?.graph;
  if (!graph) throw new UserError(`${path}: not a GraphML file: expected <graphml><graph>…</graph></graphml>`);
  const keys = doc.graphml?.key ?? [];
  const names = (target: string) => new Map(keys.filter((k) => k["@_for"] === target).map((k) => [k["@_id"], k["@_attr.name"]]));
  return { nodes: graph.node ?? [], edges: graph.edge ?? [], nodeKeys: names("node"), edgeKeys: names("edge") };
}

/**
 * Imports one of the bundled networks (`ZOO_NETWORKS`), or any Topology Zoo GraphML file by path.
 * @example importZoo("Abilene").topology.links.length // 14
 */
export function importZoo(networkOrPath: ZooNetwork | string, options: ZooOptions = {}): ZooImport {
  const path = (ZOO_NETWORKS as readonly string[]).includes(networkOrPath) ? zooPath(networkOrPath as ZooNetwork) : networkOrPath;
  const perHop = options.perHopDelayS ?? DEFAULT_PER_HOP_DELAY_S;
  const defaultBandwidth = options.bandwidthBps ?? DEFAULT_BANDWIDTH_BPS;
  const graph = readGraphml(path);

  const raw = graph.nodes.map((n) => {
    const attrs = attributes(n, graph.nodeKeys);
    return { id: `n${n["@_id"]}`, label: attrs["label"] || n["@_id"], lat: numberOrNaN(attrs["Latitude"]), lon: numberOrNaN(attrs["Longitude"]) };
  });
  const isLocated = (n: { lat: number; lon: number }): boolean => Number.isFinite(n.lat) && Number.isFinite(n.lon);
  const located = raw.filter(isLocated);
  if (located.length === 0) throw new UserError(`${path}: no node has Latitude/Longitude; a zoo import needs coordinates for link delays`);
  const origin = centroid(located as LatLon[]);
  const skipped = options.keepUnlocated ? [] : raw.filter((n) => !isLocated(n)).map((n) => n.id);
  const kept = options.keepUnlocated ? raw : located;
  const byId = new Map(kept.map((n) => [n.id, n]));

  const nodes: TopologyNode[] = kept.map((n) => {
    const node: TopologyNode = options.edgeDevice
      ? { id: n.id, role: "edge", device: options.edgeDevice, cellRangeM: options.cellRangeM ?? DEFAULT_POP_CELL_RANGE_M, label: n.label }
      : { id: n.id, role: "router", label: n.label };
    if (isLocated(n)) Object.assign(node, { lat: n.lat, lon: n.lon }, projectLocal(n, origin));
    return node;
  });

  const links: TopologyLink[] = [];
  const linkByPair = new Map<string, TopologyLink>();
  let parallelMerged = 0;
  let selfLoops = 0;
  for (const e of graph.edges) {
    const a = byId.get(`n${e["@_source"]}`);
    const b = byId.get(`n${e["@_target"]}`);
    if (!a || !b) continue;
    if (a === b) {
      selfLoops++;
      continue;
    }
    const speed = numberOrNaN(attributes(e, graph.edgeKeys)["LinkSpeedRaw"]);
    const bandwidthBps = speed > 0 ? speed : defaultBandwidth;
    const pair = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
    const existing = linkByPair.get(pair);
    if (existing) {
      existing.bandwidthBps += bandwidthBps;
      parallelMerged++;
      continue;
    }
    const distance = isLocated(a) && isLocated(b) ? haversineM(a, b) : 0;
    const link: TopologyLink = { id: `l${links.length}`, a: a.id, b: b.id, delayS: fibreDelayS(distance) + perHop, bandwidthBps, core: true };
    linkByPair.set(pair, link);
    links.push(link);
  }

  if (options.nfviDevice) {
    const hub = bestConnected(nodes, links);
    nodes.push({ id: "nfvi", role: "nfvi", device: options.nfviDevice }, { id: "internet", role: "internet" });
    links.push({ id: `l${links.length}`, a: hub, b: "nfvi", delayS: perHop, bandwidthBps: defaultBandwidth, core: true });
    links.push({ id: `l${links.length}`, a: hub, b: "internet", delayS: perHop, bandwidthBps: defaultBandwidth, core: true });
  }

  const name = path.replace(/^.*\//, "").replace(/\.graphml$/, "");
  const meta = {
    source: "Topology Zoo",
    licence: "CC BY 4.0",
    file: name,
    graphmlNodes: raw.length,
    graphmlEdges: graph.edges.length,
    skippedUnlocated: skipped.length,
    parallelEdgesMerged: parallelMerged,
    selfLoops,
  };
  return { topology: { name, nodes, links, meta }, skipped };
}

/** Id of the node with most links (first in order on ties). */
function bestConnected(nodes: readonly TopologyNode[], links: readonly TopologyLink[]): string {
  const degree = new Map<string, number>();
  for (const l of links) {
    degree.set(l.a, (degree.get(l.a) ?? 0) + 1);
    degree.set(l.b, (degree.get(l.b) ?? 0) + 1);
  }
  let best = nodes[0]?.id ?? "";
  for (const n of nodes) if ((degree.get(n.id) ?? 0) > (degree.get(best) ?? 0)) best = n.id;
  return best;
}
