/**
 * Builds the delay relay (`delay-relay.c`) with gcc into `emulation/relay/build/` (git-ignored),
 * only when the source or the compiler flags changed: the SHA-256 of both is kept next to the
 * binary. Concurrent builds (parallel test files) are safe: each compiles to its own temporary
 * file and renames it into place atomically.
 */
import { createHash } from "node:crypto";
import { access, constants, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { hasCommand, run } from "../lab/run.ts";

/** The relay's C source. */
export const RELAY_SOURCE = fileURLToPath(new URL("./delay-relay.c", import.meta.url));
/** Where the binary is built (git-ignored). */
export const RELAY_BUILD_DIR = fileURLToPath(new URL("./build/", import.meta.url));
/** Path of the built binary. */
export const RELAY_BINARY = `${RELAY_BUILD_DIR}delay-relay`;

const GCC_FLAGS = ["-O2", "-Wall", "-Wextra", "-Werror", "-std=c11"] as const;

let building: Promise<string> | undefined;

/** Returns true if gcc is available, else a sentence saying what to install. */
export async function checkRelayToolchain(): Promise<true | string> {
  return (await hasCommand("gcc")) ? true : "gcc is missing (the delay relay is a small C program): apt-get install gcc libc6-dev";
}

/** Compiles the relay if needed; resolves with the binary's path. Memoised per process. */
export function buildRelay(): Promise<string> {
  building ??= doBuild().catch((err: unknown) => {
    building = undefined;
    throw err;
  });
  return building;
}

async function doBuild(): Promise<string> {
  const source = await readFile(RELAY_SOURCE);
  const digest = createHash("sha256").update(source).update(GCC_FLAGS.join(" ")).digest("hex");
  const stamp = `${RELAY_BINARY}.sha256`;
  const current = await readFile(stamp, "utf8").catch(() => "");
  if (current.trim() === digest) {
    try {
      await access(RELAY_BINARY, constants.X_OK);
      return RELAY_BINARY;
    } catch {
      // stamp without binary: rebuild
    }
  }
  const toolchain = await checkRelayToolchain();
  if (toolchain !== true) throw new Error(toolchain);
  await mkdir(RELAY_BUILD_DIR, { recursive: true });
  const tmp = `${RELAY_BINARY}.${process.pid}.tmp`;
  try {
    await run("gcc", [...GCC_FLAGS, "-o", tmp, RELAY_SOURCE], { timeoutMs: 60_000 });
    await rename(tmp, RELAY_BINARY);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new Error(`building the delay relay failed: ${(err as Error).message}`, { cause: err });
  }
  await writeFile(`${stamp}.${process.pid}.tmp`, `${digest}\n`);
  await rename(`${stamp}.${process.pid}.tmp`, stamp);
  return RELAY_BINARY;
}
