/**
 * The shared libraries of dynamically linked executables, found with `ldd`, so that a binary can
 * be copied into an image with everything its loader needs (at the same absolute paths).
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

/** Libraries (absolute paths, loader included) per file of one `ldd FILE…` output; static files map to []. */
export function parseLdd(output: string, files: readonly string[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  let current: string[] | undefined = files.length === 1 ? [] : undefined;
  if (current && files[0] !== undefined) result.set(files[0], current);
  for (const raw of output.split("\n")) {
    const line = raw.trimEnd();
    if (line === "") continue;
    if (!/^\s/.test(line) && line.endsWith(":") && files.includes(line.slice(0, -1))) {
      current = [];
      result.set(line.slice(0, -1), current);
      continue;
    }
    if (!current) continue;
    const text = line.trim();
    if (text === "not a dynamic executable" || text === "statically linked") continue;
    const missing = /^(\S+) => not found$/.exec(text);
    if (missing) throw new Error(`ldd: library ${missing[1]} needed by ${[...result.keys()].at(-1)} is not installed on this machine`);
    const arrow = /^\S+ => (\/\S+) \(0x[0-9a-f]+\)$/.exec(text);
    const direct = /^(\/\S+) \(0x[0-9a-f]+\)$/.exec(text);
    const path = arrow?.[1] ?? direct?.[1];
    if (path !== undefined) current.push(path);
  }
  for (const f of files) if (!result.has(f)) throw new Error(`ldd printed nothing for ${f}`);
  return result;
}

/** Runs `ldd` once on all `files`; resolves with their libraries (union not taken: per file). */
export function sharedLibraries(files: readonly string[]): Promise<Map<string, string[]>> {
  if (files.length === 0) return Promise.resolve(new Map());
  return new Promise((resolve, reject) => {
    // ldd exits 1 when any file is static but still prints every file's libraries.
    execFile("ldd", [...files], { encoding: "utf8", timeout: 30_000 }, (error, stdout, stderr) => {
      if (error && stdout === "" && !stderr.includes("not a dynamic executable")) {
        reject(new Error(`\`ldd ${files.join(" ")}\` failed: ${(stderr || error.message).trim()} (is libc-bin installed?)`));
        return;
      }
      try {
        resolve(parseLdd(`${stdout}\n${stderr}`, files));
      } catch (err) {
        reject(err as Error);
      }
    });
  });
}

/** Cache file of `cachedSharedLibraries` (ldd takes ~70 ms per file here; a re-run should not). */
export function lddCachePath(): string {
  const base = process.env["XDG_CACHE_HOME"] ?? join(homedir(), ".cache");
  return join(base, "gnf", "ldd.json");
}

type LddCache = Record<string, string[]>;

/**
 * `sharedLibraries`, remembered across runs in `lddCachePath()`. A file's entry is keyed by its
 * path, size and mtime and the mtime of /etc/ld.so.cache (which changes when libraries are
 * installed or removed), so a stale entry is never used. Files not cached run through ldd in
 * parallel.
 */
export async function cachedSharedLibraries(files: readonly string[]): Promise<Map<string, string[]>> {
  const cachePath = lddCachePath();
  let cache: LddCache = {};
  try {
    cache = JSON.parse(await readFile(cachePath, "utf8")) as LddCache;
  } catch {
    // no cache yet, or unreadable: start afresh
  }
  const ldCache = await stat("/etc/ld.so.cache").then((s) => s.mtimeMs, () => 0);
  const keys = new Map<string, string>();
  for (const f of files) {
    const s = await stat(f);
    keys.set(f, `${f}|${s.size}|${s.mtimeMs}|${ldCache}`);
  }
  const result = new Map<string, string[]>();
  const missing = files.filter((f) => {
    const hit = cache[keys.get(f) as string];
    if (hit) result.set(f, hit);
    return !hit;
  });
  if (missing.length === 0) return result;
  const found = await Promise.all(missing.map((f) => sharedLibraries([f])));
  for (const m of found) for (const [f, libs] of m) {
    result.set(f, libs);
    cache[keys.get(f) as string] = libs;
  }
  try {
    await mkdir(dirname(cachePath), { recursive: true });
    await writeFile(cachePath, JSON.stringify(cache));
  } catch {
    // a read-only home only makes the next run slower
  }
  return result;
}
