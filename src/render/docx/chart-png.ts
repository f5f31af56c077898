import type { ChartLayout } from "../html/chart-layout.js";
import { COLOUR } from "./docx-theme.js";
import { Raster, rgbOf } from "./png-writer.js";

/** Draws the chart's text (labels, values, legend); absent, the picture has bars and lines only. */
export type TextPainter = (
  raster: Raster,
  text: string,
  at: { x: number; y: number; size: number; anchor: "start" | "middle" | "end"; bold: boolean },
) => void;

const SOLID = rgbOf(COLOUR.seriesA);
const HATCH = rgbOf("8a3b00");
const WHITE: [number, number, number] = [255, 255, 255];
const GRID = rgbOf("d5dbe3");
const INK = rgbOf(COLOUR.text);

/**
 * The chart as a PNG at `scale` pixels per layout unit: the picture Word and LibreOffice show
 * where they do not draw SVG. Drawn from the same layout as the SVG and the HTML chart.
 */
export function chartPng(layout: ChartLayout, scale: number, paintText: TextPainter | null): Uint8Array {
  const raster = new Raster(Math.round(layout.width * scale), Math.round(layout.height * scale));
  const s = (v: number) => v * scale;
  const hatch = (px: number, py: number) => ((px + py) % Math.round(s(8.5)) < s(4.25) ? HATCH : WHITE);
  const box = (x: number, y: number, w: number, h: number, series: number) => {
    const ink = series ? HATCH : SOLID;
    raster.fillRect(s(x), s(y), s(w), s(h), series ? hatch : ink);
    const t = Math.max(1, Math.round(s(1.5)));
    raster.fillRect(s(x), s(y), s(w), t, ink);
    raster.fillRect(s(x), s(y + h) - t, s(w), t, ink);
    raster.fillRect(s(x), s(y), t, s(h), ink);
    raster.fillRect(s(x + w) - t, s(y), t, s(h), ink);
  };
  const text = (label: string, x: number, y: number, anchor: "start" | "middle" | "end", bold = false) =>
    paintText?.(raster, label, { x: s(x), y: s(y), size: s(13), anchor, bold });
  for (const tick of layout.ticks) {
    raster.fillRect(
      s(layout.plotLeft),
      s(tick.y) - scale / 2,
      s(layout.plotRight - layout.plotLeft),
      scale,
      GRID,
    );
    text(tick.label, tick.x, tick.y + 4, "end");
  }
  for (const bar of layout.bars) {
    if (bar.height > 0) box(bar.x, bar.y, bar.width, bar.height, bar.series);
    text(String(bar.value), bar.labelX, bar.labelY, "middle", true);
  }
  raster.fillRect(
    s(layout.plotLeft),
    s(layout.plotBottom) - scale,
    s(layout.plotRight - layout.plotLeft),
    Math.max(1, Math.round(s(1.5))),
    INK,
  );
  for (const c of layout.categories) text(c.label, c.x, c.y, "middle");
  text(layout.axisLabel, layout.axisLabelX, layout.axisLabelY, "middle");
  for (const l of layout.legend) {
    box(l.x, l.y, 14, 14, l.series);
    text(l.label, l.textX, l.textY + 4, "start");
  }
  return raster.toPng();
}
