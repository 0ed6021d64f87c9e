/**
 * Runs lab commands (`ip`, `ethtool`, `nsenter`, `ovs-vsctl`, `ping`…) from a small helper process
 * instead of this one. Measured here: with several vNFs starting at once on a busy 2-core machine,
 * each fork/exec from the harness process blocked its event loop for ~80 ms (libuv waits until the
 * child has exec'd), which serialised the whole instantiation. The helper (`spawn-agent.ts`, in
 * its own process group so Ctrl-C leaves it to run the teardown commands) takes those waits.
 * `withSpawnHelper(fn)` installs it as the lab's command runner for the duration of `fn`; if the
 * helper dies, commands fall back to running here.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { LabCommandError, runHere, useCommandRunner, type RunResult } from "../lab/run.ts";

const AGENT = fileURLToPath(new URL("./spawn-agent.ts", import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

interface Reply {
  id: number;
  stdout: string;
  stderr: string;
  code: number | null;
  error: string | null;
}

export class SpawnHelper {
  private nextId = 0;
  private alive = true;
  private readonly pending = new Map<number, { command: string; resolve: (r: RunResult) => void; reject: (e: Error) => void }>();

  private constructor(private readonly child: ChildProcess) {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
      if (line === "ready") return;
      const reply = JSON.parse(line) as Reply;
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.error === null) p.resolve({ stdout: reply.stdout, stderr: reply.stderr });
      else p.reject(new LabCommandError(p.command, reply.stderr || reply.error, reply.code));
    });
    child.once("exit", () => {
      this.alive = false;
      for (const p of this.pending.values()) p.reject(new LabCommandError(p.command, "the command helper exited", null));
      this.pending.clear();
    });
  }

  static async start(): Promise<SpawnHelper> {
    const child = spawn(process.execPath, ["--import", TSX, AGENT], { stdio: ["pipe", "pipe", "inherit"], detached: true });
    const helper = new SpawnHelper(child);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the command helper did not start within 20 s")), 20_000);
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", () => {
        clearTimeout(timer);
        resolve();
      });
      child.once("exit", (code) => reject(new Error(`the command helper exited (${code}) while starting`)));
    });
    return helper;
  }

  /** PID of the helper process. */
  get pid(): number {
    return this.child.pid ?? 0;
  }

  run(file: string, args: readonly string[], timeoutMs: number): Promise<RunResult> {
    if (!this.alive || !this.child.stdin?.writable) return runHere(file, args, { timeoutMs });
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { command: [file, ...args].join(" "), resolve, reject });
      this.child.stdin?.write(`${JSON.stringify({ id, file, args, timeoutMs })}\n`);
    });
  }

  /** Ends the helper (closing its stdin) and waits for it to exit. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    const gone = new Promise((r) => this.child.once("exit", r));
    this.child.stdin?.end();
    await gone;
  }
}

/** Runs `fn` with lab commands going through a SpawnHelper; restores the previous runner afterwards. */
export async function withSpawnHelper<T>(fn: () => Promise<T>): Promise<T> {
  const helper = await SpawnHelper.start();
  const previous = useCommandRunner((file, args, timeoutMs) => helper.run(file, args, timeoutMs));
  try {
    return await fn();
  } finally {
    useCommandRunner(previous);
    await helper.stop();
  }
}
