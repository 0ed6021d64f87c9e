/**
 * The vNF type catalog. Idle memory ≈ 2.21 MB per container (the paper); image sizes from the
 * locally built images (busybox base ≈ 2 MB; with iptables/tc ≈ 12 MB; EMULATION-NOTES.md).
 * Per-packet CPU cost is in reference-core seconds (an i7 core at 3.4 GHz): a Linux forwarding
 * path costs a few µs per packet; iptables rules and deep inspection cost more. Per-packet delay
 * is the vNF's processing time added to every packet it handles (at low load). State size is what
 * a migration must carry.
 */
import { z } from "zod";

export interface VnfType {
  name: string;
  description: string;
  imageBytes: number;
  idleMemoryBytes: number;
  /** CPU per packet, reference-core seconds. */
  cpuPerPacketS: number;
  /** Processing delay per packet at low load, seconds. */
  processingDelayS: number;
  /** State carried on migration, bytes. */
  stateBytes: number;
  /** Fraction of the traffic it drops (a DDoS dropper drops the attack flow it is given). */
  dropsSelected: boolean;
}

const MB = 1e6;

export const VNF_CATALOG: Readonly<Record<string, VnfType>> = {
  wire: { name: "wire", description: "bump in the wire (in → out bridge)", imageBytes: 2 * MB, idleMemoryBytes: 2.21 * MB, cpuPerPacketS: 2e-6, processingDelayS: 20e-6, stateBytes: 0, dropsSelected: false },
  firewall: { name: "firewall", description: "iptables rules from parameters", imageBytes: 12 * MB, idleMemoryBytes: 2.6 * MB, cpuPerPacketS: 4e-6, processingDelayS: 40e-6, stateBytes: 64e3, dropsSelected: false },
  "rate-limiter": { name: "rate-limiter", description: "tc htb rate limiting", imageBytes: 12 * MB, idleMemoryBytes: 2.5 * MB, cpuPerPacketS: 3e-6, processingDelayS: 30e-6, stateBytes: 4e3, dropsSelected: false },
  "http-filter": { name: "http-filter", description: "HTTP request filtering", imageBytes: 14 * MB, idleMemoryBytes: 4 * MB, cpuPerPacketS: 12e-6, processingDelayS: 120e-6, stateBytes: 256e3, dropsSelected: false },
  "ddos-dropper": { name: "ddos-dropper", description: "iptables DROP for a source set", imageBytes: 12 * MB, idleMemoryBytes: 2.6 * MB, cpuPerPacketS: 2.5e-6, processingDelayS: 25e-6, stateBytes: 16e3, dropsSelected: true },
  monitoring: { name: "monitoring", description: "interface counters", imageBytes: 2 * MB, idleMemoryBytes: 2.3 * MB, cpuPerPacketS: 2.5e-6, processingDelayS: 25e-6, stateBytes: 32e3, dropsSelected: false },
  troubleshooting: { name: "troubleshooting", description: "ping, traceroute, tcpdump on demand", imageBytes: 8 * MB, idleMemoryBytes: 2.4 * MB, cpuPerPacketS: 5e-6, processingDelayS: 50e-6, stateBytes: 0, dropsSelected: false },
  ids: { name: "ids", description: "signature IDS raising notifications", imageBytes: 20 * MB, idleMemoryBytes: 6 * MB, cpuPerPacketS: 20e-6, processingDelayS: 200e-6, stateBytes: 1e6, dropsSelected: false },
};

/** Scenario key `vnfs`: overrides of catalog entries, e.g. `{ ids: { idleMemoryBytes: 8e6 } }`. */
export const vnfOverridesSchema = z.partialRecord(
  z.enum(Object.keys(VNF_CATALOG) as [string, ...string[]]),
  z
    .object({
      imageBytes: z.number().positive().optional(),
      idleMemoryBytes: z.number().positive().optional(),
      cpuPerPacketS: z.number().min(0).optional(),
      processingDelayS: z.number().min(0).optional(),
      stateBytes: z.number().min(0).optional(),
    })
    .strict(),
);

export function vnfCatalog(overrides: z.output<typeof vnfOverridesSchema> = {}): Record<string, VnfType> {
  const out: Record<string, VnfType> = {};
  for (const [name, type] of Object.entries(VNF_CATALOG)) out[name] = { ...type, ...(overrides[name] ?? {}) };
  return out;
}
