import { describe, expect, it } from "vitest";
import { PathFinder } from "../paths.ts";
import type { Topology } from "../types.ts";
import { importEuaMelbourne, importIfogsimMelbourne } from "./edge-sites.ts";

const roles = (t: Topology): Record<string, number> => t.nodes.reduce<Record<string, number>>((a, n) => ((a[n.role] = (a[n.role] ?? 0) + 1), a), {});

describe("EUA Melbourne CBD sites", () => {
  const t = importEuaMelbourne();
  const paths = new PathFinder(t);

  it("has 125 sites as edge devices, 13 aggregation cells of 500 m and a backbone", () => {
    expect(roles(t)).toEqual({ metro: 1, core: 1, nfvi: 1, internet: 1, aggregation: 13, edge: 125 });
    expect(t.links.length).toBe(141);
    expect(t.meta?.["sites"]).toBe(125);
    const perCell = t.nodes.filter((n) => n.role === "aggregation").map((n) => `${n.id}:${t.links.filter((l) => l.b === n.id).length}`);
    expect(perCell).toEqual(["agg-0-0:4", "agg-1-0:3", "agg-0-1:13", "agg-1-1:26", "agg-2-1:9", "agg-3-1:9", "agg-4-1:1", "agg-0-2:10", "agg-1-2:12", "agg-2-2:14", "agg-3-2:16", "agg-2-3:4", "agg-3-3:4"]);
  });

  it("projects each site to local metres around the sites' centroid", () => {
    const site = t.nodes.find((n) => n.id === "site-101385")!;
    expect([site.lat, site.lon, site.cellRangeM, site.device]).toEqual([-37.815461, 144.962656, 250, "nexcom-cps-200"]);
    expect(site.x).toBeCloseTo(-51.830758, 6);
    expect(site.y).toBeCloseTo(-95.539702, 6);
  });

  it("routes a site through its aggregation cell, metro and core to the NFVI", () => {
    expect(paths.path("site-101385", "nfvi")).toEqual(["site-101385", "agg-1-1", "metro", "core", "nfvi"]);
    expect(paths.pathDelay("site-101385", "nfvi")).toBeCloseTo(0.00340276041, 11);
    const delays = t.nodes.filter((n) => n.role === "edge").map((n) => paths.pathDelay(n.id, "nfvi"));
    expect(Math.min(...delays)).toBeCloseTo(0.00340163672, 11);
    expect(Math.max(...delays)).toBeCloseTo(0.00340545539, 11);
  });
});

describe("iFogSim Melbourne CBD resources", () => {
  it("has 1 data centre (the NFVI), 12 proxies and 118 gateways in their own tree", () => {
    const t = importIfogsimMelbourne();
    expect(roles(t)).toEqual({ nfvi: 1, aggregation: 12, edge: 118, internet: 1 });
    expect(t.links.length).toBe(131);
    const paths = new PathFinder(t);
    expect(paths.path("gw-13", "nfvi")).toEqual(["gw-13", "proxy-12", "nfvi"]);
    expect(paths.pathDelay("gw-13", "nfvi")).toBeCloseTo(0.0002052033, 10);
  });
});
