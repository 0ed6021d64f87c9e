/**
 * The data dictionary is complete and current: every table, column and metric a shipped scenario
 * writes is described (with the unit the run reports), tables of the same name have the same
 * columns in every scenario, and results/README.md holds the generated section.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dictionaryMarkdown, findMetricSpec, metricNamePattern } from "../base/results/data-dictionary.ts";
import type { RunOutput } from "../base/tables.ts";
import { runScenario } from "../sim/run/run-scenario.ts";
import { loadScenarioFile } from "./load.ts";
import { OUTPUT_SECTIONS, README_BEGIN, README_END, simulationMetrics, simulationTables, withDictionarySection } from "./outputs-dictionary.ts";

const SCENARIOS = readdirSync(fileURLToPath(new URL(".", import.meta.url))).filter((f) => f.endsWith(".yaml"));

async function briefly(file: string, seconds: number): Promise<RunOutput> {
  const { scenario } = loadScenarioFile(fileURLToPath(new URL(`./${file}`, import.meta.url)), { overrides: [`duration=${seconds}`] });
  return runScenario(scenario, scenario.seed);
}

describe("the data dictionary", () => {
  it("results/README.md holds the generated section (run `npm run dictionary` after changing a spec)", () => {
    const readme = readFileSync(new URL("../results/README.md", import.meta.url), "utf8");
    expect(readme).toContain(README_BEGIN);
    expect(readme).toContain(README_END);
    expect(readme).toBe(withDictionarySection(readme, dictionaryMarkdown(OUTPUT_SECTIONS)));
  });

  it("replaces only the section between the markers", () => {
    const stale = `# results\n\nintro\n\n${README_BEGIN}\n\nold\n\n${README_END}\n\ntail\n`;
    expect(withDictionarySection(stale, "new\n")).toBe(`# results\n\nintro\n\n${README_BEGIN}\n\nnew\n\n${README_END}\n\ntail\n`);
  });

  it("names each table once per section, and a name shared between sections has the same columns (the lab's vnf_lifecycle: after its `run`)", () => {
    const seen = new Map<string, string[]>();
    const measure = OUTPUT_SECTIONS.find((s) => s.title.includes("gnf emulation measure"));
    const labLifecycle = measure?.tables.find((t) => t.name === "vnf_lifecycle")?.columns.map((c) => c.name);
    expect(labLifecycle?.[0]).toBe("run");
    seen.set("vnf_lifecycle", labLifecycle?.slice(1) ?? []);
    for (const s of OUTPUT_SECTIONS) {
      if (s === measure) continue;
      const names = s.tables.map((t) => t.name);
      expect(new Set(names).size).toBe(names.length);
      for (const t of s.tables) {
        const columns = t.columns.map((c) => c.name);
        expect(seen.get(t.name) ?? columns, t.name).toEqual(columns);
        seen.set(t.name, columns);
      }
    }
    const metricNames = OUTPUT_SECTIONS.flatMap((s) => s.metrics.map((m) => m.name));
    expect(new Set(metricNames).size).toBe(metricNames.length);
  });

  it("ships at least the eight scenarios this test is meant to cover", () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(8);
  });

  it.each(SCENARIOS)("%s: every table, column and metric it writes is described, with the unit it reports", async (file) => {
    const out = await briefly(file, 30);
    const tables = simulationTables();
    for (const t of out.tables) {
      const spec = tables.get(t.name);
      expect(spec, `${file}: table ${t.name} is not in the dictionary`).toBeDefined();
      expect(t.columns, `${file}: columns of ${t.name}`).toEqual(spec?.columns.map((c) => c.name));
    }
    const specs = simulationMetrics();
    for (const [name, metric] of Object.entries(out.metrics)) {
      const spec = findMetricSpec(specs, name);
      expect(spec, `${file}: metric ${name} is not in the dictionary`).toBeDefined();
      expect(metric.unit, `${file}: unit of ${name}`).toBe(spec?.unit);
      if (spec && !spec.name.includes("<")) expect(metric.description, `${file}: description of ${name}`).toBe(spec.description);
      if (spec?.name.includes("<")) expect(metricNamePattern(spec.name).test(name)).toBe(true);
    }
  });
});

describe("the same metric has the same name and columns in every scenario", () => {
  it("edge-city (no chains) writes handovers, ue_latency and core_utilisation with the chain scenarios' columns", async () => {
    const [edge, chains] = await Promise.all([briefly("edge-city.yaml", 30), briefly("roaming.yaml", 30)]);
    for (const name of ["handovers", "ue_latency", "core_utilisation"]) {
      const a = edge.tables.find((t) => t.name === name);
      const b = chains.tables.find((t) => t.name === name);
      expect(a?.columns, name).toEqual(b?.columns);
    }
    expect(edge.tables.find((t) => t.name === "core_utilisation")?.columns).toEqual(["time_s", "core_bps", "core_bytes_total"]);
    for (const name of ["ues.handovers", "latency.meanMs", "latency.p95Ms", "core.bytes", "core.meanBps"]) {
      expect(edge.metrics[name]?.description, name).toBe(chains.metrics[name]?.description);
    }
  });

  it("edge-city's core_bps is the rate from each sample on: bytes grow by core_bps × interval", async () => {
    const out = await briefly("edge-city.yaml", 60);
    const t = out.tables.find((x) => x.name === "core_utilisation");
    const rows = (t?.rows ?? []) as number[][];
    expect(rows.length).toBeGreaterThan(3);
    for (let i = 1; i < rows.length; i++) {
      const [t0, bps0, bytes0] = rows[i - 1] as [number, number, number];
      const [t1, , bytes1] = rows[i] as [number, number, number];
      expect(bytes1 - bytes0).toBeCloseTo((bps0 * (t1 - t0)) / 8, 0);
    }
  });
});

describe("migrations.interruption_ms and handover_interruptions.interruption_ms time different steering switches", () => {
  it("roaming: each handover's interruption ends (re-steered to the old vNFs) before its migration's targets are even ready", async () => {
    const out = await briefly("roaming.yaml", 180);
    const table = (name: string) => {
      const t = out.tables.find((x) => x.name === name);
      if (!t) throw new Error(`no ${name}`);
      return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
    };
    const interruptions = table("handover_interruptions");
    const migrations = table("migrations");
    expect(interruptions).toHaveLength(3);
    expect(migrations).toHaveLength(3);
    interruptions.forEach((h, i) => {
      const m = migrations[i] as Record<string, number>;
      const resolvedAt = (h["time_s"] as number) + (h["interruption_ms"] as number) / 1000;
      expect(resolvedAt).toBeLessThan(m["ready_s"] as number);
      // The migration's own interruption is its switch: state transferred (switch requested) → switched.
      expect(m["interruption_ms"]).toBeCloseTo(((m["steering_switched_s"] as number) - (m["state_transferred_s"] as number)) * 1000, 3);
      expect(m["interruption_ms"]).not.toBe(h["interruption_ms"]);
    });
  });
});

describe("with break-before-make the two interruption_ms time the same interval", () => {
  it("roaming, BBM: each handover's interruption equals its migration's (decision at the handover → new steering installed)", async () => {
    const { scenario } = loadScenarioFile(fileURLToPath(new URL("./roaming.yaml", import.meta.url)), { overrides: ["manager.migration=break-before-make"] });
    const out = await runScenario(scenario, scenario.seed);
    const column = (table: string, name: string) => {
      const t = out.tables.find((x) => x.name === table);
      const i = t?.columns.indexOf(name) ?? -1;
      return (t?.rows ?? []).map((r) => r[i]);
    };
    const handover = column("handover_interruptions", "interruption_ms");
    expect(handover).toHaveLength(3);
    expect(column("migrations", "interruption_ms")).toEqual(handover);
  });
});
