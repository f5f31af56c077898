import fs from "node:fs";
import { createRequire } from "node:module";
import type { TextPainter } from "./chart-png.js";
import type { Raster } from "./png-writer.js";
import { rgbOf } from "./png-writer.js";
import { COLOUR } from "./docx-theme.js";

/** The little of fontkit (pdfkit's font engine) the painter uses. */
interface Font {
  unitsPerEm: number;
  layout(text: string): {
    glyphs: { path: { commands: { command: string; args: number[] }[] } }[];
    positions: { xAdvance: number }[];
  };
}

// src/render/docx/ and dist/render/docx/ are both three levels below the package root.
const FONT_DIR = new URL("../../../fonts/", import.meta.url);
const INK = rgbOf(COLOUR.text);
/** Sub-rows per pixel row: coverage in sixteenths keeps small type smooth. */
const SUB = 4;

let fonts: { regular: Font; bold: Font } | null = null;

/**
 * Paints text with the PDF's faces (DejaVu), glyph outlines filled with anti-aliased coverage, so
 * the chart's PNG reads like the PDF's chart. Uses fontkit, the font engine pdfkit brings.
 */
export function glyphPainter(): TextPainter {
  fonts ??= loadFonts();
  const loaded = fonts;
  return (raster, text, at) => {
    const font = at.bold ? loaded.bold : loaded.regular;
    const run = font.layout(text);
    const k = at.size / font.unitsPerEm;
    const width = run.positions.reduce((n, p) => n + p.xAdvance, 0) * k;
    let pen = at.x - (at.anchor === "middle" ? width / 2 : at.anchor === "end" ? width : 0);
    const edges: Edge[] = [];
    run.glyphs.forEach((glyph, i) => {
      outline(glyph.path.commands, pen, at.y, k, edges);
      pen += run.positions[i]!.xAdvance * k;
    });
    fill(raster, edges);
  };
}

function loadFonts(): { regular: Font; bold: Font } {
  const fontkit = createRequire(import.meta.url)("fontkit") as { create(data: Buffer): Font };
  return {
    regular: fontkit.create(fs.readFileSync(new URL("DejaVuSans.ttf", FONT_DIR))),
    bold: fontkit.create(fs.readFileSync(new URL("DejaVuSans-Bold.ttf", FONT_DIR))),
  };
}

type Edge = [x0: number, y0: number, x1: number, y1: number];

/** A glyph's outline as straight edges in pixels (curves cut into short lines). */
function outline(
  commands: { command: string; args: number[] }[],
  ox: number,
  oy: number,
  k: number,
  edges: Edge[],
): void {
  const X = (v: number) => ox + v * k;
  const Y = (v: number) => oy - v * k;
  let start: [number, number] = [0, 0];
  let cur: [number, number] = [0, 0];
  const line = (x: number, y: number) => {
    edges.push([cur[0], cur[1], x, y]);
    cur = [x, y];
  };
  for (const { command, args: a } of commands) {
    if (command === "moveTo") cur = start = [X(a[0]!), Y(a[1]!)];
    else if (command === "lineTo") line(X(a[0]!), Y(a[1]!));
    else if (command === "quadraticCurveTo" || command === "bezierCurveTo") {
      const [x0, y0] = cur;
      const pts = a.map((v, i) => (i % 2 === 0 ? X(v) : Y(v)));
      for (let step = 1; step <= 6; step++) {
        const t = step / 6;
        const u = 1 - t;
        if (pts.length === 4)
          line(
            u * u * x0 + 2 * u * t * pts[0]! + t * t * pts[2]!,
            u * u * y0 + 2 * u * t * pts[1]! + t * t * pts[3]!,
          );
        else
          line(
            u * u * u * x0 + 3 * u * u * t * pts[0]! + 3 * u * t * t * pts[2]! + t * t * t * pts[4]!,
            u * u * u * y0 + 3 * u * u * t * pts[1]! + 3 * u * t * t * pts[3]! + t * t * t * pts[5]!,
          );
      }
    } else if (command === "closePath") line(start[0], start[1]);
  }
}

/** Fills the outline (non-zero winding) with the ink, blending by how much of each pixel it covers. */
function fill(raster: Raster, edges: Edge[]): void {
  if (edges.length === 0) return;
  const minY = Math.max(0, Math.floor(Math.min(...edges.map((e) => Math.min(e[1], e[3])))));
  const maxY = Math.min(raster.height, Math.ceil(Math.max(...edges.map((e) => Math.max(e[1], e[3])))));
  const minX = Math.max(0, Math.floor(Math.min(...edges.map((e) => Math.min(e[0], e[2])))));
  const maxX = Math.min(raster.width, Math.ceil(Math.max(...edges.map((e) => Math.max(e[0], e[2])))));
  const w = maxX - minX;
  if (w <= 0 || maxY <= minY) return;
  const cover = new Float32Array(w * (maxY - minY));
  for (let sy = minY * SUB; sy < maxY * SUB; sy++) {
    const y = (sy + 0.5) / SUB;
    const crossings: [number, number][] = [];
    for (const [x0, y0, x1, y1] of edges) {
      if (y0 === y1 || y < Math.min(y0, y1) || y >= Math.max(y0, y1)) continue;
      crossings.push([x0 + ((y - y0) * (x1 - x0)) / (y1 - y0), y1 > y0 ? 1 : -1]);
    }
    crossings.sort((a, b) => a[0] - b[0]);
    let winding = 0;
    for (let i = 0; i < crossings.length - 1; i++) {
      winding += crossings[i]![1];
      if (winding !== 0)
        span(cover, w, Math.floor(sy / SUB) - minY, crossings[i]![0] - minX, crossings[i + 1]![0] - minX);
    }
  }
  for (let row = 0; row < maxY - minY; row++)
    for (let col = 0; col < w; col++) raster.blend(minX + col, minY + row, INK, cover[row * w + col]);
}

/** Adds a sub-row's span [a, b) to the coverage of the pixels it crosses. */
function span(cover: Float32Array, w: number, row: number, a: number, b: number): void {
  const from = Math.max(0, a);
  const to = Math.min(w, b);
  for (let px = Math.floor(from); px < to; px++) {
    const overlap = Math.min(to, px + 1) - Math.max(from, px);
    const at = row * w + px;
    if (overlap > 0) cover[at] = (cover[at] ?? 0) + overlap / SUB;
  }
}
