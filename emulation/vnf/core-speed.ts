/**
 * Speed of one core of this machine relative to the device catalog's reference core (one core of
 * the paper's Intel i7 at 3.4 GHz; `topologies/devices/architecture.ts`), so that a device's
 * capacity can be turned into a CPU quota here.
 *
 * Method: the reference is defined by a clock (3.4 GHz) and a per-clock throughput (factor 1.0,
 * CoreMark/MHz of an i7 core). The clock a core actually runs at is measured with a chain of
 * dependent 32-bit integer additions and XORs: each needs the previous result and takes one cycle
 * on every x86-64 core (latency 1), so chain operations per second = cycles per second, whatever
 * the core's width (the loop's own counter and branch run beside the chain). The chain is timed in
 * many short windows (4 ms, shorter than a scheduler time slice, so on a busy machine some run
 * undisturbed) on the monotonic clock; other work on the machine can only slow a window, so the
 * fastest window is the estimate (the median is kept too). Measured under a load average of 5.6 on
 * the 2-core lab: 150 ms windows gave 3.15 GHz at best, 5 ms and 2 ms windows 3.68 and 3.69 GHz. The lab's x86-64 core is taken to do as
 * much work per clock as the reference i7 core (ARCHITECTURE_FACTORS["intel-core-i7"] = 1.0 —
 * the catalog has no entry for other x86 server cores; Zen and Skylake cores are within ~10 % in
 * CoreMark/MHz). Hence labCoreSpeed = measured GHz × 1.0 / 3.4.
 *
 * Checked on the lab machine against the same chain in C (inline `add` instructions): both gave
 * 3.61–3.66 G operations/s in undisturbed windows.
 */
import { ARCHITECTURE_FACTORS, REFERENCE_CLOCK_GHZ } from "../../topologies/devices/architecture.ts";
import { quantile } from "../../base/stats/fit.ts";

/** Dependent operations per iteration of `dependentChain`. */
export const CHAIN_OPS_PER_ITERATION = 16;

/**
 * `iterations` × 16 dependent integer operations (alternating add and xor with the loop counter,
 * which no compiler can fold); returns the result so the work cannot be dropped.
 */
export function dependentChain(iterations: number): number {
  let x = 1;
  for (let i = 0; i < iterations; i++) {
    x = (x + i) | 0;
    x = (x ^ i) | 0;
    x = (x + i) | 0;
    x = (x ^ i) | 0;
    x = (x + i) | 0;
    x = (x ^ i) | 0;
    x = (x + i) | 0;
    x = (x ^ i) | 0;
    x = (x + i) | 0;
    x = (x ^ i) | 0;
    x = (x + i) | 0;
    x = (x ^ i) | 0;
    x = (x + i) | 0;
    x = (x ^ i) | 0;
    x = (x + i) | 0;
    x = (x ^ i) | 0;
  }
  return x;
}

export interface CoreSpeed {
  method: string;
  windows: number;
  windowMs: number;
  /** The fastest window, GHz: the core's effective clock. */
  effectiveGHz: number;
  medianGHz: number;
  /** Work per clock relative to the reference core (assumed, see the module comment). */
  architectureFactor: number;
  referenceClockGHz: number;
  /** effectiveGHz × architectureFactor / referenceClockGHz: one lab core in reference cores. */
  labCoreSpeed: number;
}

export const CORE_SPEED_METHOD =
  "fastest of 300 windows of 4 ms of a dependent 32-bit add/xor chain (1 cycle per operation on x86-64) = effective clock; × 1.0 (work per clock taken equal to the reference i7 core's) / 3.4 GHz (the reference clock)";

function timeChain(iterations: number): number {
  const t0 = process.hrtime.bigint();
  const x = dependentChain(iterations);
  const ns = Number(process.hrtime.bigint() - t0);
  if (x === 0x7fffffff) process.stdout.write(""); // keeps the result alive
  return ns;
}

/** Measures the core speed (blocks this thread for about windows × windowMs). */
export function measureCoreSpeed(options: { windows?: number; windowMs?: number } = {}): CoreSpeed {
  const windows = options.windows ?? 300;
  const windowMs = options.windowMs ?? 4;
  // Warm up (the JIT's optimised code) and size the windows.
  let iterations = 1 << 16;
  while (timeChain(iterations) < 20e6) iterations *= 2;
  iterations = Math.max(1, Math.round((iterations * windowMs) / 20));
  const windowsGHz: number[] = [];
  for (let w = 0; w < windows; w++) windowsGHz.push((iterations * CHAIN_OPS_PER_ITERATION) / timeChain(iterations));
  const effectiveGHz = Math.max(...windowsGHz);
  const architectureFactor = ARCHITECTURE_FACTORS["intel-core-i7"];
  return {
    method: CORE_SPEED_METHOD,
    windows,
    windowMs,
    effectiveGHz,
    medianGHz: quantile(windowsGHz, 0.5),
    architectureFactor,
    referenceClockGHz: REFERENCE_CLOCK_GHZ,
    labCoreSpeed: (effectiveGHz * architectureFactor) / REFERENCE_CLOCK_GHZ,
  };
}
