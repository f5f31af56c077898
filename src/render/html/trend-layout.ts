import type { TrendBlock } from "../../pack/document-model.js";
import { valueRange } from "../trend-scale.js";
import type { PlotFrame } from "./plot-frame.js";

/** Where everything of a trend chart goes, in SVG user units (what trend.hbs receives). */
export interface TrendLayout extends PlotFrame {
  /** The dashed target line and its label. */
  target: { y: number; label: string; labelX: number; labelY: number };
  /** The line through the results, as SVG points; a period without a result breaks it. */
  lines: string[];
  /** One marker per result: a circle when it met the target, a cross when it missed. */
  points: { x: number; y: number; met: boolean; label: string; labelY: number; cross: string }[];
  /** Period labels under the axis; `missing` for a period without a result. */
  categories: { x: number; y: number; label: string; missing: boolean }[];
}

const W = 480;
const H = 210;
const LEFT = 44;
const RIGHT = W - 12;
const TOP = 24;
const BOTTOM = H - 30;

/** Lays out a trend block; values are rounded so the SVG text stays short and stable. */
export function trendLayout(trend: TrendBlock, index = 0): TrendLayout {
  const values = [trend.target, ...trend.points.flatMap((p) => (p.value === null ? [] : [p.value]))];
  const { low, high, step } = valueRange(Math.min(...values), Math.max(...values));
  const y = (v: number) => round(BOTTOM - ((BOTTOM - TOP) * (v - low)) / (high - low));
  const n = Math.max(1, trend.points.length);
  const slot = (RIGHT - LEFT) / n;
  const x = (i: number) => round(LEFT + slot * i + slot / 2);
  const ticks = [];
  for (let v = low; v <= high + step / 2; v += step)
    ticks.push({ y: y(v), x: LEFT - 6, label: trimNumber(v) });
  const lines: string[] = [];
  let run: string[] = [];
  trend.points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length > 1) lines.push(run.join(" "));
      run = [];
    } else run.push(`${x(i)},${y(p.value)}`);
  });
  if (run.length > 1) lines.push(run.join(" "));
  const targetY = y(trend.target);
  return {
    id: `trend-${index + 1}`,
    width: W,
    height: H,
    title: trend.title,
    description: trend.description,
    plotLeft: LEFT,
    plotRight: RIGHT,
    plotBottom: BOTTOM,
    ticks,
    target: {
      y: targetY,
      label: `Target ${trimNumber(trend.target)}${trend.unitSuffix}`,
      labelX: RIGHT,
      labelY: round(targetY - 5),
    },
    lines,
    points: trend.points.flatMap((p, i) => {
      if (p.value === null) return [];
      const px = x(i);
      const py = y(p.value);
      const cross = `M${px - 5},${py - 5}L${px + 5},${py + 5}M${px - 5},${py + 5}L${px + 5},${py - 5}`;
      return [
        { x: px, y: py, met: p.met === true, label: trimNumber(p.value), labelY: round(py - 9), cross },
      ];
    }),
    categories: trend.points.map((p, i) => ({
      x: x(i),
      y: BOTTOM + 18,
      label: p.label,
      missing: p.value === null,
    })),
  };
}

function trimNumber(v: number): string {
  return String(Math.round(v * 100) / 100);
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
