/**
 * A small SVG chart builder on d3's scales, shapes and tick generators (no DOM needed): an x/y
 * plot area with axes, line series, bars and labels, rendered to a standalone SVG string.
 * Deterministic: the same data gives the same bytes (numbers rounded to 0.01 px).
 *
 * @example
 *   const c = new SvgChart({ title: "vNFs ready", xLabel: "s", yLabel: "vNFs", x: [0, 12], y: [0, 50] });
 *   c.line("i7", [[0, 0], [9.8, 50]]);
 *   writeFileSync("fig.svg", c.render());
 */
import { scaleBand, scaleLinear, line, type ScaleLinear } from "d3";

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  /** Numeric x domain, or category names for bar charts. */
  x: [number, number] | string[];
  y: [number, number];
  width?: number;
  height?: number;
}

const PALETTE = ["#1b6ca8", "#d1495b", "#2e933c", "#edae49", "#6b4c9a", "#00798c"];
const MARGIN = { top: 40, right: 170, bottom: 50, left: 70 };

const px = (v: number): string => (Math.round(v * 100) / 100).toString();
const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export class SvgChart {
  private readonly parts: string[] = [];
  private readonly legend: { name: string; color: string }[] = [];
  private readonly width: number;
  private readonly height: number;
  private readonly yScale: ScaleLinear<number, number>;

  constructor(private readonly options: ChartOptions) {
    this.width = options.width ?? 760;
    this.height = options.height ?? 420;
    this.yScale = scaleLinear().domain(options.y).nice().range([this.height - MARGIN.bottom, MARGIN.top]);
  }

  private xLinear(): ScaleLinear<number, number> {
    if (!isNumericDomain(this.options.x)) throw new Error(`chart "${this.options.title}": a line needs a numeric x domain`);
    return scaleLinear().domain(this.options.x).nice().range([MARGIN.left, this.width - MARGIN.right]);
  }

  private color(name: string): string {
    const existing = this.legend.find((l) => l.name === name);
    if (existing) return existing.color;
    const color = PALETTE[this.legend.length % PALETTE.length] as string;
    this.legend.push({ name, color });
    return color;
  }

  /** A line through `points` ([x, y] pairs); `dashed` for reference curves (e.g. the paper's). */
  lineSeries(name: string, points: readonly (readonly [number, number])[], dashed = false): this {
    const x = this.xLinear();
    const path = line<readonly [number, number]>()
      .x((p) => x(p[0]))
      .y((p) => this.yScale(p[1]))(points);
    this.parts.push(`<path d="${path ?? ""}" fill="none" stroke="${this.color(name)}" stroke-width="2"${dashed ? ' stroke-dasharray="6 4"' : ""}/>`);
    return this;
  }

  /** One marker with a label at (x, y). */
  marker(label: string, x: number, y: number): this {
    const sx = this.xLinear()(x);
    const sy = this.yScale(y);
    this.parts.push(`<circle cx="${px(sx)}" cy="${px(sy)}" r="4" fill="#222"/><text x="${px(sx + 6)}" y="${px(sy - 6)}" font-size="11">${esc(label)}</text>`);
    return this;
  }

  /** Grouped bars: one group per category of the x domain, one bar per series. */
  bars(series: readonly { name: string; values: readonly number[] }[]): this {
    const categories = this.options.x;
    if (isNumericDomain(categories)) throw new Error(`chart "${this.options.title}": bars need category names on x`);
    const outer = scaleBand().domain(categories).range([MARGIN.left, this.width - MARGIN.right]).padding(0.2);
    const inner = scaleBand().domain(series.map((s) => s.name)).range([0, outer.bandwidth()]).padding(0.05);
    for (const s of series) {
      const color = this.color(s.name);
      s.values.forEach((v, i) => {
        const x0 = (outer(categories[i] as string) ?? 0) + (inner(s.name) ?? 0);
        const y0 = this.yScale(Math.max(0, v));
        this.parts.push(`<rect x="${px(x0)}" y="${px(y0)}" width="${px(inner.bandwidth())}" height="${px(this.yScale(this.options.y[0]) - y0)}" fill="${color}"><title>${esc(`${s.name} ${categories[i]}: ${v}`)}</title></rect>`);
      });
    }
    categories.forEach((c) => this.parts.push(`<text x="${px((outer(c) ?? 0) + outer.bandwidth() / 2)}" y="${px(this.height - MARGIN.bottom + 16)}" font-size="11" text-anchor="middle">${esc(c)}</text>`));
    return this;
  }

  render(): string {
    const { width, height, options } = this;
    const axes: string[] = [];
    const y0 = this.height - MARGIN.bottom;
    axes.push(`<line x1="${MARGIN.left}" y1="${y0}" x2="${width - MARGIN.right}" y2="${y0}" stroke="#333"/>`);
    axes.push(`<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${y0}" stroke="#333"/>`);
    for (const t of this.yScale.ticks(6)) {
      const y = this.yScale(t);
      axes.push(`<line x1="${MARGIN.left - 4}" y1="${px(y)}" x2="${width - MARGIN.right}" y2="${px(y)}" stroke="#e4e4e4"/><text x="${MARGIN.left - 8}" y="${px(y + 4)}" font-size="11" text-anchor="end">${t}</text>`);
    }
    if (isNumericDomain(options.x)) {
      const x = this.xLinear();
      for (const t of x.ticks(8)) axes.push(`<line x1="${px(x(t))}" y1="${y0}" x2="${px(x(t))}" y2="${y0 + 4}" stroke="#333"/><text x="${px(x(t))}" y="${y0 + 16}" font-size="11" text-anchor="middle">${t}</text>`);
    }
    axes.push(`<text x="${px((MARGIN.left + width - MARGIN.right) / 2)}" y="${height - 12}" font-size="12" text-anchor="middle">${esc(options.xLabel)}</text>`);
    axes.push(`<text transform="translate(18 ${px((MARGIN.top + y0) / 2)}) rotate(-90)" font-size="12" text-anchor="middle">${esc(options.yLabel)}</text>`);
    const legend = this.legend.map((l, i) => `<rect x="${width - MARGIN.right + 14}" y="${MARGIN.top + i * 18}" width="12" height="12" fill="${l.color}"/><text x="${width - MARGIN.right + 32}" y="${MARGIN.top + i * 18 + 10}" font-size="11">${esc(l.name)}</text>`);
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
      `<rect width="${width}" height="${height}" fill="white"/>`,
      `<text x="${MARGIN.left}" y="22" font-size="14" font-weight="bold">${esc(options.title)}</text>`,
      ...axes,
      ...this.parts,
      ...legend,
      "</svg>",
      "",
    ].join("\n");
  }
}

function isNumericDomain(x: ChartOptions["x"]): x is [number, number] {
  return typeof x[0] === "number";
}
