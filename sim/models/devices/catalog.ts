/**
 * The device catalog (`topologies/devices.yaml`): the paper's Table I plus NFV servers, validated
 * with a zod schema. "Not known" values stay explicit (null) and resolve to documented defaults.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import { UserError } from "../../../cli/errors.ts";
import { formatKeyPath } from "../../../scenarios/describe-value.ts";
import { ARCHITECTURES, type Architecture } from "./architecture.ts";

export const DEVICE_CATEGORIES = ["residential-cpe", "wireless-router", "iot-gateway", "nfvi-server"] as const;
export type DeviceCategory = (typeof DEVICE_CATEGORIES)[number];

const deviceSchema = z
  .object({
    name: z.string(),
    category: z.enum(DEVICE_CATEGORIES),
    released: z.number().int().min(1990).max(2100),
    architecture: z.enum(ARCHITECTURES as [Architecture, ...Architecture[]]),
    cores: z.number().int().positive().nullable(),
    clockGHz: z.number().positive(),
    memoryMB: z.number().positive().nullable(),
    notKnown: z.string().optional(),
  })
  .strict();

const catalogSchema = z
  .object({
    defaults: z
      .object({
        memoryMB: z.number().positive(),
        cores: z.number().int().positive(),
        vnfMemoryFraction: z.partialRecord(z.enum(DEVICE_CATEGORIES), z.number().gt(0).max(1)),
      })
      .strict(),
    devices: z.record(z.string().regex(/^[a-z0-9-]+$/), deviceSchema),
  })
  .strict();

export type DeviceSpec = z.output<typeof deviceSchema>;
export type DeviceCatalogData = z.output<typeof catalogSchema>;

export const DEFAULT_CATALOG_PATH = fileURLToPath(new URL("../../../topologies/devices.yaml", import.meta.url));

/** Loads and validates a device catalog file. Bad files give a UserError naming the key path. */
export function loadDeviceCatalog(path = DEFAULT_CATALOG_PATH): DeviceCatalogData {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new UserError(`${path}: cannot read the device catalog: ${(err as Error).message.split("\n")[0]}`);
  }
  const result = catalogSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0] as z.core.$ZodIssue;
    throw new UserError(`${path}: ${formatKeyPath(issue.path)}: ${issue.message}`);
  }
  return result.data;
}
