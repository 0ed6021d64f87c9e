/**
 * Quantities with units in scenario files. Numbers are in the base unit (seconds, bytes);
 * strings may carry a unit suffix for readability: `"90 s"`, `"250ms"`, `"10 min"`, `"1.5h"`,
 * `"128 MB"`, `"2.21MB"`, `"16 GiB"` (kB/MB/GB are powers of 1000, KiB/MiB/GiB of 1024).
 */
import { z } from "zod";

const TIME_UNITS: Record<string, number> = { ms: 1e-3, s: 1, sec: 1, min: 60, h: 3600 };
const TIME_EXPECTED = `expected a time in seconds (a number, or a string like "90 s", "10 min", "1 h")`;
const SIZE_EXPECTED = `expected a positive size in bytes (a number, or a string like "128 MB", "2.21 MB", "16 GiB")`;
const DURATION_PATTERN = /^\s*([0-9]*\.?[0-9]+(?:e[-+]?[0-9]+)?)\s*(ms|s|sec|min|h)\s*$/i;

/** Parses `"10 min"` → 600 (seconds); returns NaN when the text is not a duration. */
export function parseDurationText(text: string): number {
  const match = DURATION_PATTERN.exec(text);
  if (!match) return Number.NaN;
  return Number(match[1]) * (TIME_UNITS[(match[2] as string).toLowerCase()] as number);
}

/**
 * A time span in seconds: a number, or a string with a unit (ms, s, min, h).
 * @param what how the error names the quantity, e.g. "a duration"
 */
export function seconds(options: { min?: number; allowZero?: boolean } = {}) {
  const allowZero = options.allowZero ?? false;
  return z
    .union([z.number(), z.string()], { error: TIME_EXPECTED })
    .transform((value, ctx) => {
      const s = typeof value === "number" ? value : parseDurationText(value);
      if (!Number.isFinite(s)) {
        ctx.addIssue({ code: "custom", message: TIME_EXPECTED });
        return z.NEVER;
      }
      if (s < 0 || (!allowZero && s === 0)) {
        ctx.addIssue({ code: "custom", message: `expected a ${allowZero ? "non-negative" : "positive"} time in seconds` });
        return z.NEVER;
      }
      if (options.min !== undefined && s < options.min) {
        ctx.addIssue({ code: "custom", message: `expected a time of at least ${options.min} s` });
        return z.NEVER;
      }
      return s;
    })
    .describe("seconds (number) or a string with a unit: ms, s, min, h");
}

const BYTE_UNITS: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4 };
const BYTES_PATTERN = /^\s*([0-9]*\.?[0-9]+(?:e[-+]?[0-9]+)?)\s*(b|kb|mb|gb|tb|kib|mib|gib|tib)\s*$/i;

/** Parses `"128 MB"` → 128e6 (bytes); returns NaN when the text is not a size. */
export function parseBytesText(text: string): number {
  const match = BYTES_PATTERN.exec(text);
  if (!match) return Number.NaN;
  return Number(match[1]) * (BYTE_UNITS[(match[2] as string).toLowerCase()] as number);
}

/** A size in bytes: a number, or a string with a unit (B, kB, MB, GB, TB, KiB, MiB, GiB, TiB). Positive. */
export function bytes() {
  return z
    .union([z.number(), z.string()], { error: SIZE_EXPECTED })
    .transform((value, ctx) => {
      const b = typeof value === "number" ? value : parseBytesText(value);
      if (!Number.isFinite(b) || b <= 0) {
        ctx.addIssue({ code: "custom", message: SIZE_EXPECTED });
        return z.NEVER;
      }
      return b;
    })
    .describe("bytes (number) or a string with a unit: B, kB, MB, GB, TB, KiB, MiB, GiB, TiB");
}
