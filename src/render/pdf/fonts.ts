import fs from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { forgetWordLayouts, lendWordLayouts, setLineText } from "./set-text.js";
import { widthKey } from "./width-key.js";

/**
 * How a run of text is set. `symbol` is the fallback face for characters Noto Sans lacks (the
 * rating badges' ★ ● ◐ ○, arrows, the list bullets ◦ ▪): `withFallback` in runs.ts hands them to it.
 */
export type TextStyle = "regular" | "bold" | "italic" | "boldItalic" | "code" | "symbol";

/**
 * The fonts shipped in the package's fonts/ folder: Noto Sans with its true italics for text
 * (fonts/LICENSE-Noto.txt), DejaVu Sans Mono for code and DejaVu Sans for the symbols Noto Sans
 * does not have (fonts/LICENSE-DejaVu.txt).
 */
const FILES = {
  sans: "NotoSans-Regular.ttf",
  sansBold: "NotoSans-Bold.ttf",
  sansItalic: "NotoSans-Italic.ttf",
  sansBoldItalic: "NotoSans-BoldItalic.ttf",
  mono: "DejaVuSansMono.ttf",
  symbol: "DejaVuSans.ttf",
} as const;
type FontName = keyof typeof FILES;

// src/render/pdf/ and dist/render/pdf/ are both three levels below the package root.
const FONT_DIR = new URL("../../../fonts/", import.meta.url);

let loaded: Record<FontName, Buffer> | null = null;

/** Reads the font files once per process (they are part of the package, not user input). */
function fontFiles(): Record<FontName, Buffer> {
  loaded ??= Object.fromEntries(
    (Object.keys(FILES) as FontName[]).map((name) => [name, fs.readFileSync(new URL(FILES[name], FONT_DIR))]),
  ) as Record<FontName, Buffer>;
  return loaded;
}

/** A font parsed by fontkit, as pdfkit takes it in place of a file (its `layout` says so). */
type ParsedFont = { layout: unknown; hasGlyphForCodePoint(cp: number): boolean };

let parsed: Record<FontName, ParsedFont> | null = null;

/**
 * The shipped fonts parsed once per process. pdfkit takes a parsed font in place of a file's
 * bytes, so every document (each layout pass, each volume) shares them instead of parsing each
 * font file again; a document still makes its own subset of the glyphs it uses.
 */
function parsedFonts(): Record<FontName, ParsedFont> {
  if (parsed) return parsed;
  const fontkit = createRequire(import.meta.url)("fontkit") as { create(data: Buffer): ParsedFont };
  const files = fontFiles();
  parsed = Object.fromEntries(
    (Object.keys(files) as FontName[]).map((name) => [name, fontkit.create(files[name])]),
  ) as Record<FontName, ParsedFont>;
  return parsed;
}

/** Registers the shipped fonts on a document under their short names. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const fonts = parsedFonts();
  for (const name of Object.keys(fonts) as FontName[])
    doc.registerFont(name, fonts[name] as unknown as Buffer);
  doc.font("sans");
}

const FONT_OF: Record<TextStyle, FontName> = {
  regular: "sans",
  bold: "sansBold",
  italic: "sansItalic",
  boldItalic: "sansBoldItalic",
  code: "mono",
  symbol: "symbol",
};

/** The registered font of a style. */
export function fontOf(style: TextStyle): FontName {
  return FONT_OF[style];
}

/** Selects a style's font and size on the document. */
export function useFont(doc: PDFKit.PDFDocument, style: TextStyle, size: number): void {
  doc.font(fontOf(style)).fontSize(size);
}

/**
 * One line of text set at a point, its baseline at `baseline`, never broken: the running head and
 * foot, the chart's and the trend's labels.
 */
export function textAt(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  baseline: number,
  size: number,
  color: string,
  style: TextStyle = "regular",
): void {
  useFont(doc, style, size);
  doc.fillColor(color);
  setLineText(doc, text, x, baseline);
}

/**
 * Width of `text` in a style at a size, in points. Words repeat where whole runs do not, so each
 * word's width (and the space's) is measured once per process and font, at a size of
 * MEASURE_SIZE, and the text's width is the sum of its words' and spaces' scaled to `size`
 * (widths grow in proportion to the size). Kerning across a space, the one thing measuring
 * words apart leaves out, is nil in the shipped fonts: tests hold the sum within a hundredth of a
 * point of pdfkit's own measure of the whole text. A word's digits are all taken as 0 (widthKey).
 * No document is asked or changed: whoever sets text selects its font and size (`useFont`).
 */
export function measure(text: string, style: TextStyle, size: number): number {
  const font = fontOf(style);
  let widths = WIDTHS.get(font);
  if (widths === undefined || widths.size > MAX_WORDS) {
    WIDTHS.set(font, (widths = new Map()));
    forgetWordLayouts(measuringDocument(), font);
  }
  let total = 0;
  let start = 0;
  let spaceWidth = -1;
  for (;;) {
    const space = text.indexOf(" ", start);
    const end = space < 0 ? text.length : space;
    if (end > start)
      total += wordWidth(font, widths, start === 0 && end === text.length ? text : text.slice(start, end));
    if (space < 0) break;
    if (spaceWidth < 0) spaceWidth = wordWidth(font, widths, " ");
    total += spaceWidth;
    start = space + 1;
  }
  return (total * size) / MEASURE_SIZE;
}

/** Word widths at MEASURE_SIZE, by font name: a font's name, not its file, says what it measures. */
const WIDTHS = new Map<FontName, Map<string, number>>();
const MEASURE_SIZE = 1000;
// A submission of many distinct words (codes, numbers) starts the font's table afresh past this.
const MAX_WORDS = 200_000;

let measurer: PDFKit.PDFDocument | null = null;

/**
 * A word's width at MEASURE_SIZE, measured (once per process) on a document of its own that is
 * never written: the documents being laid out keep no layout of words they do not draw. pdfkit
 * keeps each word it lays out there (its font's layoutCache), and the documents that draw the
 * word later borrow that layout (set-text.ts `lendWordLayouts`) rather than lay it out
 * again; a font's layouts are let go with its width table.
 */
function measuringDocument(): PDFKit.PDFDocument {
  if (measurer === null) {
    measurer = new PDFDocument({ autoFirstPage: false });
    registerFonts(measurer);
    lendWordLayouts(measurer);
  }
  return measurer;
}

function wordWidth(font: FontName, widths: Map<string, number>, word: string): number {
  // Most words have no digit 1 to 9 and are kept under themselves: looked up as they are first.
  let w = widths.get(word);
  if (w !== undefined) return w;
  const key = widthKey(word);
  if (key !== word) w = widths.get(key);
  if (w === undefined) {
    w = measuringDocument().font(font).fontSize(MEASURE_SIZE).widthOfString(key);
    widths.set(key, w);
    // The layouts lent to drawing documents (about 1 KB a word) are let go past MAX_LENT words
    // a font: a word measured before is then laid out again where it is drawn.
    if (widths.size % MAX_LENT === 0) forgetWordLayouts(measuringDocument(), font);
  }
  return w;
}

/** Words whose layout the measuring document keeps for drawing documents, a font. */
const MAX_LENT = 20_000;

const covered = new Map<number, boolean>();

/**
 * Whether Noto Sans (the text face; its four styles cover the same characters) has a glyph for
 * a code point. Code points it lacks are set in the symbol face instead.
 */
export function textFaceHas(codePoint: number): boolean {
  // Latin (with Welsh's ŵ ŷ) and the combining marks are all in Noto Sans: no look-up for them,
  // but for the five overlays (U+0334 to U+0338: tilde, stroke and solidus, as in "A̸") that
  // fontkit fails to place in Noto Sans, which the symbol face sets instead (a test lays out
  // every character the text face is said to have).
  if (codePoint < 0x0370) return codePoint < 0x0334 || codePoint > 0x0338;
  let has = covered.get(codePoint);
  if (has === undefined) {
    has = parsedFonts().sans.hasGlyphForCodePoint(codePoint);
    covered.set(codePoint, has);
  }
  return has;
}

/** Width of `text` in a registered font at a size, as pdfkit measures it (on the measuring document). */
export function widthIn(font: string, size: number, text: string): number {
  return measuringDocument().font(font).fontSize(size).widthOfString(text);
}
