/**
 * Measures container vNFs on this machine: per-phase start times and idle memory/CPU from the
 * cgroup, for each vNF kind, `repeats` starts each, on a bare OVS bridge (no traffic).
 * Run: `npx tsx emulation/vnf/measure.ts [repeats] [idleMs]` (root, Docker, OVS); prints JSON.
 */
import { fileURLToPath } from "node:url";
import { buildImages } from "../images/build.ts";
import { VNF_KINDS, type VnfKind } from "../images/catalog.ts";
import type { VnfSpec } from "../images/params.ts";
import { labName } from "../lab/names.ts";
import { OvsBridge } from "../lab/ovs-bridge.ts";
import { Teardown } from "../lab/teardown.ts";
import { ContainerVnf, type VnfTimings } from "./container-vnf.ts";

/** A spec with typical parameters for each kind. */
export const SAMPLE_SPECS: Readonly<Record<VnfKind, VnfSpec>> = {
  wire: { kind: "wire" },
  firewall: { kind: "firewall", drop: ["tcp:23", "udp:53"] },
  "rate-limiter": { kind: "rate-limiter", rateBitsPerSecond: 10_000_000 },
  "ddos-dropper": { kind: "ddos-dropper", sources: ["10.0.0.3", "10.0.1.0/24"] },
  "http-filter": { kind: "http-filter", urls: ["/admin"], hosts: ["blocked.example"] },
  monitor: { kind: "monitor" },
  troubleshoot: { kind: "troubleshoot", address: "10.0.0.100/24" },
  "ids-lite": { kind: "ids-lite", signatures: [{ name: "evil", pattern: "EVIL" }] },
};

export interface VnfMeasure {
  kind: VnfKind;
  /** Mean of each phase over the starts, ms. */
  meanTimings: VnfTimings;
  /** Mean memory.usage_in_bytes after `idleMs` idle, bytes. */
  idleMemoryBytes: number;
  /** Mean total_rss after `idleMs` idle, bytes. */
  idleRssBytes: number;
  /** Mean CPU time used from start until then, ms. */
  cpuMs: number;
  /** Mean docker stop time, ms. */
  stopMs: number;
}

export async function measureVnfs(kinds: readonly VnfKind[], repeats: number, idleMs: number): Promise<VnfMeasure[]> {
  await buildImages({ kinds });
  const out: VnfMeasure[] = [];
  const t = new Teardown();
  try {
    const bridge = await OvsBridge.create(labName("br"), t);
    for (const kind of kinds) {
      const sums = { createMs: 0, startMs: 0, attachMs: 0, readyMs: 0, totalMs: 0, mem: 0, rss: 0, cpu: 0, stop: 0 };
      for (let i = 0; i < repeats; i++) {
        const vnf = await ContainerVnf.start({ spec: SAMPLE_SPECS[kind], bridge, inPort: 11, outPort: 12 }, t);
        await new Promise((r) => setTimeout(r, idleMs));
        const res = await vnf.resources();
        for (const k of ["createMs", "startMs", "attachMs", "readyMs", "totalMs"] as const) sums[k] += vnf.timings[k];
        sums.mem += res.memoryUsageBytes;
        sums.rss += res.memoryRssBytes;
        sums.cpu += Number(res.cpuUsageNs) / 1e6;
        sums.stop += await vnf.stop();
        await vnf.remove();
      }
      const mean = (x: number): number => Math.round((x / repeats) * 10) / 10;
      out.push({
        kind,
        meanTimings: { createMs: mean(sums.createMs), startMs: mean(sums.startMs), attachMs: mean(sums.attachMs), readyMs: mean(sums.readyMs), totalMs: mean(sums.totalMs) },
        idleMemoryBytes: mean(sums.mem),
        idleRssBytes: mean(sums.rss),
        cpuMs: mean(sums.cpu),
        stopMs: mean(sums.stop),
      });
    }
  } finally {
    await t.teardown();
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const repeats = Number(process.argv[2] ?? 3);
  const idleMs = Number(process.argv[3] ?? 1000);
  console.log(JSON.stringify(await measureVnfs(VNF_KINDS, repeats, idleMs), null, 1));
}
