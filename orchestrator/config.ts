/**
 * Scenario-file configuration of the orchestrator (zod v4, strict, with defaults): the Manager's
 * policies and the chains a scenario requests. The lead wires these into the scenario schema.
 */
import { z } from "zod";
import type { ChainSpec } from "./chains.ts";
import { SELECTOR_FIELD_NAMES, selectorProblems, type SelectorField, type TrafficSelector } from "./selector.ts";

const selectorValueSchema = z.union([
  z.number().int().min(0),
  z.string().min(1),
  z.object({ value: z.union([z.number().int().min(0), z.string().min(1)]), mask: z.union([z.number().int().min(0), z.string().min(1)]) }).strict(),
]);

const selectorShape = Object.fromEntries(SELECTOR_FIELD_NAMES.map((f) => [f, selectorValueSchema.optional()])) as Record<SelectorField, z.ZodOptional<typeof selectorValueSchema>>;

/** OpenFlow 1.3 match fields selecting a UE's traffic; checked for malformed values and prerequisites. */
export const trafficSelectorSchema = z
  .object(selectorShape)
  .strict()
  .superRefine((selector, ctx) => {
    for (const message of selectorProblems(selector as TrafficSelector)) {
      // "tcp_dst: expected …" is about one field: report it at that field's key.
      const field = /^([a-z0-9_]+): /.exec(message)?.[1];
      if (field !== undefined && Object.hasOwn(selector, field)) ctx.addIssue({ code: "custom", path: [field], message: message.slice(field.length + 2) });
      else ctx.addIssue({ code: "custom", message });
    }
  })
  .describe(
    'OpenFlow 1.3 match fields (in_port, eth_src, eth_dst, eth_type, vlan_vid, mpls_label, arp_op, arp_spa, arp_tpa, ipv4_src, ipv4_dst, ipv6_src, ipv6_dst, ip_proto, tcp_src, tcp_dst, udp_src, udp_dst); addresses may be "10.0.0.0/24" or { value, mask }; absent fields match anything',
  );

const chainVnfSchema = z.union([
  z.string().min(1).describe("vNF type name"),
  z
    .object({
      type: z.string().min(1).describe("vNF type name"),
      params: z.record(z.string(), z.unknown()).default({}).describe("parameters passed to the vNF container"),
    })
    .strict(),
]);

/** One chain in a scenario file. */
export const chainConfigSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "expected letters, digits, '.', '_' or '-'")
      .optional()
      .describe("chain id (default chain-<n>, n counting from 1 in file order)"),
    ue: z.string().min(1).describe("the UE whose traffic the chain applies to"),
    vnfs: z.array(chainVnfSchema).min(1).describe("vNF types in traversal order, each a name or { type, params }"),
    match: trafficSelectorSchema.prefault({}),
    priority: z.number().int().min(0).max(65535).default(100).describe("flow priority; the higher wins among overlapping selectors"),
    at: z.number().min(0).default(0).describe("when the chain is requested, seconds"),
    until: z.number().min(0).optional().describe("when the chain is removed, seconds (never when absent)"),
  })
  .strict()
  .describe("a vNF chain on selected traffic of one UE");

export const chainsConfigSchema = z
  .array(chainConfigSchema)
  .default([])
  .superRefine((chains, ctx) => {
    const seen = new Set<string>();
    chains.forEach((c, i) => {
      const id = c.id ?? `chain-${i + 1}`;
      if (seen.has(id)) ctx.addIssue({ code: "custom", message: `duplicate chain id "${id}"`, path: [i, "id"] });
      seen.add(id);
    });
  })
  .describe("vNF chains requested during the run");

export type ChainConfig = z.output<typeof chainConfigSchema>;

/** A scenario chain with its request and removal times. */
export interface ScheduledChain {
  spec: ChainSpec;
  /** Request time, seconds. */
  at: number;
  /** Removal time, seconds, if any. */
  until?: number;
}

/** Scenario chain entries → chain specs with ids filled in (chain-<n>) and vNFs as { type, params }. */
export function chainsFromConfig(chains: readonly ChainConfig[]): ScheduledChain[] {
  return chains.map((c, i) => {
    const spec: ChainSpec = {
      id: c.id ?? `chain-${i + 1}`,
      ue: c.ue,
      vnfs: c.vnfs.map((v) => (typeof v === "string" ? { type: v, params: {} } : { type: v.type, params: v.params })),
      match: c.match as TrafficSelector,
      priority: c.priority,
    };
    return c.until === undefined ? { spec, at: c.at } : { spec, at: c.at, until: c.until };
  });
}

export const UE_MOBILITY_POLICIES = ["follow", "stay", "stop-on-disconnect"] as const;
export type UeMobilityPolicy = (typeof UE_MOBILITY_POLICIES)[number];

export const MIGRATION_MODES = ["make-before-break", "break-before-make"] as const;
export type MigrationMode = (typeof MIGRATION_MODES)[number];

/** The Manager's policies. */
export const managerConfigSchema = z
  .object({
    ueMobility: z
      .enum(UE_MOBILITY_POLICIES)
      .default("follow")
      .describe("when a UE roams or leaves: follow = re-place its chains near the new device; stay = leave the vNFs, re-steer only; stop-on-disconnect = like stay on handover, stop the chains when the UE leaves and restart them when it returns"),
    migration: z.enum(MIGRATION_MODES).default("make-before-break").describe("make-before-break = start at target, transfer state, switch steering, stop old; break-before-make = stop old, start at target, transfer state, switch steering"),
    utilisationThreshold: z
      .number()
      .gt(0)
      .max(1)
      .default(0.15)
      .describe("re-place a device's chains when its CPU utilisation changed by at least this much (0..1) since its last placement decision; the paper uses 0.15"),
    overloadThreshold: z
      .number()
      .gt(0)
      .max(1)
      .default(0.9)
      .describe(
        "a device reporting CPU utilisation (0..1) at or above this is overloaded: its vNFs are re-placed one at a time (largest CPU demand first, each to the best other host) until the projected utilisation falls below it. Default 0.9: an assumption (the paper gives no number), headroom for bursts before the host saturates",
      ),
    replacementPeriod: z.number().min(0).default(0).describe("re-place every chain every this many seconds (0 = never)"),
  })
  .strict()
  .describe("GNF Manager policies");

export type ManagerConfig = z.output<typeof managerConfigSchema>;

/** The defaults of `managerConfigSchema`. */
export function defaultManagerConfig(): ManagerConfig {
  return managerConfigSchema.parse({});
}
