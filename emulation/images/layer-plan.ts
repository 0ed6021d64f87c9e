/**
 * The plan of one image layer: every path it adds (copied host file, symlink, generated text,
 * empty directory) and a content hash of all of it. The hash names the image tag, so an image
 * whose inputs did not change is found by tag and not rebuilt.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { cachedSharedLibraries } from "./ldd.ts";

export type LayerEntry =
  /** A host file copied (dereferenced) to `path`, with the host file's permission bits. */
  | { path: string; kind: "file"; source: string; mode: number }
  /** Generated content. */
  | { path: string; kind: "text"; text: string; mode: number }
  | { path: string; kind: "link"; target: string }
  | { path: string; kind: "directory" };

export interface LayerPlan {
  entries: LayerEntry[];
  /** Hex sha256 over the entries' paths, modes, contents and link targets, and `extra`. */
  hash: string;
}

/** Tag length: 16 hex digits of the content hash. */
export const TAG_LENGTH = 16;

/** `files` plus their shared libraries (ldd), each once, as file entries at the same path. */
export async function withLibraries(files: readonly string[]): Promise<LayerEntry[]> {
  for (const f of files) {
    try {
      await stat(f);
    } catch {
      throw new Error(`image input ${f} is missing on this machine: ${installHint(f)}`);
    }
  }
  const libs = await cachedSharedLibraries(files);
  const paths = new Set<string>(files);
  for (const list of libs.values()) for (const l of list) paths.add(l);
  const entries: LayerEntry[] = [];
  for (const p of [...paths].sort()) entries.push({ path: p, kind: "file", source: p, mode: (await stat(p)).mode & 0o7777 });
  return entries;
}

/** The Debian package that provides a file the images need. */
export function installHint(file: string): string {
  if (file.endsWith("/tcpdump")) return "apt-get install tcpdump";
  if (file.includes("xtables") || file.includes("iptables")) return "apt-get install iptables";
  if (file.endsWith("/ip") || file.endsWith("/tc")) return "apt-get install iproute2";
  if (file.endsWith("busybox")) return "apt-get install busybox-static";
  return "install the Debian package that provides it (dpkg -S on a machine that has it)";
}

/** Parent directories every entry needs, as directory entries (sorted, without "/"). */
export function parentDirectories(entries: readonly LayerEntry[]): LayerEntry[] {
  const dirs = new Set<string>();
  for (const e of entries) {
    for (let d = dirname(e.path); d !== "/" && d !== "."; d = dirname(d)) dirs.add(d);
    if (e.kind === "directory") dirs.add(e.path);
  }
  return [...dirs].sort().map((path) => ({ path, kind: "directory" as const }));
}

/** Hashes entries (sorted by path) and `extra` strings (e.g. the parent tag and the Dockerfile). */
export async function hashLayer(entries: readonly LayerEntry[], extra: readonly string[]): Promise<string> {
  const h = createHash("sha256");
  const put = (s: string): void => void h.update(`${s.length}:${s}`);
  for (const x of extra) put(x);
  for (const e of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    put(e.kind);
    put(e.path);
    if (e.kind === "file") {
      put(String(e.mode));
      const data = await readFile(e.source);
      put(createHash("sha256").update(data).digest("hex"));
    } else if (e.kind === "text") {
      put(String(e.mode));
      put(e.text);
    } else if (e.kind === "link") put(e.target);
  }
  return h.digest("hex");
}

/** Path of `entry` under a staging root. */
export function stagedPath(root: string, entry: LayerEntry): string {
  return join(root, entry.path);
}
