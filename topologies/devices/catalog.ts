/**
 * The device catalog (`topologies/devices/devices.yaml`): the paper's Table I plus NFV servers, validated
 * with a zod schema. "Not known" values stay explicit (null, with a `notKnown` note saying why) and
 * resolve to the catalog's documented `defaults` in the capacity model (`capacity.ts`).
 *
 * @example
 *   const catalog = loadDeviceCatalog();            // topologies/devices/devices.yaml
 *   catalog.devices["tp-link-archer-c9"]?.memoryMB; // 128 (MiB)
 */
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { loadYamlConfig } from "../../base/config/load-yaml.ts";
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
    assumption: z.string().min(1).optional().describe("values that are not in the source: which, and where they come from"),
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
 * Loads and validates a device catalog file (`loadYamlConfig`). A bad file gives a UserError with
 * one line per problem naming the file, line and column, the key path, what was expected and what
 * was found, e.g.
 * `bad.yaml:3:20: devices.x.category: expected one of "residential-cpe", …, found "toaster" (a string)`.
 */
export function loadDeviceCatalog(path = DEFAULT_CATALOG_PATH): DeviceCatalogData {
  return loadYamlConfig(catalogSchema, path, { what: "device catalog" }).data;
}
