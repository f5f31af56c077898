import type { ChartLayout } from "../html/chart-layout.js";
import { COLOUR, FONT } from "./docx-theme.js";

const SOLID = `#${COLOUR.seriesA}`;
const HATCH_STROKE = "#8a3b00";

/**
 * The chart as a self-contained SVG, drawn from the same layout as the HTML pack's chart.hbs
 * (src/render/html/chart-layout.ts), with its styles written on each element: Word keeps no
 * style sheet for an image.
 */
export function chartSvg(layout: ChartLayout): string {
  const font = `font-family="${FONT.body}, ${FONT.fallback}, sans-serif" font-size="13" fill="#${COLOUR.text}"`;
  const swatch = (series: number) =>
    series ? `fill="url(#hatch)" stroke="${HATCH_STROKE}"` : `fill="${SOLID}" stroke="${SOLID}"`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}"`,
    ` viewBox="0 0 ${layout.width} ${layout.height}" role="img">`,
    `<title>${escape(layout.title)}</title><desc>${escape(layout.description)}</desc>`,
    `<defs><pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">`,
    `<rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="${HATCH_STROKE}"/></pattern></defs>`,
    `<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
    ...layout.ticks.map(
      (t) =>
        `<line x1="${layout.plotLeft}" x2="${layout.plotRight}" y1="${t.y}" y2="${t.y}" stroke="#d5dbe3"/>` +
        `<text x="${t.x}" y="${t.y + 4}" text-anchor="end" ${font}>${escape(t.label)}</text>`,
    ),
    ...layout.bars.map(
      (b) =>
        `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" ${swatch(b.series)} stroke-width="1.5"/>` +
        `<text x="${b.labelX}" y="${b.labelY}" text-anchor="middle" font-weight="bold" ${font}>${b.value}</text>`,
    ),
    `<line x1="${layout.plotLeft}" x2="${layout.plotRight}" y1="${layout.plotBottom}" y2="${layout.plotBottom}"`,
    ` stroke="#${COLOUR.text}" stroke-width="1.5"/>`,
    ...layout.categories.map(
      (c) => `<text x="${c.x}" y="${c.y}" text-anchor="middle" ${font}>${escape(c.label)}</text>`,
    ),
    `<text x="${layout.axisLabelX}" y="${layout.axisLabelY}" text-anchor="middle" ${font}>`,
    `${escape(layout.axisLabel)}</text>`,
    ...layout.legend.map(
      (l) =>
        `<rect x="${l.x}" y="${l.y}" width="14" height="14" ${swatch(l.series)} stroke-width="1.5"/>` +
        `<text x="${l.textX}" y="${l.textY + 4}" ${font}>${escape(l.label)}</text>`,
    ),
    `</svg>`,
  ];
  return parts.join("");
}

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
