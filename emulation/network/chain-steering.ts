/**
 * The Manager's steering commands on the emulated network: each chain version becomes per-switch
 * segments (`chainSegments`), each one a `SteeringChain` installed with the `SteeringDriver`
 * (barriers). Distinct chain ids per segment key `<chain>|<switch>|<visit>`, stable across
 * versions, so a newer version's segment with the same key replaces the older one in place.
 *
 * A segment whose path position (visit index) changed between versions keeps the key of the
 * older segment it would compete with: when a new segment on a switch shares a stage's in_port
 * with exactly one older segment of the chain there (same selector, same priority: the switch
 * could not tell them apart), it takes that segment's key and replaces it in place; a natural
 * key so taken, or already used by the new version, becomes `<key>#<version>`. (A detour that
 * passes a switch twice — e.g. new access router → core → old router's vNFs → core → destination
 * — makes the core's last visit 1 in the new version and 0 in the old one.)
 *
 * Order of an install (atomic at the access switch): the new segments from the destination back
 * to the access switch, each after the previous one's barrier — the access segment, which is the
 * only one the UE's packets can enter by, goes last (commit point); then the older version's
 * segments whose keys are gone are removed. It resolves only when every barrier is back. A version
 * older than the one in force changes nothing. Commands of one chain run one after another.
 */
import type { OxmBasic } from "../../openflow/codec/index.ts";
import type { SteeringDriver } from "../../openflow/steering/driver.ts";
import type { PathFinder } from "../../topologies/paths.ts";
import type { LinkPorts } from "./l2.ts";
import { STEERING_MIN_PRIORITY } from "./l2.ts";
import { chainSegments, type Segment, type SwitchHop } from "./segments.ts";

export interface ChainRoute {
  chain: string;
  version: number;
  accessNode: string;
  /** The UE's port on the access switch. */
  uePort: number;
  hops: SwitchHop[];
  destination: { switchNode: string; port: number };
  selector: OxmBasic[];
  priority: number;
}

export interface SteeringOutcome {
  /** False when a newer version was already in force. */
  applied: boolean;
  /** Command → last barrier, ms. */
  elapsedMs: number;
  segments: number;
}

interface InForce {
  version: number;
  segments: Segment[];
}

export class ChainSteering {
  private readonly ids = new Map<string, number>();
  private readonly inForce = new Map<string, InForce>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly paths: PathFinder,
    private readonly links: LinkPorts,
    private readonly dpid: (node: string) => bigint,
    private readonly driver: SteeringDriver,
  ) {}

  /** The version in force per chain and its segments (for tests and records). */
  get installed(): ReadonlyMap<string, Readonly<InForce>> {
    return this.inForce;
  }

  install(route: ChainRoute): Promise<SteeringOutcome> {
    return this.serial(route.chain, () => this.doInstall(route));
  }

  /** Removes every segment of `chain`; resolves with the time to the last barrier, ms. */
  remove(chain: string): Promise<number> {
    return this.serial(chain, async () => {
      const t0 = performance.now();
      const current = this.inForce.get(chain);
      this.inForce.delete(chain);
      await Promise.all((current?.segments ?? []).map((s) => this.driver.remove(this.dpid(s.switchNode), this.idOf(s.key))));
      return performance.now() - t0;
    });
  }

  private async doInstall(route: ChainRoute): Promise<SteeringOutcome> {
    const t0 = performance.now();
    const current = this.inForce.get(route.chain);
    if (current && current.version >= route.version) return { applied: false, elapsedMs: performance.now() - t0, segments: current.segments.length };
    const segments = stableKeys(chainSegments(this.paths, this.links, route), current?.segments ?? [], route.version);
    const priority = Math.min(0xffff, Math.max(STEERING_MIN_PRIORITY, route.priority));
    for (const s of [...segments].reverse()) {
      await this.driver.install(this.dpid(s.switchNode), { id: this.idOf(s.key), priority, selector: route.selector, ingressPort: s.ingressPort, hops: s.hops, egressPort: s.egressPort });
    }
    const keep = new Set(segments.map((s) => s.key));
    await Promise.all((current?.segments ?? []).filter((s) => !keep.has(s.key)).map((s) => this.driver.remove(this.dpid(s.switchNode), this.idOf(s.key))));
    this.inForce.set(route.chain, { version: route.version, segments });
    return { applied: true, elapsedMs: performance.now() - t0, segments: segments.length };
  }

  private idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(key, id);
    }
    return id;
  }

  private serial<T>(chain: string, job: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(chain) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(job);
    this.queues.set(chain, next);
    return next;
  }
}

/** The in_ports of a segment's stages: where its packets enter the switch and come back from its vNFs. */
function stagePorts(s: Segment): number[] {
  return [s.ingressPort, ...s.hops.map((h) => h.outPort)];
}

/** The new version's segments with the keys of the older segments they replace (see the module comment). */
export function stableKeys(segments: readonly Segment[], older: readonly Segment[], version: number): Segment[] {
  const claimed = new Set<string>();
  const keyed = segments.map((s) => {
    const ports = new Set(stagePorts(s));
    const rivals = older.filter((o) => o.switchNode === s.switchNode && stagePorts(o).some((p) => ports.has(p)));
    const rival = rivals.length === 1 ? (rivals[0] as Segment) : undefined;
    if (rival && !claimed.has(rival.key)) {
      claimed.add(rival.key);
      return { ...s, key: rival.key, claimed: true };
    }
    return { ...s, claimed: false };
  });
  const used = new Set(keyed.filter((s) => s.claimed).map((s) => s.key));
  return keyed.map(({ claimed, ...s }) => {
    if (claimed || !used.has(s.key)) {
      used.add(s.key);
      return s;
    }
    const key = `${s.key}#${version}`;
    used.add(key);
    return { ...s, key };
  });
}
