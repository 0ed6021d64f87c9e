/**
 * Queueing delay at a loaded device, for packets arriving at rate λ (packets/s) to a server of
 * rate μ (packets/s), utilisation ρ = λ/μ < 1:
 *   M/M/1 (exponential service):   W = 1/(μ − λ),            Wq = ρ/(μ − λ)
 *   M/D/1 (constant service):      W = 1/μ + ρ/(2μ(1 − ρ)),  Wq = ρ/(2μ(1 − ρ))
 * W is the mean time in the system (waiting + service), Wq the mean wait before service.
 * With an infinite buffer the queue grows without bound at ρ ≥ 1: `queueDelay` then says
 * `overloaded` and gives no delay. The data plane uses `boundedQueue` (below): a finite buffer
 * that drops the excess, finite delays and a loss ratio at every load.
 */
import type { UniformSource } from "../../../base/rng.ts";

export type QueueModel = "mm1" | "md1";

export type QueueDelay = { overloaded: false; utilisation: number; waitS: number; sojournS: number } | { overloaded: true; utilisation: number };

export function queueDelay(model: QueueModel, arrivalRate: number, serviceRate: number): QueueDelay {
  if (!(serviceRate > 0)) throw new RangeError(`service rate must be > 0, got ${serviceRate}`);
  if (!(arrivalRate >= 0)) throw new RangeError(`arrival rate must be >= 0, got ${arrivalRate}`);
  const rho = arrivalRate / serviceRate;
  if (rho >= 1) return { overloaded: true, utilisation: rho };
  const waitS = model === "mm1" ? rho / (serviceRate - arrivalRate) : rho / (2 * serviceRate * (1 - rho));
  return { overloaded: false, utilisation: rho, waitS, sojournS: waitS + 1 / serviceRate };
}

/**
 * A vNF's queue with a finite buffer of K packets (in service + waiting): its veth and socket
 * queues. A saturated queue drops the excess instead of growing without bound, so every result is
 * finite at any load:
 *
 *   M/M/1/K (exact): π_n = ρⁿ(1 − ρ)/(1 − ρ^{K+1}), n = 0…K (ρ = 1: π_n = 1/(K + 1)).
 *     Loss ratio P_K = π_K (Poisson arrivals see time averages); delivered rate λ(1 − P_K) < μ.
 *     An accepted packet finds n packets, n ~ π_n/(1 − π_K) on 0…K−1: a geometric of ratio ρ
 *     truncated to K values. It waits Erlang(n, μ) before its service: Wq = E[n | accepted]/μ.
 *     Its sojourn is that wait + its own Exp(μ) service (for K → ∞ and ρ < 1: Exp(μ − λ), mean
 *     1/(μ − λ), and Wq = ρ/(μ − λ), the M/M/1 values above).
 *   M/D/1/K (approximation): the M/M/1/2K queue with waiting times halved. Queueing delay scales
 *     with (1 + c_s²)/2 and constant service has c_s² = 0 (the two-moment/diffusion scaling of
 *     Kingman and Whitt's QNA, 1983), so K constant-service packets hold the variability of 2K
 *     exponential ones. For K → ∞ and ρ < 1 it is exact in the mean (Pollaczek–Khinchine:
 *     Wq = ρ/(2μ(1 − ρ))); at ρ ≫ 1 the buffer is full, the loss ratio → 1 − 1/ρ and Wq → K/μ,
 *     as for a full buffer of K constant services. The wait distribution (Erlang(n, μ)/2 with n from
 *     the M/M/1/2K arrival state) is approximate too; its mean is the one above.
 * Units: rates in packets/s, times in seconds, the buffer in packets.
 */
export interface BoundedQueue {
  model: QueueModel;
  /** Offered load ρ = λ/μ (≥ 1: overloaded). */
  utilisation: number;
  /** ρ ≥ 1: the queue is saturated and drops the excess. */
  overloaded: boolean;
  /** Share of the offered packets dropped at the full buffer, 0…1. */
  lossRatio: number;
  /** Packets/s that get through: λ(1 − loss ratio). */
  deliveredRate: number;
  /** Mean wait before service of an accepted packet, seconds. */
  waitS: number;
  /** Service rate μ, packets/s. */
  serviceRate: number;
  /** Ratio and number of values of the truncated geometric an arrival's queue length follows. */
  readonly arrivalStateRatio: number;
  readonly arrivalStates: number;
  /** Wait per packet found, in service times (1 for M/M/1/K, ½ for the M/D/1/K approximation). */
  readonly waitScale: number;
}

/** Below this |1 − q| a truncated geometric is treated as uniform (the closed forms cancel). */
const UNIFORM_EPSILON = 1e-9;

/** Mean of the geometric of ratio q ≥ 0 truncated to 0…m−1. */
function truncatedGeometricMean(q: number, m: number): number {
  if (q === 0) return 0;
  if (Math.abs(1 - q) < UNIFORM_EPSILON) return (m - 1) / 2;
  if (q > 1) return m - 1 - truncatedGeometricMean(1 / q, m);
  return q / (1 - q) - (m * q ** m) / (1 - q ** m);
}

/** π_K of M/M/1/K: the probability that the buffer is full. */
function fullProbability(rho: number, k: number): number {
  if (rho === 0) return 0;
  if (Math.abs(1 - rho) < UNIFORM_EPSILON) return 1 / (k + 1);
  if (rho > 1) {
    const r = 1 / rho;
    return (1 - r) / (1 - r ** (k + 1));
  }
  return ((1 - rho) * rho ** k) / (1 - rho ** (k + 1));
}

/** The queue of one server of rate μ (packets/s) with a buffer of K packets, offered λ packets/s. */
export function boundedQueue(model: QueueModel, arrivalRate: number, serviceRate: number, bufferPackets: number): BoundedQueue {
  if (!(serviceRate > 0)) throw new RangeError(`service rate must be > 0, got ${serviceRate}`);
  if (!(arrivalRate >= 0)) throw new RangeError(`arrival rate must be >= 0, got ${arrivalRate}`);
  if (!(Number.isInteger(bufferPackets) && bufferPackets >= 1)) throw new RangeError(`buffer must be an integer >= 1 packet, got ${bufferPackets}`);
  const rho = arrivalRate / serviceRate;
  const states = model === "mm1" ? bufferPackets : 2 * bufferPackets;
  const waitScale = model === "mm1" ? 1 : 0.5;
  const lossRatio = fullProbability(rho, states);
  return {
    model,
    utilisation: rho,
    overloaded: rho >= 1,
    lossRatio,
    deliveredRate: arrivalRate * (1 - lossRatio),
    waitS: (truncatedGeometricMean(rho, states) * waitScale) / serviceRate,
    serviceRate,
    arrivalStateRatio: rho,
    arrivalStates: states,
    waitScale,
  };
}

/** A draw of the number of packets an accepted arrival finds (truncated geometric, inverse CDF). */
function drawArrivalState(rng: UniformSource, q: number, m: number): number {
  if (q === 0) return 0;
  const u = rng.random();
  if (Math.abs(1 - q) < UNIFORM_EPSILON) return Math.min(m - 1, Math.floor(u * m));
  if (q > 1) {
    const r = 1 / q;
    return m - 1 - Math.min(m - 1, Math.floor(Math.log(1 - u * (1 - r ** m)) / Math.log(r)));
  }
  return Math.min(m - 1, Math.floor(Math.log(1 - u * (1 - q ** m)) / Math.log(q)));
}

/**
 * One accepted packet's wait before service, seconds: the queue length n it finds, then
 * Erlang(n, μ) (scaled by ½ for M/D/1/K); 0 when it finds the server idle. Mean `queue.waitS`.
 */
export function drawWait(rng: GammaSource, queue: BoundedQueue): number {
  const n = drawArrivalState(rng, queue.arrivalStateRatio, queue.arrivalStates);
  return n === 0 ? 0 : rng.gamma(n, 1 / queue.serviceRate) * queue.waitScale;
}

/** A uniform source that also draws gamma variates (`RandomStream`). */
export interface GammaSource extends UniformSource {
  gamma(shape: number, scale: number): number;
}
