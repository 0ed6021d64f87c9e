/**
 * Errors that are the user's to fix (bad scenario, bad flag, missing file). The CLI prints their
 * message without a stack trace and exits with code 2; anything else is an internal error (exit 1).
 */
export class UserError extends Error {
  override readonly name = "UserError";
  readonly exitCode = 2;
}

/** Exit codes of the `gnf` command. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USER = 2;
