/**
 * A container vNF of the emulation lab (the GNF Agent's view of one vNF): created and started
 * through the Docker Engine API with `--network none` and `--init` (docker-init forwards SIGTERM,
 * so a stop takes tens of ms, not 10 s), then wired to an OVS bridge by two veth pairs named `in`
 * and `out` inside, then ready when its entrypoint prints `{"gnf":"ready"}`. Its JSON-line
 * reports (notifications, measurements) are collected and streamed; memory and CPU come from its
 * cgroup. Name (`<run prefix>…-<kind>`) and label `gnf.lab.run=<run prefix>` let leak checks find
 * it. Every step is registered for undo, and a start that fails half-way undoes what it did.
 *
 * Example:
 *   const vnf = await ContainerVnf.start({ spec: { kind: "firewall", drop: ["tcp:23"] }, bridge, inPort: 11, outPort: 12 }, teardown);
 *   vnf.timings // { createMs, startMs, attachMs, readyMs, totalMs }
 *   for await (const r of vnf.stream()) if (r.gnf === "notification") console.log(r.message);
 */
import { PassThrough } from "node:stream";
import type Dockerode from "dockerode";
import { vnfImageInfo, type VnfKind } from "../images/catalog.ts";
import { vnfEnvironment, type VnfSpec } from "../images/params.ts";
import { labName, RUN_PREFIX } from "../lab/names.ts";
import type { OvsBridge } from "../lab/ovs-bridge.ts";
import { Teardown } from "../lab/teardown.ts";
import { attachVnf } from "./attach.ts";
import { cgroupPaths, readResources, type CgroupPaths, type ContainerResources } from "./cgroup.ts";
import { checkDocker, dockerClient } from "./docker-client.ts";
import { followLines, type LineFollower } from "./log-lines.ts";
import { parseReport, type VnfMeasurement, type VnfReport } from "./reports.ts";

/** Label carrying the lab run prefix on every vNF container. */
export const RUN_LABEL = "gnf.lab.run";

export interface ContainerVnfOptions {
  /** Which vNF and its parameters. */
  spec: VnfSpec;
  /** The OVS bridge the vNF's two interfaces join. */
  bridge: OvsBridge;
  /** OpenFlow port number of the vNF's `in` side. */
  inPort: number;
  /** OpenFlow port number of the vNF's `out` side. */
  outPort: number;
  /** Image reference (default `gnf/<kind>:latest`, as tagged by buildImages). */
  image?: string;
  docker?: Dockerode;
  /** How long to wait for `{"gnf":"ready"}` after the interfaces are attached, ms (default 15000). */
  readyTimeoutMs?: number;
  /** Memory hard limit, bytes (default none; Docker refuses less than 6 MB). */
  memoryLimitBytes?: number;
  /** CPU quota in cores (Docker's `--cpus`, CFS quota over a 100 ms period; default none). */
  cpuQuotaCores?: number;
  /** Cgroup parent (Docker's `--cgroup-parent`, e.g. `/g1x3f-5dev`): the container's cgroups are created under it, so its limits cap all containers given it together. */
  cgroupParent?: string;
}

/** Durations of the start phases, ms. */
export interface VnfTimings {
  /** Docker create (container record, root file system layer). */
  createMs: number;
  /** Docker start until the API call returns (namespaces, init process running). */
  startMs: number;
  /** Inspect (init PID), log follow, veth pairs into the namespace with offload off, host ends on the OVS bridge. */
  attachMs: number;
  /** After attaching, until the entrypoint printed ready (0 if it already had). */
  readyMs: number;
  /** Sum: from the create call until ready. */
  totalMs: number;
}

export class ContainerVnf {
  /** Every report so far, in order. */
  readonly reports: VnfReport[] = [];
  private readonly listeners = new Set<(r: VnfReport | null) => void>();
  private text = "";
  private follower: LineFollower | undefined;
  private paths: CgroupPaths | undefined;
  private requestCounter = 0;
  private ended = false;
  timings: VnfTimings = { createMs: 0, startMs: 0, attachMs: 0, readyMs: 0, totalMs: 0 };
  /** Host-side interface names on the bridge: [in, out]. */
  hostIfnames: [string, string] = ["", ""];
  /** PID (host view) of the container's init process. */
  pid = 0;
  /** Docker container id. */
  id = "";

  private constructor(
    readonly name: string,
    readonly kind: VnfKind,
    readonly image: string,
    readonly inPort: number,
    readonly outPort: number,
    private readonly docker: Dockerode,
    private readonly own: Teardown,
  ) {}

  /** What container vNFs need on this machine: true, or what is missing and how to fix it. */
  static check(docker?: Dockerode): Promise<true | string> {
    return checkDocker(docker);
  }

  /**
   * Creates, starts and attaches the vNF, and waits until it is ready. Registered with `teardown`
   * (which removes it); if any phase fails, everything done so far is undone before the error is
   * thrown (the error names the phase, the container and its output).
   */
  static async start(options: ContainerVnfOptions, teardown: Teardown): Promise<ContainerVnf> {
    const info = vnfImageInfo(options.spec.kind);
    const env = vnfEnvironment(options.spec);
    const docker = options.docker ?? dockerClient();
    const image = options.image ?? `${info.image}:latest`;
    const vnf = new ContainerVnf(`${labName("c")}-${info.kind}`, info.kind, image, options.inPort, options.outPort, docker, new Teardown());
    teardown.add(`vNF ${vnf.name}`, () => vnf.remove());
    let phase = "create";
    try {
      const t0 = performance.now();
      const container = await docker
        .createContainer({
          name: vnf.name,
          Image: image,
          Env: env,
          Labels: { [RUN_LABEL]: RUN_PREFIX, "gnf.vnf": info.kind },
          HostConfig: {
            NetworkMode: "none",
            Init: true,
            CapAdd: ["NET_ADMIN", "NET_RAW"],
            Sysctls: {
              "net.bridge.bridge-nf-call-iptables": info.bridgeNetfilter ? "1" : "0",
              "net.ipv6.conf.all.disable_ipv6": "1",
              "net.ipv6.conf.default.disable_ipv6": "1",
            },
            ...(options.memoryLimitBytes !== undefined ? { Memory: options.memoryLimitBytes } : {}),
            ...(options.cpuQuotaCores !== undefined ? { NanoCpus: Math.round(options.cpuQuotaCores * 1e9) } : {}),
            ...(options.cgroupParent !== undefined ? { CgroupParent: options.cgroupParent } : {}),
          },
        })
        .catch((err: { statusCode?: number; message?: string }) => {
          if (err.statusCode === 404) throw new Error(`image ${image} is not present: build it with buildImages() from emulation/images (\`gnf emulation images\`)`);
          throw err;
        });
      vnf.id = container.id;
      vnf.own.add(`container ${vnf.name}`, () => removeContainer(container));
      const t1 = performance.now();
      phase = "start";
      await container.start();
      const t2 = performance.now();
      vnf.pid = (await container.inspect()).State.Pid;
      vnf.follower = await followLines(docker, container, (line, stream) => vnf.onLine(line, stream));
      void vnf.follower.ended.then(() => vnf.onEnd());
      vnf.own.add(`log stream of ${vnf.name}`, async () => vnf.follower?.close());
      phase = "attach";
      vnf.hostIfnames = await attachVnf(vnf.pid, options.bridge, { in: options.inPort, out: options.outPort }, vnf.own);
      vnf.paths = await cgroupPaths(vnf.pid);
      const t3 = performance.now();
      phase = "ready";
      await vnf.waitForReport((r) => r.gnf === "ready", options.readyTimeoutMs ?? 15_000);
      const t4 = performance.now();
      vnf.timings = { createMs: t1 - t0, startMs: t2 - t1, attachMs: t3 - t2, readyMs: t4 - t3, totalMs: t4 - t0 };
      return vnf;
    } catch (err) {
      await vnf.drainOutput();
      const undo = await vnf.remove().then(
        () => "",
        (e: Error) => `\n(undoing the start failed too: ${e.message})`,
      );
      const message = (err as Error).message;
      const reported = vnf.reports.find((r) => r.gnf === "error");
      const because = reported?.gnf === "error" && !message.includes(reported.message) ? `\nthe vNF reported an error: ${reported.message}` : "";
      const output = vnf.text.trim();
      throw new Error(`vNF ${vnf.name} (${image}) failed at ${phase}: ${message}${because}${undo}${output ? `\n--- its output ---\n${output}` : ""}`, { cause: err });
    }
  }

  /** Raw output (stdout and stderr lines, reports included). */
  get output(): string {
    return this.text;
  }

  /** Calls `listener` on every report from now on; returns the unsubscribe function. */
  onReport(listener: (r: VnfReport) => void): () => void {
    const wrapped = (r: VnfReport | null): void => {
      if (r) listener(r);
    };
    this.listeners.add(wrapped);
    return () => this.listeners.delete(wrapped);
  }

  /**
   * The first report (already received or future) that satisfies `match`. Rejects on an error
   * report, when the container's output ends, or after `timeoutMs`.
   */
  waitForReport(match: (r: VnfReport) => boolean, timeoutMs: number, from = 0): Promise<VnfReport> {
    const seen = this.reports.slice(from).find(match);
    if (seen) return Promise.resolve(seen);
    const error = this.reports.find((r) => r.gnf === "error");
    if (error?.gnf === "error") return Promise.reject(new Error(`the vNF reported an error: ${error.message}`));
    if (this.ended) return Promise.reject(new Error("the vNF's output ended (the container exited)"));
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no matching report within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (r: VnfReport | null): void => {
        if (r === null) {
          done();
          reject(new Error("the vNF's output ended (the container exited)"));
        } else if (match(r)) {
          done();
          resolve(r);
        } else if (r.gnf === "error") {
          done();
          reject(new Error(`the vNF reported an error: ${r.message}`));
        }
      };
      this.listeners.add(listener);
    });
  }

  /** The reports as an async stream: those already received, then new ones until the container's output ends. */
  async *stream(): AsyncGenerator<VnfReport> {
    let next = 0;
    for (;;) {
      while (next < this.reports.length) yield this.reports[next++] as VnfReport;
      if (this.ended) return;
      await new Promise<void>((resolve) => {
        const listener = (): void => {
          this.listeners.delete(listener);
          resolve();
        };
        this.listeners.add(listener);
      });
    }
  }

  /** Memory and CPU of the container now (cgroup v1). */
  resources(): Promise<ContainerResources> {
    if (!this.paths) return Promise.reject(new Error(`vNF ${this.name} is not running`));
    return readResources(this.paths);
  }

  /** Whether the container still runs, and if not how it ended (Docker's view; `oomKilled`: the kernel's OOM killer ended a process of it). */
  async state(): Promise<{ running: boolean; oomKilled: boolean; exitCode: number | null }> {
    const s = (await this.docker.getContainer(this.id).inspect()).State;
    return { running: s.Running, oomKilled: s.OOMKilled, exitCode: s.Running ? null : s.ExitCode };
  }

  /** Runs a command inside the container (docker exec); resolves with its exit code and output. */
  async exec(cmd: readonly string[]): Promise<{ exitCode: number; output: string }> {
    const container = this.docker.getContainer(this.id);
    const exec = await container.exec({ Cmd: [...cmd], AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({});
    const sink = new PassThrough();
    let output = "";
    sink.setEncoding("utf8").on("data", (s: string) => (output += s));
    this.docker.modem.demuxStream(stream, sink, sink);
    await new Promise<void>((resolve) => {
      stream.once("end", resolve);
      stream.once("close", resolve);
    });
    const { ExitCode } = await exec.inspect();
    return { exitCode: ExitCode ?? -1, output };
  }

  /**
   * Asks the vNF to run `command args…` (troubleshoot: ping, traceroute, tcpdump) and resolves
   * with the measurement that answers it. Rejects if the vNF refuses it or does not answer.
   */
  async request(command: string, args: readonly string[], timeoutMs = 15_000): Promise<VnfMeasurement> {
    if (!vnfImageInfo(this.kind).requests) throw new Error(`vNF ${this.name} (${this.kind}) takes no requests; gnf/troubleshoot does`);
    const id = `r${++this.requestCounter}`;
    const from = this.reports.length;
    const { exitCode, output } = await this.exec(["/bin/sh", "/gnf/request.sh", id, command, ...args]);
    if (exitCode !== 0) throw new Error(`vNF ${this.name} refused request ${command}: ${output.trim()}`);
    const answer = await this.waitForReport((r) => r.gnf === "measurement" && r.request === id, timeoutMs, from).catch((err: Error) => {
      throw new Error(`vNF ${this.name}: request ${id} (${command} ${args.join(" ")}): ${err.message}`);
    });
    if (answer.gnf === "measurement" && answer.kind === "request-failed") throw new Error(`vNF ${this.name}: request ${command} failed: ${String(answer.data?.["message"])}`);
    return answer as VnfMeasurement;
  }

  /**
   * Stops the container (SIGTERM through docker-init, SIGKILL after `graceS` s); resolves with the
   * time it took, ms. The kernel frees its network namespace (and the bridge inside, which
   * forwards without any process) asynchronously, up to seconds later; `remove()` cuts the veths
   * at once.
   */
  async stop(graceS = 2): Promise<number> {
    const t0 = performance.now();
    await this.docker
      .getContainer(this.id)
      .stop({ t: graceS })
      .catch((err: { statusCode?: number }) => {
        if (err.statusCode !== 304) throw err; // 304: already stopped
      });
    return performance.now() - t0;
  }

  /** Removes everything: OVS ports, veths, the container. Idempotent. */
  async remove(): Promise<void> {
    await this.own.teardown();
    this.paths = undefined;
  }

  /** If the container has exited, waits (at most 2 s) until its last output lines have arrived. */
  private async drainOutput(): Promise<void> {
    if (!this.follower || this.id === "") return;
    const state = await this.docker.getContainer(this.id).inspect().then((i) => i.State, () => null);
    if (state?.Running) return;
    await Promise.race([this.follower.ended, new Promise((r) => setTimeout(r, 2000))]);
  }

  private onLine(line: string, stream: "stdout" | "stderr"): void {
    this.text += `${stream === "stderr" ? "! " : ""}${line}\n`;
    if (stream !== "stdout") return;
    const report = parseReport(line);
    if (!report) return;
    this.reports.push(report);
    for (const l of [...this.listeners]) l(report);
  }

  private onEnd(): void {
    this.ended = true;
    for (const l of [...this.listeners]) l(null);
  }
}

async function removeContainer(container: Dockerode.Container): Promise<void> {
  try {
    await container.remove({ force: true });
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode !== 404) throw err;
  }
}
