/**
 * The lifecycle of a results folder, atomic as a whole. `openResultsFolder(out)` checks `out`
 * before any work starts and creates a temporary sibling folder (`.<name>.<pid>.partial` beside
 * `out`); the caller writes everything into `tempDir` (e.g. `writeResultsFolder(tempDir, …)`,
 * or tables streamed during the run); `commit()` renames it into place as a whole; `abort()`
 * removes it. So `out` is either absent, the old folder, or the complete new one: never partial,
 * never mixed.
 *
 * - A non-empty existing `out` is refused (`UserError`, exit 2) unless `force`, which replaces it
 *   whole at commit. An empty folder is replaced without `force`.
 * - While the folder is open, SIGINT and SIGTERM remove the temporary folder, print one line
 *   saying so and exit 130 / 143. Node runs signal handlers only when the event loop turns, so a
 *   signal that arrives during synchronous work is handled at the caller's next `await` of real
 *   I/O or timer (see `yieldToSignals`).
 */
import { readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { UserError } from "../errors.ts";
import { describeFsError, ensureFolder, kindOf } from "./ensure-folder.ts";

export interface OpenResultsFolder {
  /** The final folder (as given). */
  readonly out: string;
  /** The temporary sibling folder to write into. */
  readonly tempDir: string;
  /** Renames `tempDir` into place as `out` (replacing an old `out` whole). Idempotent. */
  commit(): void;
  /** Removes `tempDir`. Idempotent; a no-op after `commit()`. */
  abort(): void;
}

export interface OpenOptions {
  /** Replace a non-empty existing `out` (at commit). */
  force?: boolean;
}

/** Exit codes of a process ended by a signal (128 + the signal number). */
const SIGNAL_EXIT: Readonly<Record<"SIGINT" | "SIGTERM", number>> = { SIGINT: 130, SIGTERM: 143 };

/** Checks `out`, creates the temporary sibling folder, and installs the signal cleanup. */
export function openResultsFolder(out: string, options: OpenOptions = {}): OpenResultsFolder {
  const force = options.force ?? false;
  checkOut(out, force);
  const parent = dirname(resolve(out));
  ensureFolder(parent);
  const tempDir = join(parent, `.${basename(resolve(out))}.${process.pid}.partial`);
  removeQuietly(tempDir);
  ensureFolder(tempDir);
  let state: "open" | "committed" | "aborted" = "open";

  const onSignal = (signal: "SIGINT" | "SIGTERM"): void => {
    removeQuietly(tempDir);
    process.stderr.write(`gnf: interrupted (${signal}); removed the partial results folder ${tempDir}\n`);
    process.exit(SIGNAL_EXIT[signal]);
  };
  const handlers = { SIGINT: () => onSignal("SIGINT"), SIGTERM: () => onSignal("SIGTERM") };
  const onExit = (): void => removeQuietly(tempDir);
  process.on("SIGINT", handlers.SIGINT);
  process.on("SIGTERM", handlers.SIGTERM);
  process.on("exit", onExit);
  const close = (): void => {
    process.off("SIGINT", handlers.SIGINT);
    process.off("SIGTERM", handlers.SIGTERM);
    process.off("exit", onExit);
  };

  return {
    out,
    tempDir,
    commit(): void {
      if (state !== "open") return;
      // Someone may have filled `out` while this run was writing: same rule as at open.
      checkOut(out, force);
      replaceWhole(tempDir, out);
      state = "committed";
      close();
    },
    abort(): void {
      if (state !== "open") return;
      removeQuietly(tempDir);
      state = "aborted";
      close();
    },
  };
}

/**
 * Runs `work` inside an open results folder: commits when it resolves, aborts when it throws
 * (and rethrows). Resolves to what `work` returned.
 */
export async function withResultsFolder<T>(folder: OpenResultsFolder, work: (tempDir: string) => Promise<T> | T): Promise<T> {
  try {
    const value = await work(folder.tempDir);
    await yieldToSignals();
    folder.commit();
    return value;
  } catch (err) {
    folder.abort();
    throw err;
  }
}

/**
 * Lets a pending SIGINT/SIGTERM be handled. Node reads signals in the event loop's poll phase;
 * a short timer makes the loop poll before it fires (`setImmediate` alone does not).
 */
export function yieldToSignals(): Promise<void> {
  return new Promise((done) => setTimeout(done, SIGNAL_POLL_MS));
}

/** How long `yieldToSignals` waits (ms): only needs to outlast one poll of already-pending signals. */
const SIGNAL_POLL_MS = 10;

/** Refuses an `out` that is a file, or a non-empty folder without `force`. */
function checkOut(out: string, force: boolean): void {
  const full = resolve(out);
  if (dirname(full) === full) throw new UserError(`--out ${out}: the root folder cannot be a results folder; name a new folder`);
  const cwd = resolve(process.cwd());
  if (cwd === full || cwd.startsWith(`${full}${sep}`)) throw new UserError(`--out ${out}: contains the current folder (${cwd}); name a new folder`);
  const kind = kindOf(out);
  if (kind === "other") throw new UserError(`--out ${out}: exists and is not a folder (EEXIST); name a new or empty folder`);
  if (kind === "folder" && !force && listFolder(out).length > 0) {
    throw new UserError(`--out ${out}: the folder exists and is not empty; pass --force to replace it whole, or name a new folder`);
  }
}

function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (err) {
    throw new UserError(`--out ${dir}: cannot read the folder: ${describeFsError(err, dir)}`);
  }
}

/** Renames `from` to `to`; an existing `to` is first moved aside, then removed. */
function replaceWhole(from: string, to: string): void {
  const old = join(dirname(resolve(to)), `.${basename(resolve(to))}.${process.pid}.old`);
  const hadOld = kindOf(to) === "folder";
  try {
    if (hadOld) {
      removeQuietly(old);
      renameSync(to, old);
    }
    renameSync(from, to);
  } catch (err) {
    if (hadOld && kindOf(to) === "none" && kindOf(old) === "folder") renameSync(old, to);
    throw new UserError(`cannot move the results into ${to}: ${describeFsError(err, to)}; the complete results are in ${from}`);
  }
  if (hadOld) removeQuietly(old);
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // Best effort: a leftover hidden `.partial` folder is not a results folder (no manifest at `out`).
  }
}
