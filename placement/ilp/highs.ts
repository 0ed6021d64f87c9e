/**
 * The HiGHS MIP solver (the `highs` WebAssembly package), loaded once per process, and one call
 * that solves a sparse model and returns plain arrays. Loading is asynchronous; solving is
 * synchronous (it blocks until HiGHS finishes).
 */
import * as highsModule from "highs";
import type { Highs } from "highs";

export type { Highs };

// The package's types describe its CommonJS build; its ESM build (used here) default-exports the loader.
const loadHighsRuntime = (highsModule as unknown as { default: () => Promise<Highs> }).default;
let highsPromise: Promise<Highs> | undefined;

/** The shared HiGHS runtime (loaded on first call). */
export function loadHighs(): Promise<Highs> {
  return (highsPromise ??= loadHighsRuntime());
}

/** A model in compressed sparse column form. Rows bound by [rowLower, rowUpper]. */
export interface SparseModel {
  numRows: number;
  numCols: number;
  colCost: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

export type SolveStatus = "optimal" | "infeasible" | "other";

export interface SolveResult {
  status: SolveStatus;
  /** HiGHS model status code (for messages when status is "other"). */
  modelStatus: number;
  colValue: Float64Array;
  /** Row duals (LP solves only): ∂objective/∂row bound; ≤ 0 for a binding ≤ row of a minimisation. */
  rowDual: Float64Array;
  objective: number;
  /** Relative MIP gap (MIP solves), 0 for LPs. */
  mipGap: number;
}

/** Columns from which a MIP is solved without presolve and feasibility jump. */
const LARGE_MODEL_COLUMNS = Number(process.env.LMC ?? 2000);

/**
 * Solves `model` as a MIP with every column integer (`integer` true; relative gap 0 = proven
 * optimal) or as its LP relaxation (`integer` false, for duals).
 */
export function solveSparse(highs: Highs, model: SparseModel, integer: boolean, timeLimitS: number): SolveResult {
  const { numRows, numCols } = model;
  const source = {
    numCols,
    numRows,
    colCost: model.colCost,
    colLower: new Float64Array(numCols),
    colUpper: model.colUpper,
    rowLower: model.rowLower,
    rowUpper: model.rowUpper,
    matrix: { format: "csc" as const, numRows, numCols, starts: model.starts, indices: model.indices, values: model.values },
    ...(integer ? { integrality: new Int32Array(numCols).fill(highs.constants.variableType.integer) } : {}),
  };
  return highs.withModel(source, (m) => {
    m.options.set({ output_flag: false, mip_rel_gap: 0, time_limit: timeLimitS });
    // Measured on the 1,000-vNF Melbourne bench: presolve (probing) and the feasibility-jump
    // heuristic take ~2 of ~3 s on these assignment models and remove nothing; small models keep
    // the defaults (presolve is what makes them fast).
    if (integer && numCols >= LARGE_MODEL_COLUMNS) m.options.set({ presolve: "off", mip_heuristic_run_feasibility_jump: false });
    m.run();
    const modelStatus = m.getModelStatus() as number;
    const codes = highs.constants.modelStatus;
    const status: SolveStatus = modelStatus === codes.optimal ? "optimal" : modelStatus === codes.infeasible ? "infeasible" : "other";
    if (status !== "optimal") return { status, modelStatus, colValue: new Float64Array(numCols), rowDual: new Float64Array(numRows), objective: Infinity, mipGap: Infinity };
    const solution = m.getSolution();
    return {
      status,
      modelStatus,
      colValue: solution.colValue,
      rowDual: solution.rowDual,
      objective: m.info.get("objective_function_value") as number,
      mipGap: integer ? (m.info.get("mip_gap") as number) : 0,
    };
  });
}
