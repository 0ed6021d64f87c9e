/**
 * Teardown registry: every object the lab creates registers how to undo it; `teardown()` undoes
 * them in reverse order of creation, carrying on past individual failures (collected and thrown
 * together at the end as an AggregateError). While any registry holds steps, SIGINT and SIGTERM
 * tear every registry down before the process exits (130 / 143), so Ctrl-C leaves nothing behind
 * — also registries created while that teardown runs (`stopRequested()` tells loops to stop).
 * Processes are stopped by PID only, never by name.
 */
export type UndoStep = { what: string; undo: () => Promise<void> };

/** Registries with pending steps; the signal handlers are installed while this is non-empty. */
const active = new Set<Teardown>();

/** The signal that started the shutdown, once one did. */
let stopping: NodeJS.Signals | null = null;

/**
 * Tears every registry down; registries created meanwhile (code still running while the teardown
 * awaits, e.g. a loop going on to its next measurement) are torn down in a further pass, until
 * none is left (at most 10 passes), then the process exits.
 */
async function shutdown(): Promise<void> {
  for (let pass = 0; pass < 10; pass++) {
    if (active.size === 0) {
      // A start in flight (e.g. a container being created) may still register its undo step.
      await new Promise((r) => setTimeout(r, 500));
      if (active.size === 0) return;
    }
    await Promise.allSettled([...active].map((t) => t.teardown()));
  }
}

function onSignal(signal: NodeJS.Signals): void {
  if (stopping !== null) return;
  stopping = signal;
  void shutdown().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
}

/** Whether SIGINT or SIGTERM has started the shutdown (long-running loops should start nothing new). */
export function stopRequested(): boolean {
  return stopping !== null;
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
