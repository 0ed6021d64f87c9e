import { describe, expect, it } from "vitest";
import { centroid, EARTH_RADIUS_M, fibreDelayS, haversineM, projectLocal } from "./geo.ts";

describe("haversineM", () => {
  it("matches known great-circle distances", () => {
    // One degree of a meridian = 2πR/360 = 111 195.08 m; a quarter meridian (pole to equator) = πR/2.
    expect(haversineM({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo((2 * Math.PI * EARTH_RADIUS_M) / 360, 6);
    expect(haversineM({ lat: 90, lon: 0 }, { lat: 0, lon: 123 })).toBeCloseTo((Math.PI * EARTH_RADIUS_M) / 2, 6);
    // Antipodes: half the circumference.
    expect(haversineM({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 6);
    // Paris (Notre-Dame) → London (Charing Cross): 343.6 km; Melbourne → Sydney airports: 705.4 km.
    expect(haversineM({ lat: 48.8566, lon: 2.3522 }, { lat: 51.5074, lon: -0.1278 }) / 1000).toBeCloseTo(343.557, 3);
    expect(haversineM({ lat: -37.6733, lon: 144.8433 }, { lat: -33.9461, lon: 151.1772 }) / 1000).toBeCloseTo(705.395, 3);
  });

  it("is symmetric and zero at a point", () => {
    const a = { lat: -37.81, lon: 144.96 };
    const b = { lat: 51.5, lon: -0.12 };
    expect(haversineM(a, b)).toBe(haversineM(b, a));
    expect(haversineM(a, a)).toBe(0);
  });
});

describe("projectLocal", () => {
  const origin = { lat: -37.8136, lon: 144.9631 };

  it("maps 0.01° north and east of Melbourne to 1111.95 m north and 878.45 m east", () => {
    const xy = projectLocal({ lat: -37.8036, lon: 144.9731 }, origin);
    expect(xy.x).toBeCloseTo(878.451706, 6);
    expect(xy.y).toBeCloseTo(1111.950802, 6);
    expect(projectLocal(origin, origin)).toEqual({ x: 0, y: 0 });
  });

  it("agrees with haversine within a city (< 1 m over 1.4 km)", () => {
    const p = { lat: -37.8236, lon: 144.9731 };
    const xy = projectLocal(p, origin);
    expect(Math.abs(Math.hypot(xy.x, xy.y) - haversineM(origin, p))).toBeLessThan(1);
  });
});

describe("fibreDelayS and centroid", () => {
  it("takes 5 µs per km at 2/3 c", () => {
    expect(fibreDelayS(1000)).toBeCloseTo(1000 / ((2 / 3) * 299_792_458), 18);
    expect(fibreDelayS(1000) * 1e6).toBeCloseTo(5.0035, 4);
  });

  it("averages coordinates", () => {
    expect(centroid([{ lat: 1, lon: 2 }, { lat: 3, lon: 6 }])).toEqual({ lat: 2, lon: 4 });
  });
});
