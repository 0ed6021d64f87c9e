/** Host memory from /proc/meminfo. */
import { readFile } from "node:fs/promises";

/** The value of `key` (e.g. "MemAvailable") in a /proc/meminfo text, bytes (the file says kB = KiB). */
export function meminfoBytes(text: string, key: string): number {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB$`, "m").exec(text);
  if (!m) throw new Error(`/proc/meminfo has no ${key} line`);
  return Number(m[1]) * 1024;
}

/** MemAvailable now: the kernel's estimate of memory available for new work without swapping, bytes. */
export async function memAvailableBytes(): Promise<number> {
  return meminfoBytes(await readFile("/proc/meminfo", "utf8"), "MemAvailable");
}
