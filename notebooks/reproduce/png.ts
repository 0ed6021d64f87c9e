/**
 * SVG → PNG on the server with resvg (`@resvg/resvg-js`, no browser). Text is set in DejaVu Sans
 * from the `dejavu-fonts-ttf` npm package, never the system's fonts, so the same SVG gives the same
 * PNG bytes on every machine. `scale` multiplies the SVG's own width and height (default 2: a
 * 760 × 420 chart becomes 1520 × 840 pixels, readable on a slide).
 */
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";

const require = createRequire(import.meta.url);

/** The TrueType files resvg may use (regular and bold DejaVu Sans). */
export const FONT_FILES: readonly string[] = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`));

export function svgToPng(svg: string, scale = 2): Buffer {
  if (!(scale > 0 && scale <= 8)) throw new RangeError(`PNG scale must be in (0, 8], got ${scale}`);
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: { loadSystemFonts: false, fontFiles: [...FONT_FILES], defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}

/** Width and height in pixels of a PNG (from its IHDR chunk). */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.toString("latin1", 1, 4) !== "PNG") throw new Error("not a PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
