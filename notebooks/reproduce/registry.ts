/**
 * The figures `gnf reproduce` knows, in the order a reader follows the paper: id → maker and a
 * one-line description. Add a figure by writing its maker (`figure.ts` contract) and listing it here.
 */
import type { FigureMaker } from "./figure.ts";

export interface FigureEntry {
  description: string;
  make: FigureMaker;
}

export const REPRODUCIBLE_FIGURES: Readonly<Record<string, FigureEntry>> = {};
