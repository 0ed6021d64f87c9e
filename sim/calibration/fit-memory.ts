/**
 * Idle memory per vNF type from a lab campaign: for each type, the least-squares line of the
 * containers' total memory against N (the `memory` table, fitted N only). The slope is the memory
 * one more idle vNF takes (bytes), which the profile gives the simulator; the intercept and r² go to
 * the fit quality.
 */
import { linearFit } from "../../base/stats/fit.ts";
import { num, rowsOf, type Campaign } from "./campaign.ts";

export interface MemoryFit {
  /** Bytes per idle vNF, by type. */
  perVnfBytes: Record<string, number>;
  quality: Record<string, number>;
}

export function fitMemory(campaign: Campaign, device: string, counts: readonly number[]): MemoryFit {
  const byType = new Map<string, { n: number[]; bytes: number[] }>();
  for (const r of rowsOf(campaign, "memory")) {
    if (r["device"] !== device) continue;
    const n = num(campaign, "memory", r, "n");
    if (!counts.includes(n)) continue;
    const type = r["vnf_type"] ?? "";
    const t = byType.get(type) ?? byType.set(type, { n: [], bytes: [] }).get(type);
    t?.n.push(n);
    t?.bytes.push(num(campaign, "memory", r, "total_bytes"));
  }
  const perVnfBytes: Record<string, number> = {};
  const quality: Record<string, number> = {};
  for (const [type, { n, bytes }] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
    if (new Set(n).size < 2) continue;
    const fit = linearFit(n, bytes);
    perVnfBytes[type] = Math.round(fit.slope);
    quality[`memory.${type}.interceptBytes`] = Math.round(fit.intercept);
    quality[`memory.${type}.r2`] = fit.r2;
  }
  return { perVnfBytes, quality };
}
