import type { Topology } from "../../../topologies/types.ts";

/**
 * A small operator network for tests: home routers h1, h2 → street cabinet → metro → core router,
 * with the central NFVI and the internet behind the core. Core links: metro–core, core–nfvi,
 * core–internet. One-way delays in seconds, capacities in bit/s.
 */
export const LINE_TOPOLOGY: Topology = {
  name: "line",
  nodes: [
    { id: "h1", role: "edge", device: "tp-link-archer-c9" },
    { id: "h2", role: "edge", device: "tp-link-archer-c9" },
    { id: "cab", role: "aggregation" },
    { id: "metro", role: "metro" },
    { id: "core", role: "core" },
    { id: "nfvi", role: "nfvi", device: "nfvi-i7" },
    { id: "internet", role: "internet" },
    { id: "island", role: "router" },
  ],
  links: [
    { id: "a", a: "h1", b: "cab", delayS: 0.0005, bandwidthBps: 1e9 },
    { id: "a2", a: "h2", b: "cab", delayS: 0.0005, bandwidthBps: 1e9 },
    { id: "b", a: "cab", b: "metro", delayS: 0.001, bandwidthBps: 1e9 },
    { id: "c", a: "metro", b: "core", delayS: 0.001, bandwidthBps: 1e9, core: true },
    { id: "d", a: "core", b: "nfvi", delayS: 0.002, bandwidthBps: 1e10, core: true },
    { id: "e", a: "core", b: "internet", delayS: 0.01, bandwidthBps: 1e10, core: true },
  ],
};
