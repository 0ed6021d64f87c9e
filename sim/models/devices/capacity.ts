/**
 * CPU and memory capacity of a device in comparable units.
 *
 * CPU capacity is in *reference cores*: 1.0 = one core of the paper's Intel i7 testbed at 3.4 GHz.
 *   capacity = cores × clockGHz × factor(architecture) / 3.4
 * so the TP-LINK Archer C9 (2 × 1 GHz ARM v7, factor 0.55) has 0.32 reference cores and the i7
 * server 4.0. Work of c reference-core-seconds takes c / (per-core capacity) seconds on one core.
 * vNF memory = memory × the category's `vnfMemoryFraction` (the rest runs the device's firmware).
 */
import { ARCHITECTURE_FACTORS, REFERENCE_CLOCK_GHZ } from "./architecture.ts";
import type { DeviceCatalogData, DeviceSpec } from "./catalog.ts";

export interface DeviceCapacity {
  id: string;
  cores: number;
  /** Speed of one core relative to the reference core. */
  perCoreSpeed: number;
  /** Total CPU capacity, reference cores. */
  cpuCapacity: number;
  /** Physical memory, bytes. */
  memoryBytes: number;
  /** Memory available to vNF containers, bytes. */
  vnfMemoryBytes: number;
  /** Values that came from defaults because the source did not know them. */
  assumed: string[];
}

const MiB = 1024 * 1024;

export function deviceCapacity(id: string, spec: DeviceSpec, catalog: DeviceCatalogData): DeviceCapacity {
  const assumed: string[] = [];
  const cores = spec.cores ?? (assumed.push(`cores = ${catalog.defaults.cores} (default)`), catalog.defaults.cores);
  const memoryMB = spec.memoryMB ?? (assumed.push(`memory = ${catalog.defaults.memoryMB} MB (default)`), catalog.defaults.memoryMB);
  const perCoreSpeed = (spec.clockGHz * ARCHITECTURE_FACTORS[spec.architecture]) / REFERENCE_CLOCK_GHZ;
  const fraction = catalog.defaults.vnfMemoryFraction[spec.category] ?? 0.5;
  return {
    id,
    cores,
    perCoreSpeed,
    cpuCapacity: cores * perCoreSpeed,
    memoryBytes: memoryMB * MiB,
    vnfMemoryBytes: Math.floor(memoryMB * MiB * fraction),
    assumed,
  };
}

/** Capacities of every device in the catalog, by id. */
export function catalogCapacities(catalog: DeviceCatalogData): Map<string, DeviceCapacity> {
  return new Map(Object.entries(catalog.devices).map(([id, spec]) => [id, deviceCapacity(id, spec, catalog)]));
}
