/**
 * Core-network utilisation — the metric of the paper's DDoS use case: bytes and bit/s crossing the
 * links marked `core: true`. A flow's rate is charged to every core link on its route (each
 * crossing counted, so a detour through the core to the central NFVI and back counts twice).
 * Traffic a dropper vNF discards is charged only up to the dropper (`chainRoute`): dropped at the
 * customer edge, it never reaches the core.
 *
 * Rates are piecewise constant between `addRate` calls; bytes are their integral. Units: bit/s,
 * bytes, seconds. Invariant: rates ≥ 0 (rounding residue below 1e-6 bit/s is cleared).
 *
 * @example
 *   const core = new CoreUtilisation(topology, paths);
 *   core.addRoute(0, chainRoute("home-1", ["home-1"], "internet", 0), 80e6); // dropped at home: 0
 *   core.totalBytes(10);
 */
import { TraceSource } from "../../../base/trace.ts";
import type { PathFinder } from "../../../topologies/paths.ts";
import type { Topology } from "../../../topologies/types.ts";

export interface CoreLoadRecord {
  /** Seconds. */
  time: number;
  /** Σ bit/s over core links (each link counted). */
  totalBps: number;
  /** Highest link utilisation (bit/s / capacity) among core links; > 1 means over capacity. */
  maxLinkUtilisation: number;
}

/**
 * The node route of a flow through a chain: access → host₁ → … → hostₙ → destination, cut at the
 * host of the vNF at index `dropAt` when that vNF drops the flow (a DDoS dropper).
 */
export function chainRoute(access: string, hosts: readonly string[], destination: string, dropAt?: number): string[] {
  if (dropAt !== undefined && !(Number.isInteger(dropAt) && dropAt >= 0 && dropAt < hosts.length)) {
    throw new RangeError(`dropAt must index one of the ${hosts.length} chain hosts, got ${dropAt}`);
  }
  const kept = dropAt === undefined ? hosts : hosts.slice(0, dropAt + 1);
  return dropAt === undefined ? [access, ...kept, destination] : [access, ...kept];
}

export class CoreUtilisation {
  /** Emitted whenever the core rates change. */
  readonly coreLoad = new TraceSource<CoreLoadRecord>("coreLoad");
  private readonly coreLinks = new Map<string, { id: string; capacityBps: number }>();
  private readonly rateBps = new Map<string, number>();
  private readonly bytes = new Map<string, number>();
  private readonly startTime: number;
  private lastTime: number;

  constructor(
    topology: Topology,
    private readonly paths: PathFinder,
    /** Time the accounting starts, seconds. */
    startTime = 0,
  ) {
    this.startTime = startTime;
    this.lastTime = startTime;
    for (const l of topology.links) {
      if (!l.core) continue;
      this.coreLinks.set(key(l.a, l.b), { id: l.id, capacityBps: l.bandwidthBps });
      this.rateBps.set(l.id, 0);
      this.bytes.set(l.id, 0);
    }
  }

  /** Core link ids on the shortest path from `from` to `to`, in path order. */
  coreLinksOn(from: string, to: string): string[] {
    const p = this.paths.path(from, to);
    const out: string[] = [];
    for (let i = 0; i + 1 < p.length; i++) {
      const l = this.coreLinks.get(key(p[i] as string, p[i + 1] as string));
      if (l) out.push(l.id);
    }
    return out;
  }

  /** Adds `deltaBps` (negative to remove) to every core link between `from` and `to` from `now` (s) on. */
  addRate(now: number, from: string, to: string, deltaBps: number): void {
    this.addRoute(now, [from, to], deltaBps);
  }

  /** Adds `deltaBps` to every core link along the node route (see `chainRoute`) from `now` (s) on. */
  addRoute(now: number, route: readonly string[], deltaBps: number): void {
    if (!Number.isFinite(deltaBps)) throw new RangeError(`rate change must be finite bit/s, got ${deltaBps}`);
    this.advance(now);
    const next = new Map<string, number>();
    for (let i = 0; i + 1 < route.length; i++) {
      for (const id of this.coreLinksOn(route[i] as string, route[i + 1] as string)) next.set(id, (next.get(id) ?? (this.rateBps.get(id) as number)) + deltaBps);
    }
    for (const [id, bps] of next) if (bps < -1e-6) throw new RangeError(`core link ${id}: rate would become negative (${bps} bit/s)`);
    for (const [id, bps] of next) this.rateBps.set(id, Math.abs(bps) < 1e-6 ? 0 : bps);
    if (this.coreLoad.active) this.coreLoad.emit({ time: now, totalBps: this.totalBps(), maxLinkUtilisation: this.maxLinkUtilisation() });
  }

  /** Integrates bytes up to `now` (s); earlier times are ignored. */
  advance(now: number): void {
    const dt = now - this.lastTime;
    if (dt > 0) for (const [id, r] of this.rateBps) this.bytes.set(id, (this.bytes.get(id) as number) + (r * dt) / 8);
    this.lastTime = Math.max(this.lastTime, now);
  }

  /** Total bytes carried by core links up to `now` (each link counted). */
  totalBytes(now: number): number {
    this.advance(now);
    let sum = 0;
    for (const b of this.bytes.values()) sum += b;
    return sum;
  }

  /** Bytes carried by each core link up to `now`, by link id. */
  linkBytes(now: number): ReadonlyMap<string, number> {
    this.advance(now);
    return this.bytes;
  }

  /** Mean bit/s summed over core links from the start to `now` (0 before any time passed). */
  meanBps(now: number): number {
    const elapsed = now - this.startTime;
    return elapsed > 0 ? (this.totalBytes(now) * 8) / elapsed : 0;
  }

  /** Current Σ bit/s over core links. */
  totalBps(): number {
    let sum = 0;
    for (const r of this.rateBps.values()) sum += r;
    return sum;
  }

  /** Current bit/s on each core link, by link id. */
  rates(): ReadonlyMap<string, number> {
    return this.rateBps;
  }

  /** Current bit/s / capacity of each core link, by link id (> 1: over capacity). */
  linkUtilisation(): Map<string, number> {
    const out = new Map<string, number>();
    for (const l of this.coreLinks.values()) out.set(l.id, l.capacityBps > 0 ? (this.rateBps.get(l.id) as number) / l.capacityBps : 0);
    return out;
  }

  private maxLinkUtilisation(): number {
    let max = 0;
    for (const u of this.linkUtilisation().values()) if (u > max) max = u;
    return max;
  }
}

function key(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
