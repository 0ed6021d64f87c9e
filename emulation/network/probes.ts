/**
 * Traffic probes of the emulation (`probe.py`): every UE host sends each scenario flow as
 * numbered, timestamped packets with the flow's headers (protocol, destination port, packet size
 * up to 1200 bytes), at the flow's mean packet rate capped at `maxPps` (default 50/s: the 2 shared
 * cores cannot generate the scenarios' full bit rates); a sink on each destination's server host
 * logs every packet it receives. Receive − send time (CLOCK_MONOTONIC, shared by all namespaces) is
 * the one-way latency; sent − received is the loss. Processes are started in the Mininet hosts and
 * stopped by PID; their logs live in a temporary folder removed at teardown.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Flow } from "../../deployment/traffic/flow-config.ts";
import { meanPacketRate } from "../../deployment/traffic/rates.ts";
import type { Teardown } from "../lab/teardown.ts";
import type { EmuNetwork } from "./emu-network.ts";

export const PROBE_SCRIPT = new URL("./probe.py", import.meta.url).pathname;
const PYTHON = "/usr/bin/python3";

/** One received probe packet. */
export interface ProbeRecord {
  ue: string;
  flow: number;
  seq: number;
  /** Send and receive times, CLOCK_MONOTONIC ns. */
  sent: number;
  recv: number;
}

export interface ProbeFlow {
  flow: number;
  dst: string;
  proto: "tcp" | "udp";
  port: number;
  pps: number;
  bytes: number;
  label: string;
  start: number;
  stop?: number;
}

/** The probe flows of a UE for the scenario's traffic (flows without a TCP/UDP port get UDP 9, discard). */
export function probeFlows(traffic: readonly Flow[], serverIp: (destination: string) => string, maxPps = 50, offsetS = 0): ProbeFlow[] {
  return traffic.map((f, i) => {
    const h = f.headers as Record<string, unknown>;
    const tcp = h["ip_proto"] === 6 || h["tcp_dst"] !== undefined;
    const port = Number(tcp ? (h["tcp_dst"] ?? 80) : (h["udp_dst"] ?? 9));
    return {
      flow: i,
      dst: serverIp(f.destination),
      proto: tcp ? "tcp" : "udp",
      port,
      pps: Math.max(1, Math.min(maxPps, meanPacketRate(f))),
      bytes: Math.max(64, Math.min(1200, f.packetBytes)),
      label: f.label ?? `flow${i}`,
      start: Math.max(0, f.startS - offsetS),
      ...(f.stopS === undefined ? {} : { stop: Math.max(0, f.stopS - offsetS) }),
    };
  });
}

export class TrafficProbes {
  private readonly dir: string;
  private readonly sinkLogs: string[] = [];
  private readonly senderLogs = new Map<string, string>();
  private readonly offsets = new Map<string, number>();
  private readonly partial = new Map<string, string>();
  private readonly senderPids: number[] = [];
  private readonly sinkPids: number[] = [];

  private constructor(
    private readonly net: EmuNetwork,
    teardown: Teardown,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), "gnf-probes-"));
    teardown.add(`probe logs ${this.dir}`, async () => rmSync(this.dir, { recursive: true, force: true }));
  }

  /**
   * Starts a sink on every server host that receives flows and a sender in every UE host.
   * `flows` per UE id.
   */
  static async start(net: EmuNetwork, teardown: Teardown, flows: ReadonlyMap<string, ProbeFlow[]>): Promise<TrafficProbes> {
    const probes = new TrafficProbes(net, teardown);
    const perServer = new Map<string, { tcp: Set<number>; udp: Set<number> }>();
    const byIp = new Map(net.plan.hosts.filter((h) => h.kind === "server").map((h) => [h.ip, h.id]));
    for (const list of flows.values()) {
      for (const f of list) {
        const server = byIp.get(f.dst);
        if (server === undefined) throw new Error(`probe flow ${f.flow}: no server host with address ${f.dst}`);
        const p = perServer.get(server) ?? { tcp: new Set(), udp: new Set() };
        p[f.proto].add(f.port);
        perServer.set(server, p);
      }
    }
    const list = (s: Set<number>): string => (s.size === 0 ? "-" : [...s].join(","));
    for (const [server, p] of perServer) {
      const log = join(probes.dir, `sink-${server.replace(/[^a-z0-9-]/gi, "_")}.jsonl`);
      probes.sinkLogs.push(log);
      const pid = await net.spawn(server, [PYTHON, PROBE_SCRIPT, "sink", list(p.tcp), list(p.udp)], { logFile: log });
      teardown.addProcess(`probe sink in ${server}`, pid);
      probes.sinkPids.push(pid);
      await probes.waitFor(log, '"ready"', 5000);
    }
    for (const [ue, fl] of flows) {
      const log = join(probes.dir, `send-${ue}.jsonl`);
      probes.senderLogs.set(ue, log);
      const pid = await net.spawn(ue, [PYTHON, PROBE_SCRIPT, "send", ue, JSON.stringify(fl)], { logFile: log });
      teardown.addProcess(`probe sender in ${ue}`, pid);
      probes.senderPids.push(pid);
    }
    return probes;
  }

  /** Stops the senders (they print their final counts), waits `drainMs` for packets in flight, stops the sinks. */
  async stop(drainMs = 300): Promise<void> {
    for (const pid of this.senderPids.splice(0)) await this.net.mininet.kill(pid, 1000).catch(() => undefined);
    await new Promise((r) => setTimeout(r, drainMs));
    for (const pid of this.sinkPids.splice(0)) await this.net.mininet.kill(pid, 1000).catch(() => undefined);
  }

  /** Probe packets received since the last call. */
  readNew(): ProbeRecord[] {
    const out: ProbeRecord[] = [];
    for (const log of this.sinkLogs) {
      let text: string;
      try {
        text = readFileSync(log, "utf8");
      } catch {
        continue;
      }
      const from = this.offsets.get(log) ?? 0;
      const chunk = (this.partial.get(log) ?? "") + text.slice(from);
      this.offsets.set(log, text.length);
      const lines = chunk.split("\n");
      this.partial.set(log, lines.pop() ?? "");
      for (const line of lines) {
        if (!line.startsWith('{"ue"')) continue;
        try {
          out.push(JSON.parse(line) as ProbeRecord);
        } catch {
          // a line cut by a crash: ignored
        }
      }
    }
    return out;
  }

  /** Packets each UE's sender reported sending, per flow (its last report). */
  sent(): Map<string, Map<number, number>> {
    const out = new Map<string, Map<number, number>>();
    for (const [ue, log] of this.senderLogs) {
      let last: Record<string, number> = {};
      try {
        for (const line of readFileSync(log, "utf8").split("\n")) if (line.startsWith('{"sent"')) last = (JSON.parse(line) as { sent: Record<string, number> }).sent;
      } catch {
        // no report yet
      }
      out.set(ue, new Map(Object.entries(last).map(([f, n]) => [Number(f), n])));
    }
    return out;
  }

  private async waitFor(log: string, text: string, timeoutMs: number): Promise<void> {
    const until = performance.now() + timeoutMs;
    for (;;) {
      try {
        if (readFileSync(log, "utf8").includes(text)) return;
      } catch {
        // not created yet
      }
      if (performance.now() > until) throw new Error(`probe process did not start within ${timeoutMs} ms (log ${log})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
