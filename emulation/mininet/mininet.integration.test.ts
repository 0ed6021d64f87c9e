/**
 * Mininet through the JSON-lines driver against our OpenFlow controller:
 *
 *   h1 ─1─ s1 ─10───10─ s2 ─1─ h3 (10 Mbit/s)
 *   h2 ─(5 ms relay)─2─ s1
 *
 * Flows are plain L2 forwarding by eth_dst, installed with our codec. Checks: the switches
 * connect with their datapath ids and requested port numbers, pings cross both switches, the
 * delayed link shows its delay, `bw` limits TCP, Mininet's errors are exceptions, background
 * processes die by PID, hosts (also the delayed one) move between switches and keep working once
 * flows follow, and stop leaves nothing. Skips with the reason when there is no Mininet lab,
 * unless GNF_REQUIRE_EMULATION=1.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { PortNo } from "../../openflow/constants.ts";
import type { SwitchConnection } from "../../openflow/controller/connection.ts";
import { Controller } from "../../openflow/controller/server.ts";
import { barrier, flowAdd } from "../../openflow/steering/flow-mods.ts";
import { labRequired } from "../lab/availability.ts";
import { leftovers } from "../lab/leftovers.ts";
import { RUN_PREFIX } from "../lab/names.ts";
import { Teardown } from "../lab/teardown.ts";
import { parseIperf3, parsePing, type PingStats } from "../relay/measure.ts";
import { mininetLabStatus } from "./availability.ts";
import { MininetError } from "./errors.ts";
import { MininetNet } from "./net.ts";

const status = await mininetLabStatus();
if (!status.ok && !labRequired()) console.warn(`skipping Mininet driver tests: ${status.reason}`);

const MAC = { h1: "02:00:00:00:01:01", h2: "02:00:00:00:01:02", h3: "02:00:00:00:01:03", h4: "02:00:00:00:01:04" };
const IP = { h1: "10.78.0.1", h2: "10.78.0.2", h3: "10.78.0.3", h4: "10.78.0.4" };
const TRUNK = 10;
const COOKIE = 0x4d4en;

/** True if `pid` no longer runs (a zombie counts as gone). */
function gone(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.startsWith("Z") ?? true;
  } catch {
    return true;
  }
}

/** L2 forwarding: each MAC to its port, broadcast flooded (the topology is a tree). */
async function l2(sw: SwitchConnection, ports: Partial<Record<keyof typeof MAC, number>>): Promise<void> {
  await sw.sendBatch([
    ...Object.entries(ports).map(([host, port]) => flowAdd(COOKIE, 10, [{ field: "eth_dst", value: MAC[host as keyof typeof MAC] }], port as number)),
    flowAdd(COOKIE, 5, [{ field: "eth_dst", value: "ff:ff:ff:ff:ff:ff" }], PortNo.FLOOD),
    barrier(),
  ]);
}

describe.runIf(status.ok || labRequired()).sequential("Mininet driver", () => {
  const teardown = new Teardown();
  let controller: Controller;
  let net: MininetNet;
  const name = { h1: "", h2: "", h3: "", s1: "", s2: "", h4: "" };
  const dpid = { s1: (BigInt(process.pid) << 16n) | 0x51n, s2: (BigInt(process.pid) << 16n) | 0x52n };
  let sw1: SwitchConnection;
  let sw2: SwitchConnection;
  const spawned: number[] = [];

  /** `count` pings 20 ms apart (after one warm-up ping unless `warmUp` is false: ARP would add an RTT). */
  async function ping(from: string, to: string, count: number, warmUp = true): Promise<PingStats> {
    if (warmUp) await net.exec(from, ["ping", "-c", "1", "-W", "1", to]);
    const r = await net.exec(from, ["ping", "-c", String(count), "-i", "0.02", "-W", "1", to], { timeoutMs: 20_000 });
    return parsePing(r.stdout);
  }

  beforeAll(async () => {
    if (!status.ok) throw new Error(`GNF_REQUIRE_EMULATION=1 but the Mininet lab is missing: ${status.reason}`);
    const t0 = performance.now();
    controller = new Controller({ port: 0, echoIntervalMs: 1000, deadAfterMs: 10_000 });
    await controller.listen();
    teardown.add("controller", () => controller.close());
    net = await MininetNet.start(teardown);
    name.s1 = await net.addSwitch("s", { dpid: dpid.s1, controllerPort: controller.port });
    name.s2 = await net.addSwitch("s", { dpid: dpid.s2, controllerPort: controller.port });
    name.h1 = await net.addHost("h", { ip: `${IP.h1}/24`, mac: MAC.h1 });
    name.h2 = await net.addHost("h", { ip: `${IP.h2}/24`, mac: MAC.h2 });
    name.h3 = await net.addHost("h", { ip: `${IP.h3}/24`, mac: MAC.h3 });
    await net.addLink(name.h1, name.s1, { port2: 1 });
    await net.addLink(name.h2, name.s1, { port2: 2, delayMs: 5 });
    await net.addLink(name.h3, name.s2, { port2: 1, bwMbit: 10 });
    await net.addLink(name.s1, name.s2, { port1: TRUNK, port2: TRUNK });
    await net.start();
    [sw1, sw2] = await Promise.all([controller.waitForSwitch(dpid.s1, 20_000), controller.waitForSwitch(dpid.s2, 20_000)]);
    await l2(sw1, { h1: 1, h2: 2, h3: TRUNK });
    await l2(sw2, { h1: TRUNK, h2: TRUNK, h3: 1 });
    console.log(`Mininet test topology (2 switches, 3 hosts, 1 relay, 4 links) built, connected and flows installed in ${(performance.now() - t0).toFixed(0)} ms`);
  }, 90_000);

  afterAll(async () => {
    await teardown.teardown();
    expect(await leftovers()).toEqual([]);
  }, 90_000);

  it("switches connect to our controller with their datapath ids; ports and names are as requested", async () => {
    expect([sw1.datapathId, sw2.datapathId]).toEqual([dpid.s1, dpid.s2]);
    const s1 = await net.nodeInfo(name.s1);
    expect(s1.dpid).toBe(dpid.s1);
    expect(s1.intfs.map((i) => [i.name, i.ofport])).toEqual([
      [`${name.s1}-eth1`, 1],
      [`${name.s1}-eth2`, 2],
      [`${name.s1}-eth${TRUNK}`, TRUNK],
    ]);
    const h1 = await net.nodeInfo(name.h1);
    expect(h1.intfs).toEqual([{ name: `${name.h1}-eth0`, port: 0, mac: MAC.h1, ip: IP.h1 }]);
    for (const n of Object.values(name).filter((x) => x !== "")) expect(n.startsWith(RUN_PREFIX)).toBe(true);
    const [relay] = [...net.relays.values()];
    expect(relay?.delayMs).toBe(5);
  });

  it("ping crosses both switches; the 5 ms link adds about 10 ms of RTT", async () => {
    const direct = await ping(name.h1, IP.h3, 30);
    const delayed = await ping(name.h1, IP.h2, 30);
    console.log(`Mininet ping h1→h3 ${direct.minMs}/${direct.medianMs}/${direct.avgMs} ms, h1→h2 (5 ms link) ${delayed.minMs}/${delayed.medianMs}/${delayed.avgMs} ms (min/median/avg)`);
    expect([direct.received, delayed.received]).toEqual([30, 30]);
    // Userspace OVS on a busy shared machine has millisecond outliers: the minimum shows what the
    // link adds, the median that most replies see it.
    expect(delayed.minMs).toBeGreaterThanOrEqual(10);
    expect(delayed.minMs - direct.minMs).toBeLessThan(11.5);
    // Loose: these only catch a wrong delay (units, doubled), not scheduling noise of other tests.
    expect(direct.medianMs).toBeLessThan(5);
    expect(delayed.medianMs).toBeLessThan(16);
  }, 30_000);

  it("bw = 10 Mbit/s limits TCP to about 10 Mbit/s", async () => {
    const server = await net.spawn(name.h3, ["iperf3", "-s", "-1", "-B", IP.h3]);
    spawned.push(server);
    await new Promise((r) => setTimeout(r, 300));
    const r = await net.exec(name.h1, ["iperf3", "-c", IP.h3, "-t", "2", "-J"], { timeoutMs: 20_000 });
    const bps = parseIperf3(r.stdout);
    console.log(`Mininet TCP h1→h3 through bw=10: ${(bps / 1e6).toFixed(2)} Mbit/s`);
    expect(bps).toBeGreaterThan(6e6);
    expect(bps).toBeLessThan(10.5e6);
  }, 30_000);

  it("a background process runs in the host and is killed by its PID", async () => {
    const pid = await net.spawn(name.h1, ["sleep", "60"]);
    spawned.push(pid);
    // The PID is the program's own: mnexec enters h1's namespace and execs it.
    const comm = (): string => readFileSync(`/proc/${pid}/comm`, "utf8").trim();
    for (let i = 0; i < 100 && comm() === "mnexec"; i++) await new Promise((r) => setTimeout(r, 10));
    expect(comm()).toBe("sleep");
    // It runs in h1's network namespace, not ours.
    expect(readFileSync(`/proc/${pid}/net/dev`, "utf8")).toContain(`${name.h1}-eth0`);
    expect(await net.kill(pid)).toBe(-15);
    expect(gone(pid)).toBe(true);
    await expect(net.kill(pid)).rejects.toThrow(`mininet kill: pid ${pid} was not started by this driver (or already killed)`);
  }, 30_000);

  it("Mininet's and the driver's errors are exceptions with their message", async () => {
    await expect(net.addLink(name.h1, name.s2, { bwMbit: 5000 })).rejects.toThrow(/bwMbit must be in \(0, 1000\]/);
    await expect(net.addLink(name.h1, "nosuch")).rejects.toThrow(/no node named 'nosuch'/);
    await expect(net.addLink(name.h1, name.s1, { port2: 1 })).rejects.toThrow(`mininet addLink: ${name.s1}: port 1 is already used by ${name.s1}-eth1`);
    const err = await net.exec(name.h1, ["sleep", "5"], { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MininetError);
    expect((err as Error).message).toBe(`mininet exec: \`sleep 5\` in ${name.h1} timed out after 200 ms`);
    const failed = await net.exec(name.h1, ["ping", "-c", "1", "-W", "1", "10.78.9.9"]);
    expect(failed.exitCode).not.toBe(0);
  }, 30_000);

  it("a host added to the running network gets its address and a port on the running switch", async () => {
    name.h4 = await net.addHost("h", { ip: `${IP.h4}/24`, mac: MAC.h4 });
    const link = await net.addLink(name.h4, name.s2, { port2: 4 });
    expect(await net.ofport(name.s2, link.intf2)).toBe(4);
    await l2(sw2, { h4: 4 });
    await l2(sw1, { h4: TRUNK });
    expect((await ping(name.h4, IP.h3, 3)).received).toBe(3);
    expect((await ping(name.h4, IP.h2, 3)).minMs).toBeGreaterThanOrEqual(10);
  }, 30_000);

  it("moves h1 from s1 to s2 (handover): it keeps its interface, MAC and IP, and pings once flows follow", async () => {
    const move = await net.moveHost(name.h1, name.s1, name.s2, { port: 2 });
    console.log(`Mininet handover h1 s1→s2: ${move.elapsedMs.toFixed(0)} ms (driver ${move.driverMs.toFixed(0)} ms: ${JSON.stringify(move.steps)})`);
    expect([move.intf, move.switchIntf, move.ofport]).toEqual([`${name.h1}-eth0`, `${name.s2}-eth2`, 2]);
    expect((await net.nodeInfo(name.h1)).intfs).toEqual([{ name: `${name.h1}-eth0`, port: 0, mac: MAC.h1, ip: IP.h1 }]);
    expect((await net.nodeInfo(name.s1)).intfs.map((i) => i.name)).not.toContain(`${name.s1}-eth1`);
    // The old flows still send h1's traffic to s1 port 1, which is gone.
    expect((await ping(name.h3, IP.h1, 2, false)).received).toBe(0);
    const t0 = performance.now();
    await l2(sw1, { h1: TRUNK, h2: 2, h3: TRUNK });
    await l2(sw2, { h1: 2, h2: TRUNK, h3: 1 });
    console.log(`Mininet handover flow update: ${(performance.now() - t0).toFixed(0)} ms`);
    expect((await ping(name.h1, IP.h3, 5)).received).toBe(5);
    const delayed = await ping(name.h1, IP.h2, 5);
    expect(delayed.received).toBe(5);
    expect(delayed.minMs).toBeGreaterThanOrEqual(10);
  }, 30_000);

  it("moves the host behind the delayed link: the relay follows and the delay is kept", async () => {
    // A refused move (the port is taken) changes nothing, and the relay keeps running.
    await expect(net.moveHost(name.h2, name.s1, name.s2, { port: 1 })).rejects.toThrow(`mininet moveLink: ${name.s2}: port 1 is already used by ${name.s2}-eth1`);
    expect((await ping(name.h1, IP.h2, 3)).minMs).toBeGreaterThanOrEqual(10);
    const before = [...net.relays.values()][0]?.pid;
    const move = await net.moveHost(name.h2, name.s1, name.s2, { port: 3 });
    console.log(`Mininet handover of the delayed host h2 s1→s2 (relay restarted): ${move.elapsedMs.toFixed(0)} ms`);
    expect([move.intf, move.ofport]).toEqual([`${name.h2}-eth0`, 3]);
    const after = [...net.relays.values()][0]?.pid;
    expect(after).not.toBe(before);
    expect(gone(before as number)).toBe(true);
    await l2(sw1, { h1: TRUNK, h2: TRUNK, h3: TRUNK });
    await l2(sw2, { h1: 2, h2: 3, h3: 1 });
    const delayed = await ping(name.h3, IP.h2, 5);
    expect(delayed.received).toBe(5);
    expect(delayed.minMs).toBeGreaterThanOrEqual(10);
  }, 30_000);

  it("stop leaves nothing: no interfaces, bridges or namespaces, no driver, relay or host process", async () => {
    const relays = [...net.relays.values()].map((r) => r.pid);
    const shells = await Promise.all(Object.values(name).map(async (n) => (await net.nodeInfo(n)).pid));
    const t0 = performance.now();
    await net.stop();
    console.log(`Mininet stop: ${(performance.now() - t0).toFixed(0)} ms`);
    expect(await leftovers()).toEqual([]);
    for (const pid of [net.driverPid, ...relays, ...shells, ...spawned]) expect({ pid, gone: gone(pid) }).toEqual({ pid, gone: true });
  }, 60_000);
});
