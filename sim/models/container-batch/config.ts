/**
 * Scenario section `instantiation`: batches of container vNFs created and started on hosts — the
 * paper's instantiation experiment (50 container vNFs created and started in about 10 s on an
 * Intel i7 with 16 GB) and its edge counterpart (a home router whose memory runs out).
 */
import { z } from "zod";
import { bytes, seconds } from "../../../scenarios/schema/units.ts";

/** A duration distribution: lognormal with the given mean (s) and coefficient of variation. */
export const durationSchema = z
  .object({
    mean: seconds().describe("mean duration on the reference host (one i7 core), seconds"),
    cv: z.number().min(0).max(5).default(0.2).describe("coefficient of variation (stddev / mean); 0 = constant"),
  })
  .strict();

export const batchHostSchema = z
  .object({
    name: z.string().min(1).describe("host name (used in results)"),
    cpuSpeed: z
      .number()
      .positive()
      .default(1)
      .describe("per-core speed relative to the reference i7 core; durations are divided by it"),
    parallel: z.number().int().min(1).max(64).default(1).describe("container operations run at the same time (e.g. 4 parallel `docker run`s)"),
    memory: bytes().describe("memory available to vNF containers on this host, bytes; a start that does not fit fails"),
    vnfs: z.number().int().min(1).max(100_000).describe("container vNFs requested"),
    at: seconds({ allowZero: true }).default(0).describe("when the batch is requested, seconds"),
  })
  .strict();

export const instantiationSchema = z
  .object({
    create: durationSchema.default({ mean: 0.12, cv: 0.2 }).describe("`docker create` duration on the reference host"),
    start: durationSchema.default({ mean: 0.08, cv: 0.2 }).describe("`docker start` until the vNF forwards, on the reference host"),
    idleMemory: bytes().default(2.21e6).describe("idle memory of one container vNF, bytes (paper: ~2.21 MB)"),
    hosts: z.array(batchHostSchema).min(1).describe("hosts and the batch each one starts"),
  })
  .strict()
  .describe("batches of container vNFs created and started on hosts");

export type InstantiationConfig = z.output<typeof instantiationSchema>;
export type BatchHostConfig = z.output<typeof batchHostSchema>;
