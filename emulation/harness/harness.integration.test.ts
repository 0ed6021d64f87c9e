/**
 * The Fig. 2 measurements on the real lab, small: RTT through 0 and 1 wire vNFs, 3 vNFs created
 * until forwarding, idle memory at N = 1, 2; and the forwarding probe refusing a path that does
 * not forward. Nothing (namespaces, interfaces, bridges, containers) is left after any test.
 * Skips with the reason when the lab is missing, unless GNF_REQUIRE_EMULATION=1.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildImages } from "../images/build.ts";
import { labRequired } from "../lab/availability.ts";
import { leftovers } from "../lab/leftovers.ts";
import { RUN_PREFIX } from "../lab/names.ts";
import { harnessLabStatus } from "./availability.ts";
import { MeasurementBed } from "./bed.ts";
import { measureInstantiation } from "./instantiation.ts";
import { measureIdleMemory } from "./memory.ts";
import { ForwardingProbe, probeChain } from "./probe.ts";
import { PortBatcher } from "./port-batcher.ts";
import { labName } from "../lab/names.ts";
import { OvsBridge } from "../lab/ovs-bridge.ts";
import { run } from "../lab/run.ts";
import { Teardown } from "../lab/teardown.ts";
import { VethPair } from "../lab/veth.ts";
import { measureIdleRtt } from "./rtt.ts";

const status = await harnessLabStatus();
if (!status.ok && !labRequired()) console.warn(`skipping Fig. 2 harness tests: ${status.reason}`);

describe.runIf(status.ok || labRequired()).sequential("Fig. 2 harness on the lab", () => {
  /** This checkout's wire image by its content-hash tag (another checkout may retag :latest meanwhile). */
  let image: string | undefined;

  beforeAll(async () => {
    if (!status.ok) throw new Error(`GNF_REQUIRE_EMULATION=1 but the lab is missing: ${status.reason}`);
    image = (await buildImages({ kinds: ["wire"] })).find((i) => i.name === "gnf/wire")?.ref;
  }, 180_000);

  afterEach(async () => {
    expect(await leftovers()).toEqual([]);
  }, 30_000);

  it("idle RTT: every ping answered directly and through a wire vNF; quantiles ordered; the slope is the p50 difference", async () => {
    const r = await measureIdleRtt({ image, maxVnfs: 1, samples: 20, intervalMs: 10, warmup: 3 });
    expect(r.points.map((p) => [p.vnfs, p.sent, p.received, p.rttsMs.length])).toEqual([
      [0, 20, 20, 20],
      [1, 20, 20, 20],
    ]);
    for (const p of r.points) {
      expect(p.p50Ms).toBeGreaterThan(0);
      expect(p.p95Ms).toBeGreaterThanOrEqual(p.p50Ms);
      expect(p.p99Ms).toBeGreaterThanOrEqual(p.p95Ms);
    }
    const [direct, one] = r.points as [(typeof r.points)[number], (typeof r.points)[number]];
    expect(r.addedRttMsPerVnf).toBeCloseTo(one.p50Ms - direct.p50Ms, 9);
    console.info(`RTT p50 direct ${direct.p50Ms} ms, through 1 vNF ${one.p50Ms} ms`);
  }, 90_000);

  it("instantiation: 3 vNFs, 2 at once, each forwards after its ready line; stop and remove are timed", async () => {
    const r = await measureInstantiation({ image, count: 3, parallelism: 2 });
    expect(r.vnfs.map((v) => v.index)).toEqual([0, 1, 2]);
    expect(r.ready50Seconds).toBeNull();
    for (const v of r.vnfs) {
      expect(v.createMs).toBeGreaterThan(0);
      expect(v.readyAtMs).toBeGreaterThanOrEqual(v.createAtMs + v.createMs + v.startMs + v.attachMs);
      expect(v.forwardingAtMs).toBeGreaterThan(v.readyAtMs);
      expect(v.stopMs).toBeGreaterThan(0);
      expect(v.removeMs).toBeGreaterThan(0);
    }
    expect(r.allForwardingSeconds * 1000).toBeCloseTo(Math.max(...r.vnfs.map((v) => v.forwardingAtMs)), 6);
    expect(r.vnfs[2]?.createAtMs).toBeGreaterThan(0); // the third waited for a free slot
  }, 90_000);

  it("the probe reaches the server through a forwarding path and times out on a path with no vNF", async () => {
    const bed = await MeasurementBed.start();
    try {
      const probe = await ForwardingProbe.start(bed);
      const standIn = await bed.bed.addVnf(100, 101);
      await bed.steering.install(bed.datapathId, probeChain(0, { inPort: standIn.inPort, outPort: standIn.outPort }));
      expect(await probe.probe(0, 5000)).toBeGreaterThan(0n);
      await bed.steering.install(bed.datapathId, probeChain(1, { inPort: 102, outPort: 103 })); // ports with nothing on them
      await expect(probe.probe(1, 500)).rejects.toThrow("no probe through vNF 1 (10.1.0.2) reached the server within 500 ms");
    } finally {
      await bed.stop();
    }
  }, 60_000);

  it("port batcher: concurrent port changes share transactions, get their port numbers, and a bad one fails alone", async () => {
    const t = new Teardown();
    try {
      const bridge = await OvsBridge.create(labName("br"), t);
      const names = Array.from({ length: 6 }, () => labName("p"));
      for (const n of names) await VethPair.create(n, `${n}x`, t);
      const ports = new PortBatcher(bridge);
      const added = await Promise.allSettled([ports.addPorts([[names[0] as string, 10], [names[1] as string, 11]]), ...names.slice(2).map((n, i) => ports.addPort(n, 20 + i)), ports.addPort(names[2] as string, 30)]); // the last: a port of that name exists already
      expect(added.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled", "fulfilled", "rejected"]);
      expect(ports.transactions).toBe(1 + 6); // all six in one try, which fails; then one per change
      const { stdout } = await run("ovs-vsctl", ["--format=csv", "--no-headings", "--columns=name,ofport", "list", "interface", ...names]);
      expect(stdout.trim().split("\n").sort()).toEqual(names.map((n, i) => `${n},${[10, 11, 20, 21, 22, 23][i]}`).sort());
      await Promise.all(names.map((n) => ports.removePort(n)));
      const left = (await run("ovs-vsctl", ["list-ports", bridge.name])).stdout.trim();
      expect(left).toBe("");
    } finally {
      await t.teardown();
    }
  }, 60_000);

  it("idle memory: cgroup usage per vNF is positive, bounded, and at least its rss + cache", async () => {
    const r = await measureIdleMemory({ image, counts: [1, 2], parallelism: 2, settleMs: 500 });
    expect(r.points.map((p) => p.vnfs)).toEqual([1, 2]);
    for (const p of r.points) {
      expect(p.meanUsageBytes).toBeGreaterThan(100_000);
      expect(p.meanUsageBytes).toBeLessThan(32e6);
      expect(p.meanUsageBytes).toBeGreaterThanOrEqual(p.meanRssBytes + p.meanCacheBytes);
      expect(p.totalUsageBytes).toBeCloseTo(p.meanUsageBytes * p.vnfs, 6);
    }
    expect(r.usagePerVnfBytes).toBe(r.points[1]?.meanUsageBytes);
    expect(Number.isFinite(r.usageSlopeBytesPerVnf)).toBe(true);
  }, 90_000);

  it("SIGTERM during a measurement removes the bed, the vNF container and the helpers before exit", async () => {
    const fixture = fileURLToPath(new URL("./signal-fixture.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", fixture], { stdio: ["ignore", "pipe", "inherit"] });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      let text = "";
      child.stdout.setEncoding("utf8").on("data", (s: string) => {
        text += s;
        if (text.includes("ready\n")) resolve();
      });
    });
    const prefix = `g${(child.pid as number).toString(36)}-`;
    expect((await leftovers(prefix)).some((l) => l.startsWith("container "))).toBe(true);
    process.kill(child.pid as number, "SIGTERM");
    expect(await exited).toBe(143);
    expect(await leftovers(prefix)).toEqual([]);
    expect(prefix).not.toBe(RUN_PREFIX);
  }, 90_000);
});
