import { describe, expect, it } from "vitest";
import { importEuaMelbourne } from "./import/edge-sites.ts";
import { hostCapacities } from "./hosts.ts";
import { loadDeviceCapacities } from "./devices/index.ts";
import type { Topology } from "./types.ts";

describe("hostCapacities", () => {
  it("gives every node with a device its model's capacity under the node's id", () => {
    const hosts = hostCapacities(importEuaMelbourne(), loadDeviceCapacities());
    expect(hosts.size).toBe(126);
    const nfvi = hosts.get("nfvi")!;
    expect([nfvi.id, nfvi.cores, nfvi.memoryBytes]).toEqual(["nfvi", 16, 128 * 1024 ** 3]);
    const site = hosts.get("site-101385")!;
    expect([site.id, site.cpuCapacity, site.vnfMemoryBytes]).toEqual(["site-101385", 1.6, 3 * 1024 ** 3]);
  });

  it("names the node of an unknown device", () => {
    const t: Topology = { name: "t", nodes: [{ id: "home", role: "edge", device: "tp-link-archer-c7" }], links: [] };
    expect(() => hostCapacities(t, loadDeviceCapacities())).toThrow('topology t: node home: unknown device "tp-link-archer-c7" (did you mean "tp-link-archer-c9"?)');
  });
});
