/**
 * Scenario configuration of placement (the lead wires `placementConfigSchema` into the scenario
 * schema under `placement:`).
 */
import { z } from "zod";

export const PLACER_CHOICES = ["nearest-edge", "central-only", "random", "first-fit", "best-fit", "latency-ilp"] as const;

export const replacementConfigSchema = z
  .object({
    policy: z.enum(["static", "always", "periodic", "ost"]).default("static").describe("when to re-run placement as latencies drift: never, every slot, every periodSlots slots, or by optimal stopping (ost)"),
    periodSlots: z.number().int().min(1).default(10).describe("periodic: re-place every this many slots"),
    toleratedViolations: z.number().int().min(1).default(10).describe("ost: Θ, the most latency-bound violations tolerated between re-placements"),
    violationProbability: z.number().min(0).max(1).optional().describe("ost: per-sample violation probability; default: estimated from the samples seen"),
  })
  .strict();

export const latencyIlpConfigSchema = z
  .object({
    initialCandidates: z.number().int().min(1).default(8).describe("nearest candidate hosts per request group in the first restricted model"),
    timeLimitS: z.number().positive().default(60).describe("HiGHS time limit per solve, seconds"),
  })
  .strict();

export const placementConfigSchema = z
  .object({
    algorithm: z.enum(PLACER_CHOICES).default("nearest-edge").describe("placement algorithm (GNF's rule is nearest-edge)"),
    seed: z.union([z.number(), z.string()]).optional().describe("seed of the random placer (default: the scenario seed)"),
    ilp: latencyIlpConfigSchema.prefault({}).describe("latency-ilp settings"),
    replacement: replacementConfigSchema.prefault({}).describe("dynamic re-placement policy"),
    latencyBounds: z
      .record(z.string(), z.number().positive())
      .default({})
      .describe("largest acceptable access → host one-way latency per vNF type, seconds, e.g. { ids: 0.005 }: a placement constraint, and what counts as a violation"),
  })
  .strict();

export type PlacementConfig = z.infer<typeof placementConfigSchema>;
export type ReplacementConfig = z.infer<typeof replacementConfigSchema>;
export type LatencyIlpConfig = z.infer<typeof latencyIlpConfigSchema>;
