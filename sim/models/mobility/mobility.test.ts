import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RngStreams } from "../../engine/rng.ts";
import { createMobility, GaussMarkov, ManhattanGrid, RandomWaypoint, readTrace, TraceReplay, type MobilityModel } from "./index.ts";

const area = { width: 200, height: 200 };

/** Time-average speed over `seconds` of `dt` steps (distance travelled / time), all UEs. */
function averageSpeed(m: MobilityModel, seconds: number, dt = 1): number {
  let distance = 0;
  const px = Float64Array.from(m.x);
  const py = Float64Array.from(m.y);
  for (let t = 0; t < seconds; t += dt) {
    m.step(dt);
    for (let i = 0; i < m.count; i++) {
      distance += Math.hypot((m.x[i] as number) - (px[i] as number), (m.y[i] as number) - (py[i] as number));
      px[i] = m.x[i] as number;
      py[i] = m.y[i] as number;
    }
  }
  return distance / (seconds * m.count);
}

describe("random waypoint", () => {
  it("time-average speed = (vmax − vmin) / ln(vmax / vmin) without pauses (not the mean speed)", () => {
    const m = new RandomWaypoint(200, area, { minSpeed: 0.5, maxSpeed: 1.5, pause: 0 }, new RngStreams(3));
    const expected = 1 / Math.log(3);
    const measured = averageSpeed(m, 4000, 0.5);
    expect(Math.abs(measured - expected) / expected).toBeLessThan(0.02);
    expect(Math.abs(measured - 1.0)).toBeGreaterThan(0.05);
  });

  it("stays in the area and pauses at waypoints", () => {
    const m = new RandomWaypoint(50, area, { minSpeed: 1, maxSpeed: 1, pause: 1000 }, new RngStreams(4));
    for (let t = 0; t < 600; t++) m.step(1);
    for (let i = 0; i < m.count; i++) {
      expect(m.x[i]).toBeGreaterThanOrEqual(0);
      expect(m.x[i]).toBeLessThanOrEqual(200);
    }
    // With a 1000 s pause after the first leg (< 283 s), everyone is parked: nobody moves.
    const x = Float64Array.from(m.x);
    m.step(10);
    expect(Array.from(m.x)).toEqual(Array.from(x));
  });

  it("is deterministic, and adding UEs does not change the others' paths", () => {
    const a = new RandomWaypoint(3, area, { minSpeed: 0.5, maxSpeed: 1.5, pause: 5 }, new RngStreams(9));
    const b = new RandomWaypoint(30, area, { minSpeed: 0.5, maxSpeed: 1.5, pause: 5 }, new RngStreams(9));
    for (let t = 0; t < 300; t++) {
      a.step(1);
      b.step(1);
    }
    expect(Array.from(b.x.slice(0, 3))).toEqual(Array.from(a.x));
    const again = new RandomWaypoint(3, area, { minSpeed: 0.5, maxSpeed: 1.5, pause: 5 }, new RngStreams(9));
    for (let t = 0; t < 300; t++) again.step(1);
    expect(Array.from(again.y)).toEqual(Array.from(a.y));
    const otherSeed = new RandomWaypoint(3, area, { minSpeed: 0.5, maxSpeed: 1.5, pause: 5 }, new RngStreams(10));
    expect(otherSeed.x[0]).not.toBe(again.x[0]);
  });
});

describe("Gauss–Markov", () => {
  it("is stationary around the mean speed", () => {
    const m = new GaussMarkov(300, { width: 5000, height: 5000 }, { alpha: 0.8, meanSpeed: 2, speedStd: 0.3, meanDirection: 0, directionStd: 0.4 }, new RngStreams(5));
    let sum = 0;
    let n = 0;
    for (let t = 0; t < 400; t++) {
      m.step(1);
      if (t < 100) continue;
      for (let i = 0; i < m.count; i++) {
        sum += m.speed[i] as number;
        n++;
      }
    }
    expect(Math.abs(sum / n - 2)).toBeLessThan(0.02);
  });
});

describe("Manhattan grid", () => {
  it("keeps every UE on a street", () => {
    const m = new ManhattanGrid(100, { width: 500, height: 400 }, { blockSize: 100, minSpeed: 1, maxSpeed: 3, turnProbability: 0.25 }, new RngStreams(6));
    for (let t = 0; t < 500; t++) {
      m.step(1);
      for (let i = 0; i < m.count; i++) {
        const onVertical = Math.abs((m.x[i] as number) / 100 - Math.round((m.x[i] as number) / 100)) < 1e-6;
        const onHorizontal = Math.abs((m.y[i] as number) / 100 - Math.round((m.y[i] as number) / 100)) < 1e-6;
        expect(onVertical || onHorizontal).toBe(true);
        expect(m.x[i]).toBeGreaterThanOrEqual(-1e-6);
        expect(m.x[i]).toBeLessThanOrEqual(500 + 1e-6);
      }
    }
  });
});

describe("trace replay", () => {
  it("interpolates linearly between samples and holds the ends", () => {
    const m = new TraceReplay([
      { time: 0, id: "a", x: 0, y: 0 },
      { time: 10, id: "a", x: 100, y: 50 },
      { time: 5, id: "b", x: 7, y: 7 },
    ]);
    expect([m.x[0], m.y[0], m.x[1]]).toEqual([0, 0, 7]);
    m.step(2.5);
    expect([m.x[0], m.y[0]]).toEqual([25, 12.5]);
    m.step(20);
    expect([m.x[0], m.y[0], m.x[1]]).toEqual([100, 50, 7]);
  });

  it("reads the iFogSim Melbourne user path (Latitude,Longitude rows, 1 s apart)", () => {
    const file = fileURLToPath(new URL("../../../topologies/data/ifogsim-melbcbd/usersLocation-melbCBD_1.csv", import.meta.url));
    const samples = readTrace(file);
    expect(samples.length).toBe(82);
    expect(samples[81]?.time).toBe(81);
    const m = createMobility({ model: "trace", file, sampleInterval: 1, oneUePerRow: false }, 0, area, new RngStreams(1));
    expect(m.count).toBe(1);
  });

  it("reads the EUA generated users as 816 static UEs", () => {
    const file = fileURLToPath(new URL("../../../topologies/data/eua/users-melbcbd-generated.csv", import.meta.url));
    expect(new TraceReplay(readTrace(file, { oneUePerRow: true })).count).toBe(816);
  });
});
