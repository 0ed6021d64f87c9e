import { describe, expect, it } from "vitest";
import { RandomStream } from "../../engine/rng.ts";
import { CellGrid, pathLossDb, RadioAccess, radioSchema, type Cell } from "./index.ts";

const params = radioSchema.parse({});

describe("log-distance path loss", () => {
  it("follows PL(d0) + 10 n log10(d / d0)", () => {
    expect(pathLossDb(1, params)).toBe(40);
    expect(pathLossDb(10, params)).toBeCloseTo(70, 12);
    expect(pathLossDb(100, params)).toBeCloseTo(100, 12);
    expect(pathLossDb(0.1, params)).toBe(40);
    expect(pathLossDb(100, { ...params, exponent: 2 })).toBeCloseTo(80, 12);
  });
});

describe("cell grid index", () => {
  it("returns exactly the cells a brute-force scan finds", () => {
    const rng = new RandomStream("grid-test");
    const cells: Cell[] = Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, x: rng.uniform(0, 2000), y: rng.uniform(0, 2000), rangeM: rng.uniform(50, 150) }));
    const grid = new CellGrid(cells);
    for (let q = 0; q < 2000; q++) {
      const x = rng.uniform(-100, 2100);
      const y = rng.uniform(-100, 2100);
      const brute = cells.flatMap((c, i) => (Math.hypot(c.x - x, c.y - y) <= c.rangeM ? [i] : [])).sort((a, b) => a - b);
      expect([...grid.covering(x, y)].sort((a, b) => a - b)).toEqual(brute);
    }
  });
});

describe("association with hysteresis and time-to-trigger", () => {
  // Two cells 200 m apart; a UE walks from the first to the second along the line between them.
  const cells: Cell[] = [
    { id: "A", x: 0, y: 0, rangeM: 150 },
    { id: "B", x: 200, y: 0, rangeM: 150 },
  ];

  function walk(hysteresisDb: number, timeToTriggerS: number, positions: number[]) {
    const radio = new RadioAccess(cells, { ...params, hysteresisDb, timeToTriggerS }, undefined, 1);
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
    expect(walk(3, 2, path)).toEqual(["connect A @0", "handover A->B @7"]);
    expect(walk(3, 0, path)).toEqual(["connect A @0", "handover A->B @5"]);
  });

  it("does not ping-pong when the UE wanders around the boundary within the hysteresis", () => {
    const wobble = [0, 95, 100, 105, 100, 108, 96, 104, 99, 107, 101];
    expect(walk(3, 0, wobble)).toEqual(["connect A @0"]);
    // Without hysteresis every crossing of the 100 m midpoint is a handover (equal RSSI keeps the cell).
    expect(walk(0, 0, wobble)).toEqual(["connect A @0", "handover A->B @3", "handover B->A @6", "handover A->B @7", "handover B->A @8", "handover A->B @9"]);
  });

  it("disconnects out of coverage, and reconnects", () => {
    expect(walk(3, 0, [0, 140, 400, 400, 300])).toEqual(["connect A @0", "handover A->B @1", "disconnect B @2", "connect B @4"]);
  });
});

describe("fast nearest-cell path", () => {
  it("gives the same associations as evaluating every cell's RSSI", () => {
    const rng = new RandomStream("fast-path");
    const cells: Cell[] = Array.from({ length: 60 }, (_, i) => ({ id: `c${i}`, x: rng.uniform(0, 1000), y: rng.uniform(0, 1000), rangeM: 150 }));
    const run = (shadowing: RandomStream | undefined, sigma: number): string[] => {
      const radio = new RadioAccess(cells, { ...params, shadowingDb: sigma }, shadowing, 200);
      const log: string[] = [];
      radio.ueHandover.subscribe((r) => log.push(`${r.ue}:${r.from}->${r.to}@${r.time}`));
      radio.ueConnected.subscribe((r) => log.push(`${r.ue}:+${r.cell}@${r.time}`));
      const walk = new RandomStream("walkers");
      const x = Float64Array.from({ length: 200 }, () => walk.uniform(0, 1000));
      const y = Float64Array.from({ length: 200 }, () => walk.uniform(0, 1000));
      for (let t = 0; t < 50; t++) {
        for (let i = 0; i < 200; i++) {
          x[i] = (x[i] as number) + walk.uniform(-5, 5);
          y[i] = (y[i] as number) + walk.uniform(-5, 5);
        }
        radio.update(t, x, y);
      }
      return log;
    };
    // A shadowing stream that always draws 0 forces the full path with identical physics.
    const zero = { normal: () => 0 } as unknown as RandomStream;
    const full = run(zero, 1e-12);
    expect(full.length).toBeGreaterThan(200);
    expect(run(undefined, 0)).toEqual(full);
  });
});
