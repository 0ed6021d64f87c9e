/**
 * The scenario file schema: one zod schema holds every key, its type, its default and its doc.
 * Unknown keys are rejected everywhere (`.strict()`). `scenarios/schema.json` is generated from it
 * for editors (`npm run schema`).
 */
import { z } from "zod";
import { commonKeys } from "./common.ts";
import { instantiationSchema } from "../../sim/models/container-batch/config.ts";
import { topologySchema } from "../../topologies/config.ts";
import { uesSchema } from "../../sim/models/mobility/config.ts";
import { radioSchema } from "../../sim/models/radio/config.ts";
import { flowSchema } from "../../sim/models/traffic/flows.ts";
import { vnfOverridesSchema } from "../../deployment/vnfs/catalog.ts";
import { latencySchema } from "../../sim/models/traffic/latency-config.ts";
import { chainsConfigSchema, managerConfigSchema } from "../../orchestrator/config.ts";
import { placementConfigSchema } from "../../placement/config.ts";
import { controlPlaneSchema } from "../../sim/backend/control-plane.ts";
import { mitigationSchema } from "../../deployment/mitigation.ts";
import { ueChainsSchema } from "../../deployment/ue-chains.ts";
import { calibrationKeySchema } from "../../sim/models/calibration/config.ts";

export const scenarioSchema = z
  .object({
    ...commonKeys,
    instantiation: instantiationSchema.optional(),
    topology: topologySchema.optional(),
    ues: uesSchema.default({ count: 10, mobility: { model: "random-waypoint", minSpeed: 0.5, maxSpeed: 1.5, pause: 30 }, step: 1 }),
    radio: radioSchema.default(radioSchema.parse({})),
    traffic: z.array(flowSchema).default([]).describe("flows every UE sends"),
    vnfs: vnfOverridesSchema.default({}).describe("overrides of the vNF type catalog, e.g. { ids: { idleMemoryBytes: 8000000 } }"),
    latency: latencySchema.prefault({}),
    chains: chainsConfigSchema,
    ueChains: ueChainsSchema,
    manager: managerConfigSchema.prefault({}),
    placement: placementConfigSchema.prefault({}),
    control: controlPlaneSchema.prefault({}),
    mitigation: mitigationSchema.optional(),
    calibration: calibrationKeySchema.optional(),
  })
  .strict()
  .describe("a GNF Lab scenario");

/** A scenario as written in the file (before defaults). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with every default filled in (units normalised: seconds, bytes, bit/s). */
export type Scenario = z.output<typeof scenarioSchema>;
