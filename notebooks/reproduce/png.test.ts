import { describe, expect, it } from "vitest";
import { pngSize, svgToPng } from "./png.ts";
import { SvgChart } from "../svg-chart.ts";

const chart = (): string => {
  const c = new SvgChart({ title: "vNFs ready", xLabel: "time, s", yLabel: "vNFs", x: [0, 10], y: [0, 50] });
  c.lineSeries("i7", [[0, 0], [9.8, 50]]);
  return c.render();
};

describe("svgToPng", () => {
  it("renders at twice the SVG's size, with text drawn (the bundled font), the same bytes every time", () => {
    const svg = chart();
    const png = svgToPng(svg);
    expect(pngSize(png)).toEqual({ width: 1520, height: 840 });
    expect(svgToPng(svg).equals(png)).toBe(true);
    // Without its text the picture compresses to fewer bytes: the labels were rendered.
    const bare = svgToPng(svg.replace(/<text[^>]*>[^<]*<\/text>/g, ""));
    expect(png.length).toBeGreaterThan(bare.length * 1.2);
  });

  it("refuses a scale out of range", () => {
    expect(() => svgToPng(chart(), 0)).toThrow(/scale/);
  });
});
