import { describe, expect, it } from "vitest";
import { linearFit, meanCv, proportionalFit, quantile } from "./fit.ts";

describe("calibration fits", () => {
  it("recovers a line exactly", () => {
    const fit = linearFit([1, 10, 50, 100], [3 + 0.7, 3 + 7, 3 + 35, 3 + 70]);
    expect(fit.intercept).toBeCloseTo(3, 9);
    expect(fit.slope).toBeCloseTo(0.7, 9);
    expect(fit.r2).toBeCloseTo(1, 12);
  });

  it("fits a noisy line by least squares", () => {
    const fit = linearFit([0, 1, 2, 3], [1, 2.9, 5.1, 7]);
    expect(fit.slope).toBeCloseTo(2.02, 9);
    expect(fit.intercept).toBeCloseTo(0.97, 9);
  });

  it("fits through the origin", () => {
    expect(proportionalFit([1, 2, 4], [2, 4, 8])).toBe(2);
  });

  it("interpolates quantiles and gives mean and cv", () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20], 0.95)).toBeCloseTo(19.5, 12);
    const { mean, cv } = meanCv([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(mean).toBe(5);
    expect(cv).toBeCloseTo(Math.sqrt(32 / 7) / 5, 12);
  });

  it("refuses non-finite samples instead of dropping them", () => {
    expect(() => meanCv([1, Number.NaN])).toThrow(/finite/);
    expect(() => linearFit([1, 1], [2, 3])).toThrow(/distinct/);
  });
});
