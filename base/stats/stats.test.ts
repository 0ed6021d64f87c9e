import { describe, expect, it } from "vitest";
import { Counter, Tally, TimeSeries, TimeWeighted, confidenceInterval95, studentT975 } from "./index.ts";

describe("Tally", () => {
  it("computes exact summary statistics (R-7 percentiles)", () => {
    const t = new Tally("latency");
    for (const x of [5, 1, 4, 2, 3, 10, 6, 8, 7, 9]) t.observe(x);
    expect(t.summary()).toEqual({
      count: 10,
      mean: 5.5,
      stddev: Math.sqrt(55 / 6),
      min: 1,
      p50: 5.5,
      p95: 9.55,
      p99: 9.91,
      max: 10,
    });
    expect(t.percentile(0)).toBe(1);
    expect(t.percentile(100)).toBe(10);
    expect(() => t.percentile(101)).toThrow(RangeError);
  });

  it("is NaN-safe when empty", () => {
    const t = new Tally("empty");
    expect(t.count).toBe(0);
    expect(t.mean).toBeNaN();
    expect(t.percentile(50)).toBeNaN();
  });
});

describe("TimeWeighted", () => {
  it("averages a level over time", () => {
    const m = new TimeWeighted("memory", 0, 0);
    m.update(10, 2e6);
    expect(m.average(20)).toBe(1e6);
    m.update(20, 0);
    expect(m.average(40)).toBe(0.5e6);
    expect(m.max).toBe(2e6);
    expect(() => m.update(5, 1)).toThrow("backwards");
  });
});

describe("Counter and TimeSeries", () => {
  it("count and record in order", () => {
    const c = new Counter("handovers");
    c.add();
    c.add(2);
    expect(c.value).toBe(3);
    const s = new TimeSeries("cpu", "ratio");
    s.record(0, 0.1);
    s.record(10, 0.4);
    expect(s.length).toBe(2);
    expect(() => s.record(5, 0)).toThrow("backwards");
  });
});

describe("confidenceInterval95", () => {
  it("uses Student t with n−1 degrees of freedom", () => {
    const ci = confidenceInterval95([10, 12, 14]);
    expect(ci.mean).toBe(12);
    expect(ci.halfWidth).toBeCloseTo((4.303 * 2) / Math.sqrt(3), 12);
    expect(ci.low).toBeCloseTo(12 - ci.halfWidth, 12);
  });

  it("has no interval for a single value", () => {
    const ci = confidenceInterval95([3]);
    expect(ci.mean).toBe(3);
    expect(ci.halfWidth).toBeNaN();
  });

  it("t quantile: table values and the large-df series approach 1.96", () => {
    expect(studentT975(1)).toBe(12.706);
    expect(studentT975(30)).toBe(2.042);
    expect(studentT975(60)).toBeCloseTo(2.0003, 3);
    expect(studentT975(120)).toBeCloseTo(1.9799, 3);
  });
});
