/**
 * Calibration profiles of the container vNF lifecycle: `sim/models/calibration/default.yaml`, or a
 * file named by the scenario key `calibration`. Each lifecycle step is a lognormal duration given
 * by its mean (seconds on one reference core: an Intel i7 core at 3.4 GHz) and coefficient of
 * variation; hosts divide it by their per-core speed. The reproduction work refits the profile
 * from emulation measurements.
 */
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { UserError } from "../../../base/errors.ts";
import { formatKeyPath } from "../../../base/config/describe-value.ts";
import { issueMessage } from "../../../base/config/issue-message.ts";
import { loadYamlConfig } from "../../../base/config/load-yaml.ts";

export const durationDistributionSchema = z
  .object({
    mean: z.number().positive().describe("mean duration, seconds on one reference core (Intel i7 core at 3.4 GHz)"),
    cv: z.number().min(0).max(5).describe("coefficient of variation (standard deviation / mean); 0 = always the mean"),
    cpuShare: z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .describe("share of the step that is CPU work: it shares the host's cores with the other steps in progress (processor sharing, as the OS scheduler does), so parallel steps beyond the cores slow down (0 = no CPU contention)"),
    cpuParallelism: z
      .number()
      .min(1)
      .max(16)
      .default(1)
      .describe("cores the step's CPU work keeps busy at once when it runs alone (the runtime's daemons work in parallel threads): its CPU part is cpuShare × duration × cpuParallelism core-seconds, served at up to cpuParallelism cores; 1 = one core"),
    runtimeShare: z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .describe("share of the step serialised in the container runtime (one at a time per host: the engine's lock); 0 = none"),
    growthPerVnf: z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .describe("relative slowdown of the step per other vNF on the host (the container runtime and the switch slow down as containers and ports pile up): duration × (1 + growthPerVnf × others); 0 = none"),
  })
  .strict()
  .refine((d) => d.cpuShare + d.runtimeShare <= 1 + 1e-9, { message: "expected cpuShare + runtimeShare ≤ 1", path: ["runtimeShare"] })
  .describe("a lognormal duration");

export type DurationDistribution = z.output<typeof durationDistributionSchema>;

export const calibrationSchema = z
  .object({
    create: durationDistributionSchema.describe("`docker create`: the container's filesystem and cgroups"),
    start: durationDistributionSchema.describe("`docker start` plus attaching the two veth pairs to the switch"),
    stop: durationDistributionSchema.describe("`docker stop` of a container run with --init"),
    remove: durationDistributionSchema.describe("`docker rm`"),
    imagePullBandwidthBps: z.number().positive().describe("image pull bandwidth, bit/s (image bytes × 8 / this = pull seconds)"),
    memoryPerVnfBytes: z
      .record(z.string().min(1), z.number().positive())
      .optional()
      .describe("idle memory of one vNF by type, bytes (measured; overrides the vNF catalog's idleMemoryBytes for the types listed)"),
    forwarding: z
      .object({
        meanS: z.number().positive().describe("mean round-trip time each vNF pass adds, seconds on one reference core"),
        cv: z.number().min(0).max(5).describe("coefficient of variation of that added time"),
        entryMeanS: z.number().min(0).optional().describe("mean round-trip time a chain's first vNF adds beyond its pass (once per chain), seconds on one reference core; absent: 0"),
        entryCv: z.number().min(0).max(5).optional().describe("coefficient of variation of that entry time"),
        perPacketS: z
          .record(z.string().min(1), z.number().min(0))
          .optional()
          .describe("bottleneck time one packet's pass through a vNF of this type adds, by type, seconds on one reference core (overrides the vNF catalog's cpuPerPacketS for the types listed)"),
      })
      .strict()
      .optional()
      .describe("the round-trip time a packet's pass through one vNF adds (both directions), lognormal; a chain of k ≥ 1 vNFs adds the entry once and k passes"),
    control: z
      .object({
        barrierS: z.number().min(0).describe("a FLOW_MOD batch's fixed cost to its barrier reply, seconds"),
        flowModS: z.number().min(0).describe("each further FLOW_MOD, seconds"),
      })
      .strict()
      .optional()
      .describe("controller → switch costs (FLOW_MOD + barrier) measured in the lab"),
    stateTransfer: z
      .object({
        fixedS: z.number().min(0).describe("fixed cost of carrying a vNF's state, seconds: exporting it from the source and importing it into the new instance (the lab: `docker exec` of the vNF's own export and import), beside bytes / bandwidth"),
      })
      .strict()
      .optional()
      .describe("state transfer as the lab carries it out"),
    handover: z
      .object({
        gapS: z.number().min(0).describe("from a UE's handover until the Manager hears of it (the Agent's detection and the UE's move on the access network), seconds"),
      })
      .strict()
      .optional()
      .describe("the handover as the lab carries it out"),
    source: z
      .object({
        note: z.string().optional(),
        files: z.array(z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict()).describe("the measurements the profile was fitted from, with their sha256"),
        machine: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe("the lab machine the measurements come from"),
        fittedOn: z.record(z.string(), z.array(z.union([z.number(), z.string()]))).optional().describe("the points used for fitting (the rest is held out)"),
        quality: z.record(z.string(), z.number()).optional().describe("fit quality: relative errors on the fitted points, r² of the linear fits"),
      })
      .strict()
      .optional()
      .describe("where a fitted profile comes from (written by `gnf calibrate`)"),
  })
  .strict()
  .describe("container vNF lifecycle calibration profile");

/** A validated calibration profile. */
export type Calibration = z.output<typeof calibrationSchema>;

export const DEFAULT_CALIBRATION_PATH = fileURLToPath(new URL("./default.yaml", import.meta.url));

/**
 * Loads and validates a calibration profile (`loadYamlConfig`). A missing file, bad YAML or a bad
 * value throws a `UserError` naming the file, line and column and the key path, e.g.
 * `my.yaml:2:9: create.mean: expected a number > 0, found -1 (a number)`.
 */
export function loadCalibration(path = DEFAULT_CALIBRATION_PATH): Calibration {
  return loadYamlConfig(calibrationSchema, path, { what: "calibration profile" }).data;
}

/** Validates profile data read from `source` (a file name, for messages). */
export function parseCalibration(raw: unknown, source: string): Calibration {
  const result = calibrationSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0] as z.core.$ZodIssue;
    throw new UserError(`${source}: ${formatKeyPath(issue.path)}: ${issueMessage(issue, raw, calibrationSchema)}`);
  }
  return result.data;
}
