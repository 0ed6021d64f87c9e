/**
 * A small edge device in the lab: one cgroup v1 parent holding the device's CPU quota (CFS,
 * `cpu.cfs_quota_us` over a 100 ms period) and the memory left to its vNFs
 * (`memory.limit_in_bytes`, which in cgroup v1 also charges kernel memory). Containers started
 * with `cgroupParent: cgroup.parent` (Docker's `--cgroup-parent`) get their cgroups under it, so
 * all of them together are capped as the device caps them: they share its cores and its memory,
 * and when the memory is used up starts fail or the kernel's OOM killer ends processes *inside
 * this parent only*.
 *
 * Why a parent rather than Docker's per-container `--memory`: a router's memory is one pool, not
 * N equal slices, and Docker refuses per-container limits under 6 MB (the Archer C9's 64 MiB of vNF
 * memory over 100 vNFs would be 0.67 MB each).
 *
 * runc creates the parent in every other controller when the first container starts; `remove()`
 * (registered with the teardown) removes it from each hierarchy once the containers are gone.
 * The name carries the run prefix (`labName`), so `leftovers()` finds one that was left.
 */
import { mkdir, readdir, readFile, rmdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { labName, RUN_PREFIX } from "../lab/names.ts";
import type { Teardown } from "../lab/teardown.ts";
import { RUN_LABEL } from "./container-vnf.ts";
import { dockerClient } from "./docker-client.ts";

export const CGROUP_ROOT = "/sys/fs/cgroup";
/** CFS period of the quota, µs (Docker's default for `--cpus`). */
export const CFS_PERIOD_US = 100_000;

export interface DeviceLimits {
  /** CPU quota, cores of this machine (null: no limit). */
  cpuQuotaCores: number | null;
  /** Memory limit of all vNFs together, bytes (null: no limit). */
  memoryLimitBytes: number | null;
}

/** The CFS quota for `cores` cores, µs per CFS_PERIOD_US (at least 1000 µs, the kernel's minimum). */
export function cfsQuotaUs(cores: number): number {
  if (!(cores > 0)) throw new RangeError(`a CPU quota must be positive, got ${cores} cores`);
  return Math.max(1000, Math.round(cores * CFS_PERIOD_US));
}

export class DeviceCgroup {
  private removed = false;

  private constructor(
    /** Directory name under each controller's hierarchy. */
    readonly name: string,
    readonly limits: DeviceLimits,
    private readonly root: string,
  ) {}

  /** Docker's `--cgroup-parent` value. */
  get parent(): string {
    return `/${this.name}`;
  }

  /** Creates the parent with `limits` (registered with `teardown`). */
  static async create(limits: DeviceLimits, teardown: Teardown, root = CGROUP_ROOT): Promise<DeviceCgroup> {
    const cg = new DeviceCgroup(labName("dev"), limits, root);
    teardown.add(`device cgroup ${cg.name}`, () => cg.remove());
    await mkdir(join(root, "memory", cg.name));
    await mkdir(join(root, "cpu", cg.name));
    if (limits.memoryLimitBytes !== null) await writeFile(join(root, "memory", cg.name, "memory.limit_in_bytes"), String(Math.floor(limits.memoryLimitBytes)));
    if (limits.cpuQuotaCores !== null) {
      await writeFile(join(root, "cpu", cg.name, "cpu.cfs_period_us"), String(CFS_PERIOD_US));
      await writeFile(join(root, "cpu", cg.name, "cpu.cfs_quota_us"), String(cfsQuotaUs(limits.cpuQuotaCores)));
    }
    return cg;
  }

  private async read(controller: string, file: string): Promise<string> {
    return readFile(join(this.root, controller, this.name, file), "utf8");
  }

  /** memory.usage_in_bytes of the whole device (all its vNFs, with what removed ones left charged), bytes. */
  async memoryUsageBytes(): Promise<number> {
    return Number((await this.read("memory", "memory.usage_in_bytes")).trim());
  }

  /** Times the memory limit was hit, and processes the OOM killer ended inside the device. */
  async memoryPressure(): Promise<{ failcnt: number; oomKills: number }> {
    const failcnt = Number((await this.read("memory", "memory.failcnt")).trim());
    const oom = /^oom_kill (\d+)$/m.exec(await this.read("memory", "memory.oom_control"));
    return { failcnt, oomKills: oom ? Number(oom[1]) : 0 };
  }

  /**
   * Force-removes this run's containers (label `gnf.lab.run` = this run's prefix) still under this
   * parent — a safety net: under memory pressure a container's removal can fail once, and its
   * undo step is then gone. Resolves with their names.
   */
  async removeContainers(): Promise<string[]> {
    const docker = dockerClient();
    const listed = await docker.listContainers({ all: true, filters: { label: [`${RUN_LABEL}=${RUN_PREFIX}`] } });
    const removed: string[] = [];
    for (const c of listed) {
      const info = await docker.getContainer(c.Id).inspect().catch(() => null);
      if (info?.HostConfig.CgroupParent !== this.parent) continue;
      await docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch((err: { statusCode?: number }) => {
          if (err.statusCode !== 404) throw err;
        });
      removed.push(info.Name.replace(/^\//, ""));
    }
    return removed;
  }

  /**
   * Removes this run's containers left under it (`removeContainers`), then the parent from every
   * hierarchy where it exists (runc made it in all), retrying while the kernel still frees its children.
   */
  async remove(): Promise<void> {
    if (this.removed) return;
    await this.removeContainers().catch(() => []); // Docker gone: the rmdir below says what is left
    const controllers = await readdir(this.root);
    for (const controller of controllers) {
      const dir = join(this.root, controller, this.name);
      // runc leaves a container's empty cgroup behind when its create failed half-way (seen when
      // the OOM killer ended it); such a child keeps the parent busy. Only empty ones can go.
      const children = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const child of children) if (child.isDirectory()) await rmdir(join(dir, child.name)).catch(() => undefined);
      for (let attempt = 0; ; attempt++) {
        try {
          await rmdir(dir);
          break;
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === "ENOENT" || code === "ENOTDIR") break;
          if (code !== "EBUSY" || attempt >= 200) throw new Error(`cannot remove cgroup ${dir}: ${(err as Error).message}`, { cause: err });
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    }
    this.removed = true;
  }
}
