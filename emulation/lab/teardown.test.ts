import { describe, expect, it } from "vitest";
import { Teardown, activeTeardowns } from "./teardown.ts";
import { labName, RUN_PREFIX } from "./names.ts";
import { LabCommandError, run } from "./run.ts";

describe("Teardown", () => {
  it("undoes in reverse order, goes on past failures and reports them all", async () => {
    const t = new Teardown();
    const done: string[] = [];
    t.add("a", async () => void done.push("a"));
    t.add("b", async () => {
      throw new Error("busy");
    });
    t.add("c", async () => void done.push("c"));
    expect(t.registered).toEqual(["a", "b", "c"]);
    expect(activeTeardowns()).toBe(1);
    const err = await t.teardown().catch((e: unknown) => e);
    expect(done).toEqual(["c", "a"]);
    expect((err as AggregateError).message).toBe("teardown: 1 step(s) failed: undo b: busy");
    expect(t.size).toBe(0);
    expect(activeTeardowns()).toBe(0);
    expect(process.listenerCount("SIGINT")).toBe(0);
  });

  it("stops registered processes by PID and tolerates ones that already exited", async () => {
    const t = new Teardown();
    t.addProcess("gone", 2 ** 22 + 12345); // no such PID (above pid_max default)
    await t.teardown();
    expect(t.size).toBe(0);
  });
});

describe("lab names", () => {
  it("start with the run prefix, are unique, and fit a 15-byte interface name", () => {
    const a = labName("h1");
    const b = labName("h1");
    expect(a.startsWith(RUN_PREFIX)).toBe(true);
    expect(a).not.toBe(b);
    expect(RUN_PREFIX).toBe(`g${process.pid.toString(36)}-`);
    expect(() => labName("x".repeat(15))).toThrow(RangeError);
  });
});

describe("run", () => {
  it("resolves with output and rejects with the command line and stderr", async () => {
    expect((await run(process.execPath, ["-e", "process.stdout.write('ok')"])).stdout).toBe("ok");
    const err = await run(process.execPath, ["-e", "process.stderr.write('bad thing'); process.exit(3)"]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LabCommandError);
    expect((err as LabCommandError).exitCode).toBe(3);
    expect((err as LabCommandError).message).toMatch(/ -e process\.stderr\.write\('bad thing'\); process\.exit\(3\)` failed \(exit 3\): bad thing$/);
  });
});
