import { UserError } from "../base/errors.ts";

/** Parses a flag value as a positive integer or throws a UserError naming the flag. */
export function parsePositiveInt(text: string, flag: string): number {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value <= 0) {
    throw new UserError(`${flag}: expected a positive integer, found "${text}"`);
  }
  return value;
}

/** Parses a `--seed` value: an integer in [0, 2^32). */
export function parseSeed(text: string): number {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** 32) {
    throw new UserError(`--seed: expected an integer from 0 to 4294967295, found "${text}"`);
  }
  return value;
}
