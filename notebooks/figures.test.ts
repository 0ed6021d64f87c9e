import { describe, expect, it } from "vitest";
import { FIGURES } from "./figures.ts";
import { SvgChart } from "./svg-chart.ts";

describe("SvgChart", () => {
  it("renders lines, markers and a legend deterministically", () => {
    const make = () => new SvgChart({ title: "t <1>", xLabel: "x", yLabel: "y", x: [0, 10], y: [0, 5] }).lineSeries("a", [[0, 0], [10, 5]]).lineSeries("b", [[0, 5], [10, 0]], true).marker("m", 5, 2.5).render();
    const svg = make();
    expect(svg).toBe(make());
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain("t &lt;1&gt;");
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it("draws grouped bars on a category axis, and refuses lines there", () => {
    const chart = new SvgChart({ title: "b", xLabel: "x", yLabel: "y", x: ["p", "q"], y: [0, 10] });
    const svg = chart.bars([{ name: "s1", values: [3, 7] }, { name: "s2", values: [5, 1] }]).render();
    expect(svg.match(/<rect x=/g)?.length).toBe(4 + 2); // 4 bars + 2 legend swatches
    expect(() => chart.lineSeries("l", [[0, 0]])).toThrow(/numeric x domain/);
  });
});

describe("figure reproductions", () => {
  it("fig2-instantiation plots every started vNF from the simulated instantiation experiment", async () => {
    const { svg, data } = await (FIGURES["fig2-instantiation"] as { build: () => Promise<{ svg: string; data: { rows: unknown[][] } }> }).build();
    expect(data.rows).toHaveLength(80); // 50 on the i7 + 30 that fit on the Archer C9
    expect(data.rows.filter((r) => r[0] === "nfvi-i7").at(-1)?.[2]).toBe(50);
    expect(svg).toContain("paper: 50 in ~10 s on an i7");
  });

  it("fig4-roaming shows gaps under break-before-make and none under make-before-break", async () => {
    const { data } = await (FIGURES["fig4-roaming"] as { build: () => Promise<{ data: { rows: unknown[][] } }> }).build();
    const gaps = (mode: string) => data.rows.filter((r) => r[0] === mode && r[2] === null).length;
    expect(gaps("make-before-break")).toBeLessThan(gaps("break-before-make"));
    expect(gaps("break-before-make")).toBeGreaterThanOrEqual(6);
  });
});
