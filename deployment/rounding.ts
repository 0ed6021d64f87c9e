/** Rounds to 6 decimals (µs for seconds, ns for ms) for tables; non-finite values pass through. */
export function round6(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : x;
}
