/**
 * The vNF type catalog: what each container vNF costs its host.
 *
 * Sources of the defaults:
 * - idle memory: ≈ 2.21 MB per idle container (the paper: 100 idle containers used 221 MB);
 *   vNFs that keep tables or buffers (iptables rule sets, HTTP parsing, IDS signatures) more.
 * - image size: images built locally without a registry (EMULATION-NOTES.md): busybox base
 *   ≈ 2 MB; with iptables/tc binaries and their libraries ≈ 12 MB; tcpdump/traceroute added ≈ 8 MB;
 *   an IDS with its rule set ≈ 20 MB (estimate).
 * - CPU per packet (reference-core seconds): a Linux forwarding path through a veth pair costs a
 *   few µs per packet on an i7 core (≈ 2 µs: 500 kpacket/s per core); iptables matching adds
 *   ≈ 1–2 µs for short rule sets; L7 inspection (HTTP filter, IDS) costs an order of magnitude more.
 * - processing delay: the packet's added delay at low load on a reference core, ≈ 10 × its CPU cost
 *   (wake-up, two veth crossings, copy); measured h1→vNF→h2 ping 0.36 ms vs 0.13 ms without vNF
 *   through userspace OVS here, i.e. ≈ 0.1 ms per direction including OVS's extra port crossings.
 * - processing jitter (`processingCv`): ASSUMPTION, to be refitted from lab measurements
 *   (`gnf emulation measure rtt`). The per-packet processing delay is lognormal with mean
 *   `processingDelayS` and coefficient of variation `processingCv`. EMULATION-NOTES.md measured
 *   h1→vNF→h2 ping 0.36/0.47 ms (min/avg): the average exceeds the minimum by ≈ 30%, read as
 *   cv ≈ 0.3 for the kernel-path vNFs (wire, iptables, tc, counters, probes); payload inspection
 *   (HTTP filter, IDS) varies with the payload: cv 0.5 (an estimate).
 * - state size: what a migration (stop, export state, start elsewhere, import) carries — rule sets,
 *   counters, flow tables (estimates); 0 for stateless vNFs.
 * The values are validated with `vnfTypeSchema` when this module loads.
 */
import { z } from "zod";
import type { VnfOverrides } from "./config.ts";
import { vnfTypeSchema, VNF_TYPE_NAMES, type VnfType, type VnfTypeName } from "./types.ts";

export { vnfOverridesSchema } from "./config.ts";
export type { VnfType } from "./types.ts";

const MB = 1e6;
const kB = 1e3;
const µs = 1e-6;

const CATALOG_DATA: Record<VnfTypeName, Omit<VnfType, "name">> = {
  wire: { description: "bump in the wire (in → out bridge)", imageBytes: 2 * MB, idleMemoryBytes: 2.21 * MB, cpuPerPacketS: 2 * µs, processingDelayS: 20 * µs, processingCv: 0.3, stateBytes: 0, dropsSelected: false },
  firewall: { description: "iptables rules from parameters", imageBytes: 12 * MB, idleMemoryBytes: 2.6 * MB, cpuPerPacketS: 4 * µs, processingDelayS: 40 * µs, processingCv: 0.3, stateBytes: 64 * kB, dropsSelected: false },
  "rate-limiter": { description: "tc htb rate limiting", imageBytes: 12 * MB, idleMemoryBytes: 2.5 * MB, cpuPerPacketS: 3 * µs, processingDelayS: 30 * µs, processingCv: 0.3, stateBytes: 4 * kB, dropsSelected: false },
  "http-filter": { description: "HTTP request filtering", imageBytes: 14 * MB, idleMemoryBytes: 4 * MB, cpuPerPacketS: 12 * µs, processingDelayS: 120 * µs, processingCv: 0.5, stateBytes: 256 * kB, dropsSelected: false },
  "ddos-dropper": { description: "iptables DROP for a source set", imageBytes: 12 * MB, idleMemoryBytes: 2.6 * MB, cpuPerPacketS: 2.5 * µs, processingDelayS: 25 * µs, processingCv: 0.3, stateBytes: 16 * kB, dropsSelected: true },
  monitoring: { description: "interface counters", imageBytes: 2 * MB, idleMemoryBytes: 2.3 * MB, cpuPerPacketS: 2.5 * µs, processingDelayS: 25 * µs, processingCv: 0.3, stateBytes: 32 * kB, dropsSelected: false },
  troubleshooting: { description: "ping, traceroute, tcpdump on demand", imageBytes: 8 * MB, idleMemoryBytes: 2.4 * MB, cpuPerPacketS: 5 * µs, processingDelayS: 50 * µs, processingCv: 0.3, stateBytes: 0, dropsSelected: false },
  ids: { description: "signature IDS raising notifications", imageBytes: 20 * MB, idleMemoryBytes: 6 * MB, cpuPerPacketS: 20 * µs, processingDelayS: 200 * µs, processingCv: 0.5, stateBytes: 1 * MB, dropsSelected: false },
};

function validated(name: VnfTypeName, entry: Omit<VnfType, "name">): VnfType {
  const result = vnfTypeSchema.safeParse({ name, ...entry });
  if (!result.success) throw new Error(`vNF catalog entry ${name}: ${z.prettifyError(result.error)}`);
  return Object.freeze(result.data);
}

/** The default catalog, by type name, in `VNF_TYPE_NAMES` order. Frozen. */
export const VNF_CATALOG: Readonly<Record<VnfTypeName, VnfType>> = Object.freeze(
  Object.fromEntries(VNF_TYPE_NAMES.map((name) => [name, validated(name, CATALOG_DATA[name])])) as Record<VnfTypeName, VnfType>,
);

/** The catalog with a scenario's `vnfs` overrides applied (the defaults stay unchanged). */
export function vnfCatalog(overrides: VnfOverrides = {}): Record<VnfTypeName, VnfType> {
  const out = {} as Record<VnfTypeName, VnfType>;
  for (const name of VNF_TYPE_NAMES) out[name] = { ...VNF_CATALOG[name], ...(overrides[name] ?? {}) };
  return out;
}

/** Seconds to carry a vNF's state over a path of `bandwidthBps` bit/s (0 for stateless vNFs). */
export function stateTransferSeconds(type: VnfType, bandwidthBps: number): number {
  if (!(bandwidthBps > 0)) throw new RangeError(`bandwidth must be > 0 bit/s, got ${bandwidthBps}`);
  return (type.stateBytes * 8) / bandwidthBps;
}
