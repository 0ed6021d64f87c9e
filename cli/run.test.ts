import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./test-support.ts";

const work = mkdtempSync(join(tmpdir(), "gnf-run-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function readRun(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) files[name] = readFileSync(join(dir, name), "utf8");
  return files;
}

function withoutWall(manifestText: string): unknown {
  const manifest = JSON.parse(manifestText) as Record<string, unknown>;
  delete manifest["wall"];
  return manifest;
}

describe("gnf run", () => {
  it("runs the built-in default scenario (a small roaming run) and writes manifest, summary and tidy CSVs", async () => {
    const out = join(work, "default");
    const r = await runCli(["run", "--quiet", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const files = readRun(out);
    const tables = ["ue_latency.csv", "ue_latency_summary.csv", "handovers.csv", "handover_interruptions.csv", "migrations.csv", "vnf_events.csv", "device_utilisation.csv", "core_utilisation.csv", "notifications.csv"];
    expect(Object.keys(files)).toEqual([...tables, "manifest.json", "summary.json"].sort());
    const manifest = JSON.parse(files["manifest.json"] as string) as Record<string, unknown>;
    expect(manifest["files"]).toEqual([...tables, "summary.json", "manifest.json"]);
    expect(manifest["seed"]).toBe(1);
    expect((manifest["scenario"] as { file: string }).file).toBe("scenarios/default.yaml (built-in)");
    // Placement solve time is wall-clock: it lives with the other wall fields, not in summary.json.
    expect((manifest["wall"] as { placementSeconds: number }).placementSeconds).toBeGreaterThan(0);
    const summary = JSON.parse(files["summary.json"] as string) as { metrics: Record<string, { value: number }> };
    expect(summary.metrics["placement.calls"]?.value).toBe(3);
    expect(summary.metrics["ues.handovers"]?.value).toBe(2);
    expect(summary.metrics["migrations.completed"]?.value).toBe(2);
    expect(files["migrations.csv"]?.split("\n")[0]).toBe("replication,id,chain,ue,reason,mode,outcome,moves,trigger_s,decision_s,ready_s,state_transferred_s,steering_switched_s,old_stopped_s,end_s,interruption_ms");
  });

  it("is deterministic: same scenario and seed give byte-identical files but the wall clock", async () => {
    const a = join(work, "a");
    const b = join(work, "b");
    await runCli(["run", "--quiet", "--seed", "7", "--out", a]);
    await runCli(["run", "--quiet", "--seed", "7", "--out", b]);
    const filesA = readRun(a);
    const filesB = readRun(b);
    for (const name of Object.keys(filesA)) {
      if (name === "manifest.json") expect(withoutWall(filesA[name] as string)).toEqual(withoutWall(filesB[name] as string));
      else expect(filesA[name]).toBe(filesB[name]);
    }
    const c = join(work, "c");
    await runCli(["run", "--quiet", "--seed", "8", "--out", c]);
    expect(readRun(c)["migrations.csv"]).not.toBe(filesA["migrations.csv"]);
  });

  it("reports mean and 95% CI over replications, with a replication column in the CSVs", async () => {
    const out = join(work, "reps");
    const r = await runCli(["run", "--quiet", "--set", "replications=4", "--out", out]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as {
      replications: number;
      metrics: Record<string, { value: number; ci95?: [number, number]; values?: number[] }>;
    };
    expect(summary.replications).toBe(4);
    const batch = summary.metrics["migrations.meanDurationS"];
    expect(batch?.values).toHaveLength(4);
    const mean = (batch?.values ?? []).reduce((x, y) => x + y, 0) / 4;
    expect(batch?.value).toBeCloseTo(mean, 12);
    expect(batch?.ci95?.[0]).toBeLessThan(mean);
    expect(batch?.ci95?.[1]).toBeGreaterThan(mean);
    const rows = readFileSync(join(out, "migrations.csv"), "utf8").trim().split("\n").slice(1);
    expect(new Set(rows.map((row) => row.split(",")[0]))).toEqual(new Set(["0", "1", "2", "3"]));
  });

  it("exits 2 without writing anything for a bad scenario", async () => {
    const bad = join(work, "bad.yaml");
    writeFileSync(bad, "name: bad\nduration: -1\n");
    const out = join(work, "bad-out");
    const r = await runCli(["run", bad, "--quiet", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`gnf: ${bad}:2:11: duration: expected a positive time in seconds, found -1 (a number)\n`);
    expect(() => readdirSync(out)).toThrow();
  });

  it("exits 2 for a scenario that configures nothing to simulate", async () => {
    const empty = join(work, "nothing.yaml");
    writeFileSync(empty, "name: nothing\n");
    const r = await runCli(["run", empty, "--quiet", "--out", join(work, "nothing-out")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('gnf: scenario "nothing" configures nothing to simulate (add a `topology` or an `instantiation` section)\n');
  });
});
