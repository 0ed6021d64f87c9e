/**
 * Writes a layer plan into a staging directory (the root file system fragment that is then
 * imported or copied into an image), and streams a directory as a tar archive.
 */
import { spawn } from "node:child_process";
import { chmod, copyFile, mkdir, symlink, writeFile } from "node:fs/promises";
import type { Readable } from "node:stream";
import { dirname } from "node:path";
import { parentDirectories, stagedPath, type LayerEntry } from "./layer-plan.ts";

/** Creates every entry under `root` (which must exist and be empty). */
export async function stageEntries(root: string, entries: readonly LayerEntry[]): Promise<void> {
  for (const d of parentDirectories(entries)) await mkdir(stagedPath(root, d), { recursive: true, mode: 0o755 });
  for (const e of entries) {
    const to = stagedPath(root, e);
    await mkdir(dirname(to), { recursive: true });
    if (e.kind === "file") {
      await copyFile(e.source, to);
      await chmod(to, e.mode);
    } else if (e.kind === "text") {
      await writeFile(to, e.text);
      await chmod(to, e.mode);
    } else if (e.kind === "link") await symlink(e.target, to);
  }
}

/**
 * A tar stream of `dir`'s contents (owner root), from the `tar` command. The returned `done`
 * rejects if tar fails.
 */
export function tarDirectory(dir: string): { stream: Readable; done: Promise<void> } {
  const child = spawn("tar", ["-C", dir, "--numeric-owner", "--owner=0", "--group=0", "-c", "."], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
  const done = new Promise<void>((resolve, reject) => {
    child.once("error", (err) => reject(new Error(`tar could not start (${err.message}): apt-get install tar`)));
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`\`tar -C ${dir} -c .\` failed (exit ${code}): ${stderr.trim()}`))));
  });
  return { stream: child.stdout, done };
}
