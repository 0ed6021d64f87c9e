/**
 * Core-network utilisation — the metric of the paper's DDoS use case: bytes and bit/s crossing
 * links marked `core`. Each flow's rate is charged to every core link on its path; traffic a
 * dropper vNF discards at the edge is charged only up to the dropper (and not at all beyond it).
 */
import type { PathFinder } from "../../../topologies/paths.ts";
import type { Topology } from "../../../topologies/types.ts";

export class CoreUtilisation {
  private readonly coreLinks = new Map<string, { id: string; capacityBps: number }>();
  private readonly rateBps = new Map<string, number>();
  private readonly bytes = new Map<string, number>();
  private lastTime = 0;

  constructor(
    topology: Topology,
    private readonly paths: PathFinder,
  ) {
    for (const l of topology.links) {
      if (!l.core) continue;
      this.coreLinks.set(key(l.a, l.b), { id: l.id, capacityBps: l.bandwidthBps });
      this.rateBps.set(l.id, 0);
      this.bytes.set(l.id, 0);
    }
  }

  /** Core links on the path from `from` to `to`. */
  coreLinksOn(from: string, to: string): string[] {
    const p = this.paths.path(from, to);
    const out: string[] = [];
    for (let i = 0; i + 1 < p.length; i++) {
      const l = this.coreLinks.get(key(p[i] as string, p[i + 1] as string));
      if (l) out.push(l.id);
    }
    return out;
  }

  /** Adds `deltaBps` to every core link between `from` and `to` from time `now` (s) on. */
  addRate(now: number, from: string, to: string, deltaBps: number): void {
    this.advance(now);
    for (const id of this.coreLinksOn(from, to)) this.rateBps.set(id, (this.rateBps.get(id) as number) + deltaBps);
  }

  /** Integrates bytes up to `now`. */
  advance(now: number): void {
    const dt = now - this.lastTime;
    if (dt > 0) for (const [id, r] of this.rateBps) this.bytes.set(id, (this.bytes.get(id) as number) + (r * dt) / 8);
    this.lastTime = Math.max(this.lastTime, now);
  }

  /** Total bytes carried by core links so far (each link counted). */
  totalBytes(now: number): number {
    this.advance(now);
    let sum = 0;
    for (const b of this.bytes.values()) sum += b;
    return sum;
  }

  /** Current bit/s on each core link, by link id. */
  rates(): ReadonlyMap<string, number> {
    return this.rateBps;
  }
}

function key(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
