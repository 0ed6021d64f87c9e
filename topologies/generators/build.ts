/**
 * Shared builder of the generators: collects nodes and links, numbering links `l0, l1, …` in
 * creation order, and adds the per-hop switching delay (seconds) to every link.
 */
import { fibreDelayS } from "../geo.ts";
import type { TopologyLink, TopologyNode } from "../types.ts";

export class TopologyBuilder {
  readonly nodes: TopologyNode[] = [];
  readonly links: TopologyLink[] = [];
  /** @param perHopDelayS switching delay added to every link, seconds (≥ 0). */
  constructor(private readonly perHopDelayS: number) {}

  node(n: TopologyNode): string {
    this.nodes.push(n);
    return n.id;
  }

  /** A link whose delay is the straight-line fibre distance between the nodes' positions (m, at 2/3 c) + per-hop. */
  spatial(a: TopologyNode, b: TopologyNode, bandwidthBps: number, core = false): void {
    const d = Math.hypot((a.x ?? 0) - (b.x ?? 0), (a.y ?? 0) - (b.y ?? 0));
    this.fixed(a.id, b.id, fibreDelayS(d), bandwidthBps, core);
  }

  /** A link of the given delay (seconds) + per-hop; `core` marks it as counted in core utilisation. */
  fixed(a: string, b: string, delayS: number, bandwidthBps: number, core = false): void {
    this.links.push({ id: `l${this.links.length}`, a, b, delayS: delayS + this.perHopDelayS, bandwidthBps, ...(core ? { core: true } : {}) });
  }
}

/** Delays (s), device and capacity (bit/s) of the backbone above the access network. */
export interface BackboneParams {
  metroToCoreS: number;
  coreToNfviS: number;
  coreToInternetS: number;
  nfviDevice: string;
  coreBandwidthBps: number;
}

/** Backbone shared by the generators: `metro` → `core` → `nfvi` and `internet` (core links). */
export function addBackbone(b: TopologyBuilder, metro: TopologyNode, p: BackboneParams): void {
  b.node(metro);
  b.node({ id: "core", role: "core" });
  b.node({ id: "nfvi", role: "nfvi", device: p.nfviDevice });
  b.node({ id: "internet", role: "internet" });
  b.fixed(metro.id, "core", p.metroToCoreS, p.coreBandwidthBps, true);
  b.fixed("core", "nfvi", p.coreToNfviS, p.coreBandwidthBps, true);
  b.fixed("core", "internet", p.coreToInternetS, p.coreBandwidthBps, true);
}
