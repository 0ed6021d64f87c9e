/**
 * The userspace link-delay relay as a lab process: `delay-relay` (see delay-relay.c) joins two
 * interfaces of one network namespace and forwards every frame to the other one after a fixed
 * one-way delay, in both directions. The kernel here has no netem; this is how links get latency.
 *
 * `DelayRelay.start` resolves only once the relay reported that both sockets are bound and that
 * it applies exactly the requested delay; anything else is an error — a link is never silently
 * left without its delay. The relay is registered with the `Teardown` and stopped by PID.
 *
 * Example:
 *   const relay = await DelayRelay.start(t, { ns, ifA: "x1", ifB: "x2", delayMs: 10 });
 *   // ping across it: RTT ≈ 20 ms
 *   const counters = await relay.stop();
 */
import { LabProcess } from "../lab/process.ts";
import type { Namespace } from "../lab/namespace.ts";
import type { Teardown } from "../lab/teardown.ts";
import { hasCommand } from "../lab/run.ts";
import { buildRelay, checkRelayToolchain } from "./build.ts";

/** The network namespace of a running process (e.g. a Mininet host's shell), entered with nsenter. */
export interface ProcessNetns {
  pid: number;
}

export interface DelayRelayOptions {
  /** Where both interfaces are: a lab `Namespace`, or the network namespace of a process. */
  ns: Namespace | ProcessNetns;
  ifA: string;
  ifB: string;
  /** One-way delay in milliseconds, 0 … 60,000 (applied in both directions; resolution 1 µs). */
  delayMs: number;
  /** Frames queued per direction before drops; default: 2.5 Gbit/s of 1500-byte frames for one delay, ≥ 4096. */
  queueLimit?: number;
  /**
   * SCHED_FIFO priority 1 … 99 for precise release times on a busy machine (default 1); null runs
   * it as a normal process. If the kernel refuses, the relay runs normally: see `scheduling`.
   */
  realtimePriority?: number | null;
  /** How long to wait for the ready line, ms (default 5,000). */
  readyTimeoutMs?: number;
}

/** Per-direction counters the relay reports when it exits (frames). */
export interface RelayCounters {
  rx: number;
  tx: number;
  queueDrops: number;
  /** Dropped by the outgoing interface's qdisc (a rate limit's queue was full). */
  txDropped: number;
  txErrors: number;
  oversize: number;
  maxQueued: number;
  /** Frames whose 802.1Q tag, stripped by the kernel on receive, was put back before sending. */
  vlanRestored: number;
  /** Still queued when the relay stopped (discarded). */
  pending: number;
}

export interface RelayReport {
  aToB: RelayCounters;
  bToA: RelayCounters;
}

interface ReadyLine {
  event: "ready";
  ifA: string;
  ifB: string;
  delayUs: number;
  queueLimit: number;
  sched: string;
  pid: number;
}

export class DelayRelayError extends Error {
  override readonly name = "DelayRelayError";
}

export class DelayRelay {
  private report: RelayReport | undefined;

  private constructor(
    private readonly proc: LabProcess,
    readonly ifA: string,
    readonly ifB: string,
    /** One-way delay the relay confirmed, ms. */
    readonly delayMs: number,
    /** Queue limit per direction the relay uses, frames. */
    readonly queueLimit: number,
    /** How it is scheduled: "fifo:<priority>" or "other". */
    readonly scheduling: string,
  ) {}

  /** Verifies the tools this class needs (gcc to build it, nsenter for process namespaces); returns a sentence saying what to install, or true. */
  static async check(): Promise<true | string> {
    const gcc = await checkRelayToolchain();
    if (gcc !== true) return gcc;
    return (await hasCommand("nsenter")) ? true : "nsenter is missing (to run the relay in a Mininet host's namespace): apt-get install util-linux";
  }

  /** Builds the relay if needed, starts it in `options.ns` and resolves when it is forwarding. */
  static async start(teardown: Teardown, options: DelayRelayOptions): Promise<DelayRelay> {
    const { ifA, ifB, delayMs } = options;
    if (!(Number.isFinite(delayMs) && delayMs >= 0 && delayMs <= 60_000)) throw new RangeError(`delay relay ${ifA}<->${ifB}: delayMs must be a number in [0, 60000], got ${delayMs}`);
    const delayUs = Math.round(delayMs * 1000);
    const binary = await buildRelay();
    const args = ["-a", ifA, "-b", ifB, "-d", String(delayUs)];
    if (options.queueLimit !== undefined) args.push("-q", String(options.queueLimit));
    const rt = options.realtimePriority === undefined ? 1 : options.realtimePriority;
    if (rt !== null) args.push("-r", String(rt));
    const where = "pid" in options.ns ? `the network namespace of pid ${options.ns.pid}` : `namespace ${options.ns.name}`;
    const proc = "pid" in options.ns
      ? LabProcess.start(teardown, "nsenter", ["-t", String(options.ns.pid), "-n", "--", binary, ...args])
      : LabProcess.start(teardown, binary, args, options.ns);
    const what = `delay relay ${ifA}<->${ifB} (${delayMs} ms) in ${where}`;
    const ready = await waitForReady(proc, options.readyTimeoutMs ?? 5000).catch(async (err: Error) => {
      await proc.stop(500);
      throw new DelayRelayError(`${what} did not start: ${err.message}`);
    });
    if (ready.delayUs !== delayUs || ready.ifA !== ifA || ready.ifB !== ifB) {
      await proc.stop(500);
      throw new DelayRelayError(`${what}: the relay reported ${JSON.stringify(ready)}, not the requested ${ifA}<->${ifB} at ${delayUs} µs`);
    }
    return new DelayRelay(proc, ifA, ifB, ready.delayUs / 1000, ready.queueLimit, ready.sched);
  }

  /** PID of the relay process (the binary itself: `ip netns exec` and nsenter exec into it). */
  get pid(): number {
    return this.proc.pid as number;
  }

  /** Stops the relay (SIGTERM by PID) and resolves with its counters. Idempotent. */
  async stop(): Promise<RelayReport> {
    if (this.report) return this.report;
    const code = await this.proc.stop();
    const exitLine = lines(this.proc.stdout).find((l) => l.event === "exit") as ({ event: "exit" } & RelayReport) | undefined;
    if (code !== 0 || !exitLine) throw new DelayRelayError(`delay relay ${this.ifA}<->${this.ifB} exited with code ${code} without its counters: ${this.proc.stderr.trim() || "no error output"}`);
    this.report = { aToB: exitLine.aToB, bToA: exitLine.bToA };
    return this.report;
  }
}

function lines(text: string): { event?: string }[] {
  const out: { event?: string }[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      out.push(JSON.parse(line) as { event?: string });
    } catch {
      // a partial line: not complete yet
    }
  }
  return out;
}

/** Polls the relay's output (every 5 ms) until its ready line, its error line, exit or timeout. */
async function waitForReady(proc: LabProcess, timeoutMs: number): Promise<ReadyLine> {
  let exited = false;
  void proc.wait().then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const parsed = lines(proc.stdout);
    const ready = parsed.find((l) => l.event === "ready");
    if (ready) return ready as ReadyLine;
    const error = parsed.find((l) => l.event === "error") as { message?: string } | undefined;
    if (error) throw new Error(error.message ?? "unknown error");
    if (exited) {
      await new Promise((r) => setTimeout(r, 20)); // let the last output arrive
      throw new Error(proc.stderr.trim() || `exited with code ${await proc.wait()} before it was ready`);
    }
    if (Date.now() > deadline) throw new Error(`no ready line within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
