import { describe, expect, it } from "vitest";
import { leastSquares, mean, median, quantile } from "./stats.ts";
import { parsePingSamples } from "./ping-samples.ts";

describe("stats", () => {
  it("interpolates quantiles between order statistics (type 7) without sorting the input in place", () => {
    const xs = [4, 1, 3, 2];
    expect(quantile(xs, 0.5)).toBe(2.5);
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 1)).toBe(4);
    expect(quantile([10, 20, 30, 40, 50], 0.95)).toBeCloseTo(48, 12);
    expect(quantile([7], 0.99)).toBe(7);
    expect(xs).toEqual([4, 1, 3, 2]);
    expect(median([3, 1, 2])).toBe(2);
    expect(mean([1, 2, 6])).toBe(3);
    expect(() => quantile([], 0.5)).toThrow(RangeError);
    expect(() => quantile([1], 1.5)).toThrow(/not in \[0, 1\]/);
  });

  it("fits a least-squares line", () => {
    expect(leastSquares([0, 1, 2], [1, 3, 5])).toEqual({ slope: 2, intercept: 1 });
    const fit = leastSquares([0, 1, 2, 3], [0.2, 0.5, 0.7, 1.1]);
    expect(fit.slope).toBeCloseTo(0.29, 12);
    expect(fit.intercept).toBeCloseTo(0.19, 12);
    expect(() => leastSquares([1, 1], [2, 3])).toThrow(/two distinct x/);
  });
});

const PING = `PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.412 ms
64 bytes from 10.0.0.2: icmp_seq=3 ttl=64 time=0.198 ms

--- 10.0.0.2 ping statistics ---
3 packets transmitted, 2 received, 33.3333% packet loss, time 21ms
rtt min/avg/max/mdev = 0.198/0.305/0.412/0.107 ms
`;

describe("parsePingSamples", () => {
  it("returns one RTT per reply line and the counts", () => {
    expect(parsePingSamples(PING)).toEqual({ transmitted: 3, received: 2, rttsMs: [0.412, 0.198] });
  });

  it("rejects output whose reply lines do not match the summary", () => {
    expect(() => parsePingSamples(PING.replace("2 received", "3 received"))).toThrow("ping reported 3 replies but printed 2 reply lines");
  });
});
