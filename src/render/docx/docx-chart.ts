import { AlignmentType, ImageRun, Paragraph } from "docx";
import type { ChartBlock } from "../../pack/document-model.js";
import { chartLayout } from "../html/chart-layout.js";
import { chartPng } from "./chart-png.js";
import { chartSvg } from "./chart-svg.js";
import type { DocxContext } from "./docx-context.js";
import { textRuns } from "./docx-inlines.js";
import { STYLE } from "./docx-styles.js";
import { TEXT_WIDTH } from "./docx-theme.js";
import { glyphPainter } from "./glyph-painter.js";

/** Pixels per layout unit of the PNG: sharp when printed at the width it is shown. */
const PNG_SCALE = 2;

/**
 * The chart as a picture, drawn from the same layout as the HTML and PDF charts: an SVG (Word
 * 2016 and later draw it sharp at any size) with a PNG for programs that do not draw SVG, its
 * description as the picture's alternative text, and a caption saying the table gives the same
 * numbers.
 */
export function chartParagraphs(ctx: DocxContext, chart: ChartBlock): Paragraph[] {
  const layout = chartLayout(chart, ctx.nextChart());
  // The text column is 471 pt wide; Word measures pictures in pixels at 96 per inch.
  const width = Math.round((TEXT_WIDTH / 20) * (96 / 72) * 0.95);
  const height = Math.round((width * layout.height) / layout.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 240 },
      children: [
        new ImageRun({
          type: "svg",
          data: Buffer.from(chartSvg(layout), "utf8"),
          fallback: { type: "png", data: chartPng(layout, PNG_SCALE, glyphPainter()) },
          transformation: { width, height },
          altText: { name: layout.title, title: layout.title, description: layout.description },
        }),
      ],
    }),
    new Paragraph({
      style: STYLE.caption,
      children: textRuns(`${chart.title}. The table above gives the same numbers.`),
    }),
  ];
}
