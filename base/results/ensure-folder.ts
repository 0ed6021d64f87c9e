/**
 * Creates a folder and its missing parents one component at a time, so every failure is a
 * `UserError` naming the path and the cause. Node's `mkdirSync(…, { recursive: true })` is not
 * used: on some paths (e.g. `/proc/nope/x`) it retries forever at 100 % CPU. The loop here runs
 * at most once per path component.
 */
import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { UserError } from "../errors.ts";

/** Makes sure `path` is a folder, creating it and its missing parents. Throws `UserError` if it cannot. */
export function ensureFolder(path: string): void {
  const missing: string[] = [];
  let current = resolve(path);
  // Bounded: each step goes one component up, and the root is its own parent.
  for (;;) {
    const kind = kindOf(current);
    if (kind === "folder") break;
    if (kind === "other") throw new UserError(`cannot create the folder ${path}: ${current} exists and is not a folder`);
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (err) {
      if (codeOf(err) === "EEXIST" && kindOf(folder) === "folder") continue;
      throw new UserError(`cannot create the folder ${path}: ${describeFsError(err, folder)}`);
    }
  }
}

/** What is at `path`: a folder, something else (file, device…), or nothing. */
export function kindOf(path: string): "folder" | "other" | "none" {
  try {
    return statSync(path).isDirectory() ? "folder" : "other";
  } catch (err) {
    if (codeOf(err) === "ENOENT") return "none";
    // A parent is a file: nothing can be here (the caller reports the parent).
    if (codeOf(err) === "ENOTDIR") return "none";
    throw new UserError(`cannot inspect ${path}: ${describeFsError(err, path)}`);
  }
}

/** A file-system error in our words: what failed, on which path, and the system's code. */
export function describeFsError(err: unknown, path: string): string {
  const code = codeOf(err);
  switch (code) {
    case "EACCES":
    case "EPERM":
      return `permission denied on ${path} (${code})`;
    case "EROFS":
      return `${path} is on a read-only file system (EROFS)`;
    case "ENOENT":
      return `${path} cannot be created here: its parent does not accept new folders (ENOENT)`;
    case "ENOTDIR":
      return `a parent of ${path} is a file, not a folder (ENOTDIR)`;
    case "EEXIST":
      return `${path} already exists and is not a folder (EEXIST)`;
    case "EISDIR":
      return `${path} is a folder where a file was expected (EISDIR)`;
    case "ENOSPC":
      return `no space left on the device holding ${path} (ENOSPC)`;
    default:
      return `${path}: ${err instanceof Error ? err.message : String(err)}`;
  }
}

function codeOf(err: unknown): string | undefined {
  return typeof err === "object" && err !== null && "code" in err ? String((err as { code: unknown }).code) : undefined;
}
