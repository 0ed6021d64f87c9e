/**
 * A stand-in cgroup v1 hierarchy for tests: plain directories, one per controller, under a fresh
 * temporary root (the code under test takes the root as a parameter). `standInCgroups()` returns a
 * maker and a cleanup to call after each test.
 *
 * @example const cg = standInCgroups(); afterEach(cg.cleanup); const root = cg.make(["memory", "cpu"]);
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function standInCgroups(): { make(controllers: readonly string[]): string; cleanup(): void } {
  const roots: string[] = [];
  return {
    make(controllers) {
      const r = mkdtempSync(join(tmpdir(), "gnf-cgroup-"));
      for (const c of controllers) mkdirSync(join(r, c));
      roots.push(r);
      return r;
    },
    cleanup() {
      for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
    },
  };
}
