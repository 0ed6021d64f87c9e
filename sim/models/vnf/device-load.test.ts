import { describe, expect, it } from "vitest";
import { catalogCapacities, loadDeviceCatalog } from "../../../topologies/devices/index.ts";
import { DeviceLoad } from "./device-load.ts";

const capacities = catalogCapacities(loadDeviceCatalog());
const MiB = 1024 * 1024;

describe("DeviceLoad", () => {
  it("tracks utilisation over time and refuses memory beyond the vNF share", () => {
    const load = new DeviceLoad(capacities.get("tp-link-archer-c9")!, 0);
    expect(load.tryAllocate(0, 60 * MiB)).toBe(true);
    expect(load.tryAllocate(1, 5 * MiB)).toBe(false);
    expect(load.memoryUsedBytes).toBe(60 * MiB);
    // Half of the Archer C9's 0.3235 reference cores from t = 10 s.
    load.setCpuLoad(10, 0.3235294117647059 / 2);
    expect(load.cpuUtilisation).toBe(0.5);
    expect(load.memoryUtilisation).toBe(0.9375);
    expect(load.utilisation()).toBe(0.9375);
    // CPU 0 for 10 s, then 0.5 for 10 s → 0.25; memory 60/64 throughout.
    expect(load.averages(20)).toEqual({ cpu: 0.25, memory: 0.9375 });
  });

  it("clamps CPU load to [0, capacity] so utilisation stays in [0, 1]", () => {
    const load = new DeviceLoad(capacities.get("nfvi-i7")!, 0);
    load.setCpuLoad(1, 9);
    expect(load.utilisation()).toBe(1);
    load.setCpuLoad(2, -1);
    expect(load.utilisation()).toBe(0);
    expect(load.tryAllocate(3, -1)).toBe(false);
  });
});
