import { describe, expect, it } from "vitest";
import { runLoop, type Backend } from "./backend.ts";
import type { Command } from "./commands.ts";
import type { ManagerEvent } from "./events.ts";

/** A backend that answers synchronously inside execute (allowed by the contract). */
class SyncBackend implements Backend {
  readonly executed: string[] = [];
  private listener: ((e: ManagerEvent) => void) | undefined;
  now(): number {
    return 3;
  }
  onEvent(l: (e: ManagerEvent) => void): () => void {
    this.listener = l;
    return () => (this.listener = undefined);
  }
  execute(c: Command): void {
    this.executed.push(c.type === "set-timer" ? `set-timer ${c.name}` : c.type);
    if (c.type === "set-timer") this.emit({ type: "timer", name: c.name });
  }
  emit(e: ManagerEvent): void {
    this.listener?.(e);
  }
}

describe("runLoop", () => {
  it("issues start commands, never re-enters the handler, and stops", () => {
    const backend = new SyncBackend();
    const calls: string[] = [];
    let depth = 0;
    const handler = {
      start: (now: number): Command[] => [{ type: "set-timer", name: "a", at: now }, { type: "set-timer", name: "b", at: now }],
      handle: (e: ManagerEvent, now: number): Command[] => {
        depth++;
        calls.push(`${e.type === "timer" ? e.name : e.type}@${now} depth ${depth}`);
        const out: Command[] = e.type === "timer" && e.name === "a" ? [{ type: "set-timer", name: "c", at: now }] : [];
        depth--;
        return out;
      },
    };
    const loop = runLoop(handler, backend);
    expect(backend.executed).toEqual(["set-timer a", "set-timer b", "set-timer c"]);
    expect(calls).toEqual(["a@3 depth 1", "b@3 depth 1", "c@3 depth 1"]);
    expect(loop.eventsHandled).toBe(3);
    loop.stop();
    backend.emit({ type: "timer", name: "late" });
    expect(loop.eventsHandled).toBe(3);
  });
});
