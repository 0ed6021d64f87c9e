/**
 * Tidy CSV (RFC 4180): a header row, one row per observation, `,` separator, `\n` line ends,
 * fields quoted only when they contain a comma, quote or line break. Numbers are written with
 * JavaScript's shortest round-trip form, so the same values always give the same bytes.
 */
import type { Cell, Table } from "../tables.ts";

export function formatCell(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : cell > 0 ? "Inf" : cell < 0 ? "-Inf" : "NaN";
  const text = String(cell);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function tableToCsv(table: Table): string {
  const lines = [table.columns.map(formatCell).join(",")];
  for (const row of table.rows) {
    if (row.length !== table.columns.length) {
      throw new Error(`table ${table.name}: a row has ${row.length} cells for ${table.columns.length} columns`);
    }
    lines.push(row.map(formatCell).join(","));
  }
  return `${lines.join("\n")}\n`;
}
