/**
 * `manifest.json`: where a run's results came from. Everything in it is a function of the scenario,
 * the seed and the software, except the fields under `wall` (wall-clock start, end, duration).
 */
import { execFileSync } from "node:child_process";

export interface Manifest {
  tool: "gnf-lab";
  packageVersion: string;
  /** `git rev-parse HEAD` of the checkout the tool runs from, or null outside a git checkout. */
  gitCommit: string | null;
  nodeVersion: string;
  /** "simulation" or "emulation": which world produced the results. */
  world: "simulation" | "emulation";
  scenario: { file: string; sha256: string; name: string };
  seed: number;
  replications: number;
  /** Seed of each replication, derived from `seed`. */
  replicationSeeds: number[];
  /** The validated scenario with defaults and overrides applied. */
  effectiveConfig: unknown;
  /** `--set` overrides given on the command line. */
  overrides: string[];
  /** Emulation only: "table-i" (each host under its catalog device's CPU quota and memory limit, scaled to the lab) or "lab" (every host as the lab machine). */
  deviceLimits?: "table-i" | "lab";
  files: string[];
  /** Wall-clock facts of the run; `placementSeconds`: time in the placement algorithm, all replications. */
  wall: { startedAt: string; finishedAt: string; seconds: number; placementSeconds?: number };
}

/** The git commit of the repository at `dir`, or null. */
export function gitCommitOf(dir: string): string | null {
  try {
    return execFileSync("git", ["-C", dir, "rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || null;
  } catch {
    return null;
  }
}
