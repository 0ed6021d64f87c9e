/**
 * The emulation backend's set-timer, without the lab (timers touch neither the network nor
 * Docker): a timer is delivered at max(at, now) on the backend's wall clock and never earlier
 * (Node's timers can fire up to a millisecond before their delay has passed on
 * `performance.now()`), and timers due at the same time come in the order they were set.
 */
import { describe, expect, it } from "vitest";
import { EmulationBackend, type EmulationBackendOptions } from "./emulation-backend.ts";

/** set-timer uses no option; the lab's parts are never touched. */
function timerBackend(): EmulationBackend {
  return new EmulationBackend({ onFatal: (err: Error) => expect.fail(err.message) } as unknown as EmulationBackendOptions);
}

describe("EmulationBackend set-timer", () => {
  it("never delivers a timer before its time, and equal times in the order set", async () => {
    const backend = timerBackend();
    const seen: { name: string; now: number }[] = [];
    backend.onEvent((e) => {
      if (e.type === "timer") seen.push({ name: e.name, now: backend.now() });
    });
    const t0 = backend.now();
    const due = new Map<string, number>();
    // 60 timers 1.3 ms apart (not whole milliseconds), then five at one time, set with work between.
    for (let i = 0; i < 60; i++) due.set(`spread-${i}`, t0 + 0.01 + i * 0.0013);
    for (const [name, at] of due) backend.execute({ type: "set-timer", name, at });
    const tie = t0 + 0.12;
    for (const name of ["tie-a", "tie-b", "tie-c", "tie-d", "tie-e"]) {
      due.set(name, tie);
      backend.execute({ type: "set-timer", name, at: tie });
      const until = performance.now() + 0.3;
      while (performance.now() < until) {
        // let the clock move between the calls
      }
    }
    backend.execute({ type: "set-timer", name: "past", at: t0 - 1 });
    const end = performance.now() + 5000;
    while (seen.length < due.size + 1 && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
    backend.close();
    expect(seen).toHaveLength(due.size + 1);
    for (const { name, now } of seen) if (name !== "past") expect(now, name).toBeGreaterThanOrEqual(due.get(name) as number);
    expect(seen.filter((s) => s.name.startsWith("tie-")).map((s) => s.name)).toEqual(["tie-a", "tie-b", "tie-c", "tie-d", "tie-e"]);
    expect(seen.map((s) => s.name).filter((n) => n.startsWith("spread-"))).toEqual([...due.keys()].filter((n) => n.startsWith("spread-")));
  });

  it("delivers nothing after close()", async () => {
    const backend = timerBackend();
    const seen: string[] = [];
    backend.onEvent((e) => {
      if (e.type === "timer") seen.push(e.name);
    });
    backend.execute({ type: "set-timer", name: "soon", at: backend.now() + 0.02 });
    backend.close();
    backend.execute({ type: "set-timer", name: "after-close", at: 0 });
    await new Promise((r) => setTimeout(r, 60));
    expect(seen).toEqual([]);
  });
});
