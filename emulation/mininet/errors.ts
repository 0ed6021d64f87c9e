/** Errors of the Mininet driver client. */

/** A command the driver answered with an error; `message` is Mininet's (or the driver's) own text. */
export class MininetError extends Error {
  override readonly name = "MininetError";
  constructor(
    readonly command: string,
    /** Python exception type, e.g. "DriverError", "UnsafeMininetCall", "TeardownError". */
    readonly type: string,
    message: string,
  ) {
    super(`mininet ${command}: ${message}`);
  }
}

/** No answer within the command's timeout (the driver may still be working on it). */
export class MininetTimeout extends Error {
  override readonly name = "MininetTimeout";
  constructor(
    readonly command: string,
    readonly timeoutMs: number,
  ) {
    super(`mininet ${command}: no answer within ${timeoutMs} ms`);
  }
}

/** The driver process is gone; `stderr` is the end of what it printed. */
export class MininetDriverExited extends Error {
  override readonly name = "MininetDriverExited";
  constructor(
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`the Mininet driver exited (code ${code ?? "signal"})${stderr.trim() ? `: ${stderr.trim().split("\n").slice(-5).join(" | ")}` : ""}`);
  }
}
