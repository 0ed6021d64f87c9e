/**
 * The campaign's pure parts: plans, device scaling, the tables' contract and the headline
 * metrics, and the parsers of iperf3, /proc/stat and ovs-vsctl output.
 */
import { describe, expect, it } from "vitest";
import { loadDeviceCapacities } from "../../topologies/devices/index.ts";
import { cfsQuotaUs } from "../vnf/device-cgroup.ts";
import { campaignPlan, lifecycleBatches, lifecycleBatchesInOrder, planKinds, repeatOf } from "./campaign-plan.ts";
import { CAMPAIGN_COLUMNS, campaignMetrics, campaignTables, emptyCampaignData, type CampaignData } from "./campaign-tables.ts";
import { CAMPAIGN_METRICS, CAMPAIGN_TABLES } from "./campaign-outputs.ts";
import { parseProcStatBusySeconds } from "./cpu-accounting.ts";
import { findMetricSpec } from "../../base/results/data-dictionary.ts";
import { dependentChain } from "../vnf/core-speed.ts";
import { deviceScaling } from "../vnf/device-scaling.ts";
import { parseIperf3Udp } from "./forwarding.ts";
import type { InstantiationResult, VnfInstantiation } from "./instantiation.ts";
import { parseOvsVersion } from "./machine-facts.ts";

describe("campaign plan", () => {
  it("full: 3 repetitions, the lab and the Archer C9, every part; quick: 2, the lab, fewer points", () => {
    const full = campaignPlan();
    expect([full.repeat, full.devices, full.parts.length, full.lifecycle.counts, full.lifecycle.parallelism, full.memory.counts, full.rtt.maxVnfs]).toEqual([3, ["lab", "tp-link-archer-c9"], 6, [1, 2, 5, 10, 20, 50, 100], [1, 2, 4, 8], [1, 10, 50, 100], 5]);
    expect(full.memory.kinds).toHaveLength(8);
    const quick = campaignPlan({ quick: true });
    expect([quick.repeat, quick.devices, quick.lifecycle.counts, quick.lifecycle.parallelism, quick.memory.counts, quick.memory.kinds, quick.rtt.maxVnfs, quick.forwarding.ratesPps.length]).toEqual([2, ["lab"], [1, 10], [1, 4], [1, 10], ["wire", "firewall"], 2, 3]);
  });

  it("choices replace the plan's; parallelism above N is left out; kinds to build follow the parts", () => {
    const plan = campaignPlan({ quick: true, repeat: 1, devices: ["lab", "netgear-r7500"], parts: ["rtt", "lifecycle"], lifecycleCounts: [1, 3], lifecycleParallelism: [1, 2, 4] });
    expect(plan.parts).toEqual(["lifecycle", "rtt"]);
    expect(lifecycleBatches(plan)).toEqual([
      { n: 1, parallelism: 1 },
      { n: 3, parallelism: 1 },
      { n: 3, parallelism: 2 },
    ]);
    expect(planKinds(plan)).toEqual(["wire"]);
    expect(planKinds(campaignPlan({ quick: true }))).toEqual(["wire", "firewall"]);
    const some = campaignPlan({ repeat: 2, partRepeat: { memory: 1 }, memoryKinds: ["wire"], forwardingKinds: ["firewall", "ids-lite"] });
    expect([repeatOf(some, "memory"), repeatOf(some, "rtt"), some.memory.kinds, some.forwarding.kinds]).toEqual([1, 2, ["wire"], ["firewall", "ids-lite"]]);
  });

  it("lifecycle order: shuffled is a seeded permutation per repetition (the same every run), ascending is N then parallelism", () => {
    const plan = campaignPlan();
    const ascending = lifecycleBatches(plan);
    const key = (b: { n: number; parallelism: number }): string => `${b.n}/${b.parallelism}`;
    const first = lifecycleBatchesInOrder(plan, 1);
    expect(first.map(key).sort()).toEqual(ascending.map(key).sort());
    expect(first).not.toEqual(ascending);
    expect(lifecycleBatchesInOrder(plan, 1)).toEqual(first);
    expect(lifecycleBatchesInOrder(plan, 2)).not.toEqual(first);
    expect(lifecycleBatchesInOrder(campaignPlan({ lifecycleOrder: "ascending" }), 1)).toEqual(ascending);
    expect(() => campaignPlan({ lifecycleOrder: "random" })).toThrow('--lifecycle-order: expected one of shuffled, ascending, got "random"');
  });

  it("refuses bad choices with the flag's name", () => {
    expect(() => campaignPlan({ repeat: 0 })).toThrow("--repeat: expected an integer in [1, 100], got 0");
    expect(() => campaignPlan({ parts: ["rtt", "latency"] })).toThrow("--only: unknown part(s) latency");
    expect(() => campaignPlan({ lifecycleCounts: [5, 2] })).toThrow("--lifecycle-counts: expected ascending positive integers, got 5,2");
    expect(() => campaignPlan({ kinds: ["wire", "nat"] })).toThrow("--kinds: unknown vNF type(s) nat");
    expect(() => campaignPlan({ partRepeat: { latency: 1 } })).toThrow("--repeat-for: unknown part latency");
    expect(() => campaignPlan({ partRepeat: { memory: 0 } })).toThrow("--repeat-for memory: expected an integer in [1, 100], got 0");
  });
});

describe("device scaling", () => {
  const capacities = loadDeviceCapacities();
  it("the Archer C9 on a core worth 1.08 reference cores: 2 × 0.1618 / 1.08 = 0.2996 cores (CFS quota 29956 µs per 100 ms) and 64 MiB for vNFs", () => {
    const s = deviceScaling("tp-link-archer-c9", capacities, 1.08, 2);
    expect(s.cores).toBe(2);
    expect(s.perCoreSpeed).toBeCloseTo((1.0 * 0.55) / 3.4, 12);
    expect(s.cpuQuotaCores).toBeCloseTo((2 * 0.55) / 3.4 / 1.08, 12);
    expect(s.memoryLimitBytes).toBe(64 * 2 ** 20);
    expect(cfsQuotaUs(s.cpuQuotaCores as number)).toBe(29956);
  });
  it('"lab" is this machine without limits; an unknown device is a user error naming the flag', () => {
    expect(deviceScaling("lab", capacities, 1.08, 2)).toEqual({ device: "lab", cores: 2, perCoreSpeed: 1.08, labCoreSpeed: 1.08, cpuQuotaCores: null, memoryLimitBytes: null });
    expect(() => deviceScaling("tp-link-archer-c8", capacities, 1.08, 2)).toThrow('--device: unknown device "tp-link-archer-c8" (did you mean "tp-link-archer-c9"?)');
    expect(() => cfsQuotaUs(0)).toThrow(RangeError);
    expect(cfsQuotaUs(0.001)).toBe(1000);
  });
});

const vnf = (index: number, over: Partial<VnfInstantiation> = {}): VnfInstantiation => ({
  index,
  createMs: 10,
  startMs: 200,
  attachMs: 50,
  readyLineMs: 1,
  createAtMs: index * 300,
  readyAtMs: index * 300 + 261,
  forwardingAtMs: index * 300 + 265,
  stopMs: 60,
  removeMs: 80,
  failed: false,
  reason: "",
  ...over,
});

function batch(count: number, parallelism: number, vnfs: VnfInstantiation[]): InstantiationResult {
  return { kind: "wire", count, parallelism, vnfs, ready50Seconds: null, allForwardingSeconds: 0.565, readyAllSeconds: 0.561, failed: vnfs.filter((v) => v.failed).length, cpuSecondsPerVnf: 0.2, cpuBoundReady50Seconds: 5, stopAllSeconds: 0.12, removeAllSeconds: 0.16 };
}

function sample(): CampaignData {
  const d = emptyCampaignData();
  d.lifecycle.push({ repetition: 1, device: "lab", result: batch(2, 1, [vnf(0), vnf(1)]) });
  d.lifecycle.push({ repetition: 1, device: "tp-link-archer-c9", result: batch(2, 1, [vnf(0), vnf(1, { createMs: NaN, startMs: NaN, attachMs: NaN, readyLineMs: NaN, readyAtMs: NaN, forwardingAtMs: NaN, stopMs: NaN, removeMs: NaN, failed: true, reason: "out of memory" })]) });
  const point = (vnfs: number, total: number) => ({ vnfs, meanUsageBytes: total / vnfs, meanRssBytes: 1, meanCacheBytes: 0, meanKmemBytes: 2, totalUsageBytes: total, hostDeltaBytes: 5, running: vnfs, failed: 0, failure: "" });
  for (const repetition of [1, 2]) d.memory.push({ repetition, device: "lab", kind: "wire", result: { points: [point(1, 800_000), point(10, 7_500_000 + repetition * 100_000)], usagePerVnfBytes: 0, usageSlopeBytesPerVnf: 0, hostPerVnfBytes: 0, hostSlopeBytesPerVnf: 0 } });
  const rttPoint = (vnfs: number, rttsMs: number[]) => ({ vnfs, sent: rttsMs.length, received: rttsMs.length, p50Ms: 0, p95Ms: 0, p99Ms: 0, meanMs: 0, rttsMs });
  d.rtt.push({ repetition: 1, result: { points: [rttPoint(0, [0.2, 0.2, 0.3]), rttPoint(1, [0.4, 0.4, 0.5])], addedRttMsPerVnf: 0, fittedDirectMs: 0, intervalMs: 10 } });
  d.flowmod.push({ repetition: 1, samples: [{ flowMods: 1, sample: 0, barrierMs: 0.3 }, { flowMods: 10, sample: 0, barrierMs: 0.5 }] });
  d.roaming.push({ repetition: 1, mode: "make-before-break", run: { handovers: [{ from: "e-0-0", to: "e-0-1", interruptionMs: 150, resolved: true }], probeSent: 2400, probeLost: 3 } });
  d.roaming.push({ repetition: 1, mode: "break-before-make", run: { handovers: [{ from: "e-0-0", to: "e-0-1", interruptionMs: 900, resolved: true }], stateTransfersMs: [45], probeSent: 2400, probeLost: 40 }, load1m: 1.5 });
  const fw = (offeredPps: number, deliveredPps: number) => ({ offeredPps, sentPps: offeredPps, deliveredPps, lossRatio: 1 - deliveredPps / offeredPps, seconds: 2, cpuSPerPacket: 1e-9, cpuUtilisation: 1e-5, ovsCpuSPerPacket: 1e-5, hostCpuSPerPacket: 3e-5 });
  d.forwarding.push({ repetition: 1, kind: "none", payloadBytes: 64, points: [fw(1000, 1000)] });
  d.forwarding.push({ repetition: 1, kind: "wire", payloadBytes: 64, points: [fw(1000, 1000), fw(100_000, 40_000)] });
  d.scaling = [deviceScaling("lab", loadDeviceCapacities(), 1.08, 2), deviceScaling("tp-link-archer-c9", loadDeviceCapacities(), 1.08, 2)];
  return d;
}

describe("campaign tables", () => {
  it("every table, with the contract's leading columns, one row per observation", () => {
    const tables = campaignTables(sample());
    expect(tables.map((t) => t.name)).toEqual(["lifecycle", "lifecycle_batches", "memory", "rtt", "flowmod", "roaming", "forwarding", "forwarding_baseline", "device_scaling"]);
    const contract: Record<string, string[]> = {
      lifecycle: ["repetition", "device", "vnf_type", "n", "parallelism", "index", "create_ms", "start_ms", "attach_ms", "ready_ms", "forwarding_ms", "stop_ms", "remove_ms", "failed", "reason"],
      lifecycle_batches: ["repetition", "device", "vnf_type", "n", "parallelism", "ready_all_s", "stopped_all_s", "failed"],
      memory: ["repetition", "device", "vnf_type", "n", "total_bytes", "per_vnf_bytes"],
      rtt: ["repetition", "vnfs", "sample", "rtt_ms"],
      flowmod: ["repetition", "flow_mods", "barrier_ms"],
      roaming: ["repetition", "mode", "handover", "interruption_ms", "probe_lost"],
      forwarding: ["repetition", "vnf_type", "offered_pps", "delivered_pps", "loss_ratio", "cpu_s_per_packet", "cpu_utilisation"],
      device_scaling: ["device", "cores", "per_core_speed", "lab_core_speed", "cpu_quota_cores", "memory_limit_bytes"],
    };
    for (const [name, columns] of Object.entries(contract)) expect(tables.find((t) => t.name === name)?.columns.slice(0, columns.length)).toEqual(columns);
    const t = Object.fromEntries(tables.map((x) => [x.name, x]));
    expect(t["lifecycle"]?.rows[0]).toEqual([1, "lab", "wire", 2, 1, 0, 10, 200, 50, 1, 4, 60, 80, false, "", 0, 261, 265, null]);
    expect(t["lifecycle"]?.rows[3]?.slice(13, 15)).toEqual([true, "out of memory"]);
    expect(t["lifecycle_batches"]?.rows.map((r) => r.slice(5, 8))).toEqual([
      [0.561, 0.28, false],
      [0.561, 0.28, true],
    ]);
    expect(t["memory"]?.rows[1]?.slice(0, 7)).toEqual([1, "lab", "wire", 10, 7_600_000, 760_000, 10]);
    expect(t["rtt"]?.rows).toHaveLength(6);
    expect(t["roaming"]?.rows[1]).toEqual([1, "break-before-make", 0, 900, 40, true, "e-0-0", "e-0-1", 2400, 1, 45, 1.5]);
    expect(t["forwarding"]?.rows.map((r) => r[1])).toEqual(["wire", "wire"]);
    expect(t["forwarding_baseline"]?.rows.map((r) => r[1])).toEqual(["none"]);
    expect(t["device_scaling"]?.rows[0]?.slice(4, 6)).toEqual([null, null]);
    for (const x of tables) for (const row of x.rows) expect(row).toHaveLength(x.columns.length);
    const rounded = campaignTables({ ...emptyCampaignData(), flowmod: [{ repetition: 1, samples: [{ flowMods: 1, sample: 0, barrierMs: 0.27682999987155 }] }] });
    expect(rounded.find((x) => x.name === "flowmod")?.rows).toEqual([[1, 1, 0.27683, 0, null]]);
    expect(Object.keys(CAMPAIGN_COLUMNS)).toEqual(tables.map((x) => x.name));
  });

  it("headline metrics: RTT quantiles and slope, ready-all, memory per vNF over repetitions, roaming per mode, failures", () => {
    const m = campaignMetrics(sample());
    expect(m["rtt.p50Ms.0"]?.value).toBeCloseTo(0.2, 12);
    expect(m["rtt.addedMsPerVnf"]?.value).toBeCloseTo(0.2, 12);
    expect(m["lifecycle.readyAllS.lab.n2.p1"]?.value).toBe(0.561);
    expect(m["lifecycle.startP50Ms.lab"]?.value).toBe(200);
    expect(m["lifecycle.failedVnfs.tp-link-archer-c9"]?.value).toBe(1);
    expect(m["lifecycle.firstFailedStart.tp-link-archer-c9"]?.value).toBe(2);
    expect(m["memory.perVnfMB.lab.wire"]?.values).toEqual([0.76, 0.77]);
    expect(m["memory.perVnfMB.lab.wire"]?.value).toBeCloseTo(0.765, 12);
    expect(m["memory.perVnfMB.lab.wire"]?.ci95).toHaveLength(2);
    expect(m["roaming.meanMs.break-before-make"]?.value).toBe(900);
    expect(m["flowmod.p50Ms.k10"]?.value).toBe(0.5);
    expect(m["forwarding.maxDeliveredPps.wire"]?.value).toBe(40_000);
    expect(m["deviceScaling.cpuQuotaCores.tp-link-archer-c9"]?.value).toBeCloseTo(0.2996, 4);
  });

  it("the data dictionary describes every table and column it writes, and every metric with its unit", () => {
    const tables = campaignTables(sample());
    expect(CAMPAIGN_TABLES.map((t) => [t.name, t.columns.map((c) => c.name)])).toEqual(tables.map((t) => [t.name, t.columns]));
    const specs = Object.values(CAMPAIGN_METRICS);
    const m = campaignMetrics(sample());
    expect(Object.keys(m).length).toBeGreaterThan(20);
    for (const [name, metric] of Object.entries(m)) {
      const spec = findMetricSpec(specs, name);
      expect(spec, `metric ${name} is not in the dictionary`).toBeDefined();
      expect(metric.unit, name).toBe(spec?.unit);
    }
  });

  it("an empty campaign gives header-only tables and no metrics", () => {
    const tables = campaignTables(emptyCampaignData());
    expect(tables.every((t) => t.rows.length === 0)).toBe(true);
    expect(campaignMetrics(emptyCampaignData())).toEqual({});
  });
});

describe("parsers", () => {
  it("iperf3 3.12 UDP: sent from sum_sent, received = sum_received packets − lost; older reports from sum", () => {
    const report = { end: { sum: { seconds: 1.0237, packets: 123191, lost_packets: 42857 }, sum_sent: { seconds: 1.000014, packets: 123191, lost_packets: 0 }, sum_received: { seconds: 1.0237, packets: 123115, lost_packets: 42857 } } };
    expect(parseIperf3Udp(JSON.stringify(report))).toEqual({ sentPackets: 123191, seconds: 1.000014, receivedPackets: 80258 });
    expect(parseIperf3Udp(JSON.stringify({ end: { sum: report.end.sum } }))).toEqual({ sentPackets: 123191, seconds: 1.0237, receivedPackets: 80334 });
    expect(() => parseIperf3Udp(JSON.stringify({ error: "unable to connect to server" }))).toThrow("iperf3: unable to connect to server");
    expect(() => parseIperf3Udp("iperf3: error")).toThrow("iperf3 printed no JSON report");
  });
  it("/proc/stat busy seconds leave idle and iowait out; ovs-vsctl's version", () => {
    expect(parseProcStatBusySeconds("cpu  100 5 50 1000 20 1 9 3 0 0\ncpu0 1 2 3 4\n")).toBe((100 + 5 + 50 + 1 + 9 + 3) / 100);
    expect(parseOvsVersion("ovs-vsctl (Open vSwitch) 3.1.0\nDB Schema 8.3.1\n")).toBe("3.1.0");
    expect(parseOvsVersion("something else")).toBeNull();
  });
  it("the core-speed chain is deterministic work", () => {
    expect(dependentChain(1000)).toBe(dependentChain(1000));
    expect(dependentChain(0)).toBe(1);
  });
});
