/**
 * The latency model's configuration: the queueing model of the vNFs and links.
 */
import { z } from "zod";

/** Queueing model of loaded devices: M/M/1 (exponential service) or M/D/1 (constant service). */
export const queueModelSchema = z.enum(["mm1", "md1"]).describe("mm1: W = 1/(μ−λ); md1: W = 1/μ + ρ/(2μ(1−ρ))");

export const latencySchema = z
  .object({
    queueModel: queueModelSchema.default("mm1"),
  })
  .strict()
  .describe("how flow latency is computed: propagation + per-hop + vNF processing + queueing");

export type LatencyConfig = z.output<typeof latencySchema>;
