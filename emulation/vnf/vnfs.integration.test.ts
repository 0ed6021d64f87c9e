/**
 * Each vNF image doing its job on real traffic: h1 and h2 on an OVS bridge driven by our
 * controller, the vNF container's in/out ports on the same bridge, steering so that h1 ↔ h2
 * traffic crosses the vNF. Nothing (namespaces, interfaces, bridges, containers) is left after any
 * test. Skips with the reason when there is no lab or no Docker, unless GNF_REQUIRE_EMULATION=1.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildImages } from "../images/build.ts";
import { labRequired } from "../lab/availability.ts";
import { leftovers } from "../lab/leftovers.ts";
import { Teardown } from "../lab/teardown.ts";
import { OvsBridge } from "../lab/ovs-bridge.ts";
import { labName } from "../lab/names.ts";
import { run } from "../lab/run.ts";
import { containerLabStatus } from "./availability.ts";
import { ContainerVnf } from "./container-vnf.ts";
import type { VnfMeasurement, VnfNotification, VnfReport } from "./reports.ts";
import { H1, H2, httpGet, iperf, pingFrom, serveHttp, startVnfBench, type VnfBench } from "./test-support.ts";

const status = await containerLabStatus();
if (!status.ok && !labRequired()) console.warn(`skipping container vNF tests: ${status.reason}`);

const isNotification = (kind: string) => (r: VnfReport): r is VnfNotification => r.gnf === "notification" && r.kind === kind;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const linkExists = (name: string): Promise<boolean> => run("ip", ["link", "show", "dev", name]).then(() => true, () => false);

describe.runIf(status.ok || labRequired()).sequential("container vNFs on real traffic", () => {
  let bench: VnfBench | undefined;

  beforeAll(async () => {
    if (!status.ok) throw new Error(`GNF_REQUIRE_EMULATION=1 but the container lab is missing: ${status.reason}`);
    await buildImages();
  }, 180_000);

  afterEach(async () => {
    await bench?.stop();
    bench = undefined;
    expect(await leftovers()).toEqual([]);
  }, 60_000);

  it("wire: ping and TCP pass unmodified (TTL and source MAC intact); start phases, memory and CPU are measured", async () => {
    bench = await startVnfBench({ kind: "wire" });
    const { h1, h2, vnf } = bench;
    const { stdout } = await h1.ns.exec("ping", ["-c", "3", "-i", "0.2", "-W", "1", H2.ip]);
    expect(stdout).toMatch(/3 received/);
    expect(stdout).toMatch(/ttl=64 /); // bridged, not routed: no hop decremented the TTL
    expect((await h2.ns.exec("ip", ["neigh", "show", H1.ip])).stdout).toContain(H1.mac);
    expect(await leftovers()).toContain(`container ${vnf.name}`); // the leak check sees running vNFs
    expect((await vnf.exec(["cat", "/proc/sys/net/bridge/bridge-nf-call-iptables"])).output).toBe("0\n"); // no iptables on its path
    await serveHttp(bench, h2, 80, { "/index.html": "through the wire" });
    expect(await httpGet(h1, `http://${H2.ip}/index.html`)).toBe("through the wire");
    const t = vnf.timings;
    for (const ms of [t.createMs, t.startMs, t.attachMs]) expect(ms).toBeGreaterThan(0);
    expect(t.totalMs).toBeCloseTo(t.createMs + t.startMs + t.attachMs + t.readyMs, 6);
    const res = await vnf.resources();
    expect(res.memoryUsageBytes).toBeGreaterThan(100_000);
    expect(res.memoryUsageBytes).toBeLessThan(32 * 1024 * 1024);
    expect(res.cpuUsageNs).toBeGreaterThan(0n);
    console.info(`wire vNF: ${JSON.stringify(t)} memory ${res.memoryUsageBytes} B (rss ${res.memoryRssBytes} B) cpu ${res.cpuUsageNs} ns`);
    const stopMs = await vnf.stop();
    expect(stopMs).toBeLessThan(2000); // --init: SIGTERM ends it at once, no 10 s wait
    expect((await vnf.exec(["true"]).catch((e: Error) => e)) instanceof Error).toBe(true); // not running
    // The kernel frees its namespace (and the bridge inside, which forwards without any process)
    // asynchronously, seconds later on a loaded machine; remove() deletes the veths at once.
    await vnf.remove();
    expect(await linkExists(vnf.hostIfnames[0])).toBe(false);
    expect(await pingFrom(h1, H2.ip, 2)).toBe(0);
  }, 60_000);

  it("firewall: a blocked TCP port is dropped and reported, other TCP and ping pass", async () => {
    bench = await startVnfBench({ kind: "firewall", drop: ["tcp:5001"], reportMs: 200 });
    const { h1, h2, vnf } = bench;
    await serveHttp(bench, h2, 80, { "/index.html": "port 80" });
    await serveHttp(bench, h2, 5001, { "/index.html": "port 5001" });
    expect(await httpGet(h1, `http://${H2.ip}:5001/index.html`)).toBeNull();
    expect(await httpGet(h1, `http://${H2.ip}/index.html`)).toBe("port 80");
    expect(await pingFrom(h1, H2.ip, 3)).toBe(3);
    const n = (await vnf.waitForReport(isNotification("firewall-drop"), 3000)) as VnfNotification;
    expect(n.data).toMatchObject({ rule: "tcp:5001" });
    expect(n.data?.["packets"]).toBeGreaterThan(0);
    expect((await vnf.exec(["cat", "/proc/sys/net/bridge/bridge-nf-call-iptables"])).output).toBe("1\n"); // set in its namespace
  }, 60_000);

  it("firewall with default drop: only allowed traffic passes, and replies of allowed connections come back", async () => {
    bench = await startVnfBench({ kind: "firewall", defaultPolicy: "drop", allow: ["tcp:80"] });
    const { h1, h2 } = bench;
    await serveHttp(bench, h2, 80, { "/index.html": "allowed" });
    await serveHttp(bench, h2, 8080, { "/index.html": "not allowed" });
    expect(await httpGet(h1, `http://${H2.ip}/index.html`)).toBe("allowed");
    expect(await httpGet(h1, `http://${H2.ip}:8080/index.html`)).toBeNull();
    expect(await pingFrom(h1, H2.ip, 2)).toBe(0);
  }, 60_000);

  it("rate-limiter: TCP throughput through the vNF is near the configured rate; the other direction is not shaped", async () => {
    const rate = 20_000_000;
    bench = await startVnfBench({ kind: "rate-limiter", rateBitsPerSecond: rate });
    const shaped = await iperf(bench, bench.h1, bench.h2, 2);
    const reverse = await iperf(bench, bench.h1, bench.h2, 1, true);
    console.info(`rate-limiter at ${rate} bit/s: h1 → h2 ${(shaped / 1e6).toFixed(1)} Mbit/s, h2 → h1 ${(reverse / 1e6).toFixed(1)} Mbit/s`);
    expect(shaped).toBeGreaterThan(0.7 * rate);
    expect(shaped).toBeLessThan(1.1 * rate);
    expect(reverse).toBeGreaterThan(3 * rate);
  }, 60_000);

  it("ddos-dropper: traffic from a listed source is dropped and reported, from others it passes", async () => {
    bench = await startVnfBench({ kind: "ddos-dropper", sources: ["10.0.0.3", "10.0.1.0/24"], reportMs: 200 });
    const { h1, vnf } = bench;
    await h1.ns.exec("ip", ["addr", "add", "10.0.0.3/24", "dev", h1.ifname]);
    expect(await pingFrom(h1, H2.ip, 3, "10.0.0.3")).toBe(0);
    expect(await pingFrom(h1, H2.ip, 3, H1.ip)).toBe(3);
    const all = (r: VnfReport): boolean => isNotification("ddos-dropped")(r) && Number(r.data?.["totalPackets"]) >= 3;
    const n = (await vnf.waitForReport(all, 3000)) as VnfNotification;
    expect(n.data).toMatchObject({ source: "10.0.0.3" });
    expect(vnf.reports.some((r) => r.gnf === "notification" && r.data?.["source"] !== "10.0.0.3")).toBe(false);
  }, 60_000);

  it("http-filter: a blocked URL or Host fails, allowed requests succeed", async () => {
    bench = await startVnfBench({ kind: "http-filter", urls: ["/secret"], hosts: ["blocked.example"], reportMs: 200 });
    const { h1, h2, vnf } = bench;
    await serveHttp(bench, h2, 80, { "/index.html": "public", "/secret/page.html": "private" });
    expect(await httpGet(h1, `http://${H2.ip}/index.html`)).toBe("public");
    expect(await httpGet(h1, `http://${H2.ip}/secret/page.html`)).toBeNull();
    expect(await httpGet(h1, `http://${H2.ip}/index.html`, { headers: ["Host: Blocked.Example"] })).toBeNull();
    expect(await httpGet(h1, `http://${H2.ip}/index.html`, { headers: ["Host: allowed.example"] })).toBe("public");
    const blocked = new Map<unknown, unknown>();
    await vnf.waitForReport((r) => {
      if (isNotification("http-blocked")(r)) blocked.set(r.data?.["rule"], r.data?.["pattern"]);
      return blocked.size === 2;
    }, 3000);
    expect(Object.fromEntries(blocked)).toEqual({ "url-1": "/secret", "host-1": "Host: blocked.example" });
  }, 60_000);

  it("monitor: the reported interface counters grow with the traffic through the vNF", async () => {
    bench = await startVnfBench({ kind: "monitor", intervalMs: 200 });
    const { h1, vnf } = bench;
    type Counters = Record<"in" | "out", Record<string, number>>;
    const counters = (r: VnfReport): Counters | null => (r.gnf === "measurement" && r.kind === "counters" ? (r.data as Counters) : null);
    const seen: Counters[] = [];
    for await (const r of vnf.stream()) {
      const c = counters(r);
      if (c) seen.push(c);
      if (seen.length === 2) break;
    }
    expect(seen[1]?.in["rxPackets"]).toBeGreaterThanOrEqual(seen[0]?.in["rxPackets"] ?? Infinity); // cumulative
    const first = seen[1] as Counters;
    expect(await pingFrom(h1, H2.ip, 10)).toBe(10);
    const from = vnf.reports.length;
    const grown = (r: VnfReport): boolean => {
      const c = counters(r);
      return c !== null && (c.in["rxPackets"] ?? 0) - (first.in["rxPackets"] ?? 0) >= 10 && (c.out["rxPackets"] ?? 0) - (first.out["rxPackets"] ?? 0) >= 10;
    };
    const later = counters(await vnf.waitForReport(grown, 3000, from)) as Counters;
    expect((later.out["txPackets"] ?? 0) - (first.out["txPackets"] ?? 0)).toBeGreaterThanOrEqual(10); // requests forwarded in → out
    expect((later.in["txPackets"] ?? 0) - (first.in["txPackets"] ?? 0)).toBeGreaterThanOrEqual(10); // replies out → in
    expect(later.in["rxBytes"]).toBeGreaterThan(first.in["rxBytes"] ?? 0);
  }, 60_000);

  it("troubleshoot: ping, traceroute and tcpdump on demand report their results", async () => {
    const mac = "02:00:00:00:00:64";
    bench = await startVnfBench({ kind: "troubleshoot", address: "10.0.0.100/24", mac }, { ownMac: mac });
    const { h1, vnf } = bench;
    const pingResult = await vnf.request("ping", [H2.ip, "3"]);
    expect(pingResult.data).toMatchObject({ target: H2.ip, transmitted: 3, received: 3 });
    expect(pingResult.data?.["rttAvgMs"]).toBeGreaterThan(0);
    const lost = await vnf.request("ping", ["10.0.0.99", "2"]);
    expect(lost.data).toMatchObject({ transmitted: 2, received: 0, rttAvgMs: null });
    const trace = await vnf.request("traceroute", [H2.ip, "3"]);
    expect(trace.data).toMatchObject({ target: H2.ip, reached: true, hops: [{ hop: 1, address: H2.ip }] });
    // Capture the first 2 echo requests arriving on in, within 8 s; the pings go on long enough
    // for a tcpdump that starts late on a loaded machine.
    const capture = vnf.request("tcpdump", ["in", "8", "2", "icmp[icmptype] == icmp-echo"]);
    await sleep(1000);
    expect(await pingFrom(h1, H2.ip, 8)).toBe(8);
    const dump = (await capture) as VnfMeasurement;
    expect(dump.data?.["packets"]).toBe(2);
    expect((dump.data?.["lines"] as string[]).filter((l) => l.includes(`${H1.ip} > ${H2.ip}: ICMP echo request`)).length).toBe(2);
    await expect(vnf.request("nmap", [H2.ip])).rejects.toThrow(/unknown request "nmap"/);
  }, 60_000);

  it("ids-lite: a notification is raised for matching traffic and not for other traffic, which passes unchanged", async () => {
    bench = await startVnfBench({ kind: "ids-lite", signatures: [{ name: "evil", pattern: "EVIL-PAYLOAD" }], intervalMs: 200 });
    const { h1, h2, vnf } = bench;
    await serveHttp(bench, h2, 80, { "/index.html": "page" });
    expect(await httpGet(h1, `http://${H2.ip}/index.html?q=harmless`)).toBe("page");
    await sleep(700); // more than three polling periods
    expect(vnf.reports.filter((r) => r.gnf === "notification")).toEqual([]);
    expect(await httpGet(h1, `http://${H2.ip}/index.html?q=EVIL-PAYLOAD`)).toBe("page"); // detected, not blocked
    const alert = (await vnf.waitForReport(isNotification("ids-alert"), 3000)) as VnfNotification;
    expect(alert.data).toMatchObject({ signature: "evil", packets: 1, totalPackets: 1 });
    expect(alert.message).toBe("signature evil matched 1 packet(s)");
  }, 60_000);

  it("a start that fails half-way (the entrypoint rejects its parameters) removes the container, veths and ports", async () => {
    const t = new Teardown();
    try {
      const bridge = await OvsBridge.create(labName("br"), t);
      const err = await ContainerVnf.start({ spec: { kind: "firewall", drop: ["tcp:5000-4000"] }, bridge, inPort: 11, outPort: 12 }, t).then(
        () => new Error("the vNF started"),
        (e: unknown) => e as Error,
      );
      // It exits while being attached or before it is ready, depending on timing; either way its report is in the error.
      expect(err.message).toMatch(/failed at (attach|ready): [\s\S]*the vNF reported an error: `\/usr\/sbin\/iptables .*--dport 5000:4000.*` failed: .*invalid portrange/);
      expect((await leftovers()).filter((l) => !l.startsWith("OVS bridge") && !l.includes(`interface ${bridge.name}`))).toEqual([]);
      expect(await bridge.dumpFlows()).toEqual([]);
    } finally {
      await t.teardown();
    }
  }, 60_000);

  it("a missing image fails at create, saying how to build it, and leaves nothing", async () => {
    const t = new Teardown();
    try {
      const bridge = await OvsBridge.create(labName("br"), t);
      const err = await ContainerVnf.start({ spec: { kind: "wire" }, bridge, inPort: 11, outPort: 12, image: "gnf/wire:no-such-tag" }, t).then(
        () => new Error("the vNF started"),
        (e: unknown) => e as Error,
      );
      expect(err.message).toMatch(/^vNF \S+-wire \(gnf\/wire:no-such-tag\) failed at create: image gnf\/wire:no-such-tag is not present: build it with buildImages\(\)/);
      expect((await leftovers()).filter((l) => !l.startsWith("OVS bridge") && !l.includes(`interface ${bridge.name}`))).toEqual([]);
    } finally {
      await t.teardown();
    }
  }, 30_000);

  it("a start that fails while attaching (the bridge is gone) removes the veths already made and the container", async () => {
    const gone = new Teardown();
    const bridge = await OvsBridge.create(labName("br"), gone);
    await gone.teardown();
    const t = new Teardown();
    try {
      const err = await ContainerVnf.start({ spec: { kind: "wire" }, bridge, inPort: 11, outPort: 12 }, t).then(
        () => new Error("the vNF started"),
        (e: unknown) => e as Error,
      );
      expect(err.message).toMatch(/failed at attach: `ovs-vsctl .* add-port .*` failed.*no bridge named/);
      expect(await leftovers()).toEqual([]);
    } finally {
      await t.teardown();
    }
  }, 30_000);
});
