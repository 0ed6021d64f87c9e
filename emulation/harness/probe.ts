/**
 * End-to-end forwarding probe for the instantiation measurement: UDP datagrams from the UE
 * namespace to per-vNF addresses `10.1.x.y` (routed via the server, which owns all of 10.1.0.0/16
 * as local addresses), steered through one vNF each by `ipv4_dst`. A vNF "forwards" when its first
 * datagram reaches the server. Sender and receiver are `probe-agent.ts` processes in the two
 * namespaces, stopped by PID at teardown; arrival times are CLOCK_MONOTONIC ns, comparable with
 * `process.hrtime.bigint()` here.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createInterface, type Interface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { SteeringChain } from "../../openflow/steering/index.ts";
import type { Namespace } from "../lab/namespace.ts";
import type { Teardown } from "../lab/teardown.ts";
import { SERVER, UE, type MeasurementBed } from "./bed.ts";

/** UDP port of the probes. */
export const PROBE_PORT = 9000;
const AGENT = fileURLToPath(new URL("./probe-agent.ts", import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** The probe address of vNF `i` (0-based): 10.1.0.1, 10.1.0.2, … (i < 65 534). */
export function probeAddress(i: number): string {
  const n = i + 1;
  if (!(Number.isInteger(i) && i >= 0 && n < 0xffff)) throw new RangeError(`probe index ${i} out of range`);
  return `10.1.${n >> 8}.${n & 255}`;
}

/** Chain steering probe traffic for vNF `i` from the UE through ports `hop` to the server (chain id 1000 + i). */
export function probeChain(i: number, hop: { inPort: number; outPort: number }): SteeringChain {
  return {
    id: 1000 + i,
    priority: 200,
    selector: [
      { field: "eth_type", value: 0x0800 },
      { field: "ipv4_dst", value: probeAddress(i) },
    ],
    ingressPort: UE.port,
    hops: [hop],
    egressPort: SERVER.port,
  };
}

interface Agent {
  child: ChildProcess;
  lines: Interface;
  /** Rejects if the agent exits with an error. */
  failed: Promise<never>;
}

function startAgent(ns: Namespace, mode: "send" | "receive", teardown: Teardown): Agent {
  const child = spawn("ip", ["netns", "exec", ns.name, process.execPath, "--import", TSX, AGENT, mode, String(PROBE_PORT)], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (s: string) => (stderr += s));
  const failed = new Promise<never>((_resolve, reject) => {
    child.once("exit", (code) => {
      if (code !== 0 && code !== null) reject(new Error(`probe agent (${mode}) exited ${code}: ${stderr.trim()}`));
    });
  });
  failed.catch(() => undefined);
  teardown.add(`probe agent ${mode} (pid ${child.pid ?? "?"})`, async () => {
    child.stdin?.end();
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      const gone = new Promise((r) => child.once("exit", r));
      process.kill(child.pid, "SIGTERM");
      await gone;
    }
  });
  return { child, lines: createInterface({ input: child.stdout as NodeJS.ReadableStream }), failed };
}

function firstLine(agent: Agent, what: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs} ms`)), timeoutMs);
    agent.failed.catch(reject);
    agent.lines.once("line", (l) => {
      clearTimeout(timer);
      if (l === "ready") resolve();
      else reject(new Error(`${what} printed "${l}" instead of ready`));
    });
  });
}

export class ForwardingProbe {
  private readonly waiting = new Map<string, (t: bigint) => void>();
  private readonly arrived = new Map<string, bigint>();

  private constructor(
    private readonly sender: ChildProcess,
    receiver: Agent,
  ) {
    receiver.lines.on("line", (line) => {
      const [id, t] = line.split(" ");
      if (id === undefined || t === undefined || id === "ready") return;
      this.sender.stdin?.write(`done ${id}\n`);
      this.arrived.set(id, BigInt(t));
      this.waiting.get(id)?.(BigInt(t));
    });
  }

  /** Configures routes on the bed's hosts and starts both agents (registered with the bed's teardown). */
  static async start(bed: MeasurementBed): Promise<ForwardingProbe> {
    await bed.ue.ns.exec("ip", ["neigh", "replace", SERVER.ip, "lladdr", SERVER.mac, "dev", bed.ue.ifname, "nud", "permanent"]);
    await bed.ue.ns.exec("ip", ["route", "add", "10.1.0.0/16", "via", SERVER.ip, "dev", bed.ue.ifname]);
    await bed.server.ns.exec("ip", ["route", "add", "local", "10.1.0.0/16", "dev", "lo"]);
    const t = bed.bed.teardown;
    const receiver = startAgent(bed.server.ns, "receive", t);
    const sender = startAgent(bed.ue.ns, "send", t);
    await Promise.all([firstLine(receiver, "probe receiver", 20_000), firstLine(sender, "probe sender", 20_000)]);
    return new ForwardingProbe(sender.child, receiver);
  }

  /**
   * Starts probing vNF `i` and resolves with the CLOCK_MONOTONIC time (ns) its first probe
   * reached the server; rejects after `timeoutMs`.
   */
  probe(i: number, timeoutMs: number): Promise<bigint> {
    const id = `p${i}`;
    const seen = this.arrived.get(id);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        this.sender.stdin?.write(`done ${id}\n`);
        reject(new Error(`no probe through vNF ${i} (${probeAddress(i)}) reached the server within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, (t) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(t);
      });
      this.sender.stdin?.write(`${id} ${probeAddress(i)}\n`);
    });
  }
}
