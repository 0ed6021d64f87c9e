/**
 * A Mininet network driven from TypeScript (`driver.py` over JSON lines): hosts, OVS switches
 * (userspace datapath, fail-mode secure, OpenFlow 1.3, explicit datapath id, connected to our
 * controller on 127.0.0.1), links with optional htb bandwidth and optional delay, commands in
 * hosts, and UE handovers (a host's link moved from one switch to another).
 *
 * Delays never use Mininet's `delay=` (no netem here): a delayed link a ── b becomes
 * a ── relay ── b where relay is a Mininet host running a `DelayRelay` between its two interfaces.
 *
 * Node names carry the lab prefix (`labName`), so `leftovers()` finds anything left behind;
 * Mininet names interfaces `<node>-eth<port>`, which must fit in 15 bytes. The whole network is
 * one `Teardown` step: relays stop first, then the driver removes what it created (by name and
 * PID — Mininet's cleanup never runs). Errors are exceptions with Mininet's message.
 *
 * Example:
 *   const net = await MininetNet.start(teardown);
 *   const s1 = await net.addSwitch("s", { dpid: 1n, controllerPort: controller.port });
 *   const h1 = await net.addHost("h", { ip: "10.0.0.1/24", mac: "02:00:00:00:00:01" });
 *   await net.addLink(h1, s1, { port2: 1, delayMs: 5 });
 *   await net.start();
 */
import { labName } from "../lab/names.ts";
import type { Teardown } from "../lab/teardown.ts";
import { DelayRelay } from "../relay/delay-relay.ts";
import { hasCommand, run } from "../lab/run.ts";
import { DriverChannel, MININET_PYTHON } from "./channel.ts";
import { MininetDriverExited } from "./errors.ts";
import { emptyCreated, removeWithoutDriver } from "./fallback.ts";

export interface MnHostOptions {
  /** Address of the host's first interface with prefix length, e.g. "10.0.0.1/24". */
  ip?: string;
  mac?: string;
}

export interface MnSwitchOptions {
  /** OpenFlow datapath id (64 bits). */
  dpid: bigint;
  /** TCP port of our controller on 127.0.0.1. */
  controllerPort: number;
}

export interface MnLinkOptions {
  /** Port number on node1 / node2 (switch ports: the OpenFlow port, via ofport_request). */
  port1?: number;
  port2?: number;
  /** Rate limit of each direction, Mbit/s (Mininet TCLink, htb), (0, 1000]. */
  bwMbit?: number;
  /** One-way delay, ms, by a relay host between the two ends. */
  delayMs?: number;
}

export interface MnLink {
  node1: string;
  node2: string;
  /** Interface on node1 / node2. */
  intf1: string;
  intf2: string;
  port1: number;
  port2: number;
  /** The relay host in the middle of a delayed link. */
  relay?: string;
}

export interface MnIntf {
  name: string;
  port: number;
  mac: string | null;
  ip: string | null;
  /** OpenFlow port number (switch interfaces of a started network). */
  ofport?: number;
}

export interface MnNodeInfo {
  name: string;
  kind: "host" | "switch";
  /** PID of the node's shell (its network namespace, for hosts). */
  pid: number;
  dpid: bigint | null;
  intfs: MnIntf[];
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface MoveResult {
  /** The moved node's interface (same name, MAC and IP as before). */
  intf: string;
  /** The new interface on the target switch and its OpenFlow port. */
  switchIntf: string;
  ofport: number;
  /** Wall time of the move as seen by the client (incl. a relay restart), ms. */
  elapsedMs: number;
  /** Time the driver took for delete + add + attach, ms. */
  driverMs: number;
  /** The driver's time per step, ms (detachMs, deleteMs, linkMs, addressMs, attachMs). */
  steps: Record<string, number>;
}

interface DelayedLink {
  relay: string;
  delayMs: number;
  /** Relay interfaces: toward node1 (ifA) and toward node2 (ifB). */
  ifA: string;
  ifB: string;
  /** The nodes on either side: [node1, node2]; updated by moves. */
  ends: [string, string];
  /** Their interfaces toward the relay. */
  endIntfs: [string, string];
  running?: DelayRelay;
}

/** Longest node name: `<name>-eth<N>` must fit in 15 bytes for one-digit ports. */
const MAX_NODE_NAME = 10;

export class MininetNet {
  private started = false;
  private stopping: Promise<void> | undefined;
  private readonly delayed = new Map<string, DelayedLink>();
  /** Everything the driver reported creating: removed by the client if the driver dies first. */
  private readonly created = emptyCreated();

  private constructor(
    private readonly channel: DriverChannel,
    private readonly teardown: Teardown,
    /** Default timeout per driver command, ms. */
    private readonly timeoutMs: number,
  ) {}

  /** Verifies Mininet's tools (Mininet 2.3 importable by /usr/bin/python3, mnexec) and the relay's; returns what to install, or true. */
  static async check(): Promise<true | string> {
    try {
      await run(MININET_PYTHON, ["-c", "import mininet.net, mininet.node, mininet.link"], { timeoutMs: 20_000 });
    } catch {
      return `${MININET_PYTHON} cannot import Mininet: apt-get install mininet`;
    }
    if (!(await hasCommand("mnexec"))) return "mnexec is missing: apt-get install mininet";
    return DelayRelay.check();
  }

  /** Starts the driver; the network is one step of `teardown` (stop() runs it too). */
  static async start(teardown: Teardown, options: { timeoutMs?: number } = {}): Promise<MininetNet> {
    const channel = await DriverChannel.start();
    const net = new MininetNet(channel, teardown, options.timeoutMs ?? 30_000);
    channel.onEvent = (e) => {
      // Foreground commands too are killed by PID if the driver dies while they run.
      if (e.event === "execStarted" && e.pid !== undefined && e.argv0 !== undefined) net.created.pids.set(e.pid, e.argv0);
      if (e.event === "execDone" && e.pid !== undefined) net.created.pids.delete(e.pid);
    };
    teardown.add(`Mininet driver (pid ${channel.pid})`, () => net.stop());
    return net;
  }

  /** PID of the Python driver. */
  get driverPid(): number {
    return this.channel.pid;
  }

  /** Running relays by relay host name. */
  get relays(): ReadonlyMap<string, DelayRelay> {
    const out = new Map<string, DelayRelay>();
    for (const [name, d] of this.delayed) if (d.running) out.set(name, d.running);
    return out;
  }

  private async call<T>(command: string, args: Record<string, unknown> = {}, timeoutMs = this.timeoutMs): Promise<T> {
    const result = (await this.channel.request(command, args, timeoutMs)).result as T;
    this.track(command, args, result as Record<string, unknown>);
    return result;
  }

  /** Records names and PIDs from the driver's answers (for `removeWithoutDriver`). */
  private track(command: string, args: Record<string, unknown>, result: Record<string, unknown>): void {
    if (typeof result["pid"] === "number") {
      // Node shells run `bash … mininet:<name>`; spawned processes their own argv.
      if (command === "addHost" || command === "addSwitch") this.created.pids.set(result["pid"], `mininet:${args["name"] as string}`);
      if (command === "spawn") this.created.pids.set(result["pid"], (args["argv"] as string[])[0] as string);
    }
    if (command === "addSwitch") this.created.switches.add(args["name"] as string);
    if (command === "addLink" || command === "moveLink") for (const key of ["intf1", "intf2"]) this.created.intfs.add(result[key] as string);
    if (command === "kill") this.created.pids.delete(args["pid"] as number);
  }

  private nodeName(suffix: string): string {
    const name = labName(suffix);
    if (name.length > MAX_NODE_NAME) throw new RangeError(`Mininet node name "${name}" is longer than ${MAX_NODE_NAME} characters (its interfaces <name>-eth<N> must fit in 15): use a shorter suffix than "${suffix}"`);
    return name;
  }

  /** Adds a host (its own network namespace); resolves with its name, `labName(suffix)`. */
  async addHost(suffix: string, options: MnHostOptions = {}): Promise<string> {
    const name = this.nodeName(suffix);
    await this.call("addHost", { name, ip: options.ip ?? null, mac: options.mac ?? null });
    return name;
  }

  /** Adds an OVS switch connected to 127.0.0.1:`controllerPort`; resolves with its name. */
  async addSwitch(suffix: string, options: MnSwitchOptions): Promise<string> {
    const name = this.nodeName(suffix);
    if (options.dpid < 0n || options.dpid >= 1n << 64n) throw new RangeError(`switch ${name}: dpid must fit in 64 bits`);
    await this.call("addSwitch", { name, dpid: options.dpid.toString(16), controllerPort: options.controllerPort });
    return name;
  }

  /** Adds a link; with `delayMs`, through a new relay host (started with the network, or now if it runs). */
  async addLink(node1: string, node2: string, options: MnLinkOptions = {}): Promise<MnLink> {
    const bw = options.bwMbit === undefined ? {} : { bwMbit: options.bwMbit };
    if (options.delayMs === undefined) {
      const r = await this.call<{ intf1: string; intf2: string; port1: number; port2: number }>("addLink", { node1, node2, port1: options.port1 ?? null, port2: options.port2 ?? null, ...bw });
      return { node1, node2, ...r };
    }
    const delayMs = options.delayMs;
    if (!(Number.isFinite(delayMs) && delayMs >= 0 && delayMs <= 60_000)) throw new RangeError(`link ${node1}-${node2}: delayMs must be in [0, 60000], got ${delayMs}`);
    const relay = this.nodeName("r");
    await this.call("addHost", { name: relay, ip: null, mac: null });
    const a = await this.call<{ intf1: string; intf2: string; port1: number; port2: number }>("addLink", { node1, node2: relay, port1: options.port1 ?? null, port2: 0, ...bw });
    const b = await this.call<{ intf1: string; intf2: string; port1: number; port2: number }>("addLink", { node1: relay, node2, port1: 1, port2: options.port2 ?? null, ...bw });
    const link: DelayedLink = { relay, delayMs, ifA: a.intf2, ifB: b.intf1, ends: [node1, node2], endIntfs: [a.intf1, b.intf2] };
    this.delayed.set(relay, link);
    if (this.started) await this.startRelay(link);
    return { node1, node2, intf1: a.intf1, intf2: b.intf2, port1: a.port1, port2: b.port2, relay };
  }

  /** Configures hosts, starts the switches (they dial the controller) and the delay relays. */
  async start(): Promise<void> {
    await this.call("start", {}, 60_000);
    this.started = true;
    for (const link of this.delayed.values()) await this.startRelay(link);
  }

  private async startRelay(link: DelayedLink): Promise<void> {
    const pid = await this.hostPid(link.relay);
    link.running = await DelayRelay.start(this.teardown, { ns: { pid }, ifA: link.ifA, ifB: link.ifB, delayMs: link.delayMs });
  }

  async nodeInfo(name: string): Promise<MnNodeInfo> {
    const info = await this.call<Omit<MnNodeInfo, "dpid"> & { dpid: string | null }>("nodeInfo", { name });
    return { ...info, dpid: info.dpid === null ? null : BigInt(`0x${info.dpid}`) };
  }

  /** PID of a host's shell: its network namespace is /proc/<pid>/ns/net. */
  async hostPid(name: string): Promise<number> {
    return (await this.nodeInfo(name)).pid;
  }

  /** OpenFlow port of interface `intf` on a started switch. */
  async ofport(switchName: string, intf: string): Promise<number> {
    const found = (await this.nodeInfo(switchName)).intfs.find((i) => i.name === intf);
    if (found?.ofport === undefined) throw new Error(`switch ${switchName} has no OpenFlow port for ${intf}`);
    return found.ofport;
  }

  /** Runs `argv` (no shell) in a host and waits; a timeout kills it and rejects. */
  async exec(host: string, argv: readonly string[], options: { timeoutMs?: number; input?: string } = {}): Promise<ExecResult> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    return this.call<ExecResult>("exec", { host, argv, timeoutMs, input: options.input ?? null }, timeoutMs + 5000);
  }

  /** Starts `argv` in a host in the background; resolves with its PID (killed by PID at stop). */
  async spawn(host: string, argv: readonly string[], options: { logFile?: string } = {}): Promise<number> {
    return (await this.call<{ pid: number }>("spawn", { host, argv, logFile: options.logFile ?? null })).pid;
  }

  /** Stops a background process started by `spawn` (SIGTERM, SIGKILL after `graceMs`); resolves with its exit code. */
  async kill(pid: number, graceMs = 2000): Promise<number | null> {
    return (await this.call<{ exitCode: number | null }>("kill", { pid, graceMs }, graceMs + 10_000)).exitCode;
  }

  /**
   * Moves `host`'s link from switch `fromSwitch` to port `port` of `toSwitch` (a UE handover): the
   * link is deleted and a new one made and attached to the running switch; the host keeps its
   * interface name, MAC and IP. A delayed link keeps its delay: the relay's switch-side link is
   * moved and the relay restarted on the new interface. Flows are the caller's job.
   */
  async moveHost(host: string, fromSwitch: string, toSwitch: string, options: { port: number }): Promise<MoveResult> {
    const t0 = performance.now();
    const link = [...this.delayed.values()].find((d) => d.ends.includes(host) && d.ends.includes(fromSwitch));
    const mover = link ? link.relay : host;
    await link?.running?.stop().catch(() => undefined); // its interface is about to vanish
    type Moved = { intf1: string; intf2: string; ofport: number; elapsedMs: number; steps: Record<string, number> };
    let r: Moved;
    try {
      r = await this.call<Moved>("moveLink", { node: mover, fromSwitch, toSwitch, port: options.port });
    } catch (err) {
      // A refused move changes nothing: the delayed link gets its relay back.
      if (link && this.started) await this.startRelay(link).catch(() => undefined);
      throw err;
    }
    let intf = r.intf1;
    if (link) {
      const side = link.ends[0] === fromSwitch ? 0 : 1;
      link.ends[side] = toSwitch;
      link.endIntfs[side] = r.intf2;
      intf = link.endIntfs[side === 0 ? 1 : 0];
      if (this.started) await this.startRelay(link);
    }
    return { intf, switchIntf: r.intf2, ofport: r.ofport, elapsedMs: performance.now() - t0, driverMs: r.elapsedMs, steps: r.steps };
  }

  /**
   * Stops relays, then has the driver remove everything it created (by name and PID) and exit.
   * If the driver does not answer, SIGTERM (it tears down on it), then SIGKILL. Idempotent.
   */
  stop(): Promise<void> {
    this.stopping ??= this.doStop();
    return this.stopping;
  }

  private async doStop(): Promise<void> {
    const failures: string[] = [];
    for (const link of this.delayed.values()) {
      await link.running?.stop().catch((err: Error) => failures.push(err.message));
      link.running = undefined;
    }
    let stoppedCleanly = false;
    if (this.channel.alive) {
      await this.channel.request("stop", {}, 60_000).then(
        () => (stoppedCleanly = true),
        (err: Error) => {
          if (!(err instanceof MininetDriverExited)) failures.push(err.message);
        },
      );
      this.channel.endInput();
    }
    if (!(await exitsWithin(this.channel, 10_000))) {
      this.channel.signal("SIGTERM");
      if (!(await exitsWithin(this.channel, 20_000))) {
        this.channel.signal("SIGKILL");
        await this.channel.exited;
        failures.push(`the Mininet driver (pid ${this.channel.pid}) did not exit on SIGTERM and was killed`);
      }
    }
    const stopped = this.channel.events.find((e) => e.event === "stopped");
    if (!stoppedCleanly && !(stopped && Array.isArray(stopped.result?.errors) && stopped.result.errors.length === 0)) {
      // The driver died before its teardown (crash, SIGKILL): remove what it reported creating.
      failures.push(...(await removeWithoutDriver(this.created)));
    }
    if (failures.length > 0) throw new Error(`stopping the Mininet network: ${failures.join("; ")}`);
  }
}

async function exitsWithin(channel: DriverChannel, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const result = await Promise.race([channel.exited.then(() => true as const), timeout]);
  clearTimeout(timer);
  return result;
}
