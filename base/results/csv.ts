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

/** Reads tidy CSV (a header row, comma separated, optional quotes; no line breaks inside fields) into records of text. */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = splitLine(lines[0] ?? "").map((h) => h.trim());
  return lines.slice(1).map((line) => {
    const cells = splitLine(line);
    return Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? "").trim()]));
  });
}

function splitLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}
