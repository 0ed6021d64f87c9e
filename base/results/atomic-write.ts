/**
 * Atomic file writes: the content goes to a temporary file beside the target, which is then
 * renamed over it. A reader (or a crash, or Ctrl-C) never sees a half-written file.
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, basename, join } from "node:path";
import { UserError } from "../errors.ts";
import { describeFsError, ensureFolder } from "./ensure-folder.ts";

const pending = new Set<string>();
let cleanupInstalled = false;

/**
 * Writes `content` to `path` atomically, creating parent folders (bounded: `ensureFolder`).
 * A path that cannot be written (a folder in the way, no permission, no space) is a `UserError`.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  installCleanup();
  ensureFolder(dirname(path));
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  pending.add(temp);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (err) {
    throw err instanceof UserError ? err : new UserError(`cannot write ${path}: ${describeFsError(err, path)}`);
  } finally {
    pending.delete(temp);
    rmSync(temp, { force: true });
  }
}

/** Removes temporary files of writes still in progress when the process is interrupted. */
function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once("exit", () => {
    for (const temp of pending) rmSync(temp, { force: true });
  });
}
