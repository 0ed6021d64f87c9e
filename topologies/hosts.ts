/**
 * The vNF hosts of a topology with their capacities: every node with a `device` (edge devices and
 * the central NFVI), keyed by node id, with the device model's CPU (reference cores) and memory
 * (bytes) capacity and `id` set to the node id.
 *
 * @example
 *   const hosts = hostCapacities(topology, loadDeviceCapacities());
 *   hosts.get("nfvi")?.cpuCapacity; // 4 (reference cores) for nfvi-i7
 */
import { capacityOf, type DeviceCapacity } from "./devices/capacity.ts";
import type { Topology } from "./types.ts";

/** `capacities`: every device model's capacity (`loadDeviceCapacities()`, loaded once per run). */
export function hostCapacities(topology: Topology, capacities: ReadonlyMap<string, DeviceCapacity>): Map<string, DeviceCapacity> {
  const hosts = new Map<string, DeviceCapacity>();
  for (const n of topology.nodes) {
    if (n.device === undefined) continue;
    hosts.set(n.id, { ...capacityOf(capacities, n.device, `topology ${topology.name}: node ${n.id}`), id: n.id });
  }
  return hosts;
}
