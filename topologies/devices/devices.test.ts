import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../../base/errors.ts";
import { ARCHITECTURE_FACTORS, capacityOf, catalogCapacities, loadDeviceCatalog } from "./index.ts";

const catalog = loadDeviceCatalog();
const capacities = catalogCapacities(catalog);
const MiB = 1024 * 1024;

function badCatalog(devicesYaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), "gnf-devices-"));
  const file = join(dir, "bad.yaml");
  writeFileSync(file, `defaults: { memoryMB: 256, cores: 1, vnfMemoryFraction: {} }\ndevices:\n${devicesYaml}\n`);
  return file;
}

describe("device catalog (paper Table I + NFV servers)", () => {
  it("has the nine Table I devices by category, plus NFV servers", () => {
    const byCategory = (c: string) => Object.entries(catalog.devices).filter(([, d]) => d.category === c).map(([id]) => id);
    expect(byCategory("residential-cpe")).toEqual(["virgin-superhub-3", "google-fiber-gfrg110", "orange-livebox-4"]);
    expect(byCategory("wireless-router")).toEqual(["tp-link-archer-c9", "ubiquiti-edgerouter-lite-3", "netgear-r7500"]);
    expect(byCategory("iot-gateway")).toEqual(["dell-edge-gateway-5000", "nexcom-cps-200", "hpe-edgeline-el4000"]);
    expect(byCategory("nfvi-server")).toEqual(["nfvi-i7", "nfvi-xeon"]);
  });

  it("holds Table I as printed: release year, architecture, CPU and memory cells", () => {
    const rows = Object.values(catalog.devices)
      .filter((d) => d.paper)
      .map((d) => [d.name, d.released, d.architecture, d.paper?.cpu, d.paper?.memory]);
    expect(rows).toEqual([
      ["Virgin SuperHub 3 (Arris TG2492S)", 2015, "intel-atom", "2x1.4 GHz", "2x256 MB"],
      ["Google Fiber Network Box GFRG110", 2012, "arm-v5", "1.6 GHz", "not known"],
      ["Orange Livebox 4", 2016, "arm-cortex-a9", "1 GHz", "1 Gb"],
      ["TP-LINK Archer C9 home router", 2016, "arm-v7", "2x1 GHz", "128 MB"],
      ["Ubiquiti EdgeRouter Lite 3", 2014, "cavium-mips", "2x500 MHz", "512 MB"],
      ["Netgear R7500 Smart Wifi Router", 2014, "qualcomm-atheros", "2x1.4 GHz", "384 MB"],
      ["Dell Edge Gateway 5000", 2016, "intel-atom", "1.33 GHz", "2GB"],
      ["NEXCOM CPS 200 Industrial IoT Edge Gateway", 2016, "intel-celeron", "4x2.0 GHz", "4GB"],
      ["HPE Edgeline EL4000", 2016, "intel-xeon", "4x3.0 GHz", "up to 64GB"],
    ]);
  });

  it("keeps 'not known' explicit (null + note) and resolves it to the documented defaults", () => {
    const unknown = Object.entries(catalog.devices)
      .filter(([, d]) => d.cores === null || d.memoryMB === null)
      .map(([id, d]) => [id, d.cores, d.memoryMB, capacities.get(id)?.assumed]);
    expect(unknown).toEqual([
      ["google-fiber-gfrg110", null, null, ["cores = 1 (default)", "memory = 256 MB (default)"]],
      ["orange-livebox-4", null, 1024, ["cores = 1 (default)"]],
      ["dell-edge-gateway-5000", null, 2048, ["cores = 1 (default)"]],
    ]);
    expect(Object.values(catalog.devices).filter((d) => d.notKnown !== undefined).length).toBe(3);
  });

  it("computes capacity for every device: cores, reference cores (i7 core at 3.4 GHz = 1), memory and vNF memory in bytes", () => {
    const table = Object.fromEntries(
      [...capacities].map(([id, c]) => [id, [c.cores, Number(c.perCoreSpeed.toFixed(10)), Number(c.cpuCapacity.toFixed(10)), c.memoryBytes, c.vnfMemoryBytes]]),
    );
    expect(table).toEqual({
      "virgin-superhub-3": [2, 0.2470588235, 0.4941176471, 512 * MiB, 256 * MiB],
      "google-fiber-gfrg110": [1, 0.1411764706, 0.1411764706, 256 * MiB, 128 * MiB],
      "orange-livebox-4": [1, 0.1617647059, 0.1617647059, 1024 * MiB, 512 * MiB],
      "tp-link-archer-c9": [2, 0.1617647059, 0.3235294118, 128 * MiB, 64 * MiB],
      "ubiquiti-edgerouter-lite-3": [2, 0.0632352941, 0.1264705882, 512 * MiB, 256 * MiB],
      "netgear-r7500": [2, 0.2552941176, 0.5105882353, 384 * MiB, 192 * MiB],
      "dell-edge-gateway-5000": [1, 0.2347058824, 0.2347058824, 2048 * MiB, 1536 * MiB],
      "nexcom-cps-200": [4, 0.4, 1.6, 4096 * MiB, 3072 * MiB],
      "hpe-edgeline-el4000": [4, 0.8823529412, 3.5294117647, 65536 * MiB, 49152 * MiB],
      "nfvi-i7": [4, 1, 4, 16384 * MiB, 15461882265],
      "nfvi-xeon": [16, 0.7058823529, 11.2941176471, 131072 * MiB, 123695058124],
    });
  });

  it("ranks architectures per GHz: i7 = Xeon > Celeron > Qualcomm > Atom > ARM v7 = A9 > MIPS > ARM v5", () => {
    const ranked = Object.entries(ARCHITECTURE_FACTORS)
      .sort((a, b) => b[1] - a[1])
      .map(([name, f]) => `${name}:${f}`);
    expect(ranked).toEqual([
      "intel-core-i7:1",
      "intel-xeon:1",
      "intel-celeron:0.68",
      "qualcomm-atheros:0.62",
      "intel-atom:0.6",
      "arm-cortex-a9:0.55",
      "arm-v7:0.55",
      "cavium-mips:0.43",
      "arm-v5:0.3",
    ]);
  });
});

describe("catalog loader errors", () => {
  it("names the file, the key path, what was expected and what was found", () => {
    const file = badCatalog("  x: { name: X, category: toaster, released: 2016, architecture: arm-v7, cores: 1, clockGHz: 1, memoryMB: 64 }");
    expect(() => loadDeviceCatalog(file)).toThrow(
      `${file}:3:27: devices.x.category: expected one of "residential-cpe", "wireless-router", "iot-gateway", "nfvi-server", found "toaster" (a string)`,
    );
  });

  it("rejects a negative clock and an unknown key", () => {
    const negative = badCatalog("  x: { name: X, category: iot-gateway, released: 2016, architecture: arm-v7, cores: 1, clockGHz: -1, memoryMB: 64 }");
    expect(() => loadDeviceCatalog(negative)).toThrow(`${negative}:3:98: devices.x.clockGHz: expected a number > 0, found -1 (a number)`);
    const typo = badCatalog("  x: { name: X, category: iot-gateway, released: 2016, architecture: arm-v7, cores: 1, clockGHz: 1, memoryMb: 64 }");
    expect(() => loadDeviceCatalog(typo)).toThrow(`${typo}: 2 problems:\n  ${typo}:3:6: devices.x.memoryMB: missing required key (expected a number > 0)\n  ${typo}:3:101: devices.x.memoryMb: unknown key (did you mean "memoryMB"?) (allowed keys: name, category, released, architecture, cores, clockGHz, memoryMB, paper, notKnown, assumption)`);
  });

  it("requires a notKnown note for a null value", () => {
    const file = badCatalog("  x: { name: X, category: iot-gateway, released: 2016, architecture: arm-v7, cores: 1, clockGHz: 1, memoryMB: null }");
    expect(() => loadDeviceCatalog(file)).toThrow(`${file}:3:6: devices.x.notKnown: missing required key (expected a note explaining the null memoryMB)`);
  });

  it("reports an unreadable file as a UserError", () => {
    expect(() => loadDeviceCatalog("/nonexistent/devices.yaml")).toThrow(UserError);
  });
});

describe("capacityOf", () => {
  it("returns a known device and names an unknown one with a suggestion", () => {
    expect(capacityOf(capacities, "nfvi-i7").cpuCapacity).toBe(4);
    expect(() => capacityOf(capacities, "tp-link-archer-c7", "city.yaml: topology.homeDevice")).toThrow(
      'city.yaml: topology.homeDevice: unknown device "tp-link-archer-c7" (did you mean "tp-link-archer-c9"?); expected one of virgin-superhub-3,',
    );
  });
});
