/**
 * The Manager's capacity ledger: what it has reserved on each host for its vNF instances, plus the
 * background load a host's last report shows beyond those reservations.
 *
 * Invariant (checked on every `reserve`): for every host, Σ reserved CPU ≤ CPU capacity and
 * Σ reserved memory ≤ memory capacity. Admission (`fits`) is stricter: reservations + background
 * + demand must fit.
 */
import type { HostSpec } from "./types.ts";

/** Tolerance for floating-point sums of CPU demands, reference cores. */
const EPSILON = 1e-9;

export interface Reservation {
  host: string;
  /** Reference cores. */
  cpu: number;
  /** Bytes. */
  memoryBytes: number;
}

export class CapacityLedger {
  private readonly hosts = new Map<string, HostSpec>();
  private readonly byVnf = new Map<string, Reservation>();
  private readonly background = new Map<string, { cpu: number; memoryBytes: number }>();

  constructor(hosts: readonly HostSpec[]) {
    for (const h of hosts) {
      if (this.hosts.has(h.id)) throw new Error(`duplicate host ${h.id}`);
      this.hosts.set(h.id, h);
    }
  }

  host(id: string): HostSpec | undefined {
    return this.hosts.get(id);
  }

  hostList(): HostSpec[] {
    return [...this.hosts.values()];
  }

  /** Reserved on a host, optionally leaving out some vNFs' reservations. */
  reserved(host: string, except?: ReadonlySet<string>): { cpu: number; memoryBytes: number } {
    let cpu = 0;
    let memoryBytes = 0;
    for (const [vnf, r] of this.byVnf) {
      if (r.host !== host || except?.has(vnf)) continue;
      cpu += r.cpu;
      memoryBytes += r.memoryBytes;
    }
    return { cpu, memoryBytes };
  }

  /** Load a host carries beyond the Manager's reservations (from its last report). */
  backgroundOf(host: string): { cpu: number; memoryBytes: number } {
    return this.background.get(host) ?? { cpu: 0, memoryBytes: 0 };
  }

  /**
   * Records a host's reported load: CPU utilisation (0..1) and memory used (bytes); the part not
   * explained by reservations becomes its background load.
   */
  observeLoad(host: string, cpuUtilisation: number, memoryUsedBytes: number): void {
    const spec = this.hosts.get(host);
    if (!spec) return;
    const mine = this.reserved(host);
    this.background.set(host, { cpu: Math.max(0, cpuUtilisation * spec.cpuCapacity - mine.cpu), memoryBytes: Math.max(0, memoryUsedBytes - mine.memoryBytes) });
  }

  /** True when `host` has room for the demand beside its reservations and background load. */
  fits(host: string, cpu: number, memoryBytes: number): boolean {
    const spec = this.hosts.get(host);
    if (!spec) return false;
    const mine = this.reserved(host);
    const bg = this.backgroundOf(host);
    return mine.cpu + bg.cpu + cpu <= spec.cpuCapacity + EPSILON && mine.memoryBytes + bg.memoryBytes + memoryBytes <= spec.memoryBytes;
  }

  /** Reserves for `vnf`; throws if that would exceed the host's capacity (a Manager bug). */
  reserve(vnf: string, host: string, cpu: number, memoryBytes: number): void {
    const spec = this.hosts.get(host);
    if (!spec) throw new Error(`reserve ${vnf}: unknown host ${host}`);
    if (this.byVnf.has(vnf)) throw new Error(`reserve ${vnf}: already reserved`);
    const mine = this.reserved(host);
    if (mine.cpu + cpu > spec.cpuCapacity + EPSILON || mine.memoryBytes + memoryBytes > spec.memoryBytes) throw new Error(`reserve ${vnf}: ${host} would be over-reserved`);
    this.byVnf.set(vnf, { host, cpu, memoryBytes });
  }

  /** Frees `vnf`'s reservation (no-op when it has none). */
  release(vnf: string): void {
    this.byVnf.delete(vnf);
  }

  reservationOf(vnf: string): Reservation | undefined {
    return this.byVnf.get(vnf);
  }
}
