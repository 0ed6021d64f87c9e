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
/** A check the user asked for did not hold (e.g. `gnf validate --check` missed a target). */
export const EXIT_CHECK_FAILED = 3;

/** A check the user asked for (`--check`) did not hold: exit 3 with this message. */
export class CheckFailed extends Error {
  override readonly name = "CheckFailed";
  readonly exitCode = EXIT_CHECK_FAILED;
}
