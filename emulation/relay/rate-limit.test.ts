import { describe, expect, it } from "vitest";
import { tbfArgs } from "./rate-limit.ts";

describe("tbfArgs", () => {
  it("turns Mbit/s into a tbf with a burst of at least 15,000 bytes or 2 ms", () => {
    expect(tbfArgs("x1", { rateMbit: 20 })).toEqual(["qdisc", "replace", "dev", "x1", "root", "tbf", "rate", "20000kbit", "burst", "15000", "latency", "20ms"]);
    expect(tbfArgs("x1", { rateMbit: 1000, latencyMs: 5 }).slice(6)).toEqual(["rate", "1000000kbit", "burst", "250000", "latency", "5ms"]);
  });

  it("rejects rates that are not positive", () => {
    expect(() => tbfArgs("x1", { rateMbit: 0 })).toThrow("rate limit on x1: rateMbit must be in (0, 100000], got 0");
    expect(() => tbfArgs("x1", { rateMbit: Number.NaN })).toThrow(/got NaN/);
  });
});
