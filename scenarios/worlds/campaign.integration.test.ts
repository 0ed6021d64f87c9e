/**
 * The lab measurement campaign end to end, small: the quick plan with one repetition on a minimal
 * subset (lifecycle N = 1, 2 at p = 1, 2; idle wire memory at N = 1, 2; RTT through 0 and 1 vNF;
 * a few FLOW_MOD batches; one break-before-make roaming run; wire forwarding at two rates). Checks
 * the results folder: every table with the contract's columns, summary and manifest with the
 * machine facts, and that the values are sane (positive times, ordered quantiles, memory > 0).
 * Nothing is left on the machine. Skips with the reason when the lab is missing, unless
 * GNF_REQUIRE_EMULATION=1.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { harnessLabStatus } from "../../emulation/harness/availability.ts";
import { campaignPlan, lifecycleBatchesInOrder } from "../../emulation/harness/campaign-plan.ts";
import { CAMPAIGN_COLUMNS } from "../../emulation/harness/campaign-tables.ts";
import { labRequired } from "../../emulation/lab/availability.ts";
import { leftovers } from "../../emulation/lab/leftovers.ts";
import { runCampaignToFolder } from "./campaign.ts";

const status = await harnessLabStatus();
if (!status.ok && !labRequired()) console.warn(`skipping the campaign test: ${status.reason}`);

/** A CSV written by the results writer (no quoted commas in these tables but `reason`, unused here): header and rows as records. */
function readCsv(file: string): { columns: string[]; rows: Record<string, string>[] } {
  const [header, ...lines] = readFileSync(file, "utf8").trimEnd().split("\n");
  const columns = (header ?? "").split(",");
  return { columns, rows: lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [columns[i], v]))) };
}

describe.runIf(status.ok || labRequired())("gnf emulation campaign (quick, one repetition, a minimal subset)", () => {
  const dir = mkdtempSync(join(tmpdir(), "gnf-campaign-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes every table with its columns, a summary and a manifest with the machine; values are sane; nothing is left", async () => {
    if (!status.ok) throw new Error(`GNF_REQUIRE_EMULATION=1 but the lab is missing: ${status.reason}`);
    const plan = campaignPlan({ quick: true, repeat: 1, lifecycleCounts: [1, 2], lifecycleParallelism: [1, 2], memoryCounts: [1, 2], kinds: ["wire"], ratesPps: [1000, 5000] });
    plan.memory.settleMs = 300;
    plan.rtt = { maxVnfs: 1, samples: 20, intervalMs: 10 };
    plan.flowmod = { batchSizes: [1, 10], samples: 5 };
    plan.roaming.modes = ["break-before-make"];
    plan.forwarding.seconds = 1;
    const lines: string[] = [];
    const out = await runCampaignToFolder(plan, dir, { say: (l) => lines.push(l) });
    console.info(`campaign: ${out.seconds.toFixed(0)} s\n${lines.join("\n")}`);
    expect(out.result.errors).toEqual([]);
    expect(out.result.skipped).toEqual({});

    for (const [name, columns] of Object.entries(CAMPAIGN_COLUMNS)) expect(readCsv(join(dir, `${name}.csv`)).columns).toEqual([...columns]);
    expect(out.files.at(-1)).toBe("manifest.json");
    const num = (r: Record<string, string>, k: string): number => Number(r[k]);

    const lifecycle = readCsv(join(dir, "lifecycle.csv")).rows;
    // The batches ran in the plan's shuffled order: every (N, parallelism) once, positions 1 … 3.
    expect(lifecycle.map((r) => [r["n"], r["parallelism"], r["index"]]).sort()).toEqual([
      ["1", "1", "0"],
      ["2", "1", "0"],
      ["2", "1", "1"],
      ["2", "2", "0"],
      ["2", "2", "1"],
    ]);
    const batchRows = readCsv(join(dir, "lifecycle_batches.csv")).rows;
    expect(batchRows.map((b) => `${b["n"]}/${b["parallelism"]}@${b["position"]}`)).toEqual(lifecycleBatchesInOrder(plan, 1).map((b, i) => `${b.n}/${b.parallelism}@${i + 1}`));
    for (const r of lifecycle) {
      expect(r["failed"]).toBe("false");
      for (const k of ["create_ms", "start_ms", "attach_ms", "forwarding_ms", "stop_ms", "remove_ms"]) expect(num(r, k)).toBeGreaterThan(0);
      expect(num(r, "ready_ms")).toBeGreaterThanOrEqual(0);
      expect(num(r, "forwarding_at_ms")).toBeGreaterThan(num(r, "ready_at_ms"));
    }
    for (const b of batchRows) {
      expect(num(b, "ready_all_s")).toBeGreaterThan(0);
      expect(num(b, "forwarding_all_s")).toBeGreaterThanOrEqual(num(b, "ready_all_s"));
      expect(num(b, "stopped_all_s")).toBeCloseTo(num(b, "stop_all_s") + num(b, "remove_all_s"), 4); // 6 significant digits each
    }
    const memory = readCsv(join(dir, "memory.csv")).rows;
    expect(memory.map((r) => [r["device"], r["vnf_type"], r["n"], r["running"]])).toEqual([
      ["lab", "wire", "1", "1"],
      ["lab", "wire", "2", "2"],
    ]);
    for (const r of memory) {
      expect(num(r, "per_vnf_bytes")).toBeGreaterThan(100_000);
      expect(Math.abs(num(r, "total_bytes") - num(r, "per_vnf_bytes") * num(r, "n")) / num(r, "total_bytes")).toBeLessThan(1e-5);
    }
    const rtt = readCsv(join(dir, "rtt.csv")).rows;
    expect(rtt).toHaveLength(40);
    expect(rtt.every((r) => num(r, "rtt_ms") > 0)).toBe(true);
    const flowmod = readCsv(join(dir, "flowmod.csv")).rows;
    expect(flowmod).toHaveLength(10);
    expect(flowmod.every((r) => num(r, "barrier_ms") > 0)).toBe(true);
    const roaming = readCsv(join(dir, "roaming.csv")).rows;
    expect(roaming.length).toBeGreaterThanOrEqual(1);
    for (const r of roaming) {
      expect(r["mode"]).toBe("break-before-make");
      expect(num(r, "interruption_ms")).toBeGreaterThan(0);
      expect(num(r, "probe_lost")).toBeGreaterThanOrEqual(0);
    }
    const forwarding = readCsv(join(dir, "forwarding.csv")).rows;
    expect(forwarding.map((r) => [r["vnf_type"], r["offered_pps"]])).toEqual([
      ["wire", "1000"],
      ["wire", "5000"],
    ]);
    for (const r of forwarding) {
      expect(num(r, "delivered_pps")).toBeGreaterThan(0.5 * num(r, "offered_pps"));
      expect(num(r, "loss_ratio")).toBeGreaterThanOrEqual(0);
      expect(num(r, "cpu_s_per_packet")).toBeGreaterThanOrEqual(0);
    }
    expect(readCsv(join(dir, "forwarding_baseline.csv")).rows.map((r) => r["vnf_type"])).toEqual(["none", "none"]);
    expect(readCsv(join(dir, "device_scaling.csv")).rows.map((r) => [r["device"], r["cpu_quota_cores"], r["memory_limit_bytes"]])).toEqual([["lab", "", ""]]);

    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as { measurement: string; metrics: Record<string, { value: number }> };
    const m = (k: string): number => summary.metrics[k]?.value ?? NaN;
    expect(summary.measurement).toBe("campaign");
    for (const n of [0, 1]) {
      expect(m(`rtt.p50Ms.${n}`)).toBeGreaterThan(0);
      expect(m(`rtt.p95Ms.${n}`)).toBeGreaterThanOrEqual(m(`rtt.p50Ms.${n}`));
    }
    expect(m("flowmod.p95Ms.k10")).toBeGreaterThanOrEqual(m("flowmod.p50Ms.k10"));
    expect(m("roaming.p95Ms.break-before-make")).toBeGreaterThanOrEqual(m("roaming.meanMs.break-before-make") * 0.5);
    expect(m("memory.perVnfMB.lab.wire")).toBeGreaterThan(0.1);
    expect(m("lifecycle.readyAllS.lab.n2.p2")).toBeGreaterThan(0);

    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { world: string; machine: Record<string, unknown>; deviceScaling: unknown[] };
    expect(manifest.world).toBe("emulation");
    for (const k of ["cpuModel", "cores", "kernelRelease", "dockerVersion", "ovsVersion", "nodeVersion", "loadAverageBefore", "loadAverageAfter", "coreSpeed"]) expect(manifest.machine[k], k).toBeTruthy();
    expect(manifest.deviceScaling).toHaveLength(1);
    expect(await leftovers()).toEqual([]);
  }, 150_000);
});
