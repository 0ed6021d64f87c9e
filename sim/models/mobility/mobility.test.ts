import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RngStreams } from "../../../base/rng.ts";
import {
  ConvexPolygon,
  createMobility,
  MELBOURNE_CBD_POLYGON,
  projectPolygon,
  GaussMarkov,
  ManhattanGrid,
  meanDistanceInRectangle,
  MOBILITY,
  MOBILITY_DATA,
  MOBILITY_MODELS,
  mobilitySchema,
  RandomWalk,
  RandomWaypoint,
  randomWaypointMeanSpeed,
  readTrace,
  TraceReplay,
  uesSchema,
  type MobilityModel,
} from "./index.ts";

const area = { width: 200, height: 200 };

/** Per-UE time-average speeds (distance travelled / time) over `seconds` of `dt` steps. */
function perUeSpeeds(m: MobilityModel, seconds: number, dt = 1): number[] {
  const distance = new Float64Array(m.count);
  const px = Float64Array.from(m.x);
  const py = Float64Array.from(m.y);
  for (let t = 0; t < seconds; t += dt) {
    m.step(dt);
    for (let i = 0; i < m.count; i++) {
      distance[i] = (distance[i] as number) + Math.hypot((m.x[i] as number) - (px[i] as number), (m.y[i] as number) - (py[i] as number));
      px[i] = m.x[i] as number;
      py[i] = m.y[i] as number;
    }
  }
  return Array.from(distance, (d) => d / seconds);
}

/** Mean and 95% confidence half-width (normal approximation, independent UEs). */
function meanCi(values: number[]): { mean: number; half: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, half: 1.96 * Math.sqrt(variance / values.length) };
}

describe("mean distance between uniform points of a rectangle", () => {
  it("matches the unit-square constant and scales linearly", () => {
    const unitSquare = (2 + Math.SQRT2 + 5 * Math.log(1 + Math.SQRT2)) / 15;
    expect(meanDistanceInRectangle(1, 1)).toBeCloseTo(unitSquare, 12);
    expect(unitSquare).toBeCloseTo(0.5214054, 7);
    expect(meanDistanceInRectangle(200, 200)).toBeCloseTo(200 * unitSquare, 9);
    expect(meanDistanceInRectangle(2, 1)).toBeCloseTo(meanDistanceInRectangle(1, 2), 12);
    expect(meanDistanceInRectangle(2, 1)).toBeCloseTo(0.804772, 6);
  });
});

describe("random waypoint", () => {
  it("time-average speed = (vmax − vmin) / ln(vmax / vmin) without pauses (not the mean speed)", () => {
    const m = new RandomWaypoint(200, area, { minSpeed: 0.5, maxSpeed: 1.5, pause: 0, steadyState: true }, new RngStreams(3));
    const expected = 1 / Math.log(3);
    expect(randomWaypointMeanSpeed(area, { minSpeed: 0.5, maxSpeed: 1.5, pause: 0 })).toBeCloseTo(expected, 12);
    const { mean, half } = meanCi(perUeSpeeds(m, 2000, 0.5));
    expect(Math.abs(mean - expected)).toBeLessThan(half);
    expect(mean).toBeCloseTo(0.915601, 6);
    expect(Math.abs(mean - 1.0)).toBeGreaterThan(5 * half);
  });

  it("time-average speed with pauses = E[L] / (E[L]·E[1/V] + pause), within the 95% CI", () => {
    const p = { minSpeed: 0.5, maxSpeed: 1.5, pause: 20, steadyState: true };
    const expected = randomWaypointMeanSpeed(area, p);
    expect(expected).toBeCloseTo(104.2811 / (104.2811 * Math.log(3) + 20), 5);
    const { mean, half } = meanCi(perUeSpeeds(new RandomWaypoint(300, area, p, new RngStreams(11)), 2500));
    expect(Math.abs(mean - expected)).toBeLessThan(half);
    expect(mean).toBeCloseTo(0.777344, 6);
    expect(half).toBeLessThan(0.01);
  });

  it("starts in steady state (no speed decay); a uniform start is too fast at first", () => {
    const p = { minSpeed: 0.2, maxSpeed: 2, pause: 5, steadyState: true };
    const expected = randomWaypointMeanSpeed(area, p);
    const steady = meanCi(perUeSpeeds(new RandomWaypoint(3000, area, p, new RngStreams(12)), 40));
    expect(Math.abs(steady.mean - expected)).toBeLessThan(steady.half);
    const uniform = meanCi(perUeSpeeds(new RandomWaypoint(3000, area, { ...p, steadyState: false }, new RngStreams(12)), 40));
    expect(uniform.mean - expected).toBeGreaterThan(5 * uniform.half);
    expect([steady.mean, uniform.mean].map((v) => Number(v.toFixed(6)))).toEqual([0.744759, 1.065195]);
  });

  it("stays in the area and pauses at waypoints", () => {
    const m = new RandomWaypoint(50, area, { minSpeed: 1, maxSpeed: 1, pause: 1000, steadyState: false }, new RngStreams(4));
    for (let t = 0; t < 600; t++) m.step(1);
    expect(Array.from(m.x).every((x) => x >= 0 && x <= 200)).toBe(true);
    expect(Array.from(m.y).every((y) => y >= 0 && y <= 200)).toBe(true);
    // With a 1000 s pause after the first leg (< 283 s), everyone is parked: nobody moves.
    const x = Float64Array.from(m.x);
    m.step(10);
    expect(Array.from(m.x)).toEqual(Array.from(x));
    expect(Array.from(m.speed).every((v) => v === 0)).toBe(true);
  });

  it("rejects minSpeed 0 (speed decay to 0) and a degenerate area", () => {
    expect(() => new RandomWaypoint(1, area, { minSpeed: 0, maxSpeed: 1, pause: 0 }, new RngStreams(1))).toThrow("0 < minSpeed");
    expect(() => new RandomWaypoint(1, { width: 0, height: 5 }, { minSpeed: 1, maxSpeed: 1, pause: 0 }, new RngStreams(1))).toThrow("positive finite width and height");
  });
});

describe("random walk", () => {
  it("reflects at the borders and stays in the area", () => {
    const m = new RandomWalk(100, { width: 50, height: 30 }, { minSpeed: 1, maxSpeed: 5, legTime: 20 }, new RngStreams(8));
    let inside = true;
    for (let t = 0; t < 300; t++) {
      m.step(1);
      for (let i = 0; i < m.count; i++) inside &&= (m.x[i] as number) >= 0 && (m.x[i] as number) <= 50 && (m.y[i] as number) >= 0 && (m.y[i] as number) <= 30;
    }
    expect(inside).toBe(true);
    expect([m.x[0], m.y[0]].map((v) => Number((v as number).toFixed(6)))).toEqual([29.688708, 25.440533]);
  });

  it.each([
    ["time", 5, [3.3, 5.4, 3.5, 6.2, 6]],
    ["distance", 12, [12, 12, 12, 12, 12]],
  ] as const)("ends legs after a fixed %s", (legMode, leg, legLengths) => {
    // One UE in a huge area, stepped finely; legs are the straight pieces of its path.
    const m = new RandomWalk(1, { width: 1e6, height: 1e6 }, { minSpeed: 0.5, maxSpeed: 1.5, legMode, legTime: leg, legDistance: leg }, new RngStreams(21));
    const lengths: number[] = [];
    let length = 0;
    let [dx, dy] = [0, 0];
    for (let k = 0; k < 200_000 && lengths.length < 5; k++) {
      const [x0, y0] = [m.x[0] as number, m.y[0] as number];
      m.step(0.001);
      const [ex, ey] = [(m.x[0] as number) - x0, (m.y[0] as number) - y0];
      // The step that contains a corner is a short chord: it joins the next leg.
      if (length > 0.01 && Math.abs(ex * dy - ey * dx) > 1e-9) {
        lengths.push(Number(length.toFixed(1)));
        length = 0;
      }
      length += Math.hypot(ex, ey);
      [dx, dy] = [ex, ey];
    }
    expect(lengths).toEqual(legLengths);
  });

  it("needs minSpeed > 0 for distance legs", () => {
    expect(() => new RandomWalk(1, area, { minSpeed: 0, maxSpeed: 1, legMode: "distance", legTime: 1, legDistance: 5 }, new RngStreams(1))).toThrow("minSpeed > 0");
    expect(mobilitySchema.safeParse({ model: "random-walk", minSpeed: 0, legMode: "distance" }).error?.issues[0]?.message).toBe("distance legs need minSpeed > 0");
  });
});

describe("Gauss–Markov", () => {
  it("is stationary: speed mean and standard deviation as configured, lag-1 autocorrelation alpha", () => {
    const alpha = 0.8;
    const m = new GaussMarkov(300, { width: 5000, height: 5000 }, { alpha, meanSpeed: 2, speedStd: 0.3, meanDirection: 0, directionStd: 0.4 }, new RngStreams(5));
    let sum = 0;
    let sum2 = 0;
    let lagged = 0;
    let n = 0;
    const previous = new Float64Array(m.count);
    for (let t = 0; t < 400; t++) {
      previous.set(m.speed);
      m.step(1);
      if (t < 100) continue;
      for (let i = 0; i < m.count; i++) {
        const s = m.speed[i] as number;
        sum += s;
        sum2 += s * s;
        lagged += (s - 2) * ((previous[i] as number) - 2);
        n++;
      }
    }
    const mean = sum / n;
    const variance = sum2 / n - mean * mean;
    expect(Math.abs(mean - 2)).toBeLessThan(0.01);
    expect(Math.abs(Math.sqrt(variance) - 0.3)).toBeLessThan(0.01);
    expect(Math.abs(lagged / n / variance - alpha)).toBeLessThan(0.02);
    expect([mean, Math.sqrt(variance)].map((v) => Number(v.toFixed(5)))).toEqual([2.00098, 0.29708]);
  });
});

describe("Manhattan grid", () => {
  it("keeps every UE on a street, inside the grid", () => {
    const m = new ManhattanGrid(100, { width: 500, height: 400 }, { blockSize: 100, minSpeed: 1, maxSpeed: 3, turnProbability: 0.25 }, new RngStreams(6));
    const onLine = (v: number) => Math.abs(v / 100 - Math.round(v / 100)) < 1e-6;
    let offStreet = 0;
    let outside = 0;
    for (let t = 0; t < 500; t++) {
      m.step(1);
      for (let i = 0; i < m.count; i++) {
        const x = m.x[i] as number;
        const y = m.y[i] as number;
        if (!onLine(x) && !onLine(y)) offStreet++;
        if (x < -1e-6 || x > 500 + 1e-6 || y < -1e-6 || y > 400 + 1e-6) outside++;
      }
    }
    expect([offStreet, outside]).toEqual([0, 0]);
    expect([m.x[0], m.y[0]].map((v) => Number((v as number).toFixed(6)))).toEqual([200, 383.109584]);
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

  it("reads time,id,x,y and time,id,lat,lon files (projected around the given origin, minus the offset)", () => {
    const dir = mkdtempSync(join(tmpdir(), "gnf-trace-"));
    const planar = join(dir, "planar.csv");
    writeFileSync(planar, "time,id,x,y\n0,u1,0,0\n4,u1,40,0\n0,u2,5,5\n2,u2,5,25\n");
    const m = new TraceReplay(readTrace(planar));
    m.step(1);
    expect([m.ids, m.x[0], m.x[1], m.y[1]]).toEqual([["u1", "u2"], 10, 5, 15]);
    const geo = join(dir, "geo.csv");
    writeFileSync(geo, "time,id,lat,lon\n0,u1,-37.81,144.96\n10,u1,-37.81,144.97\n");
    const samples = readTrace(geo, { origin: { lat: -37.81, lon: 144.96 }, offset: { x: -100, y: 0 } });
    expect(samples.map((s) => [s.x, s.y].map((v) => Number(v.toFixed(3))))).toEqual([
      [100, 0],
      [978.495, 0],
    ]);
  });

  it("names the file, row and what it expected on bad input", () => {
    const dir = mkdtempSync(join(tmpdir(), "gnf-trace-"));
    const noPosition = join(dir, "a.csv");
    writeFileSync(noPosition, "time,id,east,north\n0,a,1,2\n");
    expect(() => readTrace(noPosition)).toThrow(`${noPosition}: expected a header with x,y (metres) or lat,lon / Latitude,Longitude (degrees), found "time,id,east,north"`);
    const bad = join(dir, "b.csv");
    writeFileSync(bad, "time,id,x,y\n0,a,1,2\nsoon,a,3,4\n");
    expect(() => readTrace(bad)).toThrow(`${bad}: row 3: expected numeric time and position`);
    expect(() => readTrace(join(dir, "missing.csv"))).toThrow("cannot read the mobility trace");
  });

  it("reads the iFogSim Melbourne user path (Latitude,Longitude rows, 1 s apart)", () => {
    const samples = readTrace(MOBILITY_DATA.ifogsimUserPath);
    expect(samples.length).toBe(82);
    expect(samples[81]?.time).toBe(81);
    const steps = samples.slice(1).map((s, i) => Math.hypot(s.x - (samples[i]?.x as number), s.y - (samples[i]?.y as number)));
    expect(Math.max(...steps)).toBeCloseTo(422.802, 3);
    const m = createMobility({ model: "trace", file: MOBILITY_DATA.ifogsimUserPath, sampleInterval: 1, oneUePerRow: false }, 0, area, new RngStreams(1));
    expect(m.count).toBe(1);
    expect(new TraceReplay(readTrace(MOBILITY_DATA.ifogsimRandomPath1)).count).toBe(1);
  });

  it("puts lat/lon traces in the caller's frame (topology origin, area offset)", () => {
    const config = mobilitySchema.parse({ model: "trace", file: MOBILITY_DATA.ifogsimUserPath });
    const own = createMobility(config, 0, area, new RngStreams(1));
    const framed = createMobility(config, 0, area, new RngStreams(1), { origin: { lat: -37.8136, lon: 144.9631 }, offset: { x: -1000, y: -500 } });
    expect([own.x[0], own.y[0]].map((v) => Number((v as number).toFixed(3)))).toEqual([-943.935, 109.14]);
    expect([framed.x[0], framed.y[0]].map((v) => Number((v as number).toFixed(3)))).toEqual([57.466, 511.916]);
  });

  it("reads the EUA generated users as 816 static UEs", () => {
    expect(new TraceReplay(readTrace(MOBILITY_DATA.euaUsers, { oneUePerRow: true })).count).toBe(816);
  });
});

describe("MOBILITY registry and the ues config", () => {
  it("builds every model from its defaults, deterministically, one stream per UE", () => {
    const names = MOBILITY_MODELS.filter((n) => n !== "trace" && n !== "waypoints");
    expect(MOBILITY_MODELS).toEqual(["static", "random-waypoint", "random-walk", "gauss-markov", "manhattan", "waypoints", "trace"]);
    for (const model of names) {
      const config = mobilitySchema.parse({ model });
      const few = createMobility(config, 3, { width: 400, height: 300 }, new RngStreams(7));
      const many = createMobility(config, 20, { width: 400, height: 300 }, new RngStreams(7));
      const again = createMobility(config, 3, { width: 400, height: 300 }, new RngStreams(7));
      for (let t = 0; t < 200; t++) [few, many, again].forEach((m) => m.step(1));
      expect(few.name).toBe(model);
      expect(Array.from(many.x.slice(0, 3))).toEqual(Array.from(few.x));
      expect(Array.from(again.y)).toEqual(Array.from(few.y));
      expect(MOBILITY[model].schema).toBeDefined();
    }
  });

  it("waypoints: every UE walks the polyline at its speed, starting `stagger` apart, pausing at corners", () => {
    const config = mobilitySchema.parse({ model: "waypoints", speed: 2, points: [[0, 0], [10, 0], [10, 10]], stagger: 3, pause: 1 });
    const m = createMobility(config, 2, { width: 10, height: 10 }, new RngStreams(1));
    const at = (_t: number) => [m.x[0], m.y[0], m.x[1], m.y[1]];
    expect(at(0)).toEqual([0, 0, 0, 0]);
    m.step(4); // UE 0: 8 m along the first leg; UE 1 started at 3 s: 2 m
    expect(at(4)).toEqual([8, 0, 2, 0]);
    m.step(2); // UE 0 reached (10, 0) at 5 s and pauses until 6 s
    expect(at(6)).toEqual([10, 0, 6, 0]);
    m.step(5); // UE 0 walked 10 m north by 11 s; UE 1 at 11 s: reached (10, 0) at 8 s, paused to 9 s, 4 m north
    expect(at(11)).toEqual([10, 10, 10, 4]);
    expect(uesSchema.safeParse({ mobility: { model: "waypoints", points: [[0, 0]] } }).success).toBe(false);
  });

  it("parses defaults and rejects bad input with the key path", () => {
    expect(uesSchema.parse({})).toEqual({ count: 10, step: 1, mobility: { model: "random-waypoint", minSpeed: 0.5, maxSpeed: 1.5, pause: 30 } });
    expect(mobilitySchema.parse({ model: "random-walk" })).toEqual({ model: "random-walk", minSpeed: 0.5, maxSpeed: 1.5, legMode: "time", legTime: 30, legDistance: 30 });
    const issues = (input: unknown) => uesSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues({ mobility: { model: "random-waypoint", minSpeed: 0 } })).toEqual(["mobility.minSpeed: random waypoint needs minSpeed > 0 (its mean speed decays to 0 otherwise)"]);
    expect(issues({ mobility: { model: "manhattan", minSpeed: 2, maxSpeed: 1 } })).toEqual(["mobility.maxSpeed: maxSpeed must be >= minSpeed"]);
    expect(issues({ mobility: { model: "gauss-markov", speed: 3 } })?.[0]).toContain("Unrecognized key");
    expect(issues({ mobility: { model: "teleport" } })?.[0]).toContain("mobility.model");
    expect(issues({ count: 2.5 })?.[0]).toContain("count");
  });
});

describe("convex regions", () => {
  const square = new ConvexPolygon([
    { x: 10, y: 10 },
    { x: 110, y: 10 },
    { x: 110, y: 110 },
    { x: 10, y: 110 },
    { x: 10, y: 10 },
  ]);

  it("check convexity, test membership and estimate the mean pair distance", () => {
    expect(square.points.length).toBe(4);
    expect(square.areaM2).toBe(10000);
    expect([square.contains(50, 50), square.contains(10, 60), square.contains(5, 50), square.contains(111, 111)]).toEqual([true, true, false, false]);
    expect(Math.abs(square.meanPairDistance() / meanDistanceInRectangle(100, 100) - 1)).toBeLessThan(0.003);
    expect(() => new ConvexPolygon([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 2, y: 2 }, { x: 0, y: 10 }])).toThrow("not convex");
    expect(() => new ConvexPolygon([{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 2 }])).toThrow("no area");
  });

  it("keep random waypoint UEs inside, at the closed-form mean speed with the region's mean leg", () => {
    const triangle = new ConvexPolygon([{ x: 0, y: 0 }, { x: 300, y: 0 }, { x: 0, y: 300 }]);
    const where = { width: 300, height: 300, region: triangle };
    const p = { minSpeed: 0.5, maxSpeed: 1.5, pause: 10, steadyState: true };
    const m = new RandomWaypoint(300, where, p, new RngStreams(14));
    let outside = Array.from(m.x).filter((x, i) => !triangle.contains(x, m.y[i] as number)).length;
    const speeds: number[] = [];
    for (let k = 0; k < 10; k++) {
      speeds.push(...perUeSpeeds(m, 150));
      outside += Array.from(m.x).filter((x, i) => !triangle.contains(x, m.y[i] as number)).length;
    }
    expect(outside).toBe(0);
    const perUe = Array.from({ length: 300 }, (_, i) => speeds.filter((_, j) => j % 300 === i).reduce((a, b) => a + b, 0) / 10);
    const { mean, half } = meanCi(perUe);
    expect(Math.abs(mean - randomWaypointMeanSpeed(where, p))).toBeLessThan(half);
    expect(() => new RandomWalk(1, where, { minSpeed: 1, maxSpeed: 1, legTime: 1 }, new RngStreams(1))).toThrow("does not support a polygonal region");
  });

  it("project the Melbourne CBD polygon (≈ 1.75 km²)", () => {
    const cbd = projectPolygon(MELBOURNE_CBD_POLYGON, { lat: -37.8136, lon: 144.9631 });
    expect(Math.round(cbd.areaM2)).toBe(1_754_063);
    expect(cbd.contains(0, 0)).toBe(true);
  });
});
