/**
 * Operator automation for the DDoS use case (paper §V): when a vNF raises an `attack-detected`
 * notification about a UE, request a blocking chain on that UE's traffic at the customer edge —
 * a `ddos-dropper` (iptables DROP) selecting the UE's packets by its MAC address, above every
 * other chain of the UE. It talks to the Manager only through events, as a script using the REST
 * API would. Times in seconds.
 */
import { z } from "zod";
import type { ChainSpec } from "../orchestrator/chains.ts";
import type { VnfNotification } from "../orchestrator/events.ts";
import { seconds } from "../base/units.ts";
import { ueIdentity, ueIndexOf } from "./ue-identity.ts";

export const mitigationSchema = z
  .object({
    enabled: z.boolean().default(true).describe("react to attack-detected notifications (false: the unmitigated baseline)"),
    reactionS: seconds({ allowZero: true }).default(1).describe("operator automation delay from the notification to the blocking request, seconds"),
    vnf: z.string().min(1).default("ddos-dropper").describe("vNF type that blocks the traffic"),
    priority: z.number().int().min(0).max(65535).default(60000).describe("flow priority of the blocking chain"),
  })
  .strict()
  .describe("automatic edge mitigation: block a UE's traffic when a vNF reports an attack from it");

export type MitigationConfig = z.output<typeof mitigationSchema>;

/** The blocking chain for a notification, or undefined when it asks for none (or one exists). */
export function blockingChain(config: MitigationConfig, notification: VnfNotification, existing: ReadonlySet<string>): ChainSpec | undefined {
  if (!config.enabled || notification.kind !== "attack-detected") return undefined;
  const index = ueIndexOf(notification.ue);
  if (index === undefined) return undefined;
  const id = `block-${notification.ue}`;
  if (existing.has(id)) return undefined;
  return { id, ue: notification.ue, vnfs: [{ type: config.vnf, params: { sources: [ueIdentity(index).ipv4] } }], match: { eth_src: ueIdentity(index).mac }, priority: config.priority };
}
