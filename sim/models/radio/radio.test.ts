import { describe, expect, it } from "vitest";
import { RandomStream } from "../../../base/rng.ts";
import { CellGrid, pathLossDb, RadioAccess, radioSchema, rssiDbm, ShadowingMap, type Cell, type RadioParams } from "./index.ts";

const params = radioSchema.parse({});

describe("log-distance path loss", () => {
  it("follows PL(d0) + 10 n log10(d / d0)", () => {
    expect(pathLossDb(1, params)).toBe(40);
    expect(pathLossDb(10, params)).toBeCloseTo(70, 12);
    expect(pathLossDb(100, params)).toBeCloseTo(100, 12);
    expect(pathLossDb(0.1, params)).toBe(40);
    expect(pathLossDb(100, { ...params, exponent: 2 })).toBeCloseTo(80, 12);
    expect(pathLossDb(50, { referenceDistanceM: 10, referenceLossDb: 60, exponent: 3.5 })).toBeCloseTo(60 + 35 * Math.log10(5), 12);
    expect(rssiDbm(20, 100, params)).toBeCloseTo(-80, 12);
  });
});

describe("cell grid index", () => {
  it("returns exactly the cells a brute-force scan finds, in index order", () => {
    const rng = new RandomStream("grid-test");
    const cells: Cell[] = Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, x: rng.uniform(0, 2000), y: rng.uniform(0, 2000), rangeM: rng.uniform(50, 150) }));
    const queries = Array.from({ length: 2000 }, () => [rng.uniform(-200, 2200), rng.uniform(-200, 2200)] as const);
    for (const grid of [new CellGrid(cells), new CellGrid(cells, { bucketM: 400, marginM: 30 }), new CellGrid(cells, { maxBuckets: 10 })]) {
      let total = 0;
      for (const [x, y] of queries) {
        const brute = cells.flatMap((c, i) => (Math.hypot(c.x - x, c.y - y) <= c.rangeM ? [i] : []));
        expect([...grid.covering(x, y)]).toEqual(brute);
        // Candidates include every cell within range + margin.
        const reach = cells.flatMap((c, i) => (Math.hypot(c.x - x, c.y - y) <= c.rangeM + grid.marginM ? [i] : []));
        const candidates = new Set(grid.candidates(x, y));
        expect(reach.every((i) => candidates.has(i))).toBe(true);
        total += brute.length;
      }
      expect(total).toBe(3681);
    }
  });

  it("has bounded buckets and touches few cells per query", () => {
    const rng = new RandomStream("grid-size");
    const cells: Cell[] = Array.from({ length: 125 }, (_, i) => ({ id: `c${i}`, x: rng.uniform(0, 2000), y: rng.uniform(0, 1300), rangeM: 250 }));
    const grid = new CellGrid(cells);
    expect([grid.bucketM, grid.columns, grid.rows]).toEqual([62.5, 40, 29]);
    let touched = 0;
    for (let q = 0; q < 1000; q++) touched += grid.candidates(rng.uniform(0, 2000), rng.uniform(0, 1300)).length;
    // ≈ 125 cells × π (250 m)² / 2.6 km² ≈ 9.4 covering, plus the bucket's edge effects.
    expect(touched / 1000).toBeCloseTo(10.43, 6);
    expect(new CellGrid(cells, { maxBuckets: 100 }).columns * new CellGrid(cells, { maxBuckets: 100 }).rows).toBeLessThanOrEqual(110);
    expect(grid.candidates(-1e6, 0).length).toBe(0);
    expect(() => new CellGrid([{ id: "bad", x: 0, y: 0, rangeM: 0 }])).toThrow("cell bad");
  });
});

describe("association with hysteresis and time-to-trigger", () => {
  // Two cells 200 m apart; a UE walks from the first to the second along the line between them.
  const cells: Cell[] = [
    { id: "A", x: 0, y: 0, rangeM: 150 },
    { id: "B", x: 200, y: 0, rangeM: 150 },
  ];

  function walk(hysteresisDb: number, timeToTriggerS: number, positions: number[], exhaustive = false) {
    const radio = new RadioAccess(cells, { ...params, hysteresisDb, timeToTriggerS }, undefined, 1, { exhaustive });
    const events: string[] = [];
    radio.ueConnected.subscribe((r) => events.push(`connect ${r.cell} @${r.time}`));
    radio.ueHandover.subscribe((r) => events.push(`handover ${r.from}->${r.to} @${r.time}`));
    radio.ueDisconnected.subscribe((r) => events.push(`disconnect ${r.cell} @${r.time}`));
    positions.forEach((x, t) => radio.update(t, Float64Array.of(x), Float64Array.of(0)));
    return events;
  }

  it("hands over only after the neighbour is better by the hysteresis for the time-to-trigger", () => {
    // 3 dB at n = 3 means d_B < d_A / 10^(3/30) ≈ 0.794 d_A: beyond x ≈ 111.5 m.
    const path = [0, 50, 100, 105, 110, 112, 115, 120, 125, 130, 135];
    for (const exhaustive of [false, true]) {
      expect(walk(3, 2, path, exhaustive)).toEqual(["connect A @0", "handover A->B @7"]);
      expect(walk(3, 0, path, exhaustive)).toEqual(["connect A @0", "handover A->B @5"]);
    }
  });

  it("restarts the time-to-trigger when the neighbour stops being better", () => {
    // Better at t = 2, 3, not at 4 (back to 100 m), better again from 5: TTT 2 s fires at 7, not 4.
    expect(walk(3, 2, [0, 50, 115, 115, 100, 115, 115, 115, 115])).toEqual(["connect A @0", "handover A->B @7"]);
  });

  it("does not ping-pong when the UE wanders around the boundary within the hysteresis", () => {
    const wobble = [0, 95, 100, 105, 100, 108, 96, 104, 99, 107, 101];
    expect(walk(3, 0, wobble)).toEqual(["connect A @0"]);
    // Without hysteresis every crossing of the 100 m midpoint is a handover (equal RSSI keeps the cell).
    expect(walk(0, 0, wobble)).toEqual(["connect A @0", "handover A->B @3", "handover B->A @6", "handover A->B @7", "handover B->A @8", "handover A->B @9"]);
  });

  it("disconnects out of coverage, hands over at once when the serving cell is lost, and reconnects", () => {
    expect(walk(3, 0, [0, 140, 400, 400, 300])).toEqual(["connect A @0", "handover A->B @1", "disconnect B @2", "connect B @4"]);
    // TTT does not delay a handover forced by losing the serving cell (A's range ends at 150 m).
    expect(walk(3, 30, [0, 140, 155])).toEqual(["connect A @0", "handover A->B @2"]);
  });
});

/** 200 UEs taking random steps among 60 cells for 80 s; returns the event log and the radio. */
function randomWalkers(radioParams: RadioParams, options: { exhaustive?: boolean; shadowing?: RandomStream; ues?: number } = {}) {
  const rng = new RandomStream("fast-path-cells");
  const cells: Cell[] = Array.from({ length: 60 }, (_, i) => ({ id: `c${i}`, x: rng.uniform(0, 1000), y: rng.uniform(0, 1000), rangeM: rng.uniform(120, 180) }));
  const ues = options.ues ?? 200;
  const radio = new RadioAccess(cells, radioParams, options.shadowing, ues, { exhaustive: options.exhaustive === true });
  const log: string[] = [];
  radio.ueHandover.subscribe((r) => log.push(`${r.ue}:${r.from}->${r.to}@${r.time} ${r.rssiDbm.toFixed(6)}`));
  radio.ueConnected.subscribe((r) => log.push(`${r.ue}:+${r.cell}@${r.time} ${r.rssiDbm.toFixed(6)}`));
  radio.ueDisconnected.subscribe((r) => log.push(`${r.ue}:-${r.cell}@${r.time} ${r.rssiDbm.toFixed(6)}`));
  const walk = new RandomStream("walkers");
  const x = Float64Array.from({ length: ues }, () => walk.uniform(0, 1000));
  const y = Float64Array.from({ length: ues }, () => walk.uniform(0, 1000));
  for (let t = 0; t < 80; t++) {
    for (let i = 0; i < ues; i++) {
      x[i] = (x[i] as number) + walk.uniform(-6, 6);
      y[i] = (y[i] as number) + walk.uniform(-6, 6);
    }
    radio.update(t, x, y);
  }
  return { log, radio };
}

describe("fast nearest-cell path with safe radii", () => {
  it.each([
    [3, 2, 339, 2433],
    [0, 0, 949, 5072],
    [6, 1, 313, 1750],
  ])("gives the same events as evaluating every cell's RSSI (hysteresis %d dB, TTT %d s)", (hysteresisDb, timeToTriggerS, events, evaluations) => {
    const p = { ...params, hysteresisDb, timeToTriggerS };
    const fast = randomWalkers(p);
    const full = randomWalkers(p, { exhaustive: true });
    expect(fast.log).toEqual(full.log);
    expect(fast.log.length).toBe(events);
    // The safe radius skips most UE evaluations (200 UEs × 80 updates = 16,000).
    expect(full.radio.evaluations).toBe(16000);
    expect(fast.radio.evaluations).toBe(evaluations);
    fast.radio.refreshServingRssi();
    full.radio.refreshServingRssi();
    expect(Array.from(fast.radio.servingRssi)).toEqual(Array.from(full.radio.servingRssi));
  });
});

describe("shadowing", () => {
  it("is a fixed field: deterministic, zero-mean with the configured sigma, correlated over short distances", () => {
    const map = new ShadowingMap(8, 50, 1234);
    expect(map.at(3, 120.5, 40)).toBe(map.at(3, 120.5, 40));
    expect(map.at(3, 120.5, 40)).toBeCloseTo(7.6600743, 6);
    const rng = new RandomStream("shadow-points");
    let sum = 0;
    let sum2 = 0;
    let near = 0;
    const n = 20000;
    for (let k = 0; k < n; k++) {
      const x = rng.uniform(-5000, 5000);
      const y = rng.uniform(-5000, 5000);
      const v = map.at(k % 7, x, y);
      sum += v;
      sum2 += v * v;
      near += Math.abs(map.at(k % 7, x + 1, y) - v);
    }
    const mean = sum / n;
    const sd = Math.sqrt(sum2 / n - mean * mean);
    expect(Math.abs(mean)).toBeLessThan((3 * 8) / Math.sqrt(n));
    expect(Math.abs(sd - 8)).toBeLessThan(0.2);
    expect(near / n).toBeLessThan(0.6);
    expect(new ShadowingMap(0, 50, 1).at(0, 1, 1)).toBe(0);
    // Precomputed lattices give the very same values as hashing.
    const cached = new ShadowingMap(8, 50, 1234);
    cached.prepare(3, 100, 50, 200);
    for (const [x, y] of [[120.5, 40], [-99, -149], [299.9, 249.9], [5000, 5000]] as const) expect(cached.at(3, x, y)).toBe(map.at(3, x, y));
  });

  it("makes association depend only on a UE's own path, not on other UEs", () => {
    const p = { ...params, shadowingDb: 6 };
    const few = randomWalkers(p, { shadowing: new RandomStream("shadow"), ues: 200 });
    const mine = (log: string[]) => log.filter((l) => Number(l.split(":")[0]) < 50);
    // Same walkers (the first 200 draws), shadowing from the same seed: UEs 0..49 identical.
    const again = randomWalkers(p, { shadowing: new RandomStream("shadow"), ues: 200 });
    expect(again.log).toEqual(few.log);
    expect(mine(few.log).length).toBe(127);
    const noShadow = randomWalkers(params, { ues: 200 });
    expect(noShadow.log).not.toEqual(few.log);
  });
});
