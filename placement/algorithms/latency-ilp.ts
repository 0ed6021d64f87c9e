/**
 * `latency-ilp`: the latency-optimal edge placement (after Cziva, Anagnostopoulos & Pezaros,
 * INFOCOM 2018): minimise Σ_v Σ_h latency(access_v, h) · x_vh over binary x_vh, subject to
 *   Σ_h x_vh = 1                       for every vNF v (each placed exactly once),
 *   Σ_v cpu_v · x_vh ≤ residual cpu_h   for every host h,
 *   Σ_v mem_v · x_vh ≤ residual mem_h   for every host h,
 * with x_vh only for pairs within v's latency bound and that fit the host alone — a generalised
 * assignment problem, solved to optimality (mip_rel_gap = 0) by HiGHS (the `highs` WebAssembly
 * package), passed as sparse column arrays. Costs are in microseconds and memory in MB so the
 * model is well scaled.
 *
 * HiGHS loads asynchronously; `createLatencyIlp()` resolves to a synchronous placer.
 */
import * as highsModule from "highs";
import type { Highs } from "highs";
import { noHostReason, Residual, totalLatency, withinBound } from "../capacity.ts";
import type { Infeasible, Placement, PlacementProblem, Placer } from "../types.ts";

// The package's types describe its CommonJS build; its ESM build (used here) default-exports the loader.
const loadHighs = (highsModule as unknown as { default: () => Promise<Highs> }).default;
let highsPromise: Promise<Highs> | undefined;

export async function createLatencyIlp(): Promise<Placer> {
  const highs = await (highsPromise ??= loadHighs());
  return { name: "latency-ilp", place: (problem) => solve(highs, problem) };
}

function solve(highs: Highs, problem: PlacementProblem): Placement {
  const residual = new Residual(problem.hosts);
  const infeasible: Infeasible[] = [];
  const nV = problem.requests.length;
  const nH = problem.hosts.length;
  // Rows: 0..nV-1 assignment (= 1), then cpu and memory of each host.
  const cpuRow = (h: number): number => nV + 2 * h;
  const memRow = (h: number): number => nV + 2 * h + 1;
  const colVnf: number[] = [];
  const colHost: number[] = [];
  const cost: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const placeable = new Set<number>();
  problem.requests.forEach((r, v) => {
    let any = false;
    problem.hosts.forEach((host, h) => {
      if (!withinBound(problem, r, host.id) || !residual.fits(host.id, r)) return;
      any = true;
      colVnf.push(v);
      colHost.push(h);
      cost.push(problem.latencyS(r.accessNode, host.id) * 1e6);
      indices.push(v);
      values.push(1);
      if (r.cpuDemand > 0) {
        indices.push(cpuRow(h));
        values.push(r.cpuDemand);
      }
      if (r.memoryDemand > 0) {
        indices.push(memRow(h));
        values.push(r.memoryDemand / 1e6);
      }
      starts.push(indices.length);
    });
    if (any) placeable.add(v);
    else infeasible.push({ vnf: r.id, reason: noHostReason(r) });
  });
  const assignment = new Map<string, string>();
  const numCols = colVnf.length;
  if (numCols === 0) return { assignment, infeasible, totalLatencyS: 0, stats: { algorithm: "latency-ilp", optimal: true, mipGap: 0, variables: 0 } };
  const numRows = nV + 2 * nH;
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  for (let v = 0; v < nV; v++) {
    // A vNF no host can take has an empty row: leave it unconstrained.
    rowLower[v] = placeable.has(v) ? 1 : 0;
    rowUpper[v] = placeable.has(v) ? 1 : highs.infinity;
  }
  problem.hosts.forEach((host, h) => {
    rowLower[cpuRow(h)] = -highs.infinity;
    rowUpper[cpuRow(h)] = Math.max(0, (residual.cpu.get(host.id) as number) + 1e-9);
    rowLower[memRow(h)] = -highs.infinity;
    rowUpper[memRow(h)] = Math.max(0, (residual.memory.get(host.id) as number) / 1e6);
  });
  const integer = highs.constants.variableType.integer;
  const [status, columns] = highs.withModel(
    {
      numCols,
      numRows,
      colCost: cost,
      colLower: new Float64Array(numCols),
      colUpper: new Float64Array(numCols).fill(1),
      rowLower,
      rowUpper,
      matrix: { format: "csc", numRows, numCols, starts, indices, values },
      integrality: new Array(numCols).fill(integer),
    },
    (model) => {
      model.options.set({ output_flag: false, mip_rel_gap: 0 });
      model.run();
      return [model.getModelStatus(), model.getSolution().colValue] as const;
    },
  );
  if (status !== highs.constants.modelStatus.optimal) {
    const reason = `the requests cannot all be placed together within the hosts' capacities (HiGHS model status ${status})`;
    for (const v of placeable) infeasible.push({ vnf: (problem.requests[v] as { id: string }).id, reason });
    return { assignment, infeasible, totalLatencyS: 0, stats: { algorithm: "latency-ilp", optimal: false, variables: numCols } };
  }
  for (let c = 0; c < numCols; c++) {
    if ((columns[c] as number) > 0.5) assignment.set((problem.requests[colVnf[c] as number] as { id: string }).id, (problem.hosts[colHost[c] as number] as { id: string }).id);
  }
  return { assignment, infeasible, totalLatencyS: totalLatency(problem, assignment), stats: { algorithm: "latency-ilp", optimal: true, mipGap: 0, variables: numCols } };
}
