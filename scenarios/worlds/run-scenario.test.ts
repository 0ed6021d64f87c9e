import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenarioFile } from "../load.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";

const EDGE_CITY = fileURLToPath(new URL("../../scenarios/edge-city.yaml", import.meta.url));

describe("a mixed edge scenario (city topology, mobility, radio, agents, traffic, core load)", () => {
  const { scenario } = loadScenarioFile(EDGE_CITY, { overrides: ["duration=120"] });

  it("is deterministic: the same seed gives identical metrics and tables", async () => {
    const a = await runScenario(scenario, 7);
    const b = await runScenario(scenario, 7);
    expect(b).toEqual(a);
    expect((await runScenario(scenario, 8)).tables).not.toEqual(a.tables);
  });

  it("produces exact values for its fixed seed", async () => {
    const out = await runScenario(scenario, 7);
    const m = Object.fromEntries(Object.entries(out.metrics).map(([k, v]) => [k, v.value]));
    expect(m["ues.handovers"]).toBe(157);
    expect(m["ues.connectedMean"]).toBeCloseTo(39.8695652173913, 10);
    expect(m["latency.meanMs"]).toBeCloseTo(11.400460073815259, 9);
    expect(m["core.bytes"]).toBe(2_292_500_000);
    // 40 UEs × 2 Mbit/s cross two core links (metro–core, core–internet) while connected.
    expect(m["core.meanBps"]).toBeGreaterThan(150e6);
    expect(m["core.meanBps"]).toBeLessThan(160e6);
    expect(out.tables.map((t) => [t.name, t.rows.length])).toEqual([
      ["connections", 42],
      ["handovers", 157],
      ["ue_latency", 917],
      ["core_utilisation", 23],
    ]);
  });
});
