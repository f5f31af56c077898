/**
 * What every SVG chart of the HTML pack has, in SVG user units: its size, its accessible name
 * and description, the plot area's edges and the value axis's gridlines. The grouped bar
 * chart (chart-layout.ts) and the trend chart (trend-layout.ts) add their own marks to it.
 */
export interface PlotFrame {
  /** Prefix of the chart's element ids. */
  id: string;
  width: number;
  height: number;
  title: string;
  description: string;
  plotLeft: number;
  plotRight: number;
  plotBottom: number;
  /** Gridlines with their value labels. */
  ticks: { y: number; x: number; label: string }[];
}
