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
}

export interface InstantiationResult {
  kind: VnfKind;
  count: number;
  parallelism: number;
  vnfs: VnfInstantiation[];
  /** From the first create until the 50th vNF forwards, s (null when count < 50). */
  ready50Seconds: number | null;
  /** From the first create until every vNF forwards, s. */
  allForwardingSeconds: number;
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

export async function measureInstantiation(options: InstantiationOptions): Promise<InstantiationResult> {
  const { count, parallelism } = options;
  const spec = options.spec ?? { kind: "wire" };
  const kind = spec.kind;
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!(Number.isInteger(count) && count >= 1 && count <= 1000)) throw new RangeError(`count must be an integer in [1, 1000], got ${count}`);
  const bed = await MeasurementBed.start();
  try {
    const probe = await ForwardingProbe.start(bed);
    const vnfs: ContainerVnf[] = [];
    const rows: VnfInstantiation[] = [];
    const forwarding: Promise<void>[] = [];
    const cpu0 = await sharedCpuSeconds([bed.helperPid]);
    const t0 = monotonicMs();
    await runPool(count, parallelism, async (i) => {
      const createAtMs = monotonicMs() - t0;
      const vnf = await ContainerVnf.start({ spec, image: options.image, bridge: bed.ports, ...vnfPorts(i), readyTimeoutMs: timeoutMs }, bed.bed.teardown);
      const readyAtMs = monotonicMs() - t0;
      vnfs[i] = vnf;
      const t = vnf.timings;
      const row: VnfInstantiation = { index: i, createMs: t.createMs, startMs: t.startMs, attachMs: t.attachMs, readyLineMs: t.readyMs, createAtMs, readyAtMs, forwardingAtMs: NaN, stopMs: NaN, removeMs: NaN };
      rows[i] = row;
      // The probe is awaited later, so the next create is not held up by it.
      forwarding.push(
        bed.steering.install(bed.datapathId, probeChain(i, vnfPorts(i))).then(async () => {
          row.forwardingAtMs = Number(await probe.probe(i, timeoutMs)) / 1e6 - t0;
        }),
      );
    });
    await Promise.all(forwarding);
    const cpu1 = await sharedCpuSeconds([bed.helperPid]);
    const perVnf = await Promise.all(vnfs.map(async (v) => (await shimCpuSeconds(v.pid)) + Number((await v.resources()).cpuUsageNs) / 1e9));
    const cpuSecondsPerVnf = (cpu1 - cpu0 + perVnf.reduce((a, b) => a + b, 0)) / count;
    const allForwardingMs = Math.max(...rows.map((r) => r.forwardingAtMs));
    const sorted = rows.map((r) => r.forwardingAtMs).sort((a, b) => a - b);
    const s0 = monotonicMs();
    await runPool(count, parallelism, async (i) => {
      (rows[i] as VnfInstantiation).stopMs = await (vnfs[i] as ContainerVnf).stop();
    });
    const s1 = monotonicMs();
    await runPool(count, parallelism, async (i) => {
      const r0 = monotonicMs();
      await (vnfs[i] as ContainerVnf).remove();
      (rows[i] as VnfInstantiation).removeMs = monotonicMs() - r0;
    });
    const s2 = monotonicMs();
    return {
      kind,
      count,
      parallelism,
      vnfs: rows,
      ready50Seconds: count >= 50 ? (sorted[49] as number) / 1000 : null,
      allForwardingSeconds: allForwardingMs / 1000,
      cpuSecondsPerVnf,
      cpuBoundReady50Seconds: (50 * cpuSecondsPerVnf) / cpus().length,
      stopAllSeconds: (s1 - s0) / 1000,
      removeAllSeconds: (s2 - s1) / 1000,
    };
  } finally {
    await bed.stop();
  }
}
