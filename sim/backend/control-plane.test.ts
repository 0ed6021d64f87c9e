/**
 * The control-plane cost model on the line topology (h1, h2 — cab — metro — core — nfvi/internet;
 * one-way delays 0.5, 0.5, 1, 1, 2, 10 ms): steering costs processing + the slowest switch's
 * round trip from the controller plus its FLOW_MODs; state transfer costs the path delay plus
 * bytes over the bottleneck. Expected values are written out from the link table.
 */
import { describe, expect, it } from "vitest";
import { PathFinder } from "../../topologies/paths.ts";
import { LINE_TOPOLOGY } from "../models/traffic/test-topology.ts";
import { ControlPlane, controllerNodeOf, controlPlaneSchema } from "./control-plane.ts";

const paths = new PathFinder(LINE_TOPOLOGY);
const defaults = controlPlaneSchema.parse({});
/** One-way controller (nfvi) → node delays, seconds. */
const FROM_NFVI = { nfvi: 0, core: 0.002, metro: 0.003, cab: 0.004, h1: 0.0045, h2: 0.0045 };

describe("ControlPlane", () => {
  it("has the documented defaults: 2 ms processing per request, 20 µs per FLOW_MOD, controller at the first NFVI node", () => {
    expect(defaults).toEqual({ processingS: 0.002, flowModS: 20e-6 });
    expect(controllerNodeOf(paths, defaults)).toBe("nfvi");
    expect(controllerNodeOf(paths, { ...defaults, controllerNode: "core" })).toBe("core");
  });

  it("steering over N switches: processing + max over switches of (2 × delay from the controller + FLOW_MOD time × entries)", () => {
    const control = new ControlPlane(paths, defaults, "nfvi");
    // No switch: only the processing.
    expect(control.steeringSeconds(new Map())).toBe(0.002);
    // One switch, the controller's own: 2 entries × 20 µs.
    expect(control.steeringSeconds(new Map([["nfvi", 2]]))).toBeCloseTo(0.002 + 40e-6, 15);
    // A chain from h1 through a vNF at the NFVI (1 + 2 entries): h1's round trip dominates.
    expect(control.steeringSeconds(new Map([["h1", 1], ["nfvi", 2]]))).toBeCloseTo(0.002 + 2 * FROM_NFVI.h1 + 20e-6, 15);
    expect(control.steeringSeconds(new Map([["h1", 1], ["nfvi", 2]]))).toBeCloseTo(0.01102, 15);
    // Five switches, one entry each: the farthest (h2, 4.5 ms) sets the time, not the sum.
    const five = new Map([["core", 1], ["metro", 1], ["cab", 1], ["h1", 1], ["h2", 1]]);
    expect(control.steeringSeconds(five)).toBeCloseTo(0.002 + 2 * 0.0045 + 20e-6, 15);
    // Many entries at a near switch beat one entry at a far one: 2 × 2 ms + 1000 × 20 µs = 24 ms > 9.02 ms.
    expect(control.steeringSeconds(new Map([["h1", 1], ["core", 1000]]))).toBeCloseTo(0.002 + 2 * FROM_NFVI.core + 1000 * 20e-6, 15);
    expect(control.steeringSeconds(new Map([["h1", 1], ["core", 1000]]))).toBeCloseTo(0.026, 15);
  });

  it("steering costs follow the configuration and the controller's place", () => {
    const slow = new ControlPlane(paths, { processingS: 0.01, flowModS: 0.001 }, "nfvi");
    expect(slow.steeringSeconds(new Map([["h1", 5]]))).toBeCloseTo(0.01 + 2 * 0.0045 + 5 * 0.001, 15);
    // The controller at h1: h1 costs only its FLOW_MODs, the NFVI is 4.5 ms away.
    const atEdge = new ControlPlane(paths, defaults, "h1");
    expect(atEdge.steeringSeconds(new Map([["h1", 1]]))).toBeCloseTo(0.002 + 20e-6, 15);
    expect(atEdge.steeringSeconds(new Map([["h1", 1], ["nfvi", 2]]))).toBeCloseTo(0.002 + 2 * 0.0045 + 40e-6, 15);
  });

  it("state transfer: one-way path delay + bytes × 8 / bottleneck bandwidth; free on the same host or with no bytes", () => {
    const control = new ControlPlane(paths, defaults, "nfvi");
    // h1 → nfvi: 4.5 ms, bottleneck 1 Gbit/s (the access links; the core link is 10 Gbit/s).
    expect(control.bottleneckBps("h1", "nfvi")).toBe(1e9);
    expect(control.bottleneckBps("core", "internet")).toBe(1e10);
    expect(control.transferSeconds("h1", "nfvi", 64_000)).toBeCloseTo(0.0045 + (64_000 * 8) / 1e9, 15);
    expect(control.transferSeconds("h1", "nfvi", 64_000)).toBeCloseTo(0.005012, 15);
    expect(control.transferSeconds("h1", "h2", 1e6)).toBeCloseTo(0.001 + 8e6 / 1e9, 15);
    expect(control.transferSeconds("h1", "h1", 1e6)).toBe(0);
    expect(control.transferSeconds("h1", "nfvi", 0)).toBe(0);
  });

  it("state transfer with a calibrated fixed cost (export + import): added to every transfer that carries state", () => {
    const control = new ControlPlane(paths, defaults, "nfvi", 0.15);
    expect(control.transferSeconds("h1", "nfvi", 64_000)).toBeCloseTo(0.15 + 0.005012, 15);
    expect(control.transferSeconds("h1", "h1", 1e6)).toBe(0.15);
    expect(control.transferSeconds("h1", "nfvi", 0)).toBe(0);
  });

  it("refuses a controller node that is not in the topology, and a topology without NFVI unless one is configured", () => {
    expect(() => new ControlPlane(paths, defaults, "nowhere")).toThrow(/controller node "nowhere" is not in topology line/);
    const noNfvi = new PathFinder({ ...LINE_TOPOLOGY, nodes: LINE_TOPOLOGY.nodes.filter((n) => n.role !== "nfvi"), links: LINE_TOPOLOGY.links.filter((l) => l.b !== "nfvi") });
    expect(() => controllerNodeOf(noNfvi, defaults)).toThrow(/has no NFVI node/);
    expect(controllerNodeOf(noNfvi, { ...defaults, controllerNode: "core" })).toBe("core");
  });
});
