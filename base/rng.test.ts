import { describe, expect, it } from "vitest";
import { RngStreams, RandomStream, replicationSeed } from "./rng.ts";

const N = 200_000;

/** Sample mean and variance of n draws. */
function moments(draw: () => number, n = N): { mean: number; variance: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  return { mean, variance: (sumSq - n * mean * mean) / (n - 1) };
}

/**
 * Asserts the sample mean and variance lie within 5 standard errors of the true values (a false
 * alarm has probability < 1e-6; draws are seeded, so the test is deterministic anyway).
 * Standard errors from the sample size N: σ/√N for the mean and σ²·√((κ − 1)/N) for the sample
 * variance, κ = μ4/σ⁴ the distribution's kurtosis (3 for the normal).
 */
function expectMoments(draw: () => number, mean: number, variance: number, kurtosis: number): void {
  const m = moments(draw);
  expect(Math.abs(m.mean - mean)).toBeLessThan(5 * Math.sqrt(variance / N));
  expect(Math.abs(m.variance - variance)).toBeLessThan(5 * variance * Math.sqrt((kurtosis - 1) / N));
}

describe("RandomStream distributions (known mean and variance)", () => {
  const s = (name: string) => new RngStreams(2024).stream(name);

  it("uniform(a, b): mean (a+b)/2, variance (b−a)²/12", () => {
    const r = s("u");
    expectMoments(() => r.uniform(2, 8), 5, 3, 9 / 5);
  });
  it("exponential(mean): variance mean²", () => {
    const r = s("e");
    expectMoments(() => r.exponential(4), 4, 16, 9);
  });
  it("normal(mu, sigma)", () => {
    const r = s("n");
    expectMoments(() => r.normal(-3, 2), -3, 4, 3);
  });
  it("lognormal(mu, sigma): mean e^(mu+σ²/2), variance (e^σ²−1)e^(2mu+σ²)", () => {
    const r = s("ln");
    const mu = 0.5;
    const sigma = 0.4;
    const s2 = sigma ** 2;
    const kurtosis = Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 3;
    expectMoments(() => r.lognormal(mu, sigma), Math.exp(mu + s2 / 2), (Math.exp(s2) - 1) * Math.exp(2 * mu + s2), kurtosis);
  });
  it("pareto(alpha, xm): mean αxm/(α−1), variance xm²α/((α−1)²(α−2))", () => {
    const r = s("p");
    const a = 5;
    const xm = 2;
    // Kurtosis 3 + 6(α³+α²−6α−2)/(α(α−3)(α−4)), finite for α > 4.
    const kurtosis = 3 + (6 * (a ** 3 + a ** 2 - 6 * a - 2)) / (a * (a - 3) * (a - 4));
    expectMoments(() => r.pareto(a, xm), (a * xm) / (a - 1), (xm * xm * a) / ((a - 1) ** 2 * (a - 2)), kurtosis);
  });
  it("poisson(lambda): mean = variance = lambda (small and large lambda)", () => {
    const r = s("po");
    expectMoments(() => r.poisson(3.5), 3.5, 3.5, 3 + 1 / 3.5);
    expectMoments(() => r.poisson(120), 120, 120, 3 + 1 / 120);
    expect(r.poisson(0)).toBe(0);
  });
  it("gamma(k, θ): mean kθ, variance kθ², kurtosis 3 + 6/k (shape 1, integer and large shapes)", () => {
    const r = s("g");
    expectMoments(() => r.gamma(1, 2), 2, 4, 9);
    expectMoments(() => r.gamma(3, 0.5), 1.5, 0.75, 5);
    expectMoments(() => r.gamma(400, 1e-3), 0.4, 4e-4, 3 + 6 / 400);
    expect(() => r.gamma(0.5, 1)).toThrow("gamma shape must be >= 1, got 0.5");
  });
  it("integer(low, high) covers both ends uniformly", () => {
    const r = s("i");
    // Discrete uniform on 6 values: kurtosis 3 − 6(n²+1)/(5(n²−1)).
    expectMoments(() => r.integer(1, 6), 3.5, 35 / 12, 3 - (6 * 37) / (5 * 35));
  });
  it("choice with weights picks items in proportion", () => {
    const r = s("c");
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < N; i++) counts[r.choice(["a", "b", "c"] as const, [1, 3, 0])]++;
    expect(counts.c).toBe(0);
    expect(Math.abs(counts.b / N - 0.75)).toBeLessThan(5 * Math.sqrt((0.75 * 0.25) / N));
    expect(() => r.choice([], [])).toThrow("at least one item");
    expect(() => r.choice(["a"], [0])).toThrow("all weights are 0");
    expect(() => r.choice(["a", "b"], [1])).toThrow("differ in length");
  });
});

describe("RngStreams", () => {
  it("gives exact draws for a fixed seed", () => {
    const r = new RngStreams(42).stream("mobility");
    expect([r.random(), r.random(), r.random()]).toEqual([0.7461916825268418, 0.6485856554936618, 0.6070371440146118]);
  });

  it("gives exact first draws of every distribution for a fixed seed", () => {
    const draw = (name: string, f: (r: RandomStream) => number) => f(new RngStreams(42).stream(name));
    expect([
      draw("x", (r) => r.uniform(2, 8)),
      draw("x", (r) => r.integer(1, 6)),
      draw("x", (r) => r.exponential(4)),
      draw("x", (r) => r.normal(-3, 2)),
      draw("x", (r) => r.lognormal(0.5, 0.4)),
      draw("x", (r) => r.pareto(5, 2)),
      draw("x", (r) => r.poisson(3.5)),
      draw("x", (r) => r.poisson(120)),
    ]).toEqual(FIRST_DRAWS);
  });

  it("gives exact first gamma draws for a fixed seed", () => {
    expect(new RngStreams(42).stream("x").gamma(3, 0.5)).toBe(0.7745069509597503);
    expect(new RngStreams(42).stream("x").gamma(1, 2)).toBe(1.5085395946930669);
  });

  it("returns the same stream object for a name", () => {
    const rng = new RngStreams(1);
    expect(rng.stream("a")).toBe(rng.stream("a"));
  });

  it("keeps streams independent: other streams and draws never change a stream's numbers", () => {
    const alone = new RngStreams(9).stream("radio");
    const expected = Array.from({ length: 5 }, () => alone.random());
    const busy = new RngStreams(9);
    const mobility = busy.stream("mobility");
    for (let i = 0; i < 1000; i++) mobility.random();
    busy.stream("ue-42");
    const radio = busy.stream("radio");
    expect(Array.from({ length: 5 }, () => radio.random())).toEqual(expected);
  });

  it("differs between seeds and names", () => {
    expect(new RandomStream("1/a").random()).not.toBe(new RandomStream("2/a").random());
    expect(new RandomStream("1/a").random()).not.toBe(new RandomStream("1/b").random());
  });

  it("derives replication seeds: replication 0 is the master seed", () => {
    expect(replicationSeed(7, 0)).toBe(7);
    const seeds = [1, 2, 3].map((i) => replicationSeed(7, i));
    expect(new Set(seeds).size).toBe(3);
    expect(seeds).toEqual([1, 2, 3].map((i) => replicationSeed(7, i)));
  });
});

/**
 * First draws from stream "x" of seed 42. The continuous ones were checked against the textbook
 * transforms of the same Alea draws (u = 0.52964…): 2 + 6u; 1 + ⌊6u⌋; −4·ln(1 − u);
 * Box–Muller −3 + 2·√(−2 ln u)·cos(2πv); exp of the same normal; 2/(1 − u)^(1/5).
 */
const FIRST_DRAWS: number[] = [5.177876341622323, 4, 3.0170791893861337, -4.622769799430289, 1.1917776787284493, 2.3256536516683544, 4, 121];
