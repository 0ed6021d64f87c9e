/**
 * Table I in `gnf emulate`: every vNF host of the topology (each node with a catalog `device`)
 * runs its containers under that device's limits, scaled to this machine as the campaign's
 * `--device` scales them (`device-scaling.ts`):
 *
 *   CPU quota (cores here) = device cores × device perCoreSpeed / lab core speed
 *   memory limit           = the device's vNF memory (memory × its category's vNF share)
 *
 * both on one `DeviceCgroup` per host, shared by all the host's vNFs (a router's cores and memory
 * are one pool), each container also given the device's quota with Docker's `--cpus` as in the
 * campaign. A quota larger than this machine (the central NFVI's i7 is ~3.7 cores of a 2-core lab)
 * does not bind: such a host runs at the lab's full speed, which the rows say (`binding`).
 *
 * The cgroup of a host is made when its first vNF starts (registered with the run's teardown) and
 * removed with it. `mode: "lab"` gives every host the lab machine as itself (no limits): the
 * campaign's roaming runs so, to match the simulator's "every device as the lab machine".
 */
import { cpus } from "node:os";
import type { DeviceCapacity } from "../../topologies/devices/capacity.ts";
import type { Topology } from "../../topologies/types.ts";
import type { Teardown } from "../lab/teardown.ts";
import { DeviceCgroup } from "./device-cgroup.ts";
import { perContainerQuota, quotaBinds, scalingOfCapacity, type DeviceScaling } from "./device-scaling.ts";

/** "table-i": each host as its catalog device; "lab": every host as this machine (no limits). */
export type DeviceLimitMode = "table-i" | "lab";

/** What `ContainerVnf.start` needs to run a vNF on a host (empty: no limits). */
export interface HostContainerLimits {
  cgroupParent?: string;
  cpuQuotaCores?: number;
}

/** One row of the `device_limits` table. */
export interface HostLimitRow extends DeviceScaling {
  host: string;
  /** Whether the CPU quota is below this machine's cores (else the host runs at full speed). */
  cpuBinding: boolean;
  /** Times the memory limit was hit and processes the OOM killer ended, read at the end (0 when no vNF ran). */
  memoryFailcnt: number;
  oomKills: number;
}

export interface HostLimitsOptions {
  /** The emulated topology (its nodes' `device` keys). */
  topology: Topology;
  /** Every device model's capacity (the catalog, loaded once per run). */
  devices: ReadonlyMap<string, DeviceCapacity>;
  /** One core of this machine, reference cores (`measureCoreSpeed`). */
  labCoreSpeed: number;
  mode: DeviceLimitMode;
  /** Where the cgroups' removal is registered. */
  teardown: Teardown;
  /** Cores of this machine (default: `os.cpus()`). */
  labCores?: number;
  /** cgroup v1 root (default /sys/fs/cgroup; tests give a stand-in). */
  cgroupRoot?: string;
}

export class HostLimits {
  readonly mode: DeviceLimitMode;
  private readonly scaling = new Map<string, DeviceScaling>();
  private readonly cgroups = new Map<string, Promise<DeviceCgroup>>();
  private readonly labCores: number;

  constructor(private readonly options: HostLimitsOptions) {
    this.mode = options.mode;
    this.labCores = options.labCores ?? cpus().length;
    if (options.mode === "lab") return;
    for (const n of options.topology.nodes) {
      const c = n.device === undefined ? undefined : options.devices.get(n.device);
      if (n.device !== undefined && c !== undefined) this.scaling.set(n.id, scalingOfCapacity(n.device, c, options.labCoreSpeed));
    }
  }

  /** The limits of `host`'s containers; makes its cgroup on first use. */
  async limitsOf(host: string): Promise<HostContainerLimits> {
    const s = this.scaling.get(host);
    if (s === undefined) return {};
    let cg = this.cgroups.get(host);
    if (cg === undefined) {
      cg = DeviceCgroup.create({ cpuQuotaCores: s.cpuQuotaCores, memoryLimitBytes: s.memoryLimitBytes }, this.options.teardown, this.options.cgroupRoot);
      this.cgroups.set(host, cg);
    }
    return { cgroupParent: (await cg).parent, ...perContainerQuota(s, this.labCores) };
  }

  /** One row per limited host (host order of the topology), with the memory pressure seen so far. */
  async rows(): Promise<HostLimitRow[]> {
    const out: HostLimitRow[] = [];
    for (const [host, s] of this.scaling) {
      const cg = this.cgroups.get(host);
      const pressure = cg ? await (await cg).memoryPressure() : { failcnt: 0, oomKills: 0 };
      out.push({ host, ...s, cpuBinding: quotaBinds(s, this.labCores), memoryFailcnt: pressure.failcnt, oomKills: pressure.oomKills });
    }
    return out;
  }
}
