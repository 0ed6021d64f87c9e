/**
 * Shapes of what the REST API answers, as zod schemas: the OpenAPI document is generated from them
 * (`toOpenApi`), the view functions in `views.ts` are typed by them, and the contract tests parse
 * every answer with them (strict objects: an undocumented field fails the test).
 *
 * Units as in the Manager: seconds, bytes, CPU in reference cores, utilisation 0..1.
 */
import { z } from "zod";
import { MIGRATION_MODES } from "../config.ts";

export const errorSchema = z
  .object({
    statusCode: z.number().int(),
    error: z.string().describe("HTTP reason phrase"),
    message: z.string().describe("what was wrong, naming the field and what was expected"),
    issues: z.array(z.object({ path: z.string().describe('e.g. "body.vnfs[0].type"'), message: z.string() }).strict()).optional(),
  })
  .strict()
  .describe("an error");

export const deviceSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["edge", "nfvi"]),
    model: z.string().optional().describe("paper Table I model or server class"),
    cpuCapacity: z.number().describe("reference cores"),
    memoryBytes: z.number(),
    cpuUtilisation: z.number().optional().describe("last reported, 0..1"),
    memoryUsedBytes: z.number().optional().describe("last reported"),
    clients: z.number().optional().describe("associated Wi-Fi clients, last reported"),
    reservedCpu: z.number().describe("CPU the Manager reserved for its vNFs here, reference cores"),
    reservedMemoryBytes: z.number(),
    vnfs: z.array(z.string()).describe("ids of the vNFs starting, running or stopping here"),
  })
  .strict()
  .describe("an edge device or central NFVI host");

export const ueSchema = z
  .object({
    id: z.string(),
    attached: z.boolean(),
    device: z.string().optional().describe("the edge device it is attached to"),
    rssiDbm: z.number().optional().describe("signal strength at the last client event, dBm"),
    packets: z.number().optional().describe("packet counter from the last client event"),
    chains: z.array(z.string()).describe("ids of the chains on its traffic (removed ones included)"),
  })
  .strict()
  .describe("a user equipment");

export const chainSpecSchema = z
  .object({
    id: z.string(),
    ue: z.string(),
    vnfs: z.array(z.object({ type: z.string(), params: z.record(z.string(), z.unknown()) }).strict()),
    match: z.record(z.string(), z.unknown()).describe("OpenFlow 1.3 match fields"),
    priority: z.number().int(),
  })
  .strict();

export const CHAIN_STATUSES = ["waiting", "starting", "active", "stopped", "failed", "removing", "removed"] as const;

export const chainSchema = z
  .object({
    id: z.string(),
    spec: chainSpecSchema,
    status: z.enum(CHAIN_STATUSES),
    slots: z.array(z.string()).describe("current vNF instance id per chain position"),
    steeringVersion: z.number().int().describe("newest steering version requested"),
    installedVersion: z.number().int().describe("newest steering version installed"),
    accessNode: z.string().optional(),
    failure: z.string().optional().describe("why it is waiting or failed"),
    lastLatencyS: z.number().optional(),
    migration: z.string().optional().describe("id of the migration in flight"),
    pending: z.object({ reason: z.string(), triggerTime: z.number(), relocate: z.boolean() }).strict().optional().describe("a re-placement deferred while busy"),
  })
  .strict()
  .describe("a vNF chain and its state");

export const vnfSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    host: z.string(),
    chain: z.string(),
    slot: z.number().int(),
    ue: z.string(),
    params: z.record(z.string(), z.unknown()),
    state: z.enum(["starting", "running", "stopping", "stopped", "failed"]),
    failure: z.string().optional(),
    inChain: z.boolean().describe("the instance currently holds its chain slot"),
    operatorStopped: z.boolean(),
    muted: z.boolean().describe("its notifications are muted"),
    notifications: z.object({ raised: z.number().int(), muted: z.number().int() }).strict(),
  })
  .strict()
  .describe("a container vNF instance");

const moveSchema = z
  .object({
    slot: z.number().int(),
    vnfType: z.string(),
    fromVnfId: z.string(),
    fromHost: z.string(),
    toVnfId: z.string(),
    toHost: z.string(),
    bytes: z.number(),
    stateLost: z.boolean(),
    readyAt: z.number().optional(),
    transferredAt: z.number().optional(),
    oldStoppedAt: z.number().optional(),
    restartedAtSource: z.boolean().optional(),
  })
  .strict();

export const MIGRATION_REASONS = ["ue-handover", "ue-reconnected", "utilisation-change", "overload", "periodic", "optimal-stopping", "vnf-failed", "operator", "operator-restart"] as const;
export const MIGRATION_OUTCOMES = ["in-flight", "completed", "rolled-back", "failed", "aborted"] as const;

export const migrationSchema = z
  .object({
    id: z.string(),
    chain: z.string(),
    ue: z.string(),
    reason: z.enum(MIGRATION_REASONS),
    mode: z.enum(MIGRATION_MODES),
    triggerTime: z.number(),
    decisionTime: z.number(),
    moves: z.array(moveSchema),
    phase: z.enum(["stopping-old", "starting", "transferring", "switching", "stopping-old-after-switch", "done"]),
    outcome: z.enum(MIGRATION_OUTCOMES),
    newReadyTime: z.number().optional(),
    stateTransferredTime: z.number().optional(),
    steeringRequestedTime: z.number().optional(),
    steeringVersion: z.number().int().optional(),
    steeringSwitchedTime: z.number().optional(),
    oldStoppedTime: z.number().optional(),
    endTime: z.number().optional(),
    interruptionS: z.number().optional(),
    failure: z.string().optional(),
  })
  .strict()
  .describe("the timeline of one migration, seconds");

export const notificationSchema = z
  .object({
    id: z.string(),
    vnf: z.string(),
    ue: z.string(),
    kind: z.string(),
    message: z.string(),
    data: z.record(z.string(), z.unknown()),
    time: z.number().describe("when it was raised, seconds"),
    acknowledged: z.boolean(),
    muted: z.boolean().describe("raised while its vNF was muted"),
  })
  .strict()
  .describe("a notification raised by a vNF");

export const muteSchema = z
  .object({ vnf: z.string(), muted: z.boolean(), notifications: z.object({ raised: z.number().int(), muted: z.number().int() }).strict() })
  .strict();

export const placementSchema = z
  .object({
    algorithm: z.string().describe("the placement algorithm in use"),
    seed: z.union([z.number(), z.string()]).optional().describe("seed given with the last switch"),
    available: z.array(z.string()),
  })
  .strict();

export const metricsSchema = z.record(z.string(), z.object({ value: z.number(), unit: z.string(), description: z.string() }).strict()).describe("live metrics by name");

export const statusSchema = z
  .object({
    name: z.string().describe("scenario name"),
    now: z.number().describe("the run's clock, seconds"),
    placement: z.string(),
    chains: z.record(z.string(), z.number().int()).describe("chains per status"),
    vnfs: z.record(z.string(), z.number().int()).describe("vNF instances per state"),
    migrationsInFlight: z.number().int(),
    unreadNotifications: z.number().int(),
    operatorRefusals: z.number().int().describe("accepted operator actions the Manager refused when it handled them (GET /operator-refusals)"),
  })
  .strict();

export const operatorRefusalSchema = z
  .object({
    time: z.number().describe("when the Manager handled it, seconds"),
    event: z
      .object({
        type: z.enum(["vnf-stop-requested", "vnf-start-requested", "vnf-migration-requested"]),
        vnfId: z.string(),
        host: z.string().optional(),
        mode: z.enum(MIGRATION_MODES).optional(),
      })
      .strict(),
    refusal: z.object({ kind: z.enum(["not-found", "conflict", "unprocessable"]), message: z.string() }).strict(),
  })
  .strict()
  .describe("an operator action accepted by the API but refused when the run handled it (the state changed in between)");

/** The answer to an accepted operator action on a vNF (202: it proceeds asynchronously). */
export const vnfActionSchema = z
  .object({
    vnf: vnfSchema,
    chain: chainSchema,
    migration: migrationSchema.optional().describe("the migration the action started, once the Manager handled it"),
  })
  .strict();

/** Accepted, not yet handled by the Manager (the run handles submitted events asynchronously). */
export const acceptedSchema = z.object({ accepted: z.literal(true), id: z.string(), status: z.literal("requested") }).strict();

/** A JSON Schema (OpenAPI 3.0 dialect) of a zod schema, as the client sends (input) or receives it. */
export function toOpenApi(schema: z.ZodType, io: "input" | "output" = "output"): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: "openapi-3.0", io, unrepresentable: "any" }) as Record<string, unknown>;
}
