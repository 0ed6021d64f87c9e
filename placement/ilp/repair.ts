/**
 * An upper bound for the latency ILP from its LP relaxation: keep the integer part of every
 * column, then place each group's remaining members greedily on its candidates nearest first
 * (all candidates, active or not); members that fit nowhere stay unplaced (cost M each). The
 * result is a feasible solution, so its cost bounds the optimum from above, and the columns it uses
 * are activated so the MIP contains it.
 */
import type { RequestGroup } from "./groups.ts";
import type { HostRhs, RestrictedModel } from "./restricted-model.ts";

/** Returns the repaired solution's cost, µs, and activates the columns it uses. */
export function repairLpSolution(groups: readonly RequestGroup[], restricted: RestrictedModel, lpValues: Float64Array, rhs: HostRhs, active: Uint8Array[], unplacedCostUs: number): number {
  const cpu = Float64Array.from(rhs.cpu);
  const memoryMB = Float64Array.from(rhs.memoryMB);
  const left = groups.map((g) => g.members.length);
  let cost = 0;
  restricted.columns.forEach((c, j) => {
    if (c.candidate < 0) return;
    const g = groups[c.group] as RequestGroup;
    const n = Math.floor((lpValues[j] as number) + 1e-9);
    if (n <= 0) return;
    const h = g.candidates[c.candidate] as number;
    cpu[h] = (cpu[h] as number) - n * g.request.cpuDemand;
    memoryMB[h] = (memoryMB[h] as number) - (n * g.request.memoryDemand) / 1e6;
    left[c.group] = (left[c.group] as number) - n;
    cost += n * (g.costUs[c.candidate] as number);
  });
  groups.forEach((g, i) => {
    const flags = active[i] as Uint8Array;
    for (let k = 0; k < g.candidates.length && (left[i] as number) > 0; k++) {
      const h = g.candidates[k] as number;
      while ((left[i] as number) > 0 && (cpu[h] as number) >= g.request.cpuDemand - 1e-12 && (memoryMB[h] as number) >= g.request.memoryDemand / 1e6 - 1e-12) {
        cpu[h] = (cpu[h] as number) - g.request.cpuDemand;
        memoryMB[h] = (memoryMB[h] as number) - g.request.memoryDemand / 1e6;
        left[i] = (left[i] as number) - 1;
        cost += g.costUs[k] as number;
        flags[k] = 1;
      }
    }
    cost += (left[i] as number) * unplacedCostUs;
  });
  return cost;
}
