/** A simulated run's chain latency moves with a calibration profile's fitted forwarding (`sim/models/calibration/forwarding-catalog.ts`). */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { vnfCatalog } from "../deployment/vnfs/catalog.ts";
import { calibrationSchema, loadCalibration } from "../sim/models/calibration/profile.ts";
import { runScenario } from "../sim/run/run-scenario.ts";
import { loadScenarioFile } from "./load.ts";

const base = loadCalibration();

describe("a simulated run with a fitted forwarding", () => {
  it("charges each chained packet the fitted pass delay", async () => {
    const file = fileURLToPath(new URL("./default.yaml", import.meta.url));
    const { scenario } = loadScenarioFile(file, { overrides: ["duration=20"] });
    const chainLatencyMs = async (forwarding: { meanS: number; cv: number; entryMeanS?: number } | undefined): Promise<number> => {
      const profile = calibrationSchema.parse({ ...base, ...(forwarding ? { forwarding } : {}) });
      const out = await runScenario({ ...scenario, calibrationProfile: profile }, 1);
      const t = out.tables.find((x) => x.name === "ue_latency");
      const col = t?.columns.indexOf("chain_latency_ms") ?? -1;
      const values = (t?.rows ?? []).map((r) => Number(r[col])).filter((v) => Number.isFinite(v));
      expect(values.length).toBeGreaterThan(5);
      return values.reduce((a, b) => a + b, 0) / values.length;
    };
    const plain = await chainLatencyMs(undefined);
    const slow = await chainLatencyMs({ meanS: 20e-3, cv: 0 }); // 10 ms per pass on a reference core
    // The default scenario's chain is one firewall: its pass is 10 ms × the catalog's firewall/wire ratio on a reference core, more on the router.
    const firewallPassMs = (10 * (vnfCatalog()["firewall"]?.processingDelayS ?? NaN)) / (vnfCatalog()["wire"]?.processingDelayS ?? NaN);
    expect(slow - plain).toBeGreaterThan(firewallPassMs);
    // A fitted chain entry of 20 ms round trip: 10 ms one way, once per chain, more on the router's slower core.
    const entered = await chainLatencyMs({ meanS: 1e-6, cv: 0, entryMeanS: 20e-3 });
    expect(entered - plain).toBeGreaterThan(10);
  });
});
