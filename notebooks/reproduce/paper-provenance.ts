/**
 * Provenance of "paper" numbers: a value a figure attributes to the paper must come with the
 * paper's own words. Its `origin` quotes the sentence (in “…” or "…"), the quotation appears in the
 * paper's text (whitespace and case aside), and the value's number appears in the quotation
 * (as written, e.g. "2.21MB", "221MB", "10 seconds", "40 seconds").
 */
import type { SourcedValue } from "./figure.ts";

const normalise = (s: string): string => s.replace(/\s+/g, " ").trim().toLowerCase();

/** The quotations in `origin` (“…” or "…"). */
export function quotations(origin: string): string[] {
  return [...origin.matchAll(/“([^”]+)”|"([^"]+)"/g)].map((m) => (m[1] ?? m[2] ?? "").trim()).filter((q) => q.length > 0);
}

/** Why `value` is not backed by `paperText`, or null when it is. */
export function paperProvenanceProblem(value: SourcedValue, paperText: string): string | null {
  if (value.source !== "paper") return null;
  const quotes = quotations(value.origin);
  if (quotes.length === 0) return `"${value.quantity}": a paper value needs the paper's words in quotes in its origin, found: ${value.origin}`;
  const text = normalise(paperText);
  const numbers = [...new Set([String(value.value), String(Number(value.value.toPrecision(3)))])];
  for (const q of quotes) {
    if (!text.includes(normalise(q))) continue;
    if (numbers.some((n) => new RegExp(`(^|[^0-9.])${n.replace(".", "\\.")}([^0-9]|$)`).test(q))) return null;
  }
  return `"${value.quantity}": no quotation in its origin both appears in the paper and contains ${value.value} (quoted: ${quotes.map((q) => `“${q}”`).join(", ")})`;
}
