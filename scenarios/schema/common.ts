/**
 * Keys every scenario file has (the foundation issue): name, seed, duration, replications, outputs.
 * Later sections (topology, devices, UEs, mobility, vNFs, chains, placement) are added beside them
 * in `scenarios/schema/scenario.ts`.
 */
import { z } from "zod";
import { seconds } from "../../base/units.ts";

export const outputsSchema = z
  .object({
    directory: z
      .string()
      .min(1)
      .default("results")
      .describe("root folder of run outputs; a run writes <directory>/<name>/<run-id>/ (overridden by --out)"),
    sampleInterval: seconds()
      .default(10)
      .describe("period of time-series samples (device utilisation, memory, core load), seconds"),
  })
  .strict()
  .describe("what a run writes and where");

export const commonKeys = {
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "expected a name of letters, digits, '.', '_' or '-' (it names the results folder)")
    .describe("scenario name; names the results folder"),
  description: z.string().optional().describe("free text shown by `gnf check`"),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1).describe("master seed of every random stream (integer >= 0)"),
  duration: seconds().default(600).describe("simulated time to run, seconds"),
  replications: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(1)
    .describe("independent runs with derived seeds; the summary gives mean and 95% confidence interval"),
  outputs: outputsSchema.default({ directory: "results", sampleInterval: 10 }),
};
