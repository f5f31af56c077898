import type { ChartBlock } from "../../pack/document-model.js";
import { chartAxis } from "../chart-axis.js";
import type { PlotFrame } from "./plot-frame.js";

/** Where everything of a grouped bar chart goes, in SVG user units (what chart.hbs receives). */
export interface ChartLayout extends PlotFrame {
  /** One bar per series per category; `series` is the series' index (0 solid, 1 hatched). */
  bars: {
    x: number;
    y: number;
    width: number;
    height: number;
    value: number;
    series: number;
    labelX: number;
    labelY: number;
  }[];
  /** Category labels under the axis. */
  categories: { x: number; y: number; label: string }[];
  axisLabel: string;
  axisLabelX: number;
  axisLabelY: number;
  /** Legend swatches. */
  legend: { x: number; y: number; textX: number; textY: number; label: string; series: number }[];
}

const W = 480;
const H = 250;
const LEFT = 36;
const RIGHT = W - 8;
const TOP = 44;
const BOTTOM = H - 40;

/** Lays out a chart block; values are rounded so the SVG text stays short and stable. */
export function chartLayout(chart: ChartBlock, index = 0): ChartLayout {
  const { step, top } = chartAxis(chart.categories.flatMap((c) => c.values));
  const y = (v: number) => round(BOTTOM - ((BOTTOM - TOP) * v) / top);
  const n = Math.max(1, chart.categories.length);
  const group = (RIGHT - LEFT) / n;
  const series = Math.max(1, chart.series.length);
  const barW = Math.min(36, (group * 0.7) / series);
  const ticks = [];
  for (let v = 0; v <= top; v += step) ticks.push({ y: y(v), x: LEFT - 6, label: String(v) });
  const bars = chart.categories.flatMap((c, i) => {
    const start = LEFT + group * i + (group - barW * series) / 2;
    return c.values.map((value, s) => ({
      x: round(start + barW * s),
      y: y(value),
      width: round(barW),
      height: round(BOTTOM - y(value)),
      value,
      series: s,
      labelX: round(start + barW * s + barW / 2),
      labelY: round(y(value) - 4),
    }));
  });
  return {
    id: `chart-${index + 1}`,
    width: W,
    height: H,
    title: chart.title,
    description: chart.description,
    plotLeft: LEFT,
    plotRight: RIGHT,
    plotBottom: BOTTOM,
    ticks,
    bars,
    categories: chart.categories.map((c, i) => ({
      x: round(LEFT + group * i + group / 2),
      y: BOTTOM + 18,
      label: c.label,
    })),
    axisLabel: chart.axis,
    axisLabelX: round((LEFT + RIGHT) / 2),
    axisLabelY: H - 4,
    legend: chart.series.map((label, s) => ({
      x: LEFT + s * 160,
      y: 8,
      textX: LEFT + s * 160 + 20,
      textY: 15,
      label,
      series: s,
    })),
  };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
