/**
 * Atomic file writes: the content goes to a temporary file beside the target, which is then
 * renamed over it. A reader (or a crash, or Ctrl-C) never sees a half-written file.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, basename, join } from "node:path";

const pending = new Set<string>();
let cleanupInstalled = false;

/** Writes `content` to `path` atomically, creating parent folders. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  installCleanup();
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  pending.add(temp);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
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
