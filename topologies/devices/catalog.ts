/**
 * The device catalog (`topologies/devices.yaml`): the paper's Table I plus NFV servers, validated
 * with a zod schema. "Not known" values stay explicit (null, with a `notKnown` note saying why) and
 * resolve to the catalog's documented `defaults` in the capacity model (`capacity.ts`).
 *
 * @example
 *   const catalog = loadDeviceCatalog();            // topologies/devices.yaml
 *   catalog.devices["tp-link-archer-c9"]?.memoryMB; // 128 (MiB)
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import { UserError } from "../../base/errors.ts";
import { formatKeyPath } from "../../base/config/describe-value.ts";
import { issueMessage } from "../../base/config/issue-message.ts";
import { ARCHITECTURES, type Architecture } from "./architecture.ts";

export const DEVICE_CATEGORIES = ["residential-cpe", "wireless-router", "iot-gateway", "nfvi-server"] as const;
export type DeviceCategory = (typeof DEVICE_CATEGORIES)[number];

const deviceSchema = z
  .object({
    name: z.string().min(1).describe("product name as in the source"),
    category: z.enum(DEVICE_CATEGORIES),
    released: z.number().int().min(1990).max(2100).describe("release year"),
    architecture: z.enum(ARCHITECTURES as [Architecture, ...Architecture[]]).describe("CPU architecture, a key of ARCHITECTURE_FACTORS"),
    cores: z.number().int().positive().nullable().describe("CPU cores; null when the source does not give them"),
    clockGHz: z.number().positive().describe("clock of one core, GHz"),
    memoryMB: z.number().positive().nullable().describe("memory, MiB; null when the source does not know it"),
    paper: z
      .object({ cpu: z.string(), memory: z.string() })
      .strict()
      .optional()
      .describe("the paper's Table I cells, verbatim"),
    notKnown: z.string().min(1).optional().describe("why a null value is null and which default the model uses"),
  })
  .strict()
  .superRefine((d, ctx) => {
    const nulls = (["cores", "memoryMB"] as const).filter((k) => d[k] === null);
    if (nulls.length > 0 && d.notKnown === undefined) {
      ctx.addIssue({ code: "custom", path: ["notKnown"], message: `expected a note explaining the null ${nulls.join(" and ")}` });
    }
  });

const catalogSchema = z
  .object({
    defaults: z
      .object({
        memoryMB: z.number().positive().describe("memory used when a device's is not known, MiB"),
        cores: z.number().int().positive().describe("cores used when a device's are not known"),
        vnfMemoryFraction: z
          .partialRecord(z.enum(DEVICE_CATEGORIES), z.number().gt(0).max(1))
          .describe("share of memory left to vNF containers, per category (0.5 when absent)"),
      })
      .strict(),
    devices: z.record(z.string().regex(/^[a-z0-9-]+$/, "expected a device key of lower-case letters, digits and dashes"), deviceSchema),
  })
  .strict();

export type DeviceSpec = z.output<typeof deviceSchema>;
export type DeviceCatalogData = z.output<typeof catalogSchema>;

export const DEFAULT_CATALOG_PATH = fileURLToPath(new URL("./devices.yaml", import.meta.url));

/**
 * Loads and validates a device catalog file. A bad file gives a UserError with one line per problem
 * naming the file, the key path, what was expected and what was found, e.g.
 * `bad.yaml: devices.x.category: expected one of "residential-cpe", …, found "toaster" (a string)`.
 */
export function loadDeviceCatalog(path = DEFAULT_CATALOG_PATH): DeviceCatalogData {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new UserError(`${path}: cannot read the device catalog: ${(err as Error).message.split("\n")[0]}`);
  }
  const result = catalogSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.flatMap((issue): z.core.$ZodIssue[] =>
      issue.code === "unrecognized_keys" ? issue.keys.map((key) => ({ ...issue, keys: [key] })) : [issue],
    );
    throw new UserError(
      lines
        .map((issue) => {
          const keyPath = issue.code === "unrecognized_keys" ? [...issue.path, ...issue.keys] : issue.path;
          return `${path}: ${formatKeyPath(keyPath)}: ${issueMessage(issue, raw, catalogSchema)}`;
        })
        .join("\n"),
    );
  }
  return result.data;
}
