import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { InMemorySamples, SpillingSamples, radixSelect } from "./sample-store.ts";
import { Tally } from "./tally.ts";
import { RngStreams } from "../rng.ts";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "gnf-samples-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Values with ties, negatives, zeros of both signs, tiny and huge magnitudes and infinities. */
function awkwardValues(n: number): number[] {
  const r = new RngStreams(11).stream("values");
  const special = [0, -0, 1e-300, -1e-300, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity, 0.1 + 0.2];
  return Array.from({ length: n }, (_, i) => {
    if (i % 97 === 0) return special[(i / 97) % special.length] as number;
    if (i % 3 === 0) return Math.round(r.normal(0, 5)); // many ties
    return r.lognormal(-4, 1.5) * (r.uniform(0, 1) < 0.2 ? -1 : 1);
  });
}

const sortedCopy = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

describe("radixSelect", () => {
  it("finds exact order statistics, the same as sorting", () => {
    const values = awkwardValues(5000);
    const sorted = sortedCopy(values);
    const ranks = [0, 1, 2, 499, 2500, 4749, 4750, 4998, 4999];
    const got = radixSelect((visit) => visit(Float64Array.from(values)), ranks);
    // −0 and +0 compare equal, so compare numerically.
    got.forEach((x, i) => expect(x === sorted[ranks[i] as number] || (x === 0 && sorted[ranks[i] as number] === 0)).toBe(true));
  });

  it("handles a single repeated value and answers repeated ranks", () => {
    expect(radixSelect((visit) => visit(new Float64Array(1000).fill(2.5)), [0, 999, 0])).toEqual([2.5, 2.5, 2.5]);
  });
});

describe("SpillingSamples", () => {
  it("gives the in-memory store's order statistics after spilling past memory and across blocks", () => {
    const values = awkwardValues(200_003); // > 3 blocks of 65,536 values
    const path = join(tempDir(), "latency.f64");
    const spilled = new SpillingSamples(path, 1000);
    const memory = new InMemorySamples();
    for (const x of values) {
      spilled.push(x);
      memory.push(x);
    }
    expect(spilled.spilled).toBe(true);
    expect(existsSync(path)).toBe(true);
    const ranks = [0, 10, 100_000, 190_002, 190_003, 200_002];
    expect(spilled.orderStatistics(ranks).map((x) => x + 0)).toEqual(memory.orderStatistics(ranks).map((x) => x + 0));
    expect(spilled.count).toBe(values.length);
    spilled.dispose();
    expect(existsSync(path)).toBe(false);
  });

  it("stays in memory (no file) below its limit", () => {
    const path = join(tempDir(), "small.f64");
    const s = new SpillingSamples(path, 10);
    for (const x of [3, 1, 2]) s.push(x);
    expect(s.orderStatistics([0, 2])).toEqual([1, 3]);
    expect(s.spilled).toBe(false);
    expect(existsSync(path)).toBe(false);
  });

  it("rejects a rank outside the values", () => {
    const s = new SpillingSamples(join(tempDir(), "r.f64"), 0);
    s.push(1);
    expect(() => s.orderStatistics([1])).toThrow("rank 1 is outside 0..0");
  });
});

describe("Tally with a spilling store", () => {
  it("reports exactly the same statistics as an in-memory tally", () => {
    const r = new RngStreams(3).stream("latency");
    const memory = new Tally("latency");
    const spilled = new Tally("latency", new SpillingSamples(join(tempDir(), "t.f64"), 500));
    for (let i = 0; i < 70_000; i++) {
      const x = Math.round(r.exponential(0.02) * 1e6) / 1e6;
      memory.observe(x);
      spilled.observe(x);
    }
    expect(spilled.summary()).toEqual(memory.summary());
    for (const p of [0, 1, 50, 95, 99.9, 100]) expect(spilled.percentile(p)).toBe(memory.percentile(p));
  });
});
