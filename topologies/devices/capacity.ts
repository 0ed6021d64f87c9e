/**
 * CPU and memory capacity of a device in comparable units.
 *
 * CPU capacity is in *reference cores*: 1.0 = one core of the paper's Intel i7 testbed at 3.4 GHz.
 *   perCoreSpeed = clockGHz × factor(architecture) / 3.4
 *   cpuCapacity  = cores × perCoreSpeed
 * so the TP-LINK Archer C9 (2 × 1 GHz ARM v7, factor 0.55) has 0.3235 reference cores and the i7
 * server 4.0. Work of c reference-core-seconds takes c / perCoreSpeed seconds on one core.
 * Memory: memoryBytes = memoryMB × 2^20; vnfMemoryBytes = ⌊memoryBytes × the category's
 * `vnfMemoryFraction`⌋ (the rest runs the device's own firmware). Values the catalog leaves null
 * come from its `defaults` and are listed in `assumed`.
 */
import { UserError } from "../../base/errors.ts";
import { closestName } from "../../base/config/closest-name.ts";
import { ARCHITECTURE_FACTORS, REFERENCE_CLOCK_GHZ } from "./architecture.ts";
import { loadDeviceCatalog, type DeviceCatalogData, type DeviceSpec } from "./catalog.ts";

export interface DeviceCapacity {
  id: string;
  cores: number;
  /** Speed of one core relative to the reference core (one i7 core at 3.4 GHz). */
  perCoreSpeed: number;
  /** Total CPU capacity, reference cores. */
  cpuCapacity: number;
  /** Physical memory, bytes. */
  memoryBytes: number;
  /** Memory available to vNF containers, bytes (≤ memoryBytes). */
  vnfMemoryBytes: number;
  /** Values that came from defaults because the source did not know them. */
  assumed: string[];
}

const MiB = 1024 * 1024;
/** vNF memory share of a category the catalog's defaults do not list. */
const FALLBACK_VNF_MEMORY_FRACTION = 0.5;

export function deviceCapacity(id: string, spec: DeviceSpec, catalog: DeviceCatalogData): DeviceCapacity {
  const assumed: string[] = [];
  const cores = spec.cores ?? (assumed.push(`cores = ${catalog.defaults.cores} (default)`), catalog.defaults.cores);
  const memoryMB = spec.memoryMB ?? (assumed.push(`memory = ${catalog.defaults.memoryMB} MB (default)`), catalog.defaults.memoryMB);
  const perCoreSpeed = (spec.clockGHz * ARCHITECTURE_FACTORS[spec.architecture]) / REFERENCE_CLOCK_GHZ;
  const fraction = catalog.defaults.vnfMemoryFraction[spec.category] ?? FALLBACK_VNF_MEMORY_FRACTION;
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

/** Capacities of every device in the catalog, by id (catalog order). */
export function loadDeviceCapacities(path?: string): Map<string, DeviceCapacity> {
  return catalogCapacities(path === undefined ? loadDeviceCatalog() : loadDeviceCatalog(path));
}

/** Capacities of every device in the catalog, by id (catalog order). */
export function catalogCapacities(catalog: DeviceCatalogData): Map<string, DeviceCapacity> {
  return new Map(Object.entries(catalog.devices).map(([id, spec]) => [id, deviceCapacity(id, spec, catalog)]));
}

/**
 * The capacity of device model `key`. An unknown key is the user's mistake: a UserError naming
 * `where` (e.g. `"edge.yaml: topology.homeDevice"`), the key, a likely intended key and the known ones.
 */
export function capacityOf(capacities: ReadonlyMap<string, DeviceCapacity>, key: string, where = "device"): DeviceCapacity {
  const capacity = capacities.get(key);
  if (capacity) return capacity;
  const known = [...capacities.keys()];
  const hint = closestName(key, known);
  throw new UserError(`${where}: unknown device "${key}"${hint ? ` (did you mean "${hint}"?)` : ""}; expected one of ${known.join(", ")}`);
}
