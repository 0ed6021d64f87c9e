/**
 * Scenario key `ueChains`: chain templates requested for every UE (`ue-0` … `ue-<count−1>`), so a
 * city of UEs each with its own firewall needs one entry, not thousands. A template is a chain
 * entry without `ue`; its id names the chains `<id>-<ue>`.
 *
 * @example
 *   ueChains:
 *     - { id: fw, vnfs: [firewall], match: { ip_proto: 6, tcp_dst: 80 } }   # fw-ue-0, fw-ue-1, …
 */
import { z } from "zod";
import { chainConfigSchema, type ChainConfig } from "../orchestrator/config.ts";

export const ueChainTemplateSchema = chainConfigSchema
  .omit({ ue: true, id: true })
  .extend({ id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "expected letters, digits, '.', '_' or '-'").describe("template id: the chains are named <id>-<ue>") })
  .strict()
  .describe("a chain requested for every UE");

export const ueChainsSchema = z
  .array(ueChainTemplateSchema)
  .default([])
  .superRefine((templates, ctx) => {
    const seen = new Set<string>();
    templates.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: "custom", message: `duplicate template id "${t.id}"`, path: [i, "id"] });
      seen.add(t.id);
    });
  })
  .describe("chains requested for every UE (one entry per template)");

export type UeChainTemplate = z.output<typeof ueChainTemplateSchema>;

/** The chains of every template for UEs 0 … count−1, template by template. */
export function expandUeChains(templates: readonly UeChainTemplate[], count: number): ChainConfig[] {
  const out: ChainConfig[] = [];
  for (const t of templates) {
    for (let ue = 0; ue < count; ue++) {
      const { id, ...rest } = t;
      out.push({ ...rest, id: `${id}-ue-${ue}`, ue: `ue-${ue}` });
    }
  }
  return out;
}
