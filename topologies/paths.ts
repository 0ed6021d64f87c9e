/**
 * Shortest-latency paths over a topology (Dijkstra with a binary heap on link delays), cached per
 * source: the first query from a node computes its whole shortest-path tree (O(E log V)), later
 * queries from that source are lookups. Links are bidirectional and symmetric, so
 * pathDelay(a, b) = pathDelay(b, a). Delays in seconds. Unreachable pairs have delay Infinity and
 * no path. Equal-delay alternatives resolve to the lower predecessor index (node order), so paths
 * are deterministic.
 *
 * @example
 *   const paths = new PathFinder(topology);
 *   paths.pathDelay("site-1", "nfvi"); // seconds
 *   paths.path("site-1", "nfvi");      // ["site-1", "agg-0_1", "metro", "core", "nfvi"]
 *   paths.pathLinks("site-1", "nfvi"); // ["l17", "l3", "l0", "l1"]
 */
import type { Topology } from "./types.ts";

interface Tree {
  dist: Float64Array;
  /** Predecessor node index on the shortest path (-1 at the source and when unreachable). */
  prev: Int32Array;
  /** Index into `topology.links` of the link from `prev` (-1 likewise). */
  prevLink: Int32Array;
}

export class PathFinder {
  private readonly index = new Map<string, number>();
  private readonly ids: string[];
  /** Adjacency in CSR form: neighbours of i are adjTo[adjStart[i] .. adjStart[i+1]). */
  private readonly adjStart: Int32Array;
  private readonly adjTo: Int32Array;
  private readonly adjDelay: Float64Array;
  private readonly adjLink: Int32Array;
  private readonly trees = new Map<number, Tree>();

  constructor(readonly topology: Topology) {
    this.ids = topology.nodes.map((n) => n.id);
    this.ids.forEach((id, i) => {
      if (this.index.has(id)) throw new Error(`topology ${topology.name}: duplicate node id "${id}"`);
      this.index.set(id, i);
    });
    const degree = new Int32Array(this.ids.length + 1);
    for (const l of topology.links) {
      degree[this.indexOf(l.a) + 1]! += 1;
      degree[this.indexOf(l.b) + 1]! += 1;
    }
    for (let i = 1; i < degree.length; i++) degree[i]! += degree[i - 1] as number;
    this.adjStart = degree.slice();
    this.adjTo = new Int32Array(2 * topology.links.length);
    this.adjDelay = new Float64Array(2 * topology.links.length);
    this.adjLink = new Int32Array(2 * topology.links.length);
    const fill = degree.slice();
    topology.links.forEach((l, li) => {
      if (!(l.delayS >= 0)) throw new Error(`topology ${topology.name}: link ${l.id} has a negative or missing delay`);
      const a = this.indexOf(l.a);
      const b = this.indexOf(l.b);
      this.adjTo[fill[a]!] = b;
      this.adjLink[fill[a]!] = li;
      this.adjDelay[fill[a]!++] = l.delayS;
      this.adjTo[fill[b]!] = a;
      this.adjLink[fill[b]!] = li;
      this.adjDelay[fill[b]!++] = l.delayS;
    });
  }

  /** True when the topology has a node with this id. */
  has(id: string): boolean {
    return this.index.has(id);
  }

  private indexOf(id: string): number {
    const i = this.index.get(id);
    if (i === undefined) throw new Error(`topology ${this.topology.name}: no node "${id}"`);
    return i;
  }

  private tree(source: number): Tree {
    let t = this.trees.get(source);
    if (t) return t;
    const n = this.ids.length;
    const dist = new Float64Array(n).fill(Infinity);
    const prev = new Int32Array(n).fill(-1);
    const prevLink = new Int32Array(n).fill(-1);
    const heapNode: number[] = [source];
    const heapDist: number[] = [0];
    dist[source] = 0;
    while (heapNode.length > 0) {
      const u = heapNode[0] as number;
      const du = heapDist[0] as number;
      popMin(heapNode, heapDist);
      if (du > (dist[u] as number)) continue;
      for (let k = this.adjStart[u] as number; k < (this.adjStart[u + 1] as number); k++) {
        const v = this.adjTo[k] as number;
        const dv = du + (this.adjDelay[k] as number);
        // Ties broken towards the lower predecessor index, so paths are deterministic.
        if (dv < (dist[v] as number) || (dv === dist[v] && u < (prev[v] as number))) {
          dist[v] = dv;
          prev[v] = u;
          prevLink[v] = this.adjLink[k] as number;
          pushHeap(heapNode, heapDist, v, dv);
        }
      }
    }
    t = { dist, prev, prevLink };
    this.trees.set(source, t);
    return t;
  }

  /** One-way delay of the shortest path, seconds (Infinity if unreachable; 0 from a node to itself). */
  pathDelay(from: string, to: string): number {
    return this.tree(this.indexOf(from)).dist[this.indexOf(to)] as number;
  }

  /** The same as `pathDelay` (the name the traffic models use). */
  delay(from: string, to: string): number {
    return this.pathDelay(from, to);
  }

  /** Node ids along the shortest path, both ends included ([] if unreachable). */
  path(from: string, to: string): string[] {
    const s = this.indexOf(from);
    const { dist, prev } = this.tree(s);
    let v = this.indexOf(to);
    if (!Number.isFinite(dist[v] as number)) return [];
    const out: string[] = [];
    while (v !== -1) {
      out.push(this.ids[v] as string);
      if (v === s) break;
      v = prev[v] as number;
    }
    return out.reverse();
  }

  /** Link ids along the shortest path, in order from `from` ([] if unreachable or from = to). */
  pathLinks(from: string, to: string): string[] {
    const s = this.indexOf(from);
    const { dist, prev, prevLink } = this.tree(s);
    let v = this.indexOf(to);
    if (!Number.isFinite(dist[v] as number)) return [];
    const out: string[] = [];
    while (v !== s && v !== -1) {
      out.push((this.topology.links[prevLink[v] as number] as { id: string }).id);
      v = prev[v] as number;
    }
    return out.reverse();
  }

  /** Delay from every `sources` node to every `targets` node: rows follow sources, columns targets. */
  matrix(sources: readonly string[], targets: readonly string[]): number[][] {
    return sources.map((s) => targets.map((t) => this.delay(s, t)));
  }
}

function pushHeap(nodes: number[], dists: number[], node: number, d: number): void {
  let i = nodes.length;
  nodes.push(node);
  dists.push(d);
  while (i > 0) {
    const p = (i - 1) >> 1;
    if ((dists[p] as number) <= d) break;
    nodes[i] = nodes[p] as number;
    dists[i] = dists[p] as number;
    i = p;
  }
  nodes[i] = node;
  dists[i] = d;
}

function popMin(nodes: number[], dists: number[]): void {
  const lastNode = nodes.pop() as number;
  const lastDist = dists.pop() as number;
  const n = nodes.length;
  if (n === 0) return;
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && (dists[c + 1] as number) < (dists[c] as number)) c++;
    if ((dists[c] as number) >= lastDist) break;
    nodes[i] = nodes[c] as number;
    dists[i] = dists[c] as number;
    i = c;
  }
  nodes[i] = lastNode;
  dists[i] = lastDist;
}
