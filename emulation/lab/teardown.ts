/**
 * Teardown registry: every object the lab creates registers how to undo it; `teardown()` undoes
 * them in reverse order of creation, carrying on past individual failures (collected and thrown
 * together at the end as an AggregateError). While any registry holds steps, SIGINT and SIGTERM
 * tear every registry down before the process exits (130 / 143), so Ctrl-C leaves nothing behind.
 * Processes are stopped by PID only, never by name.
 */
export type UndoStep = { what: string; undo: () => Promise<void> };

/** Registries with pending steps; the signal handlers are installed while this is non-empty. */
const active = new Set<Teardown>();

function onSignal(signal: NodeJS.Signals): void {
  const all = [...active];
  void Promise.allSettled(all.map((t) => t.teardown())).finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
}

function track(t: Teardown, pending: boolean): void {
  const before = active.size;
  if (pending) active.add(t);
  else active.delete(t);
  if (before === 0 && active.size > 0) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  } else if (before > 0 && active.size === 0) {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

export class Teardown {
  private steps: UndoStep[] = [];

  /** Registers how to undo something just created. */
  add(what: string, undo: () => Promise<void>): void {
    this.steps.push({ what, undo });
    track(this, true);
  }

  /** Registers a child process to stop by PID (SIGTERM; ignored if it already exited). */
  addProcess(what: string, pid: number): void {
    this.add(what, async () => {
      try {
        process.kill(pid, "SIGTERM");
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ESRCH") throw err;
      }
    });
  }

  /** Steps still to undo. */
  get size(): number {
    return this.steps.length;
  }

  /** What is registered, oldest first (for messages and tests). */
  get registered(): string[] {
    return this.steps.map((s) => s.what);
  }

  /** Undoes everything in reverse order; throws an AggregateError listing what failed. */
  async teardown(): Promise<void> {
    const failures: Error[] = [];
    while (this.steps.length > 0) {
      const step = this.steps.pop() as UndoStep;
      try {
        await step.undo();
      } catch (err) {
        failures.push(new Error(`undo ${step.what}: ${(err as Error).message}`));
      }
    }
    track(this, false);
    if (failures.length > 0) throw new AggregateError(failures, `teardown: ${failures.length} step(s) failed: ${failures.map((f) => f.message).join("; ")}`);
  }
}

/** Number of registries with pending steps (for tests). */
export function activeTeardowns(): number {
  return active.size;
}
