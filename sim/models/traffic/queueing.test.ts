import { describe, expect, it } from "vitest";
import { Environment } from "../../engine/environment.ts";
import { Resource } from "../../engine/resources/resource.ts";
import { RandomStream } from "../../../base/rng.ts";
import { confidenceInterval95 } from "../../../base/stats/confidence.ts";
import { queueDelay } from "./queueing.ts";

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
