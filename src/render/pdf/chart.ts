import type { ChartBlock } from "../../pack/document-model.js";
import { textAt, useFont } from "./fonts.js";
import type { Box, Flow } from "./flow.js";
import type { StructElement } from "./pdfkit-extras.js";
import { COLOUR } from "./theme.js";
import { chartAxis } from "../chart-axis.js";

const PLOT_HEIGHT = 120;
const AXIS_WIDTH = 26;
const SERIES_COLOURS = [COLOUR.seriesA, COLOUR.seriesB, "#5a8f3c", "#7b4f9d"];

/**
 * A grouped bar chart, tagged as one Figure whose alternative text is the block's description
 * (a table with the same numbers sits just before it, so nothing is lost without the picture).
 */
export function renderChart(flow: Flow, block: ChartBlock, box: Box, parent: StructElement): void {
  const doc = flow.doc;
  const height = 18 + 16 + PLOT_HEIGHT + 34;
  flow.need(height);
  const top = flow.y;
  const figure = flow.struct(parent, "Figure", {
    alt: block.description,
    bbox: [box.x, top, box.x + box.width, top + height],
    placement: "Block",
  });
  figure.add(doc.markStructureContent("Figure"));

  const { step, top: axisMax } = chartAxis(block.categories.flatMap((c) => c.values));
  const plot = { x: box.x + AXIS_WIDTH, y: top + 34, w: box.width - AXIS_WIDTH, h: PLOT_HEIGHT };
  const yOf = (v: number) => plot.y + plot.h - (v / axisMax) * plot.h;

  textAt(doc, block.title, box.x, top + 10, 9.5, COLOUR.heading, "bold");
  let lx = box.x + box.width;
  for (let s = block.series.length - 1; s >= 0; s--) {
    const name = block.series[s]!;
    useFont(doc, "regular", 8);
    lx -= doc.widthOfString(name) + 22;
    doc.rect(lx, top + 21, 9, 9).fill(SERIES_COLOURS[s % SERIES_COLOURS.length]);
    textAt(doc, name, lx + 13, top + 28.5, 8, COLOUR.text, "regular");
  }
  for (let v = 0; v <= axisMax; v += step) {
    const y = yOf(v);
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.w, y)
      .lineWidth(0.4)
      .strokeColor(v === 0 ? COLOUR.muted : COLOUR.rule)
      .stroke();
    useFont(doc, "regular", 7.5);
    textAt(doc, String(v), plot.x - 5 - doc.widthOfString(String(v)), y + 2.6, 7.5, COLOUR.muted, "regular");
  }
  const n = block.categories.length;
  const slot = plot.w / Math.max(1, n);
  const barWidth = Math.min(22, (slot * 0.7) / Math.max(1, block.series.length));
  block.categories.forEach((c, i) => {
    const groupWidth = barWidth * c.values.length;
    const gx = plot.x + i * slot + (slot - groupWidth) / 2;
    c.values.forEach((v, s) => {
      const y = yOf(v);
      if (v > 0)
        doc
          .rect(gx + s * barWidth, y, barWidth - 1, plot.y + plot.h - y)
          .fill(SERIES_COLOURS[s % SERIES_COLOURS.length]);
    });
    useFont(doc, "regular", 8);
    textAt(
      doc,
      c.label,
      plot.x + i * slot + slot / 2 - doc.widthOfString(c.label) / 2,
      plot.y + plot.h + 12,
      8,
      COLOUR.text,
      "regular",
    );
  });
  if (block.axis) {
    useFont(doc, "regular", 8);
    textAt(
      doc,
      block.axis,
      plot.x + plot.w / 2 - doc.widthOfString(block.axis) / 2,
      plot.y + plot.h + 26,
      8,
      COLOUR.muted,
      "regular",
    );
  }
  doc.endMarkedContent();
  figure.end();
  flow.touch();
  flow.y = top + height;
}
