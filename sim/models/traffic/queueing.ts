/**
 * Queueing delay at a loaded device, for packets arriving at rate λ (packets/s) to a server of
 * rate μ (packets/s), utilisation ρ = λ/μ < 1:
 *   M/M/1 (exponential service):   W = 1/(μ − λ),            Wq = ρ/(μ − λ)
 *   M/D/1 (constant service):      W = 1/μ + ρ/(2μ(1 − ρ)),  Wq = ρ/(2μ(1 − ρ))
 * W is the mean time in the system (waiting + service), Wq the mean wait before service.
 * At ρ ≥ 1 the queue grows without bound: the result says `overloaded` and gives no delay, so
 * results never contain NaN or Infinity.
 */
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
