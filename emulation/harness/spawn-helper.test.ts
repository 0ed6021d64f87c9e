import { describe, expect, it } from "vitest";
import { LabCommandError, run } from "../lab/run.ts";
import { SpawnHelper, withSpawnHelper } from "./spawn-helper.ts";

describe("SpawnHelper", () => {
  it("runs lab commands in the helper process while installed, with run's results and errors", async () => {
    const pids = await withSpawnHelper(async () => {
      const ok = await run(process.execPath, ["-e", "process.stdout.write(String(process.ppid))"]);
      const err = await run(process.execPath, ["-e", "process.stderr.write('bad'); process.exit(4)"]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LabCommandError);
      expect((err as LabCommandError).exitCode).toBe(4);
      expect((err as LabCommandError).message).toMatch(/` failed \(exit 4\): bad$/);
      return Number(ok.stdout);
    });
    expect(pids).not.toBe(process.pid); // the parent of the command was the helper
    expect((await run(process.execPath, ["-e", "process.stdout.write(String(process.ppid))"])).stdout).toBe(String(process.pid)); // runner restored
  }, 30_000);

  it("runs commands here once the helper has gone", async () => {
    const helper = await SpawnHelper.start();
    await helper.stop();
    expect((await helper.run("echo", ["still", "works"], 5000)).stdout).toBe("still works\n");
  }, 30_000);
});
