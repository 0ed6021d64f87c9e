/**
 * A background process the lab started (ping, tcpdump, a relay…), optionally inside a namespace.
 * It is registered with a `Teardown` and stopped by its PID — never by name. Output is collected.
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { Namespace } from "./namespace.ts";
import type { Teardown } from "./teardown.ts";

export class LabProcess {
  private stdoutText = "";
  private stderrText = "";
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly what: string,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.setEncoding("utf8").on("data", (s: string) => (this.stdoutText += s));
    child.stderr?.setEncoding("utf8").on("data", (s: string) => (this.stderrText += s));
    this.exited = new Promise((resolve) => {
      child.once("exit", (code) => resolve(code));
      child.once("error", () => resolve(null));
    });
  }

  /** Starts `file args…` (no shell), inside `ns` if given; registered with `teardown`. */
  static start(teardown: Teardown, file: string, args: readonly string[], ns?: Namespace): LabProcess {
    const [command, argv] = ns ? ["ip", ["netns", "exec", ns.name, file, ...args]] : [file, [...args]];
    const child = spawn(command as string, argv as string[], { stdio: ["ignore", "pipe", "pipe"] });
    const proc = new LabProcess(`${file}${ns ? ` in ${ns.name}` : ""}`, child);
    teardown.add(`process ${proc.what} (pid ${child.pid ?? "?"})`, async () => {
      await proc.stop();
    });
    return proc;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get stdout(): string {
    return this.stdoutText;
  }

  get stderr(): string {
    return this.stderrText;
  }

  /** Stops the process by PID (SIGTERM, then SIGKILL after `graceMs`); resolves with its exit code. */
  async stop(graceMs = 2000): Promise<number | null> {
    const pid = this.child.pid;
    if (pid !== undefined && this.child.exitCode === null && this.child.signalCode === null) {
      process.kill(pid, "SIGTERM");
      const timer = setTimeout(() => {
        if (this.child.exitCode === null && this.child.signalCode === null) process.kill(pid, "SIGKILL");
      }, graceMs);
      const code = await this.exited;
      clearTimeout(timer);
      return code;
    }
    return this.exited;
  }

  /** Resolves when the process exits by itself. */
  wait(): Promise<number | null> {
    return this.exited;
  }
}
