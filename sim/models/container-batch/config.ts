/**
 * Scenario section `instantiation`: batches of container vNFs created and started on hosts — the
 * paper's instantiation experiment (50 container vNFs created and started in about 10 s on an
 * Intel i7 with 16 GB) and its edge counterpart (a home router whose memory runs out). Durations
 * come from the calibration profile (`calibration`, default sim/models/calibration/default.yaml).
 */
import { z } from "zod";
import { bytes, seconds } from "../../../base/units.ts";
import { VNF_CATALOG } from "../../../deployment/vnfs/catalog.ts";

export const batchHostSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9._-]+$/).describe("host name (used in results)"),
    device: z.string().describe("device model, a key of topologies/devices/devices.yaml (e.g. nfvi-i7, tp-link-archer-c9)"),
    memory: bytes().optional().describe("override: memory available to vNF containers, bytes (default: the device's vNF share)"),
    parallel: z.number().int().min(1).max(64).default(1).describe("container operations run at the same time (1 = one `docker run` after another)"),
    vnfs: z.number().int().min(1).max(100_000).describe("container vNFs requested"),
    vnfType: z.enum(Object.keys(VNF_CATALOG) as [string, ...string[]]).default("wire").describe("vNF type from the catalog"),
    at: seconds({ allowZero: true }).default(0).describe("when the batch is requested, seconds"),
  })
  .strict();

export const instantiationSchema = z
  .object({
    calibration: z.string().optional().describe("calibration profile file (default sim/models/calibration/default.yaml)"),
    hosts: z.array(batchHostSchema).min(1).describe("hosts and the batch each one starts"),
  })
  .strict()
  .describe("batches of container vNFs created and started on hosts");

export type InstantiationConfig = z.output<typeof instantiationSchema>;
export type BatchHostConfig = z.output<typeof batchHostSchema>;
