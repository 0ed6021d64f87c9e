/**
 * `latency-ilp`: the latency-optimal edge placement of Cziva, Anagnostopoulos & Pezaros ("Dynamic,
 * latency-optimal vNF placement at the network edge", IEEE INFOCOM 2018): minimise Σ_v
 * latency(access_v, host_v) subject to every host's CPU and memory capacity and every vNF's latency
 * bound — a generalised assignment problem — solved exactly with HiGHS (the `highs` WebAssembly
 * package). When the capacities cannot take every vNF, the optimum places as many as possible and
 * the rest are reported infeasible.
 *
 * Speed (HiGHS in WebAssembly spends seconds on 10⁵ binary columns):
 * 1. identical requests share a general-integer column per host (`ilp/groups.ts`);
 * 2. delayed column generation: start with each group's `initialCandidates` nearest hosts, add
 *    columns with negative reduced cost until the LP relaxation is optimal for the full model, then
 *    round the LP solution into a feasible incumbent (`ilp/repair.ts`), add every column whose
 *    reduced cost could still beat it (Lagrangian bound + reduced cost < incumbent), solve the MIP,
 *    and repeat the test with the MIP's incumbent until no column is left. The result is optimal
 *    for the full model (to `toleranceUs`), not a heuristic.
 * The model goes to HiGHS as sparse typed arrays (no LP text to format and parse).
 *
 * `createLatencyIlp()` loads HiGHS (asynchronous) and resolves to a synchronous placer.
 */
import { noHostReason, Residual, totalLatency } from "../capacity.ts";
import { groupRequests, type RequestGroup } from "../ilp/groups.ts";
import { loadHighs, solveSparse, type Highs } from "../ilp/highs.ts";
import { repairLpSolution } from "../ilp/repair.ts";
import { buildRestrictedModel, hostRhs, lagrangianBound, reducedCost, type RestrictedModel } from "../ilp/restricted-model.ts";
import type { Clock, Infeasible, Placement, PlacementProblem, Placer, VnfRequest } from "../types.ts";

export interface LatencyIlpOptions {
  /** A loaded HiGHS runtime (default: the shared one, loaded on first use). */
  highs?: Highs;
  /** Nearest candidate hosts per request group in the first restricted model (≥ 1). */
  initialCandidates?: number;
  /** HiGHS time limit per solve, seconds; hitting it makes the placement non-optimal (stats.optimal false). */
  timeLimitS?: number;
  /** Wall clock for stats.solveSeconds, seconds (default: a zero clock, so results stay deterministic). */
  clock?: Clock;
  /** Optimality tolerance on the total latency, microseconds. */
  toleranceUs?: number;
}

const zeroClock: Clock = () => 0;

export async function createLatencyIlp(options: LatencyIlpOptions = {}): Promise<Placer> {
  const highs = options.highs ?? (await loadHighs());
  const settings = { initialCandidates: options.initialCandidates ?? 8, timeLimitS: options.timeLimitS ?? 60, clock: options.clock ?? zeroClock, toleranceUs: options.toleranceUs ?? 1e-3 };
  if (!(settings.initialCandidates >= 1)) throw new Error(`latency-ilp: initialCandidates must be ≥ 1, got ${settings.initialCandidates}`);
  return { name: "latency-ilp", place: (problem) => solveLatencyIlp(highs, problem, settings) };
}

/** Pricing tolerance on reduced costs, µs (dual values carry floating-point noise). */
const PRICING_EPSILON_US = 1e-6;

function solveLatencyIlp(highs: Highs, problem: PlacementProblem, o: Required<Omit<LatencyIlpOptions, "highs">>): Placement {
  const started = o.clock();
  const residual = new Residual(problem.hosts);
  const all = groupRequests(problem, residual);
  const infeasible: Infeasible[] = [];
  for (const g of all) if (g.candidates.length === 0) for (const m of g.members) infeasible.push({ vnf: (problem.requests[m] as VnfRequest).id, reason: noHostReason(problem, problem.requests[m] as VnfRequest) });
  const groups = all.filter((g) => g.candidates.length > 0);
  const fullVariables = groups.reduce((s, g) => s + g.candidates.length, 0);
  const assignment = new Map<string, string>();
  if (groups.length === 0) return finish(problem, assignment, infeasible, { optimal: true, mipGap: 0, variables: 0, fullVariables, solves: 0, solveSeconds: o.clock() - started });

  const rhs = hostRhs(problem.hosts, residual.cpu, residual.memory);
  const requestCount = groups.reduce((s, g) => s + g.members.length, 0);
  const maxCostUs = Math.max(...groups.map((g) => g.costUs[g.costUs.length - 1] as number));
  const unplacedCostUs = requestCount * maxCostUs + 1;
  const active = groups.map((g) => new Uint8Array(g.candidates.length).fill(1, 0, Math.min(o.initialCandidates, g.candidates.length)));
  let solves = 0;

  // Phase 1: price columns into the LP relaxation until it is optimal for the full model.
  let restricted: RestrictedModel;
  let rowDual: Float64Array;
  let lpValues: Float64Array;
  for (;;) {
    restricted = buildRestrictedModel(groups, active, rhs, unplacedCostUs);
    const lp = solveSparse(highs, restricted.model, false, o.timeLimitS);
    solves++;
    if (lp.status !== "optimal") return notSolved(problem, groups, infeasible, `the LP relaxation stopped with HiGHS model status ${lp.modelStatus}`, solves, o.clock() - started);
    rowDual = lp.rowDual;
    lpValues = lp.colValue;
    if (addPricedColumns(groups, active, rowDual, o.initialCandidates) === 0) break;
  }
  const lowerBoundUs = lagrangianBound(groups, rhs, rowDual, restricted);
  // An integral LP optimum over the full model is the MIP optimum (common for assignment problems).
  if (isIntegral(lpValues)) {
    readAssignment(problem, groups, restricted, lpValues, assignment, infeasible, residual);
    return finish(problem, assignment, infeasible, { optimal: true, mipGap: 0, variables: restricted.model.numCols - groups.length, fullVariables, solves, solveSeconds: o.clock() - started });
  }

  // Phase 2: an incumbent from the LP (rounded down, then repaired greedily) lets us add, before the
  // first MIP, every column that could beat it; the MIP then contains the optimum; repeat the test
  // with the MIP's incumbent (adds nothing unless the MIP stopped early).
  const repairedUs = repairLpSolution(groups, restricted, lpValues, rhs, active, unplacedCostUs);
  addColumns(groups, active, (g, k) => lowerBoundUs + reducedCost(groups, rowDual, g, k) < repairedUs - o.toleranceUs);
  restricted = buildRestrictedModel(groups, active, rhs, unplacedCostUs);
  for (;;) {
    const mip = solveSparse(highs, restricted.model, true, o.timeLimitS);
    solves++;
    if (mip.status !== "optimal") return notSolved(problem, groups, infeasible, `HiGHS stopped with model status ${mip.modelStatus} before proving optimality`, solves, o.clock() - started);
    const incumbentUs = mip.objective;
    const added = addColumns(groups, active, (g, k) => lowerBoundUs + reducedCost(groups, rowDual, g, k) < incumbentUs - o.toleranceUs);
    if (added === 0) {
      readAssignment(problem, groups, restricted, mip.colValue, assignment, infeasible, residual);
      return finish(problem, assignment, infeasible, { optimal: true, mipGap: mip.mipGap, variables: restricted.model.numCols - groups.length, fullVariables, solves, solveSeconds: o.clock() - started });
    }
    restricted = buildRestrictedModel(groups, active, rhs, unplacedCostUs);
  }
}

/** Integrality tolerance of an LP solution (HiGHS's default mip_feasibility_tolerance). */
const INTEGRALITY_TOLERANCE = 1e-6;

function isIntegral(values: Float64Array): boolean {
  for (const v of values) if (Math.abs(v - Math.round(v)) > INTEGRALITY_TOLERANCE) return false;
  return true;
}

/** Partial pricing: activates each group's (at most) `perGroup` most negative reduced-cost columns; returns how many. */
function addPricedColumns(groups: readonly RequestGroup[], active: Uint8Array[], rowDual: Float64Array, perGroup: number): number {
  let added = 0;
  groups.forEach((g, i) => {
    const flags = active[i] as Uint8Array;
    const priced: { k: number; d: number }[] = [];
    for (let k = 0; k < g.candidates.length; k++) {
      if (flags[k]) continue;
      const d = reducedCost(groups, rowDual, i, k);
      if (d < -PRICING_EPSILON_US) priced.push({ k, d });
    }
    priced.sort((a, b) => a.d - b.d || a.k - b.k);
    for (const { k } of priced.slice(0, perGroup)) flags[k] = 1;
    added += Math.min(perGroup, priced.length);
  });
  return added;
}

/** Activates every inactive candidate `wanted` accepts; returns how many. */
function addColumns(groups: readonly RequestGroup[], active: Uint8Array[], wanted: (group: number, candidate: number) => boolean): number {
  let added = 0;
  groups.forEach((g, i) => {
    const flags = active[i] as Uint8Array;
    for (let k = 0; k < g.candidates.length; k++) {
      if (!flags[k] && wanted(i, k)) {
        flags[k] = 1;
        added++;
      }
    }
  });
  return added;
}

/** Hands out each group's members, in request order, to its hosts nearest first; the rest are unplaced. */
function readAssignment(problem: PlacementProblem, groups: readonly RequestGroup[], restricted: RestrictedModel, colValue: Float64Array, assignment: Map<string, string>, infeasible: Infeasible[], residual: Residual): void {
  const hostOf = new Array<string | undefined>(problem.requests.length);
  const next = new Array<number>(groups.length).fill(0);
  restricted.columns.forEach((c, j) => {
    if (c.candidate < 0) return;
    const g = groups[c.group] as RequestGroup;
    const host = (problem.hosts[g.candidates[c.candidate] as number] as { id: string }).id;
    for (let n = Math.round(colValue[j] as number); n > 0; n--) hostOf[g.members[(next[c.group] as number)++] as number] = host;
  });
  problem.requests.forEach((r, i) => {
    const host = hostOf[i];
    if (host === undefined) return;
    assignment.set(r.id, host);
    residual.take(host, r);
  });
  groups.forEach((g, i) => {
    for (let m = next[i] as number; m < g.members.length; m++) {
      const r = problem.requests[g.members[m] as number] as VnfRequest;
      infeasible.push({ vnf: r.id, reason: `${noHostReason(problem, r)} once the other vNFs are placed (capacity exhausted)` });
    }
  });
}

function notSolved(problem: PlacementProblem, groups: readonly RequestGroup[], infeasible: Infeasible[], why: string, solves: number, solveSeconds: number): Placement {
  for (const g of groups) for (const m of g.members) infeasible.push({ vnf: (problem.requests[m] as VnfRequest).id, reason: `latency-ilp found no optimal placement: ${why}` });
  return finish(problem, new Map(), infeasible, { optimal: false, solves, solveSeconds });
}

function finish(problem: PlacementProblem, assignment: Map<string, string>, infeasible: Infeasible[], stats: Omit<Placement["stats"], "algorithm">): Placement {
  const totalLatencyS = totalLatency(problem, assignment);
  const order = new Map(problem.requests.map((r, i) => [r.id, i]));
  infeasible.sort((a, b) => (order.get(a.vnf) as number) - (order.get(b.vnf) as number));
  return { assignment, infeasible, totalLatencyS, stats: { algorithm: "latency-ilp", ...stats, ...(stats.optimal ? { objectiveS: totalLatencyS } : {}) } };
}
