import type { TrendBlock } from "../../pack/document-model.js";
import { valueRange } from "../trend-scale.js";
import { textAt, useFont } from "./fonts.js";
import type { Box, Flow } from "./flow.js";
import type { StructElement } from "./pdfkit-extras.js";
import { COLOUR } from "./theme.js";

const PLOT_HEIGHT = 96;
const AXIS_WIDTH = 30;
const WIDTH = 330;

/**
 * A service standard's trend: results as a line with a circle where the target was met and a
 * cross where it was missed, and the target as a dashed line. Tagged as one Figure whose
 * alternative text is the block's description; the table before it holds the same figures.
 */
export function renderTrend(flow: Flow, block: TrendBlock, box: Box, parent: StructElement): void {
  const doc = flow.doc;
  const width = Math.min(WIDTH, box.width);
  const height = 16 + PLOT_HEIGHT + 22;
  flow.need(height);
  const top = flow.y;
  const figure = flow.struct(parent, "Figure", {
    alt: block.description,
    bbox: [box.x, top, box.x + width, top + height],
    placement: "Block",
  });
  figure.add(doc.markStructureContent("Figure"));
  const values = [block.target, ...block.points.flatMap((p) => (p.value === null ? [] : [p.value]))];
  const { low, high, step } = valueRange(Math.min(...values), Math.max(...values));
  const plot = { x: box.x + AXIS_WIDTH, y: top + 16, w: width - AXIS_WIDTH, h: PLOT_HEIGHT };
  const yOf = (v: number) => plot.y + plot.h - ((v - low) / (high - low)) * plot.h;
  const slot = plot.w / Math.max(1, block.points.length);
  const xOf = (i: number) => plot.x + slot * i + slot / 2;

  for (let v = low; v <= high + step / 2; v += step) {
    const y = yOf(v);
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.w, y)
      .lineWidth(0.4)
      .strokeColor(v === low ? COLOUR.muted : COLOUR.rule)
      .stroke();
    const label = trim(v);
    useFont(doc, "regular", 7.5);
    textAt(doc, label, plot.x - 4 - doc.widthOfString(label), y + 2.6, 7.5, COLOUR.muted);
  }
  const ty = yOf(block.target);
  doc
    .moveTo(plot.x, ty)
    .lineTo(plot.x + plot.w, ty)
    .lineWidth(1)
    .dash(4, { space: 3 })
    .strokeColor(COLOUR.notice)
    .stroke();
  doc.undash();
  const targetLabel = `Target ${trim(block.target)}${block.unitSuffix}`;
  useFont(doc, "regular", 7.5);
  textAt(doc, targetLabel, plot.x + plot.w - doc.widthOfString(targetLabel), ty - 3, 7.5, COLOUR.notice);

  let pen = false;
  block.points.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    if (pen) doc.lineTo(xOf(i), yOf(p.value));
    else doc.moveTo(xOf(i), yOf(p.value));
    pen = true;
  });
  doc.lineWidth(1.4).strokeColor(COLOUR.seriesA).stroke();
  block.points.forEach((p, i) => {
    const x = xOf(i);
    if (p.value !== null) {
      const y = yOf(p.value);
      if (p.met) doc.circle(x, y, 3).fill(COLOUR.seriesA);
      else
        doc
          .moveTo(x - 3.2, y - 3.2)
          .lineTo(x + 3.2, y + 3.2)
          .moveTo(x - 3.2, y + 3.2)
          .lineTo(x + 3.2, y - 3.2)
          .lineWidth(1.6)
          .strokeColor(COLOUR.notice)
          .stroke();
      const value = trim(p.value);
      useFont(doc, "bold", 7);
      textAt(doc, value, x - doc.widthOfString(value) / 2, y - 6, 7, COLOUR.text, "bold");
    }
    useFont(doc, "regular", 7.5);
    const colour = p.value === null ? COLOUR.muted : COLOUR.text;
    textAt(doc, p.label, x - doc.widthOfString(p.label) / 2, plot.y + plot.h + 11, 7.5, colour);
  });
  doc.endMarkedContent();
  figure.end();
  flow.touch();
  flow.y = top + height;
}

function trim(v: number): string {
  return String(Math.round(v * 100) / 100);
}
