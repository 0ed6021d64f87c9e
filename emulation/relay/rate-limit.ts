/**
 * Rate limits on an interface's egress with tbf (the kernel here has htb and tbf, no netem).
 * AF_PACKET sends of the delay relay pass through the qdisc, so a tbf on each of the relay's
 * interfaces limits both directions of a link.
 */
import type { RunResult } from "../lab/run.ts";

/** Runs a command where the interface lives (e.g. `Namespace.exec`). */
export type Exec = (file: string, args: readonly string[]) => Promise<RunResult>;

export interface RateLimit {
  /** Rate in Mbit/s (10^6 bit/s), > 0. */
  rateMbit: number;
  /** Bucket size in bytes; default max(15,000, 2 ms at the rate). */
  burstBytes?: number;
  /** Longest a frame may wait in the queue, ms (default 20); sets the queue length. */
  latencyMs?: number;
}

/** The `tc qdisc add … tbf` arguments for `ifname` (exported for tests). */
export function tbfArgs(ifname: string, limit: RateLimit): string[] {
  const { rateMbit } = limit;
  if (!(Number.isFinite(rateMbit) && rateMbit > 0 && rateMbit <= 100_000)) throw new RangeError(`rate limit on ${ifname}: rateMbit must be in (0, 100000], got ${rateMbit}`);
  const burst = limit.burstBytes ?? Math.max(15_000, Math.ceil((rateMbit * 1e6 * 0.002) / 8));
  const latency = limit.latencyMs ?? 20;
  return ["qdisc", "replace", "dev", ifname, "root", "tbf", "rate", `${Math.round(rateMbit * 1000)}kbit`, "burst", String(burst), "latency", `${latency}ms`];
}

/** Puts a tbf rate limit on `ifname`'s egress. */
export async function applyRateLimit(exec: Exec, ifname: string, limit: RateLimit): Promise<void> {
  await exec("tc", tbfArgs(ifname, limit));
}
