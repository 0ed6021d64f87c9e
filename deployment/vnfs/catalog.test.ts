import { describe, expect, it } from "vitest";
import { stateTransferSeconds, VNF_CATALOG, vnfCatalog } from "./catalog.ts";
import { vnfOverridesSchema } from "./config.ts";
import { VNF_TYPE_NAMES, vnfTypeSchema } from "./types.ts";

describe("vNF type catalog", () => {
  it("has the eight vNF types, each valid, the wire at the paper's 2.21 MB idle memory", () => {
    expect(Object.keys(VNF_CATALOG)).toEqual(["wire", "firewall", "rate-limiter", "http-filter", "ddos-dropper", "monitoring", "troubleshooting", "ids"]);
    expect(Object.keys(VNF_CATALOG)).toEqual([...VNF_TYPE_NAMES]);
    for (const type of Object.values(VNF_CATALOG)) expect(vnfTypeSchema.parse(type)).toEqual(type);
    expect(VNF_CATALOG.wire.idleMemoryBytes).toBe(2_210_000);
    expect(VNF_CATALOG.wire.imageBytes).toBe(2e6);
    expect(VNF_CATALOG.firewall.imageBytes).toBe(12e6);
    expect(Object.values(VNF_CATALOG).filter((t) => t.dropsSelected).map((t) => t.name)).toEqual(["ddos-dropper"]);
    expect(Object.isFrozen(VNF_CATALOG.wire)).toBe(true);
    // Forwarding jitter (lognormal cv), assumptions until a lab fit: 0.3 kernel-path, 0.5 payload inspection.
    expect(Object.values(VNF_CATALOG).map((t) => [t.name, t.processingCv])).toEqual([
      ["wire", 0.3],
      ["firewall", 0.3],
      ["rate-limiter", 0.3],
      ["http-filter", 0.5],
      ["ddos-dropper", 0.3],
      ["monitoring", 0.3],
      ["troubleshooting", 0.3],
      ["ids", 0.5],
    ]);
  });

  it("applies scenario overrides (with units) without changing the defaults", () => {
    const overrides = vnfOverridesSchema.parse({ ids: { idleMemoryBytes: "8 MB", cpuPerPacketS: 3e-5, processingCv: 0.2 } });
    const catalog = vnfCatalog(overrides);
    expect(catalog.ids.idleMemoryBytes).toBe(8e6);
    expect(catalog.ids.cpuPerPacketS).toBe(3e-5);
    expect(catalog.ids.processingCv).toBe(0.2);
    expect(catalog.ids.imageBytes).toBe(20e6);
    expect(VNF_CATALOG.ids.idleMemoryBytes).toBe(6e6);
    expect(vnfCatalog().firewall).toEqual(VNF_CATALOG.firewall);
  });

  it("rejects unknown types, unknown keys and bad values", () => {
    expect(vnfOverridesSchema.safeParse({ nat: {} }).success).toBe(false);
    expect(vnfOverridesSchema.safeParse({ ids: { memory: 1 } }).success).toBe(false);
    expect(vnfOverridesSchema.safeParse({ ids: { idleMemoryBytes: "lots" } }).success).toBe(false);
    expect(vnfOverridesSchema.safeParse({ wire: { cpuPerPacketS: -1 } }).success).toBe(false);
    expect(vnfTypeSchema.safeParse({ ...VNF_CATALOG.wire, imageBytes: 0 }).success).toBe(false);
  });

  it("state transfer time = state bytes × 8 / bandwidth", () => {
    expect(stateTransferSeconds(VNF_CATALOG.ids, 8e6)).toBe(1);
    expect(stateTransferSeconds(VNF_CATALOG.wire, 1e9)).toBe(0);
    expect(() => stateTransferSeconds(VNF_CATALOG.ids, 0)).toThrow("bandwidth must be > 0 bit/s, got 0");
  });
});
