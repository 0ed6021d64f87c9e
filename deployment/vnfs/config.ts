/**
 * Scenario key `vnfs`: overrides of vNF catalog entries by type name. Sizes take numbers (bytes) or
 * strings with a unit ("8 MB", "2.21MB", "16 MiB"); times are seconds.
 *
 * @example
 *   vnfs:
 *     ids: { idleMemoryBytes: 8 MB, cpuPerPacketS: 0.00003 }
 */
import { z } from "zod";
import { bytes } from "../../base/units.ts";
import { VNF_TYPE_NAMES, type VnfTypeName } from "./types.ts";

export const vnfOverrideSchema = z
  .object({
    imageBytes: bytes().optional().describe("container image size, bytes"),
    idleMemoryBytes: bytes().optional().describe("memory of an idle running container, bytes"),
    cpuPerPacketS: z.number().min(0).optional().describe("CPU per packet, reference-core seconds (one i7 core at 3.4 GHz)"),
    processingDelayS: z.number().min(0).optional().describe("delay added to each packet at low load on a reference core, seconds (mean)"),
    processingCv: z.number().min(0).optional().describe("forwarding jitter: coefficient of variation of the lognormal per-packet processing delay"),
    stateBytes: z.number().min(0).optional().describe("state carried on migration, bytes"),
  })
  .strict();

const overrideShape = Object.fromEntries(VNF_TYPE_NAMES.map((name) => [name, vnfOverrideSchema.optional()])) as Record<VnfTypeName, z.ZodOptional<typeof vnfOverrideSchema>>;

export const vnfOverridesSchema = z
  .object(overrideShape)
  .strict()
  .describe(`overrides of the vNF type catalog by type (${VNF_TYPE_NAMES.join(", ")}), e.g. { ids: { idleMemoryBytes: 8000000 } }`);

export type VnfOverrides = z.output<typeof vnfOverridesSchema>;
