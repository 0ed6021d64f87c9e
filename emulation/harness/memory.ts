/**
 * Fig. 2 (memory): idle memory of N container vNFs (N = the checkpoints, e.g. 1 … 100), from each
 * container's cgroup v1 and at host level.
 *
 * Which counter: `memory.usage_in_bytes` is the headline — everything the kernel charges to the
 * container: anonymous memory (rss), page cache it brought in (cache), and kernel memory (its
 * namespaces, the veth ends inside, page tables, slab; cgroup v1 charges kmem to the memory
 * counter too). memory.stat's `total_rss` and `total_cache` are recorded as the breakdown; rss +
 * cache alone would leave out the kernel part, which is most of an idle busybox vNF. The counter is
 * charged in per-CPU batches (≤ 64 pages per CPU, so ≤ 512 KiB on 2 CPUs for the whole set at any
 * time), negligible for the totals. Page cache of shared image files is charged to the first
 * container that read them, so the mean per container is taken over all N and the slope of the
 * total over N is given too.
 *
 * Host level: /proc/meminfo MemAvailable before the first container minus now, per container —
 * that includes containerd-shim, docker-init and dockerd's bookkeeping, and whatever else runs on
 * the machine meanwhile (other users make it noisy; the slope over N is the better estimate).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { VnfSpec } from "../images/params.ts";
import { cgroupPaths } from "../vnf/cgroup.ts";
import { ContainerVnf } from "../vnf/container-vnf.ts";
import { MeasurementBed, vnfPorts } from "./bed.ts";
import { memAvailableBytes } from "./meminfo.ts";
import { runPool } from "./pool.ts";
import { leastSquares } from "./stats.ts";
import { failureReason } from "./instantiation.ts";
import { LateStarts } from "./late-starts.ts";

export interface MemoryOptions {
  /** Image reference, e.g. the content-hash tag from buildImages (default `gnf/<kind>:latest`). */
  image?: string;
  /** Ascending numbers of running vNFs at which to measure (default 1, 2, 5, 10, 20, 50, 100). */
  counts?: readonly number[];
  /** vNFs started at once when adding (default 4). */
  parallelism?: number;
  /** Idle time after reaching a checkpoint before reading, ms (default 2000). */
  settleMs?: number;
  spec?: VnfSpec;
  /** Cgroup parent of every container (a `DeviceCgroup`: the device's CPU quota and memory shared by all). */
  cgroupParent?: string;
  /** CPU quota of each container, cores (Docker's `--cpus`). */
  cpuQuotaCores?: number;
  /**
   * A vNF that fails to start (or exits while idle) does not end the measurement: the checkpoint
   * where it happened is measured with the vNFs still running (`running` < `vnfs`, `failed` > 0)
   * and is the last one; after 3 failed starts the rest of that checkpoint is not attempted (and
   * counted as failed). Default false (the first failure throws).
   */
  tolerateFailures?: boolean;
  /** With tolerateFailures: a start (create → ready line) taking longer fails at once (`LateStarts`). Default none. */
  startDeadlineMs?: number;
}

/** One checkpoint: N idle vNFs. Byte values. */
export interface MemoryPoint {
  vnfs: number;
  /** Mean over the N containers of memory.usage_in_bytes. */
  meanUsageBytes: number;
  /** Mean of memory.stat total_rss, total_cache, and memory.kmem.usage_in_bytes (NaN if absent). */
  meanRssBytes: number;
  meanCacheBytes: number;
  meanKmemBytes: number;
  /** Sum of memory.usage_in_bytes over the N containers. */
  totalUsageBytes: number;
  /** MemAvailable before the first container minus now. */
  hostDeltaBytes: number;
  /** vNFs running at this checkpoint (= vnfs unless some failed). */
  running: number;
  /** vNFs that failed to start or exited so far (only with tolerateFailures), and the first reason. */
  failed: number;
  failure: string;
}

export interface MemoryResult {
  points: MemoryPoint[];
  /** meanUsageBytes at the largest N. */
  usagePerVnfBytes: number;
  /** Least-squares slope of totalUsageBytes over N (needs ≥ 2 checkpoints, else NaN). */
  usageSlopeBytesPerVnf: number;
  /** hostDeltaBytes / N at the largest N. */
  hostPerVnfBytes: number;
  /** Least-squares slope of hostDeltaBytes over N (≥ 2 checkpoints, else NaN). */
  hostSlopeBytesPerVnf: number;
}

const DEFAULT_COUNTS = [1, 2, 5, 10, 20, 50, 100];
/** With tolerateFailures: failed starts after which a checkpoint's remaining starts are not attempted. */
const GIVE_UP_AFTER = 3;

async function kmemBytes(pid: number): Promise<number> {
  const { memory } = await cgroupPaths(pid);
  return readFile(join(memory, "memory.kmem.usage_in_bytes"), "utf8").then((t) => Number(t.trim()), () => NaN);
}

const avg = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

export async function measureIdleMemory(options: MemoryOptions = {}): Promise<MemoryResult> {
  const counts = options.counts ?? DEFAULT_COUNTS;
  if (counts.length === 0 || counts.some((c, i) => !Number.isInteger(c) || c < 1 || (i > 0 && c <= (counts[i - 1] as number)))) {
    throw new RangeError(`counts must be ascending positive integers, got ${counts.join(",")}`);
  }
  const spec = options.spec ?? { kind: "wire" };
  const settleMs = options.settleMs ?? 2000;
  const bed = await MeasurementBed.start();
  try {
    const before = await memAvailableBytes();
    let vnfs: ContainerVnf[] = [];
    let started = 0;
    let failed = 0;
    let failure = "";
    const points: MemoryPoint[] = [];
    const late = options.tolerateFailures && options.startDeadlineMs !== undefined ? new LateStarts(options.startDeadlineMs) : undefined;
    const start = (i: number): Promise<ContainerVnf> => {
      const p = ContainerVnf.start({ spec, image: options.image, bridge: bed.ports, ...vnfPorts(i), cgroupParent: options.cgroupParent, cpuQuotaCores: options.cpuQuotaCores }, bed.bed.teardown);
      return late ? late.run(p) : p;
    };
    for (const n of counts) {
      const have = started;
      const errors: unknown[] = [];
      const added = await runPool(n - have, options.parallelism ?? 4, async (j) =>
        errors.length >= GIVE_UP_AFTER
          ? undefined // not attempted: this checkpoint's starts are failing
          : start(have + j).catch((err: unknown) => {
              if (!options.tolerateFailures) throw err;
              errors.push(err);
              return undefined;
            }),
      );
      started = n;
      vnfs.push(...added.filter((v): v is ContainerVnf => v !== undefined));
      await new Promise((r) => setTimeout(r, settleMs));
      if (options.tolerateFailures) {
        const states = await Promise.all(vnfs.map((v) => v.state().catch(() => ({ running: false, oomKilled: false, exitCode: null }))));
        const exited = vnfs.filter((_, i) => !states[i]?.running);
        if (exited.length > 0) errors.push(new Error(`${exited.length} idle vNF(s) exited${states.some((s) => s.oomKilled) ? " (OOM-killed)" : ""}`));
        failed += (n - have - added.filter((v) => v !== undefined).length) + exited.length;
        vnfs = vnfs.filter((_, i) => states[i]?.running);
        failure ||= errors.length > 0 ? failureReason(errors[0]) : "";
      }
      const read = await Promise.all(
        vnfs.map((v) =>
          v.resources().catch((err: unknown) => {
            if (!options.tolerateFailures) throw err;
            return null; // exited just now
          }),
        ),
      );
      const res = read.filter((r) => r !== null);
      const kmem = await Promise.all(vnfs.map((v) => kmemBytes(v.pid)));
      const now = await memAvailableBytes();
      points.push({
        vnfs: n,
        meanUsageBytes: res.length > 0 ? avg(res.map((r) => r.memoryUsageBytes)) : NaN,
        meanRssBytes: res.length > 0 ? avg(res.map((r) => r.memoryRssBytes)) : NaN,
        meanCacheBytes: res.length > 0 ? avg(res.map((r) => r.memoryCacheBytes)) : NaN,
        meanKmemBytes: res.length > 0 ? avg(kmem) : NaN,
        totalUsageBytes: res.reduce((s, r) => s + r.memoryUsageBytes, 0),
        hostDeltaBytes: before - now,
        running: res.length,
        failed,
        failure,
      });
      if (failed > 0) break;
    }
    // Remove the vNFs several at once (the bed's teardown would remove them one by one: ~0.2 s each).
    await runPool(vnfs.length, options.parallelism ?? 4, (i) => (vnfs[i] as ContainerVnf).remove());
    await late?.settle();
    const last = points[points.length - 1] as MemoryPoint;
    const slope = (ys: number[]): number => (points.length >= 2 ? leastSquares(points.map((p) => p.running), ys).slope : NaN);
    return {
      points,
      usagePerVnfBytes: last.meanUsageBytes,
      usageSlopeBytesPerVnf: slope(points.map((p) => p.totalUsageBytes)),
      hostPerVnfBytes: last.hostDeltaBytes / last.running,
      hostSlopeBytesPerVnf: slope(points.map((p) => p.hostDeltaBytes)),
    };
  } finally {
    await bed.stop();
  }
}
