/**
 * The delay relay in real namespaces: h1 ── relay ── h2 (DelayLink). A configured one-way delay
 * shows up in ping RTTs (twice), 0 ms adds little, TCP connects and runs through it, tbf on the
 * relay's interfaces limits the rate, failures to start are errors, and nothing is left behind.
 * Skips with the reason when the machine cannot run it, unless GNF_REQUIRE_EMULATION=1.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { labRequired } from "../lab/availability.ts";
import { leftovers } from "../lab/leftovers.ts";
import { labName } from "../lab/names.ts";
import { Namespace } from "../lab/namespace.ts";
import { LabProcess } from "../lab/process.ts";
import { Teardown } from "../lab/teardown.ts";
import { VethPair } from "../lab/veth.ts";
import { relayLabStatus } from "./availability.ts";
import { buildRelay } from "./build.ts";
import { DelayLink } from "./delay-link.ts";
import { DelayRelay, DelayRelayError } from "./delay-relay.ts";
import { parseIperf3, parsePing, processCpuSeconds, type PingStats } from "./measure.ts";
import type { RelayReport } from "./delay-relay.ts";
import type { RateLimit } from "./rate-limit.ts";

const status = await relayLabStatus();
if (!status.ok && !labRequired()) console.warn(`skipping delay relay tests: ${status.reason}`);

const H1 = "10.77.0.1";
const H2 = "10.77.0.2";

/** Debian's interpreter: starts fast (the first python3 on PATH may be a slow shim). */
const SYSTEM_PYTHON = "/usr/bin/python3";

/** Sends one 802.1Q frame (TCI 0x2064: priority 1, VLAN 100; EtherType 0x88b5) out of argv[1]. */
const VLAN_SENDER = `
import socket, struct, sys
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind((sys.argv[1], 0))
s.send(b"\\xff" * 6 + bytes.fromhex("020000000001") + struct.pack("!HHH", 0x8100, 0x2064, 0x88b5) + b"gnf-vlan-test".ljust(46, b"\\0"))
`;

/** Prints the VLAN tag (from PACKET_AUXDATA) and payload of the first EtherType 0x88b5 frame on argv[1]. */
const VLAN_RECEIVER = `
import json, socket, struct, sys
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
s.bind((sys.argv[1], 0))
s.setsockopt(263, 8, 1)  # SOL_PACKET, PACKET_AUXDATA
s.settimeout(4)
print("listening", flush=True)
while True:
    data, anc, _flags, addr = s.recvmsg(2048, 1024)
    if addr[2] == socket.PACKET_OUTGOING or data[12:14] != b"\\x88\\xb5":
        continue
    for level, kind, value in anc:
        if level == 263 and kind == 8:
            status, _len, _snap, _mac, _net, tci, tpid = struct.unpack("IIIHHHH", value[:20])
            print(json.dumps({"tpid": tpid, "tci": tci, "payload": data[14:27].decode()}))
            sys.exit(0)
    print(json.dumps({"tpid": None, "tci": None, "payload": data[14:27].decode()}))
    sys.exit(0)
`;

interface Bed {
  t: Teardown;
  h1: Namespace;
  h2: Namespace;
  link: DelayLink;
}

async function bed(delayMs: number, rate?: RateLimit): Promise<Bed> {
  if (!status.ok) throw new Error(`GNF_REQUIRE_EMULATION=1 but the delay relay cannot run here: ${status.reason}`);
  const t = new Teardown();
  try {
    const h1 = await Namespace.create(labName("h"), t);
    const h2 = await Namespace.create(labName("h"), t);
    const link = await DelayLink.create(t, { a: { ns: h1, cidr: `${H1}/24` }, b: { ns: h2, cidr: `${H2}/24` }, delayMs, rate });
    return { t, h1, h2, link };
  } catch (err) {
    await t.teardown().catch(() => undefined);
    throw err;
  }
}

/** One warm-up ping (ARP), then `count` pings 20 ms apart. */
async function pingStats(from: Namespace, to: string, count: number): Promise<PingStats> {
  await from.exec("ping", ["-c", "1", "-W", "2", to]);
  return parsePing((await from.exec("ping", ["-c", String(count), "-i", "0.02", "-W", "2", to], { timeoutMs: 20_000 })).stdout);
}

/** iperf3 TCP from h1 to h2 for `seconds`; resolves with goodput (bit/s) and the relay's CPU share (1 = one core). */
async function iperf(b: Bed, seconds: number): Promise<{ bps: number; relayCpu: number }> {
  const server = LabProcess.start(b.t, "iperf3", ["-s", "-1", "-B", H2, "--forceflush"], b.h2);
  for (let i = 0; i < 200 && !server.stdout.includes("Server listening"); i++) await new Promise((r) => setTimeout(r, 10));
  const cpu0 = await processCpuSeconds(b.link.relay.pid);
  const t0 = performance.now();
  const { stdout } = await b.h1.exec("iperf3", ["-c", H2, "-t", String(seconds), "-J"], { timeoutMs: (seconds + 15) * 1000 });
  const relayCpu = (await processCpuSeconds(b.link.relay.pid)) - cpu0;
  const elapsed = (performance.now() - t0) / 1000;
  await server.wait();
  return { bps: parseIperf3(stdout), relayCpu: relayCpu / elapsed };
}

/** True if `pid` has exited (a zombie counts: an orphan's new parent, PID 1 here, may never reap it). */
/** Every frame the relay queued was sent, dropped by the qdisc, failed, or was still queued. */
function expectAccounted(report: RelayReport): void {
  for (const c of [report.aToB, report.bToA]) expect(c.rx).toBe(c.tx + c.txDropped + c.txErrors + c.pending);
}

function gone(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.startsWith("Z") ?? true;
  } catch {
    return true;
  }
}

describe.runIf(status.ok || labRequired()).sequential("delay relay", () => {
  afterEach(async () => {
    expect(await leftovers()).toEqual([]);
  });

  it("builds once: a second build with an unchanged source reuses the binary", async () => {
    const path = await buildRelay();
    const before = (await stat(path)).mtimeMs;
    expect(await buildRelay()).toBe(path);
    expect((await stat(path)).mtimeMs).toBe(before);
  }, 60_000);

  it("10 ms one-way gives a ping RTT of about 20 ms, through the relay in both directions", async () => {
    const b = await bed(10);
    try {
      expect([b.link.relay.delayMs, b.link.relay.scheduling]).toEqual([10, "fifo:1"]);
      const ping = await pingStats(b.h1, H2, 20);
      console.log(`relay 10 ms: RTT min/median/avg/max ${ping.minMs}/${ping.medianMs}/${ping.avgMs}/${ping.maxMs} ms`);
      expect(ping.received).toBe(20);
      expect(ping.minMs).toBeGreaterThanOrEqual(20);
      // The median, not the mean: on a shared 2-core machine a few replies can wait for a CPU.
      expect(ping.medianMs).toBeLessThan(22.5);
      const report = await b.link.relay.stop();
      // 21 echo requests one way, 21 replies the other (plus ARP): every ping crossed the relay.
      expect(report.aToB.tx).toBeGreaterThanOrEqual(21);
      expect(report.bToA.tx).toBeGreaterThanOrEqual(21);
      expect(report.aToB.oversize + report.bToA.oversize + report.aToB.queueDrops + report.bToA.queueDrops).toBe(0);
    } finally {
      await b.t.teardown();
    }
  }, 30_000);

  it("0 ms adds little: median RTT well under a millisecond", async () => {
    const b = await bed(0);
    try {
      const ping = await pingStats(b.h1, H2, 20);
      console.log(`relay 0 ms: RTT min/median/avg/max ${ping.minMs}/${ping.medianMs}/${ping.avgMs}/${ping.maxMs} ms`);
      expect(ping.received).toBe(20);
      expect(ping.medianMs).toBeLessThan(1);
    } finally {
      await b.t.teardown();
    }
  }, 30_000);

  it("TCP connects and runs through a 1 ms relay (checksum offload off on every veth end)", async () => {
    const b = await bed(1);
    try {
      const { bps, relayCpu } = await iperf(b, 2);
      console.log(`relay 1 ms: TCP ${(bps / 1e6).toFixed(0)} Mbit/s, relay CPU ${(relayCpu * 100).toFixed(0)}% of a core`);
      expect(bps).toBeGreaterThan(100e6);
      const report = await b.link.relay.stop();
      expect(report.aToB.oversize).toBe(0);
      expect(report.aToB.tx).toBeGreaterThan(10_000);
      expectAccounted(report);
    } finally {
      await b.t.teardown();
    }
  }, 40_000);

  it("a 20 Mbit/s tbf on the relay's interfaces limits TCP to about 20 Mbit/s", async () => {
    const b = await bed(2, { rateMbit: 20 });
    try {
      const { bps } = await iperf(b, 2);
      console.log(`relay 2 ms + tbf 20 Mbit/s: TCP ${(bps / 1e6).toFixed(1)} Mbit/s`);
      expect(bps).toBeGreaterThan(12e6);
      expect(bps).toBeLessThan(21e6);
      const report = await b.link.relay.stop();
      console.log(`relay 2 ms + tbf 20 Mbit/s: frames dropped by tbf ${report.aToB.txDropped} of ${report.aToB.rx}`);
      expectAccounted(report);
    } finally {
      await b.t.teardown();
    }
  }, 40_000);

  it("VLAN-tagged frames cross with their tag (the kernel strips it on receive; the relay puts it back)", async () => {
    // No 8021q module here: the tagged frame is written and read with AF_PACKET sockets (Python).
    const b = await bed(1);
    try {
      const receiver = LabProcess.start(b.t, SYSTEM_PYTHON, ["-c", VLAN_RECEIVER, b.link.bIf], b.h2);
      for (let i = 0; i < 300 && !receiver.stdout.includes("listening"); i++) await new Promise((r) => setTimeout(r, 10));
      await b.h1.exec(SYSTEM_PYTHON, ["-c", VLAN_SENDER, b.link.aIf]);
      const code = await Promise.race([receiver.wait(), new Promise((r) => setTimeout(() => r("timeout"), 5000))]);
      expect([code, receiver.stderr]).toEqual([0, ""]);
      expect(JSON.parse(receiver.stdout.trim().split("\n").at(-1) as string)).toEqual({ tpid: 0x8100, tci: 0x2064, payload: "gnf-vlan-test" });
      const report = await b.link.relay.stop();
      expect(report.aToB.vlanRestored).toBe(1);
    } finally {
      await b.t.teardown();
    }
  }, 30_000);

  it("fails with a clear error when the delay cannot be applied, leaving nothing running", async () => {
    if (!status.ok) throw new Error(status.reason);
    const t = new Teardown();
    try {
      const ns = await Namespace.create(labName("r"), t);
      const err = await DelayRelay.start(t, { ns, ifA: "nope0", ifB: "nope1", delayMs: 5 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DelayRelayError);
      expect((err as Error).message).toBe(`delay relay nope0<->nope1 (5 ms) in namespace ${ns.name} did not start: no interface nope0 in this network namespace: No such device`);
      await expect(DelayRelay.start(t, { ns, ifA: "a", ifB: "b", delayMs: -1 })).rejects.toThrow("delay relay a<->b: delayMs must be a number in [0, 60000], got -1");
      await expect(DelayRelay.start(t, { ns: { pid: 999_999_999 }, ifA: "a", ifB: "b", delayMs: 1 })).rejects.toThrow(/delay relay a<->b \(1 ms\) in the network namespace of pid 999999999 did not start: nsenter/);
    } finally {
      await t.teardown();
    }
  }, 30_000);

  it("SIGTERM stops it with its counters, and it dies with its parent (no orphan relay)", async () => {
    if (!status.ok) throw new Error(status.reason);
    const t = new Teardown();
    try {
      const ns = await Namespace.create(labName("r"), t);
      const [a, b] = [labName("a"), labName("b")];
      await VethPair.create(a, b, t);
      for (const i of [a, b]) {
        await VethPair.moveTo(i, ns);
        await ns.configure(i);
      }
      const relay = await DelayRelay.start(t, { ns, ifA: a, ifB: b, delayMs: 3, queueLimit: 100, realtimePriority: null });
      expect([relay.queueLimit, relay.scheduling]).toEqual([100, "other"]);
      const report = await relay.stop();
      expect(report.aToB).toMatchObject({ queueDrops: 0, oversize: 0, pending: 0 });
      expect(gone(relay.pid)).toBe(true);

      // A shell starts the relay in the background and is killed with SIGKILL: the relay must follow.
      const binary = await buildRelay();
      const shell = spawn("ip", ["netns", "exec", ns.name, "bash", "-c", `"$0" -a ${a} -b ${b} -d 0 & sleep 0.3; echo $!; kill -9 $$`, binary], { stdio: ["ignore", "pipe", "inherit"] });
      const orphan = await new Promise<number>((resolve) => {
        let text = "";
        shell.stdout.setEncoding("utf8").on("data", (s: string) => {
          text += s;
          const pid = /^(\d+)$/m.exec(text)?.[1]; // the relay shares stdout: its ready line comes first
          if (pid) resolve(Number(pid));
        });
      });
      for (let i = 0; i < 100 && !gone(orphan); i++) await new Promise((r) => setTimeout(r, 10));
      expect(gone(orphan)).toBe(true);
    } finally {
      await t.teardown();
    }
  }, 30_000);
});
