/**
 * Fig. 2 (latency): idle RTT from the UE host to the server host directly (N = 0) and through
 * N = 1 … maxVnfs chained `wire` vNFs on the same OVS bridge, `samples` pings each at
 * `intervalMs` (a few warm-up pings first, not counted). Per N: p50/p95/p99 and mean of the
 * per-reply RTTs; the added RTT per vNF is the least-squares slope of the median RTT over N.
 * All vNFs are started once; only the steering changes between N values.
 *
 * Example: `await measureIdleRtt({ maxVnfs: 4, samples: 200, intervalMs: 10 })`.
 */
import type { VnfSpec } from "../images/params.ts";
import { ContainerVnf } from "../vnf/container-vnf.ts";
import { MeasurementBed, SERVER, vnfPorts } from "./bed.ts";
import { parsePingSamples } from "./ping-samples.ts";
import { runPool } from "./pool.ts";
import { leastSquares, mean, quantile } from "./stats.ts";

export interface IdleRttOptions {
  /** Image reference, e.g. the content-hash tag from buildImages (default `gnf/<kind>:latest`). */
  image?: string;
  /** Longest chain (default 4); N runs 0 … maxVnfs. */
  maxVnfs?: number;
  /** Pings per N (default 200). */
  samples?: number;
  /** Ping interval, ms (default 10; below 200 needs root). */
  intervalMs?: number;
  /** Warm-up pings per N, not counted (default 5). */
  warmup?: number;
  spec?: VnfSpec;
}

/** RTT statistics for a chain of `vnfs` vNFs, ms. */
export interface RttPoint {
  vnfs: number;
  sent: number;
  received: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Every reply's RTT, in order, ms. */
  rttsMs: number[];
}

export interface IdleRttResult {
  points: RttPoint[];
  /** Slope of p50 over N: added RTT per vNF, ms. */
  addedRttMsPerVnf: number;
  /** Intercept of that line (the fitted direct RTT), ms. */
  fittedDirectMs: number;
  intervalMs: number;
}

export async function measureIdleRtt(options: IdleRttOptions = {}): Promise<IdleRttResult> {
  const maxVnfs = options.maxVnfs ?? 4;
  const samples = options.samples ?? 200;
  const intervalMs = options.intervalMs ?? 10;
  const warmup = options.warmup ?? 5;
  if (!(Number.isInteger(maxVnfs) && maxVnfs >= 1)) throw new RangeError(`maxVnfs must be a positive integer, got ${maxVnfs}`);
  const spec = options.spec ?? { kind: "wire" };
  const bed = await MeasurementBed.start();
  try {
    await runPool(maxVnfs, 4, (i) => ContainerVnf.start({ spec, image: options.image, bridge: bed.ports, ...vnfPorts(i) }, bed.bed.teardown));
    const interval = String(intervalMs / 1000);
    const points: RttPoint[] = [];
    for (let n = 0; n <= maxVnfs; n++) {
      await bed.steerUeServer(Array.from({ length: n }, (_, i) => vnfPorts(i)));
      const ping = (count: number): Promise<string> =>
        bed.ue.ns.exec("ping", ["-n", "-c", String(count), "-i", interval, "-W", "1", SERVER.ip], { timeoutMs: 30_000 + count * (intervalMs + 5) }).then(
          (r) => r.stdout,
          (err: Error & { stdout?: string }) => {
            throw new Error(`ping through ${n} vNF(s) failed: ${err.message}`);
          },
        );
      await ping(warmup);
      const s = parsePingSamples(await ping(samples));
      if (s.received < samples * 0.9) throw new Error(`only ${s.received} of ${s.transmitted} pings through ${n} vNF(s) were answered`);
      points.push({ vnfs: n, sent: s.transmitted, received: s.received, p50Ms: quantile(s.rttsMs, 0.5), p95Ms: quantile(s.rttsMs, 0.95), p99Ms: quantile(s.rttsMs, 0.99), meanMs: mean(s.rttsMs), rttsMs: s.rttsMs });
    }
    const fit = leastSquares(points.map((p) => p.vnfs), points.map((p) => p.p50Ms));
    return { points, addedRttMsPerVnf: fit.slope, fittedDirectMs: fit.intercept, intervalMs };
  } finally {
    await bed.stop();
  }
}
