/**
 * What a container vNF type costs the host that runs it. Units: bytes, reference-core seconds (one
 * core of the paper's Intel i7 testbed at 3.4 GHz, see `topologies/devices/capacity.ts`) and
 * seconds. The zod schema validates catalog entries and scenario overrides alike.
 */
import { z } from "zod";

/** The vNF types of the catalog, in catalog order (the paper's use cases plus an IDS). */
export const VNF_TYPE_NAMES = ["wire", "firewall", "rate-limiter", "http-filter", "ddos-dropper", "monitoring", "troubleshooting", "ids"] as const;

export type VnfTypeName = (typeof VNF_TYPE_NAMES)[number];

export const vnfTypeSchema = z
  .object({
    name: z.string().min(1).describe("catalog key"),
    description: z.string().describe("what the vNF does and with which tool"),
    imageBytes: z.number().positive().describe("container image size, bytes (pulled once per host)"),
    idleMemoryBytes: z.number().positive().describe("memory of an idle running container, bytes (a hard limit on the host)"),
    cpuPerPacketS: z.number().min(0).describe("CPU per packet handled, reference-core seconds"),
    processingDelayS: z.number().min(0).describe("delay added to each packet at low load on a reference core, seconds (the mean of its lognormal)"),
    processingCv: z.number().min(0).describe("forwarding jitter: coefficient of variation (sd/mean) of the per-packet processing delay, lognormal (0: constant)"),
    stateBytes: z.number().min(0).describe("state carried when the vNF migrates, bytes"),
    dropsSelected: z.boolean().describe("true when the vNF discards the traffic steered to it (a DDoS dropper)"),
  })
  .strict();

/**
 * One vNF type.
 * Invariants: sizes > 0 bytes; CPU per packet and delays ≥ 0; a vNF on a host of per-core speed s
 * serves at most s / cpuPerPacketS packets/s (one core per container).
 */
export type VnfType = z.output<typeof vnfTypeSchema>;
