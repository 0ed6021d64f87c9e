/**
 * Parsers for the measurement tools the lab tests use (ping, iperf3 -J) and a process's CPU time.
 * Pure functions except `processCpuSeconds`.
 */
import { readFile } from "node:fs/promises";

export interface PingStats {
  transmitted: number;
  received: number;
  /** Round-trip times, ms (NaN when nothing was received). */
  minMs: number;
  avgMs: number;
  maxMs: number;
  /** Median of the per-reply times (`time=… ms` lines; NaN with `-q`): robust to a few replies delayed by a busy machine. */
  medianMs: number;
}

/** Parses the summary of iputils `ping` and, without `-q`, its per-reply times. Throws if there is no summary. */
export function parsePing(stdout: string): PingStats {
  const counts = /(\d+) packets transmitted, (\d+) received/.exec(stdout);
  if (!counts) throw new Error(`no ping summary in: ${stdout.trim().slice(-200)}`);
  const rtt = /= ([\d.]+)\/([\d.]+)\/([\d.]+)\//.exec(stdout);
  const times = [...stdout.matchAll(/time=([\d.]+) ms/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
  const mid = times.length >> 1;
  const medianMs = times.length === 0 ? NaN : times.length % 2 === 1 ? (times[mid] as number) : ((times[mid - 1] as number) + (times[mid] as number)) / 2;
  return {
    transmitted: Number(counts[1]),
    received: Number(counts[2]),
    minMs: rtt ? Number(rtt[1]) : NaN,
    avgMs: rtt ? Number(rtt[2]) : NaN,
    maxMs: rtt ? Number(rtt[3]) : NaN,
    medianMs,
  };
}

/** Receiver-side goodput of an `iperf3 -J` TCP run, bit/s. Throws with iperf3's error if the run failed. */
export function parseIperf3(json: string): number {
  let report: { error?: string; end?: { sum_received?: { bits_per_second?: number } } };
  try {
    report = JSON.parse(json) as typeof report;
  } catch {
    throw new Error(`iperf3 output is not JSON: ${json.trim().slice(0, 200)}`);
  }
  if (report.error) throw new Error(`iperf3: ${report.error}`);
  const bps = report.end?.sum_received?.bits_per_second;
  if (typeof bps !== "number") throw new Error("iperf3 report has no end.sum_received.bits_per_second");
  return bps;
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on every Linux architecture we run on). */
const USER_HZ = 100;

/** CPU time (user + system) a process has used so far, seconds. */
export async function processCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may contain spaces) start at field 3 ("state").
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
}
