import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogCapacities, DeviceLoad, loadDeviceCatalog } from "./index.ts";

const catalog = loadDeviceCatalog();
const capacities = catalogCapacities(catalog);
const MiB = 1024 * 1024;

describe("device catalog (paper Table I + NFV servers)", () => {
  it("has the nine Table I devices by category, plus NFV servers", () => {
    const byCategory = (c: string) => Object.entries(catalog.devices).filter(([, d]) => d.category === c).map(([id]) => id);
    expect(byCategory("residential-cpe")).toEqual(["virgin-superhub-3", "google-fiber-gfrg110", "orange-livebox-4"]);
    expect(byCategory("wireless-router")).toEqual(["tp-link-archer-c9", "ubiquiti-edgerouter-lite-3", "netgear-r7500"]);
    expect(byCategory("iot-gateway")).toEqual(["dell-edge-gateway-5000", "nexcom-cps-200", "hpe-edgeline-el4000"]);
    expect(byCategory("nfvi-server")).toEqual(["nfvi-i7", "nfvi-xeon"]);
  });

  it("keeps 'not known' explicit and resolves it to the documented default", () => {
    expect(catalog.devices["google-fiber-gfrg110"]?.memoryMB).toBeNull();
    const gf = capacities.get("google-fiber-gfrg110");
    expect(gf?.memoryBytes).toBe(256 * MiB);
    expect(gf?.assumed).toEqual(["memory = 256 MB (default)"]);
  });

  it("computes comparable CPU capacity in reference cores (i7 core at 3.4 GHz = 1)", () => {
    const cpu = Object.fromEntries([...capacities].map(([id, c]) => [id, Number(c.cpuCapacity.toFixed(4))]));
    expect(cpu).toEqual({
      "virgin-superhub-3": 0.4941,
      "google-fiber-gfrg110": 0.1412,
      "orange-livebox-4": 0.1618,
      "tp-link-archer-c9": 0.3235,
      "ubiquiti-edgerouter-lite-3": 0.1265,
      "netgear-r7500": 0.5106,
      "dell-edge-gateway-5000": 0.2347,
      "nexcom-cps-200": 1.6,
      "hpe-edgeline-el4000": 3.5294,
      "nfvi-i7": 4,
      "nfvi-xeon": 11.2941,
    });
  });

  it("leaves part of the memory to the device's firmware", () => {
    expect(capacities.get("tp-link-archer-c9")?.vnfMemoryBytes).toBe(64 * MiB);
    expect(capacities.get("nfvi-i7")?.vnfMemoryBytes).toBe(Math.floor(16384 * MiB * 0.9));
  });

  it("rejects a bad catalog with the key path", () => {
    const dir = mkdtempSync(join(tmpdir(), "gnf-devices-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(file, "defaults: { memoryMB: 256, cores: 1, vnfMemoryFraction: {} }\ndevices:\n  x: { name: X, category: toaster, released: 2016, architecture: arm-v7, cores: 1, clockGHz: 1, memoryMB: 64 }\n");
    expect(() => loadDeviceCatalog(file)).toThrow(`${file}: devices.x.category: Invalid option: expected one of "residential-cpe"|"wireless-router"|"iot-gateway"|"nfvi-server"`);
  });
});

describe("DeviceLoad", () => {
  it("tracks utilisation over time and refuses memory beyond the vNF share", () => {
    const load = new DeviceLoad(capacities.get("tp-link-archer-c9")!, 0);
    expect(load.tryAllocate(0, 60 * MiB)).toBe(true);
    expect(load.tryAllocate(1, 5 * MiB)).toBe(false);
    load.setCpuLoad(10, 0.16175);
    expect(load.cpuUtilisation).toBeCloseTo(0.5, 3);
    expect(load.utilisation()).toBeCloseTo(60 / 64, 12);
    expect(load.averages(20).cpu).toBeCloseTo(0.25, 3);
  });
});
