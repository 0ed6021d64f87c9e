import { describe, expect, it } from "vitest";
import { Environment } from "../../engine/environment.ts";
import { Resource } from "../../engine/resources/resource.ts";
import { RandomStream } from "../../../base/rng.ts";
import { confidenceInterval95 } from "../../../base/stats/confidence.ts";
import { boundedQueue, drawWait, queueDelay } from "./queueing.ts";

/**
 * Packet-level single-server FIFO queue: Poisson arrivals of rate λ, exponential or constant
 * service of rate μ. Returns the mean time in system of 10 batches after a warm-up (batch means
 * are nearly independent, so their t-interval is a 95% CI of the mean).
 */
function simulateQueue(lambda: number, mu: number, deterministic: boolean, seed: string): number[] {
  const env = new Environment();
  const arrivals = new RandomStream(`${seed}/arrivals`);
  const service = new RandomStream(`${seed}/service`);
  const server = new Resource(env, 1);
  const sojourns: number[] = [];
  env.process(function* () {
    for (let i = 0; i < 60_000; i++) {
      yield env.timeout(arrivals.exponential(1 / lambda));
      const arrived = env.now;
      env.process(function* () {
        const req = server.request();
        yield req;
        yield env.timeout(deterministic ? 1 / mu : service.exponential(1 / mu));
        server.release(req);
        sojourns.push(env.now - arrived);
      });
    }
  });
  env.run();
  const warm = sojourns.slice(5000);
  const batches: number[] = [];
  for (let b = 0; b < 10; b++) {
    const part = warm.slice((b * warm.length) / 10, ((b + 1) * warm.length) / 10);
    batches.push(part.reduce((x, y) => x + y, 0) / part.length);
  }
  return batches;
}

function sojourn(model: "mm1" | "md1", lambda: number, mu: number): number {
  const q = queueDelay(model, lambda, mu);
  if (q.overloaded) throw new Error("unexpected overload");
  return q.sojournS;
}

describe("queueing delay", () => {
  it("M/M/1: W = 1/(μ − λ) lies in the 95% CI of a packet-level simulation", () => {
    const ci = confidenceInterval95(simulateQueue(700, 1000, false, "mm1"));
    const w = sojourn("mm1", 700, 1000);
    expect(w).toBeCloseTo(1 / 300, 15);
    expect(ci.mean).toBeCloseTo(0.0033656062692910306, 12);
    expect(w).toBeGreaterThan(ci.low);
    expect(w).toBeLessThan(ci.high);
  });

  it("M/D/1: W = 1/μ + ρ/(2μ(1 − ρ)) lies in the 95% CI of a packet-level simulation", () => {
    const ci = confidenceInterval95(simulateQueue(700, 1000, true, "md1"));
    const w = sojourn("md1", 700, 1000);
    expect(w).toBeCloseTo(0.001 + 0.7 / (2 * 1000 * 0.3), 15);
    expect(ci.mean).toBeCloseTo(0.0021445287645161805, 12);
    expect(w).toBeGreaterThan(ci.low);
    expect(w).toBeLessThan(ci.high);
  });

  it("M/D/1 waits half as long as M/M/1 before service (Pollaczek–Khinchine)", () => {
    const mm1 = queueDelay("mm1", 500, 1000);
    const md1 = queueDelay("md1", 500, 1000);
    expect(mm1).toEqual({ overloaded: false, utilisation: 0.5, waitS: 0.001, sojournS: 0.002 });
    expect(md1).toEqual({ overloaded: false, utilisation: 0.5, waitS: 0.0005, sojournS: 0.0015 });
  });

  it("reports overload at ρ ≥ 1 instead of an infinite or negative delay", () => {
    expect(queueDelay("mm1", 1000, 1000)).toEqual({ overloaded: true, utilisation: 1 });
    expect(queueDelay("md1", 3000, 1000)).toEqual({ overloaded: true, utilisation: 3 });
    expect(queueDelay("mm1", 0, 1000)).toEqual({ overloaded: false, utilisation: 0, waitS: 0, sojournS: 0.001 });
    expect(() => queueDelay("mm1", 1, 0)).toThrow("service rate must be > 0, got 0");
    expect(() => queueDelay("mm1", Number.NaN, 1)).toThrow("arrival rate must be >= 0, got NaN");
  });
});

/**
 * Packet-level single-server FIFO queue with room for K packets (in service + waiting): arrivals
 * that find K packets are dropped. Returns the loss ratio and the mean wait before service of the
 * accepted packets, in 10 batches after a warm-up.
 */
function simulateBoundedQueue(lambda: number, mu: number, k: number, deterministic: boolean, seed: string): { loss: number[]; wait: number[] } {
  const env = new Environment();
  const arrivals = new RandomStream(`${seed}/arrivals`);
  const service = new RandomStream(`${seed}/service`);
  const server = new Resource(env, 1);
  const outcome: { dropped: boolean; wait: number }[] = [];
  let inSystem = 0;
  env.process(function* () {
    for (let i = 0; i < 60_000; i++) {
      yield env.timeout(arrivals.exponential(1 / lambda));
      if (inSystem >= k) {
        outcome.push({ dropped: true, wait: 0 });
        continue;
      }
      inSystem++;
      const arrived = env.now;
      env.process(function* () {
        const req = server.request();
        yield req;
        outcome.push({ dropped: false, wait: env.now - arrived });
        yield env.timeout(deterministic ? 1 / mu : service.exponential(1 / mu));
        server.release(req);
        inSystem--;
      });
    }
  });
  env.run();
  const warm = outcome.slice(5000);
  const loss: number[] = [];
  const wait: number[] = [];
  for (let b = 0; b < 10; b++) {
    const part = warm.slice((b * warm.length) / 10, ((b + 1) * warm.length) / 10);
    const kept = part.filter((o) => !o.dropped);
    loss.push(1 - kept.length / part.length);
    wait.push(kept.reduce((s, o) => s + o.wait, 0) / kept.length);
  }
  return { loss, wait };
}

describe("finite-buffer queue (the data plane's vNF queues)", () => {
  it("M/M/1/K: loss π_K and wait E[n | accepted]/μ lie in the 95% CIs of a packet-level simulation, overloaded and not", () => {
    for (const [lambda, seed] of [[1250, "mm1k-over"], [700, "mm1k-under"]] as const) {
      const q = boundedQueue("mm1", lambda, 1000, 10);
      const sim = simulateBoundedQueue(lambda, 1000, 10, false, seed);
      const loss = confidenceInterval95(sim.loss);
      const wait = confidenceInterval95(sim.wait);
      expect(q.lossRatio).toBeGreaterThan(loss.low);
      expect(q.lossRatio).toBeLessThan(loss.high);
      expect(q.waitS).toBeGreaterThan(wait.low);
      expect(q.waitS).toBeLessThan(wait.high);
    }
    // ρ = 1.25, K = 10: π_K = (1 − 0.8)/(1 − 0.8¹¹) = 0.2183…; E[n | accepted] = 9 − (4 − 10 · 0.8¹⁰/(1 − 0.8¹⁰)) = 6.2742…
    const over = boundedQueue("mm1", 1250, 1000, 10);
    expect(over.lossRatio).toBeCloseTo(0.2 / (1 - 0.8 ** 11), 15);
    expect(over.waitS).toBeCloseTo((9 - (4 - (10 * 0.8 ** 10) / (1 - 0.8 ** 10))) / 1000, 15);
    expect(over.deliveredRate).toBeLessThan(1000);
    expect(over.overloaded).toBe(true);
  });

  it("M/M/1/K with a large buffer is M/M/1 below saturation; ρ = 1 gives the uniform limit", () => {
    const q = boundedQueue("mm1", 500, 1000, 1000);
    expect(q.waitS).toBeCloseTo(sojourn("mm1", 500, 1000) - 0.001, 15);
    expect(q.lossRatio).toBeLessThan(1e-300);
    const atOne = boundedQueue("mm1", 1000, 1000, 9);
    expect(atOne).toEqual(expect.objectContaining({ overloaded: true, utilisation: 1, lossRatio: 0.1, deliveredRate: 900, waitS: 0.004 }));
    expect(boundedQueue("mm1", 0, 1000, 5)).toEqual(expect.objectContaining({ overloaded: false, lossRatio: 0, deliveredRate: 0, waitS: 0 }));
    expect(() => boundedQueue("mm1", 1, 1, 0)).toThrow("buffer must be an integer >= 1 packet, got 0");
  });

  it("delay and loss grow with the load through saturation (no fall past ρ = 1)", () => {
    const loads = [0.5, 0.9, 0.99, 0.999, 1, 1.001, 1.1, 2, 10];
    for (const model of ["mm1", "md1"] as const) {
      const qs = loads.map((rho) => boundedQueue(model, rho * 1000, 1000, 1000));
      for (let i = 1; i < qs.length; i++) {
        expect(qs[i]!.waitS).toBeGreaterThan(qs[i - 1]!.waitS);
        expect(qs[i]!.lossRatio).toBeGreaterThan(qs[i - 1]!.lossRatio);
      }
      // A saturated buffer of 1,000 packets: about 1 s of waiting at μ = 1,000 packets/s, loss → 1 − 1/ρ.
      expect(qs[qs.length - 1]!.waitS).toBeCloseTo(model === "mm1" ? 0.998889 : 0.999444, 5);
      expect(qs[qs.length - 1]!.lossRatio).toBeCloseTo(0.9, 12);
      expect(qs.every((q) => Number.isFinite(q.waitS) && Number.isFinite(q.lossRatio))).toBe(true);
    }
  });

  it("M/D/1/K approximation (M/M/1/2K, waits halved): Pollaczek–Khinchine below saturation; within 10% of a packet-level simulation", () => {
    expect(boundedQueue("md1", 700, 1000, 1000).waitS).toBeCloseTo(0.7 / (2 * 1000 * 0.3), 15);
    const seen: number[][] = [];
    for (const lambda of [1250, 900]) {
      const q = boundedQueue("md1", lambda, 1000, 10);
      const sim = simulateBoundedQueue(lambda, 1000, 10, true, `md1k-${lambda}`);
      const loss = confidenceInterval95(sim.loss);
      const wait = confidenceInterval95(sim.wait);
      seen.push([q.lossRatio, loss.mean, q.waitS, wait.mean]);
      expect(Math.abs(q.lossRatio - loss.mean)).toBeLessThan(Math.max(loss.halfWidth, 0.1 * loss.mean));
      expect(Math.abs(q.waitS - wait.mean) / wait.mean).toBeLessThan(0.1);
    }
    // [model loss, simulated loss, model wait (s), simulated wait (s)] at ρ = 1.25 and 0.9, K = 10:
    // the approximation overstates the wait by ≈ 9% at this small buffer.
    expect(seen).toEqual([
      [0.20186184691413564, 0.20179999999999998, 0.00761663688215738, 0.006974398682924309],
      [0.01365138635417442, 0.015709090909090916, 0.003115967400844718, 0.0028817452847558905],
    ]);
  });

  it("draws waits with the analytic mean: 0 when the server is idle, Erlang(n, μ) after n packets", () => {
    for (const [model, lambda, k] of [["mm1", 700, 1000], ["mm1", 1250, 10], ["md1", 1250, 10], ["md1", 500, 1000]] as const) {
      const q = boundedQueue(model, lambda, 1000, k);
      const rng = new RandomStream(`wait/${model}/${lambda}`);
      let sum = 0;
      let zeros = 0;
      const n = 100_000;
      for (let i = 0; i < n; i++) {
        const w = drawWait(rng, q);
        sum += w;
        if (w === 0) zeros++;
      }
      expect(Math.abs(sum / n - q.waitS) / q.waitS).toBeLessThan(0.02);
      if (model === "mm1" && k === 1000) expect(zeros / n).toBeCloseTo(0.3, 2);
    }
    expect(drawWait(new RandomStream("x"), boundedQueue("mm1", 1250, 1000, 10))).toBe(0.005548365100688638);
  });
});
