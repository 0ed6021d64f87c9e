/**
 * Table I in the lab: the limits that make this machine's containers run as on an edge device of
 * the catalog (`topologies/devices/`). Capacities are in reference cores (one i7 core at 3.4 GHz);
 * one core here is worth `labCoreSpeed` reference cores (`core-speed.ts`), so
 *
 *   CPU quota (cores of this machine) = device cores × device perCoreSpeed / labCoreSpeed
 *   memory limit (all its vNFs together) = the device's vNF memory (memory × its category's share)
 *
 * e.g. the TP-LINK Archer C9 (2 × 1 GHz ARM v7: 0.3235 reference cores; 64 MiB for vNFs) on a
 * core worth 1.07 reference cores: 0.30 cores of CPU quota, 64 MiB. The device "lab" is this
 * machine as itself: no limits. Pure.
 */
import { capacityOf, type DeviceCapacity } from "../../topologies/devices/capacity.ts";

/** The `--device` key of this machine as itself. */
export const LAB_DEVICE = "lab";

/** One row of the `device_scaling` table. */
export interface DeviceScaling {
  device: string;
  cores: number;
  /** Speed of one device core, reference cores. */
  perCoreSpeed: number;
  /** Speed of one lab core, reference cores. */
  labCoreSpeed: number;
  /** CPU quota of the whole device, cores of this machine (null: the lab as itself, no limit). */
  cpuQuotaCores: number | null;
  /** Memory limit of all its vNFs together, bytes (null: no limit). */
  memoryLimitBytes: number | null;
}

/** The scaling of `device` (a catalog key or "lab") for a machine with `labCores` cores of `labCoreSpeed`. */
export function deviceScaling(device: string, capacities: ReadonlyMap<string, DeviceCapacity>, labCoreSpeed: number, labCores: number): DeviceScaling {
  if (!(labCoreSpeed > 0)) throw new RangeError(`the lab core speed must be positive, got ${labCoreSpeed}`);
  if (device === LAB_DEVICE) return { device, cores: labCores, perCoreSpeed: labCoreSpeed, labCoreSpeed, cpuQuotaCores: null, memoryLimitBytes: null };
  return scalingOfCapacity(device, capacityOf(capacities, device, "--device"), labCoreSpeed);
}

/** Whether the device's CPU quota is below this machine's `labCores` (otherwise it runs at the machine's full speed). */
export function quotaBinds(s: DeviceScaling, labCores: number): boolean {
  return s.cpuQuotaCores !== null && s.cpuQuotaCores < labCores;
}

/**
 * Docker's per-container `--cpus` for a device's containers: its quota when it binds, else none
 * (Docker refuses more than the machine's cores; the device cgroup still holds the quota).
 */
export function perContainerQuota(s: DeviceScaling, labCores: number): { cpuQuotaCores?: number } {
  return quotaBinds(s, labCores) && s.cpuQuotaCores !== null ? { cpuQuotaCores: s.cpuQuotaCores } : {};
}

/** The scaling of a device with capacity `c` (named `device` in the rows) on a core worth `labCoreSpeed` reference cores. */
export function scalingOfCapacity(device: string, c: DeviceCapacity, labCoreSpeed: number): DeviceScaling {
  if (!(labCoreSpeed > 0)) throw new RangeError(`the lab core speed must be positive, got ${labCoreSpeed}`);
  return { device, cores: c.cores, perCoreSpeed: c.perCoreSpeed, labCoreSpeed, cpuQuotaCores: (c.cores * c.perCoreSpeed) / labCoreSpeed, memoryLimitBytes: c.vnfMemoryBytes };
}
