import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../../base/errors.ts";
import { SvgChart } from "../svg-chart.ts";
import type { FigureMaker, ReproduceContext } from "./figure.ts";
import { pngSize } from "./png.ts";
import { reproduce } from "./reproduce.ts";
import { formatValue, relativeDifference } from "./report.ts";

const context: ReproduceContext = { simOnly: true, campaign: null, labProfile: "unused.yaml", emulationRuns: {}, seed: 7, replications: 2 };

/** A figure built from its context (the seed shows in the data), for the writer's tests. */
const seeded: FigureMaker = async (ctx) => {
  const chart = new SvgChart({ title: "seeded", xLabel: "x, s", yLabel: "y, vNFs", x: [0, 10], y: [0, 10] });
  chart.lineSeries("simulation", [[0, 0], [ctx.seed, ctx.seed]]);
  return {
    id: "seeded",
    title: "A seeded line",
    caption: `seed ${ctx.seed}`,
    svg: chart.render(),
    data: { name: "seeded", columns: ["source", "x_s", "y"], rows: [["simulation", ctx.seed, ctx.seed]] },
    values: [{ quantity: "50 vNFs ready | i7", value: 9.5, unit: "s", source: "simulation", origin: `seed ${ctx.seed}`, comparedWith: { value: 10, source: "paper", origin: "§V: about 10 s" } }],
    notes: ["--sim-only: the emulation series are left out"],
  };
};
const failing: FigureMaker = async () => {
  throw new Error("maker failed");
};
const registry = { seeded: { description: "a seeded line", make: seeded }, failing: { description: "fails", make: failing } };
const run = { command: "gnf reproduce seeded", commit: "abc", machine: "test", emulation: "none (--sim-only)" };

describe("reproduce", () => {
  it("writes CSV, SVG and PNG per figure and a report with the sourced values and their relative difference", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "gnf-repro-")), "out");
    const { files } = await reproduce({ figures: ["seeded"], context, out, registry, run });
    expect(files).toEqual(["seeded.csv", "seeded.svg", "seeded.png", "report.md", "report.html"]);
    expect(readdirSync(out).sort()).toEqual([...files].sort());
    expect(readFileSync(join(out, "seeded.csv"), "utf8")).toBe("source,x_s,y\nsimulation,7,7\n");
    expect(pngSize(readFileSync(join(out, "seeded.png"))).width).toBe(1520);
    const md = readFileSync(join(out, "report.md"), "utf8");
    expect(md).toContain("![A seeded line](seeded.png)");
    expect(md).toContain("| 50 vNFs ready \\| i7 | 9.5 s | simulation | seed 7 | 10 s (paper: §V: about 10 s) | -5.0 % |");
    expect(md).toContain("> --sim-only: the emulation series are left out");
    expect(md).toContain("seed 7, 2 replication(s)");
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain("<svg"); // self-contained: the figure is inline
    expect(html).not.toMatch(/src="/);
    expect(html).toContain("<td>-5.0 %</td>");
  });

  it("is deterministic: the same context gives the same bytes", async () => {
    const base = mkdtempSync(join(tmpdir(), "gnf-repro-"));
    await reproduce({ figures: ["seeded"], context, out: join(base, "a"), registry, run });
    await reproduce({ figures: ["seeded"], context, out: join(base, "b"), registry, run });
    for (const f of readdirSync(join(base, "a"))) expect(readFileSync(join(base, "b", f)).equals(readFileSync(join(base, "a", f)))).toBe(true);
  });

  it("leaves nothing behind when a figure fails, and refuses a non-empty folder without force", async () => {
    const base = mkdtempSync(join(tmpdir(), "gnf-repro-"));
    await expect(reproduce({ figures: ["seeded", "failing"], context, out: join(base, "out"), registry, run })).rejects.toThrow("maker failed");
    expect(readdirSync(base)).toEqual([]);
    const full = join(base, "full");
    await reproduce({ figures: ["seeded"], context, out: full, registry, run });
    writeFileSync(join(full, "mine.txt"), "keep");
    await expect(reproduce({ figures: ["seeded"], context, out: full, registry, run })).rejects.toThrow(UserError);
    expect(existsSync(join(full, "mine.txt"))).toBe(true);
  });
});

describe("report numbers", () => {
  it("relative difference against the compared value; none without one", () => {
    expect(relativeDifference({ quantity: "q", value: 11, unit: "s", source: "simulation", origin: "o", comparedWith: { value: 10, source: "emulation", origin: "lab" } })).toBeCloseTo(0.1, 12);
    expect(relativeDifference({ quantity: "q", value: 11, unit: "s", source: "simulation", origin: "o" })).toBeNull();
  });

  it("formats 4 significant digits, exponents only for the very large and small", () => {
    expect([formatValue(9.87654), formatValue(221), formatValue(2.21e8), formatValue(4.5e-5), formatValue(0)]).toEqual(["9.877", "221", "2.210e+8", "4.500e-5", "0"]);
  });
});
