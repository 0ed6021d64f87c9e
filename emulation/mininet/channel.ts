/**
 * The JSON-lines channel to `driver.py`: spawns `/usr/bin/python3 driver.py` (its own process
 * group, so a Ctrl-C at the terminal reaches only Node, whose `Teardown` then stops it), waits for
 * its ready line, and matches answers to requests by id. Every request has a timeout; when the
 * driver exits, pending requests reject with `MininetDriverExited`. If Node dies, the driver sees
 * the end of its stdin and removes everything it created.
 *
 * Protocol (one JSON object per line):
 *   → {"id": 1, "cmd": "addHost", "args": {...}}
 *   ← {"id": 1, "ok": true, "result": {...}, "warnings": [...]} | {"id": 1, "ok": false, "error": {"type", "message"}}
 *   ← {"event": "ready" | "stopped" | "error", ...}   (no id)
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { MininetDriverExited, MininetError, MininetTimeout } from "./errors.ts";

/** The only interpreter that imports Mininet 2.3 here (the first `python3` on PATH is another). */
export const MININET_PYTHON = "/usr/bin/python3";
export const DRIVER_SCRIPT = fileURLToPath(new URL("./driver.py", import.meta.url));

const STDERR_KEEP = 16_384; // characters of the driver's stderr kept for error messages

interface Pending {
  command: string;
  resolve: (value: Answer) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export interface Answer {
  result: unknown;
  warnings: string[];
}

/** A line without an id: "ready" (pid, mininet version), "stopped" (reason, teardown result), "error" (message), "execStarted"/"execDone" (pid). */
export interface DriverEvent {
  event: string;
  message?: string;
  reason?: string;
  result?: { errors?: string[] };
  /** execStarted / execDone: the foreground command's PID, and its program. */
  pid?: number;
  argv0?: string;
}

interface Line {
  id?: number | null;
  ok?: boolean;
  result?: unknown;
  warnings?: string[];
  error?: { type: string; message: string } | null;
  event?: string;
  message?: string;
}

export class DriverChannel {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private stderrTail = "";
  private exitCode: number | null | undefined;
  /** Lines with an `event` (ready, stopped, error), oldest first; execStarted/execDone only go to `onEvent`. */
  readonly events: DriverEvent[] = [];
  /** Called for every event line, as it arrives. */
  onEvent: (event: DriverEvent) => void = () => undefined;
  /** Resolves with the exit code (null after a signal) when the driver has exited. */
  readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stderr.setEncoding("utf8").on("data", (s: string) => {
      this.stderrTail = (this.stderrTail + s).slice(-STDERR_KEEP);
    });
    createInterface({ input: child.stdout }).on("line", (line) => this.onLine(line));
    this.exited = new Promise((resolve) => {
      child.once("exit", (code) => {
        this.exitCode = code;
        // Let the last stderr chunks arrive before failing what is pending.
        setImmediate(() => {
          for (const [id, p] of this.pending) {
            clearTimeout(p.timer);
            p.reject(new MininetDriverExited(code, this.stderrTail));
            this.pending.delete(id);
          }
          resolve(code);
        });
      });
      child.once("error", () => resolve(null));
    });
    child.stdin.on("error", () => undefined); // EPIPE after exit: reported through `exited`
  }

  /** Spawns the driver and resolves once it has imported Mininet (its ready line). */
  static async start(readyTimeoutMs = 15_000): Promise<DriverChannel> {
    const child = spawn(MININET_PYTHON, [DRIVER_SCRIPT], { stdio: ["pipe", "pipe", "pipe"], detached: true });
    const channel = new DriverChannel(child);
    await channel.waitForEvent("ready", readyTimeoutMs);
    return channel;
  }

  get pid(): number {
    return this.child.pid as number;
  }

  /** True while the driver process runs. */
  get alive(): boolean {
    return this.exitCode === undefined;
  }

  /** The end of the driver's stderr (Mininet's log, tracebacks). */
  get stderr(): string {
    return this.stderrTail;
  }

  /** Sends one command; resolves with its result or rejects with MininetError / MininetTimeout / MininetDriverExited. */
  request(command: string, args: Record<string, unknown> = {}, timeoutMs = 30_000): Promise<Answer> {
    if (!this.alive) return Promise.reject(new MininetDriverExited(this.exitCode ?? null, this.stderrTail));
    const id = this.nextId++;
    return new Promise<Answer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new MininetTimeout(command, timeoutMs));
      }, timeoutMs);
      this.pending.set(id, { command, resolve, reject, timer });
      this.child.stdin.write(`${JSON.stringify({ id, cmd: command, args })}\n`);
    });
  }

  /** Sends a signal to the driver by PID (it tears down on SIGTERM). */
  signal(signal: NodeJS.Signals): void {
    if (this.alive) process.kill(this.pid, signal);
  }

  /** Closes the driver's stdin (it tears down and exits at end of input). */
  endInput(): void {
    this.child.stdin.end();
  }

  private waitForEvent(event: string, timeoutMs: number): Promise<DriverEvent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        clearInterval(poll);
        this.signal("SIGTERM");
        reject(new Error(`the Mininet driver sent no "${event}" line within ${timeoutMs} ms: ${this.stderrTail.trim() || "no error output"}`));
      }, timeoutMs);
      const poll = setInterval(() => {
        const found = this.events.find((e) => e.event === event);
        const failed = this.events.find((e) => e.event === "error");
        if (found || failed || !this.alive) {
          clearInterval(poll);
          clearTimeout(timer);
          if (found) resolve(found);
          else reject(new MininetDriverExited(this.exitCode ?? null, failed?.message ?? this.stderrTail));
        }
      }, 5);
    });
  }

  private onLine(text: string): void {
    let line: Line;
    try {
      line = JSON.parse(text) as Line;
    } catch {
      this.stderrTail = `${this.stderrTail}\n[stdout, not JSON] ${text}`.slice(-STDERR_KEEP);
      return;
    }
    if (line.event !== undefined) {
      if (line.event !== "execStarted" && line.event !== "execDone") this.events.push(line as DriverEvent);
      this.onEvent(line as DriverEvent);
      return;
    }
    const p = typeof line.id === "number" ? this.pending.get(line.id) : undefined;
    if (!p || typeof line.id !== "number") return; // an answer after its timeout
    this.pending.delete(line.id);
    clearTimeout(p.timer);
    if (line.ok) p.resolve({ result: line.result, warnings: line.warnings ?? [] });
    else p.reject(new MininetError(p.command, line.error?.type ?? "Error", line.error?.message ?? "no message"));
  }
}
