import { loadDeviceCapacities } from "./devices/index.ts";
import { describe, expect, it } from "vitest";
import { RandomStream } from "../base/rng.ts";
import { checkTopology } from "./check.ts";
import { buildTopology, TOPOLOGIES, topologySchema } from "./config.ts";
import type { Topology } from "./types.ts";

const DEVICE_KEYS = [...loadDeviceCapacities().keys()];
const build = (config: unknown, seed = "topology") => buildTopology(topologySchema.parse(config), new RandomStream(seed), DEVICE_KEYS);

describe("topology section", () => {
  it("builds every registered type with its defaults", () => {
    const sizes = Object.keys(TOPOLOGIES).map((type) => {
      const t = build(type === "zoo" ? { type, network: "Abilene" } : { type });
      return `${type}:${t.nodes.length}/${t.links.length}`;
    });
    expect(sizes).toEqual(["city:180/179", "grid:29/44", "tree:42/41", "star:13/12", "zoo:11/14", "eua-melbourne:142/141", "ifogsim-melbourne:132/131"]);
  });

  it("is deterministic under the seed and differs between seeds", () => {
    const config = { type: "city", blocksX: 3, blocksY: 2, homesPerBlock: 5 };
    expect(build(config, "a")).toEqual(build(config, "a"));
    expect(build(config, "a")).not.toEqual(build(config, "b"));
  });

  it("passes zoo hosting options through", () => {
    const t = build({ type: "zoo", network: "Geant2012", edgeDevice: "nexcom-cps-200", nfviDevice: "nfvi-xeon", perHopDelayS: 0 });
    expect(t.nodes.filter((n) => n.role === "edge").length).toBe(37);
    expect(t.nodes.filter((n) => n.role === "nfvi").map((n) => n.device)).toEqual(["nfvi-xeon"]);
  });

  it("rejects unknown types, bad sizes and unknown keys", () => {
    expect(topologySchema.safeParse({ type: "ring" }).success).toBe(false);
    expect(topologySchema.safeParse({ type: "grid", rows: 0 }).success).toBe(false);
    expect(topologySchema.safeParse({ type: "grid", colz: 3 }).success).toBe(false);
    expect(topologySchema.safeParse({ type: "zoo", network: "Internet2" }).success).toBe(false);
    expect(topologySchema.safeParse({ type: "eua-melbourne", aggregationCellM: -5 }).success).toBe(false);
  });

  it("names an unknown device model with the key and a suggestion", () => {
    expect(() => build({ type: "city", homeDevice: "tp-link-archer-c7" })).toThrow('topology.homeDevice: unknown device "tp-link-archer-c7" (did you mean "tp-link-archer-c9"?); expected one of virgin-superhub-3,');
    expect(() => build({ type: "zoo", network: "Abilene", nfviDevice: "mainframe" })).toThrow('topology.nfviDevice: unknown device "mainframe"; expected one of');
  });
});

describe("checkTopology", () => {
  it("accepts the generated and imported topologies", () => {
    expect(() => checkTopology(build({ type: "eua-melbourne" }), { deviceKeys: ["nexcom-cps-200", "nfvi-xeon"] })).not.toThrow();
  });

  it("lists every structural problem, one per line", () => {
    const bad: Topology = {
      name: "bad",
      nodes: [
        { id: "a", role: "edge", device: "toaster", x: 1 },
        { id: "a", role: "core" },
      ],
      links: [
        { id: "l0", a: "a", b: "zz", delayS: -1, bandwidthBps: 0 },
        { id: "l0", a: "a", b: "a", delayS: 0, bandwidthBps: 1 },
      ],
    };
    expect(() => checkTopology(bad, { deviceKeys: ["nfvi-i7"] })).toThrow(
      [
        'topology bad: node a: expected both x and y or neither',
        'topology bad: node a: unknown device "toaster" (expected one of nfvi-i7)',
        'topology bad: duplicate node id "a"',
        'topology bad: link l0: no node "zz"',
        "topology bad: link l0: expected delayS ≥ 0 s, found -1",
        "topology bad: link l0: expected bandwidthBps > 0 bit/s, found 0",
        'topology bad: duplicate link id "l0"',
        'topology bad: link l0: both ends are "a"',
      ].join("\n"),
    );
  });
});
