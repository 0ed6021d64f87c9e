/**
 * The latency ILP over a subset of its columns (a restricted master problem):
 *
 *   minimise   Σ_g Σ_{h ∈ active(g)} latency_gh · x_gh  +  Σ_g M · u_g
 *   subject to Σ_h x_gh + u_g = n_g                      (rows 0..G−1: every request placed or counted unplaced)
 *              Σ_g cpu_g · x_gh ≤ residual cpu of h       (row G + 2h, reference cores)
 *              Σ_g mem_g · x_gh ≤ residual memory of h    (row G + 2h + 1, MB)
 *              x_gh, u_g ∈ {0, …, n_g}
 *
 * Costs are in microseconds. The unplaced count u_g costs M, more than the largest possible total
 * latency, so the optimum places as many vNFs as the capacities allow and then minimises latency.
 */
import type { HostState } from "../types.ts";
import type { RequestGroup } from "./groups.ts";
import type { SparseModel } from "./highs.ts";

/** One integer column of the restricted model: group g on its k-th candidate host (k = -1: unplaced). */
export interface Column {
  group: number;
  candidate: number;
}

export interface RestrictedModel {
  model: SparseModel;
  columns: Column[];
}

/** Residual CPU (reference cores) and memory (MB) of each host, the right-hand sides of its rows. */
export interface HostRhs {
  cpu: Float64Array;
  memoryMB: Float64Array;
}

export function hostRhs(hosts: readonly HostState[], cpu: ReadonlyMap<string, number>, memoryBytes: ReadonlyMap<string, number>): HostRhs {
  // A tiny CPU slack absorbs floating-point sums of demands (the same tolerance as Residual.fits).
  return {
    cpu: Float64Array.from(hosts, (h) => Math.max(0, (cpu.get(h.id) as number) + 1e-9)),
    memoryMB: Float64Array.from(hosts, (h) => Math.max(0, (memoryBytes.get(h.id) as number) / 1e6)),
  };
}

/** Builds the model over the active candidates (`active[g][k]` = 1) and every group's unplaced column. */
export function buildRestrictedModel(groups: readonly RequestGroup[], active: readonly Uint8Array[], rhs: HostRhs, unplacedCostUs: number): RestrictedModel {
  const G = groups.length;
  const numRows = G + 2 * rhs.cpu.length;
  const columns: Column[] = [];
  groups.forEach((g, group) => {
    const flags = active[group] as Uint8Array;
    for (let k = 0; k < g.candidates.length; k++) if (flags[k]) columns.push({ group, candidate: k });
    columns.push({ group, candidate: -1 });
  });
  const numCols = columns.length;
  const colCost = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols);
  const starts = new Int32Array(numCols + 1);
  const indices = new Int32Array(3 * numCols);
  const values = new Float64Array(3 * numCols);
  let nz = 0;
  columns.forEach((c, j) => {
    const g = groups[c.group] as RequestGroup;
    colUpper[j] = g.members.length;
    indices[nz] = c.group;
    values[nz++] = 1;
    if (c.candidate < 0) colCost[j] = unplacedCostUs;
    else {
      const h = g.candidates[c.candidate] as number;
      colCost[j] = g.costUs[c.candidate] as number;
      if (g.request.cpuDemand > 0) {
        indices[nz] = G + 2 * h;
        values[nz++] = g.request.cpuDemand;
      }
      if (g.request.memoryDemand > 0) {
        indices[nz] = G + 2 * h + 1;
        values[nz++] = g.request.memoryDemand / 1e6;
      }
    }
    starts[j + 1] = nz;
  });
  const rowLower = new Float64Array(numRows).fill(-Infinity);
  const rowUpper = new Float64Array(numRows);
  groups.forEach((g, i) => {
    rowLower[i] = g.members.length;
    rowUpper[i] = g.members.length;
  });
  for (let h = 0; h < rhs.cpu.length; h++) {
    rowUpper[G + 2 * h] = rhs.cpu[h] as number;
    rowUpper[G + 2 * h + 1] = rhs.memoryMB[h] as number;
  }
  return { model: { numRows, numCols, colCost, colUpper, rowLower, rowUpper, starts, indices: indices.subarray(0, nz), values: values.subarray(0, nz) }, columns };
}

/**
 * Reduced cost of group g on candidate k under row duals (assignment duals `rowDual[g]`, host duals
 * clamped to ≤ 0 so that the Lagrangian bound below stays valid whatever the solver returned).
 */
export function reducedCost(groups: readonly RequestGroup[], rowDual: Float64Array, group: number, candidate: number): number {
  const g = groups[group] as RequestGroup;
  const G = groups.length;
  const h = g.candidates[candidate] as number;
  const cpuDual = Math.min(0, rowDual[G + 2 * h] as number);
  const memDual = Math.min(0, rowDual[G + 2 * h + 1] as number);
  return (g.costUs[candidate] as number) - (rowDual[group] as number) - g.request.cpuDemand * cpuDual - (g.request.memoryDemand / 1e6) * memDual;
}

/**
 * Lagrangian lower bound (µs) on the objective of every integer solution of the FULL model, from
 * row duals (u, y ≤ 0): c·x = Σ u_g n_g + Σ y_h (A x)_h + d·x ≥ Σ u_g n_g + Σ y_h rhs_h + Σ_{d_j<0} d_j ub_j,
 * where the last sum runs over the active columns (inactive ones are checked one by one).
 */
export function lagrangianBound(groups: readonly RequestGroup[], rhs: HostRhs, rowDual: Float64Array, restricted: RestrictedModel): number {
  const G = groups.length;
  let bound = 0;
  groups.forEach((g, i) => (bound += g.members.length * (rowDual[i] as number)));
  for (let h = 0; h < rhs.cpu.length; h++) {
    bound += Math.min(0, rowDual[G + 2 * h] as number) * (rhs.cpu[h] as number) + Math.min(0, rowDual[G + 2 * h + 1] as number) * (rhs.memoryMB[h] as number);
  }
  restricted.columns.forEach((c, j) => {
    const d = c.candidate < 0 ? (restricted.model.colCost[j] as number) - (rowDual[c.group] as number) : reducedCost(groups, rowDual, c.group, c.candidate);
    if (d < 0) bound += d * (restricted.model.colUpper[j] as number);
  });
  return bound;
}
