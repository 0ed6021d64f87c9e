/**
 * The data plane's catalog takes a profile's fitted forwarding (one pass = half the measured round
 * trip per wire vNF, other types in the catalog's ratio; cv × √2; the fitted per-packet costs) but
 * never what the scenario set itself (a run's chain latency moving with it: scenarios/forwarding-calibration.test.ts).
 */
import { describe, expect, it } from "vitest";
import { vnfCatalog } from "../../../deployment/vnfs/catalog.ts";
import { forwardingCatalog, forwardingEntry } from "./forwarding-catalog.ts";
import { calibrationSchema, loadCalibration } from "./profile.ts";

const base = loadCalibration();
const fitted = calibrationSchema.parse({ ...base, forwarding: { meanS: 0.4e-3, cv: 0.5, perPacketS: { wire: 3e-6 } } });

describe("forwardingCatalog", () => {
  it("without a fitted forwarding the catalog is unchanged", () => {
    const catalog = vnfCatalog();
    expect(forwardingCatalog(catalog, base)).toBe(catalog);
  });

  it("takes the fitted pass delay, jitter and per-packet cost; the scenario's own values win", () => {
    const catalog = vnfCatalog({ firewall: { processingDelayS: 1e-3 } });
    const out = forwardingCatalog(catalog, fitted, { firewall: { processingDelayS: 1e-3 } });
    expect(out["wire"]?.processingDelayS).toBeCloseTo(0.2e-3, 12);
    expect(out["wire"]?.processingCv).toBeCloseTo(0.5 * Math.SQRT2, 12);
    expect(out["wire"]?.cpuPerPacketS).toBe(3e-6);
    expect(out["firewall"]?.processingDelayS).toBe(1e-3);
    expect(out["firewall"]?.cpuPerPacketS).toBe(catalog["firewall"]?.cpuPerPacketS);
    const ids = catalog["ids"];
    const wire = catalog["wire"];
    expect(out["ids"]?.processingDelayS).toBeCloseTo((0.2e-3 * (ids?.processingDelayS ?? NaN)) / (wire?.processingDelayS ?? NaN), 12);
    expect(out["ids"]?.idleMemoryBytes).toBe(ids?.idleMemoryBytes);
  });
});

describe("forwardingEntry", () => {
  it("is half the fitted round-trip entry, cv × √2; none without one", () => {
    expect(forwardingEntry(base)).toBeUndefined();
    expect(forwardingEntry(fitted)).toBeUndefined();
    const withEntry = calibrationSchema.parse({ ...base, forwarding: { meanS: 0.1e-3, cv: 0.3, entryMeanS: 0.2e-3, entryCv: 0.5 } });
    const e = forwardingEntry(withEntry);
    expect(e?.delayS).toBeCloseTo(0.1e-3, 12);
    expect(e?.cv).toBeCloseTo(0.5 * Math.SQRT2, 12);
  });
});
