/**
 * Fig. 2 (instantiation): how long N container vNFs take from the first `create` call until each
 * one forwards traffic, created sequentially or k at a time, then how long stopping and removing
 * them takes. A vNF counts as forwarding only when both hold: its entrypoint printed
 * `{"gnf":"ready"}` (ContainerVnf.start resolved: created, started, attached to OVS by two veth
 * pairs) AND a UDP probe steered through it (UE → vNF in → out → server) reached the server.
 * Nothing is pre-created: every container is created in the measured interval (image layers are
 * cached). All times are wall-clock ms on the monotonic clock.
 *
 * Example: `await measureInstantiation({ count: 50, parallelism: 6 })` → `ready50Seconds`.
 */
import type { VnfKind } from "../images/catalog.ts";
import type { VnfSpec } from "../images/params.ts";
import { cpus } from "node:os";
import { ContainerVnf } from "../vnf/container-vnf.ts";
import { sharedCpuSeconds, shimCpuSeconds } from "./cpu-accounting.ts";
import { MeasurementBed, vnfPorts } from "./bed.ts";
import { monotonicMs, runPool } from "./pool.ts";
import { ForwardingProbe, probeChain } from "./probe.ts";
import { LateStarts } from "./late-starts.ts";

export interface InstantiationOptions {
  /** Image reference, e.g. the content-hash tag from buildImages (default `gnf/<kind>:latest`). */
  image?: string;
  /** vNFs to create (1 … 1000). */
  count: number;
  /** How many are being created at once (1 = sequential). */
  parallelism: number;
  /** Which vNF with its parameters (default `{ kind: "wire" }`). */
  spec?: VnfSpec;
  /** Per vNF: how long to wait for its ready line, and then for its probe, ms (default 30000 each). */
  timeoutMs?: number;
  /** Cgroup parent of every container (a `DeviceCgroup`: the device's CPU quota and memory shared by all). */
  cgroupParent?: string;
  /** CPU quota of each container, cores (Docker's `--cpus`). */
  cpuQuotaCores?: number;
  /**
   * Record a vNF that fails to start, to forward, or that exits after it was ready (`failed`,
   * `reason`) and go on, instead of throwing (default false). Used where failures are the
   * measurement: a small device running out of memory.
   */
  tolerateFailures?: boolean;
  /** With tolerateFailures: once this many vNFs failed, those not yet started are not attempted (recorded as failed, with that reason). Default 3. */
  giveUpAfter?: number;
  /** With tolerateFailures: a start (create → ready line) taking longer fails at once (`LateStarts`). Default none. */
  startDeadlineMs?: number;
}

/** One vNF's timeline; `…AtMs` are from the first create call of the batch, ms. */
export interface VnfInstantiation {
  index: number;
  /** Docker create, start, attach (veths + OVS ports), and attached → ready line, ms (ContainerVnf.timings). */
  createMs: number;
  startMs: number;
  attachMs: number;
  readyLineMs: number;
  /** When its create call was made. */
  createAtMs: number;
  /** When ContainerVnf.start resolved (ready line seen). */
  readyAtMs: number;
  /** When its first probe reached the server. */
  forwardingAtMs: number;
  /** Docker stop (SIGTERM via docker-init), ms. */
  stopMs: number;
  /** OVS ports, veths and the container removed, ms. */
  removeMs: number;
  /** Whether it failed to start or forward, or exited after it was ready (only with tolerateFailures; NaN for the phases it did not reach). */
  failed: boolean;
  /** Why it failed (first line of the error), "" if it did not. */
  reason: string;
}

export interface InstantiationResult {
  kind: VnfKind;
  count: number;
  parallelism: number;
  vnfs: VnfInstantiation[];
  /** From the first create until the 50th vNF forwards, s (null when count < 50). */
  ready50Seconds: number | null;
  /** From the first create until every vNF forwards, s (over those that did; NaN if none). */
  allForwardingSeconds: number;
  /** From the first create until the last vNF was ready (its ready line), s (over those that were; NaN if none). */
  readyAllSeconds: number;
  /** vNFs that failed (always 0 without tolerateFailures). */
  failed: number;
  /**
   * CPU seconds spent per vNF from the first create until all forward, over dockerd, containerd,
   * OVS, this process and its children, the shims and the containers (cpu-accounting.ts).
   */
  cpuSecondsPerVnf: number;
  /**
   * 50 × cpuSecondsPerVnf / CPUs: when the 50th vNF would forward if this machine did nothing else
   * and the work spread perfectly over its CPUs — a lower bound derived from CPU time, not a
   * measured ready-50.
   */
  cpuBoundReady50Seconds: number;
  /** Stopping all of them (same parallelism), s. */
  stopAllSeconds: number;
  /** Removing all of them after the stop (same parallelism), s. */
  removeAllSeconds: number;
}

/** The first line of an error's message, at most 200 characters (for the `reason` column). */
export function failureReason(err: unknown): string {
  const line = (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "";
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

const maxOf = (xs: readonly number[]): number => {
  const ok = xs.filter((x) => Number.isFinite(x));
  return ok.length > 0 ? Math.max(...ok) : NaN;
};

export async function measureInstantiation(options: InstantiationOptions): Promise<InstantiationResult> {
  const { count, parallelism } = options;
  const spec = options.spec ?? { kind: "wire" };
  const kind = spec.kind;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const tolerate = options.tolerateFailures ?? false;
  const giveUpAfter = options.giveUpAfter ?? 3;
  if (!(Number.isInteger(count) && count >= 1 && count <= 1000)) throw new RangeError(`count must be an integer in [1, 1000], got ${count}`);
  const bed = await MeasurementBed.start();
  try {
    const probe = await ForwardingProbe.start(bed);
    const vnfs: (ContainerVnf | undefined)[] = new Array<ContainerVnf | undefined>(count);
    const rows: VnfInstantiation[] = [];
    const forwarding: Promise<void>[] = [];
    let failures = 0;
    const fail = (row: VnfInstantiation, err: unknown): void => {
      if (!tolerate) throw err;
      if (!row.failed) failures++;
      row.failed = true;
      row.reason ||= failureReason(err);
    };
    const late = tolerate && options.startDeadlineMs !== undefined ? new LateStarts(options.startDeadlineMs) : undefined;
    const cpu0 = await sharedCpuSeconds([bed.helperPid]);
    const t0 = monotonicMs();
    await runPool(count, parallelism, async (i) => {
      const createAtMs = monotonicMs() - t0;
      const row: VnfInstantiation = { index: i, createMs: NaN, startMs: NaN, attachMs: NaN, readyLineMs: NaN, createAtMs, readyAtMs: NaN, forwardingAtMs: NaN, stopMs: NaN, removeMs: NaN, failed: false, reason: "" };
      rows[i] = row;
      if (tolerate && failures >= giveUpAfter) {
        failures++;
        row.failed = true;
        row.reason = `not attempted: ${giveUpAfter} vNFs of this batch had failed`;
        return;
      }
      let vnf: ContainerVnf;
      try {
        const start = ContainerVnf.start(
          { spec, image: options.image, bridge: bed.ports, ...vnfPorts(i), readyTimeoutMs: timeoutMs, cgroupParent: options.cgroupParent, cpuQuotaCores: options.cpuQuotaCores },
          bed.bed.teardown,
        );
        vnf = await (late ? late.run(start) : start);
      } catch (err) {
        fail(row, err);
        return;
      }
      row.readyAtMs = monotonicMs() - t0;
      vnfs[i] = vnf;
      const t = vnf.timings;
      Object.assign(row, { createMs: t.createMs, startMs: t.startMs, attachMs: t.attachMs, readyLineMs: t.readyMs });
      // The probe is awaited later, so the next create is not held up by it.
      forwarding.push(
        bed.steering
          .install(bed.datapathId, probeChain(i, vnfPorts(i)))
          .then(async () => {
            row.forwardingAtMs = Number(await probe.probe(i, timeoutMs)) / 1e6 - t0;
          })
          .catch((err: unknown) => fail(row, err)),
      );
    });
    await Promise.all(forwarding);
    const cpu1 = await sharedCpuSeconds([bed.helperPid]);
    const started = vnfs.flatMap((v, i) => (v ? [i] : []));
    if (tolerate) {
      // A vNF that was ready but has exited since (e.g. ended by the OOM killer) failed too.
      await Promise.all(
        started.map(async (i) => {
          const state = await (vnfs[i] as ContainerVnf).state().catch(() => null);
          if (state && !state.running) fail(rows[i] as VnfInstantiation, new Error(`exited after it was ready (exit code ${state.exitCode}${state.oomKilled ? ", OOM-killed" : ""})`));
        }),
      );
    }
    const perVnf = await Promise.all(started.map(async (i) => {
      const v = vnfs[i] as ContainerVnf;
      return (await shimCpuSeconds(v.pid)) + (await v.resources().then((r) => Number(r.cpuUsageNs) / 1e9, () => 0));
    }));
    const cpuSecondsPerVnf = started.length > 0 ? (cpu1 - cpu0 + perVnf.reduce((a, b) => a + b, 0)) / started.length : NaN;
    const forwarded = rows.map((r) => r.forwardingAtMs).filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
    const s0 = monotonicMs();
    await runPool(started.length, parallelism, async (j) => {
      const i = started[j] as number;
      (rows[i] as VnfInstantiation).stopMs = await (vnfs[i] as ContainerVnf).stop();
    });
    const s1 = monotonicMs();
    await runPool(started.length, parallelism, async (j) => {
      const i = started[j] as number;
      const r0 = monotonicMs();
      await (vnfs[i] as ContainerVnf).remove();
      (rows[i] as VnfInstantiation).removeMs = monotonicMs() - r0;
    });
    const s2 = monotonicMs();
    await late?.settle();
    return {
      kind,
      count,
      parallelism,
      vnfs: rows,
      ready50Seconds: forwarded.length >= 50 ? (forwarded[49] as number) / 1000 : null,
      allForwardingSeconds: maxOf(rows.map((r) => r.forwardingAtMs)) / 1000,
      readyAllSeconds: maxOf(rows.map((r) => r.readyAtMs)) / 1000,
      failed: failures,
      cpuSecondsPerVnf,
      cpuBoundReady50Seconds: (50 * cpuSecondsPerVnf) / cpus().length,
      stopAllSeconds: (s1 - s0) / 1000,
      removeAllSeconds: (s2 - s1) / 1000,
    };
  } finally {
    await bed.stop();
  }
}
