/**
 * Teardown registry: every object the lab creates registers how to undo it; `teardown()` undoes
 * them in reverse order, carrying on past individual failures (reported, not thrown until the end).
 * Installs SIGINT/SIGTERM handlers while anything is registered, so Ctrl-C also cleans up. Processes
 * are stopped by PID only.
 */
export type UndoStep = { what: string; undo: () => Promise<void> };

export class Teardown {
  private steps: UndoStep[] = [];
  private signalsHooked = false;
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    void this.teardown().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };

  /** Registers how to undo something just created. */
  add(what: string, undo: () => Promise<void>): void {
    this.steps.push({ what, undo });
    if (!this.signalsHooked) {
      process.once("SIGINT", this.onSignal);
      process.once("SIGTERM", this.onSignal);
      this.signalsHooked = true;
    }
  }

  /** Registers a child process to stop by PID (SIGTERM). */
  addProcess(what: string, pid: number): void {
    this.add(what, async () => {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // already gone
      }
    });
  }

  get size(): number {
    return this.steps.length;
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
    if (this.signalsHooked) {
      process.removeListener("SIGINT", this.onSignal);
      process.removeListener("SIGTERM", this.onSignal);
      this.signalsHooked = false;
    }
    if (failures.length > 0) throw new AggregateError(failures, `teardown: ${failures.length} step(s) failed: ${failures.map((f) => f.message).join("; ")}`);
  }
}
