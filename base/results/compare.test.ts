import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareFolders, formatComparison } from "./compare.ts";

const work = mkdtempSync(join(tmpdir(), "gnf-compare-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function folder(name: string, world: string, metrics: Record<string, { value: number; unit: string; ci95?: [number, number] }>, csv: Record<string, string>, effectiveConfig: Record<string, unknown> = {}): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(csv)) writeFileSync(join(dir, file), text);
  writeFileSync(join(dir, "summary.json"), JSON.stringify({ scenario: "s", seed: 1, replications: 1, metrics: Object.fromEntries(Object.entries(metrics).map(([k, m]) => [k, { description: k, ...m }])) }));
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ world, scenario: { name: "s" }, effectiveConfig, files: [...Object.keys(csv), "summary.json", "manifest.json"] }));
  return dir;
}

describe("compareFolders", () => {
  it("puts metrics side by side with ratios and the confidence-interval check, and counts table rows", () => {
    const sim = folder("sim", "simulation", { "latency.meanMs": { value: 2, unit: "ms" }, "only.sim": { value: 1, unit: "count" } }, { "migrations.csv": "a,b\n1,2\n3,4\n" });
    const emu = folder("emu", "emulation", { "latency.meanMs": { value: 3, unit: "ms", ci95: [2.5, 3.5] } }, { "migrations.csv": "a,b\n1,2\n", "extra.csv": "x\n" });
    const c = compareFolders(sim, emu);
    expect(c.metrics).toEqual([
      { name: "latency.meanMs", unit: "ms", a: 2, b: 3, ratio: 1.5, aInsideCiOfB: false },
      { name: "only.sim", unit: "count", a: 1, b: null, ratio: null },
    ]);
    expect(c.tables).toEqual([
      { name: "migrations", rowsA: 2, rowsB: 1 },
      { name: "extra", rowsA: null, rowsB: 0 },
    ]);
    expect(formatComparison(c)[0]).toBe(`A: ${sim} (simulation, s, calibration built-in)`);
  });

  it("warns when a simulation with the built-in (paper-derived) calibration is compared with the lab, and not when it used a lab profile", () => {
    const emu = folder("emu2", "emulation", { "handover.interruptionMeanMs": { value: 104, unit: "ms" } }, {});
    const builtIn = folder("sim-builtin", "simulation", { "handover.interruptionMeanMs": { value: 8.9, unit: "ms" } }, {});
    const c = compareFolders(builtIn, emu);
    expect(c.notes).toHaveLength(1);
    expect(c.notes[0]).toMatch(/^A was simulated with the built-in calibration .* --set calibration=results\/reference\/calibration\/lab-profile\.yaml/);
    expect(formatComparison(c)[2]).toBe(`note: ${c.notes[0]}`);
    expect(compareFolders(emu, builtIn).notes[0]).toMatch(/^B was simulated/);
    const lab = folder("sim-lab", "simulation", { "handover.interruptionMeanMs": { value: 102, unit: "ms" } }, {}, { calibration: "/x/lab-profile.yaml" });
    expect(compareFolders(lab, emu).notes).toEqual([]);
    expect(formatComparison(compareFolders(lab, emu))[0]).toBe(`A: ${lab} (simulation, s, calibration /x/lab-profile.yaml)`);
    expect(compareFolders(builtIn, lab).notes).toEqual([]);
  });

  it("names the file that is missing or broken", () => {
    expect(() => compareFolders(join(work, "none"), join(work, "none"))).toThrow(/none\/manifest\.json: not found/);
    const broken = join(work, "broken");
    mkdirSync(broken);
    writeFileSync(join(broken, "manifest.json"), "{");
    expect(() => compareFolders(broken, broken)).toThrow(/broken\/manifest\.json: not valid JSON/);
  });
});
