import fs from "node:fs";

/** How a run of text is set. `italic` is slanted by pdfkit (the package ships no oblique face). */
export type TextStyle = "regular" | "bold" | "italic" | "boldItalic" | "code";

/** The fonts shipped in the package's fonts/ folder (DejaVu, see fonts/LICENSE-DejaVu.txt). */
const FILES = {
  sans: "DejaVuSans.ttf",
  sansBold: "DejaVuSans-Bold.ttf",
  mono: "DejaVuSansMono.ttf",
} as const;
type FontName = keyof typeof FILES;

// src/render/pdf/ and dist/render/pdf/ are both three levels below the package root.
const FONT_DIR = new URL("../../../fonts/", import.meta.url);

let loaded: Record<FontName, Buffer> | null = null;

/** Reads the font files once per process (they are part of the package, not user input). */
function fontFiles(): Record<FontName, Buffer> {
  loaded ??= {
    sans: fs.readFileSync(new URL(FILES.sans, FONT_DIR)),
    sansBold: fs.readFileSync(new URL(FILES.sansBold, FONT_DIR)),
    mono: fs.readFileSync(new URL(FILES.mono, FONT_DIR)),
  };
  return loaded;
}

/** Registers the shipped fonts on a document under their short names. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const files = fontFiles();
  for (const name of Object.keys(files) as FontName[]) doc.registerFont(name, files[name]);
  doc.font("sans");
}

/** The registered font and pdfkit options for a style. */
export function fontOf(style: TextStyle): { font: FontName; oblique: boolean } {
  switch (style) {
    case "bold":
      return { font: "sansBold", oblique: false };
    case "italic":
      return { font: "sans", oblique: true };
    case "boldItalic":
      return { font: "sansBold", oblique: true };
    case "code":
      return { font: "mono", oblique: false };
    default:
      return { font: "sans", oblique: false };
  }
}

/** Selects a style's font and size on the document. */
export function useFont(doc: PDFKit.PDFDocument, style: TextStyle, size: number): { oblique: boolean } {
  const f = fontOf(style);
  doc.font(f.font).fontSize(size);
  return { oblique: f.oblique };
}

/**
 * Width of `text` in a style at a size, in points. Words repeat where whole runs do not, so each
 * word's width (and the space's) is measured once per process and font, at a size of
 * MEASURE_SIZE, and the text's width is the sum of its words' and spaces' scaled to `size`
 * (widths grow in proportion to the size). Kerning across a space, the one thing measuring
 * words apart leaves out, is nil in the shipped fonts: tests hold the sum within a hundredth of a
 * point of pdfkit's own measure of the whole text.
 */
export function measure(doc: PDFKit.PDFDocument, text: string, style: TextStyle, size: number): number {
  const font = fontOf(style).font;
  let widths = WIDTHS.get(font);
  if (widths === undefined || widths.size > MAX_WORDS) WIDTHS.set(font, (widths = new Map()));
  let total = 0;
  let start = 0;
  for (;;) {
    const space = text.indexOf(" ", start);
    const end = space < 0 ? text.length : space;
    if (end > start) total += wordWidth(doc, font, widths, text.slice(start, end));
    if (space < 0) break;
    total += wordWidth(doc, font, widths, " ");
    start = space + 1;
  }
  return (total * size) / MEASURE_SIZE;
}

/** Word widths at MEASURE_SIZE, by font name: a font's name, not its file, says what it measures. */
const WIDTHS = new Map<FontName, Map<string, number>>();
const MEASURE_SIZE = 1000;
// A submission of many distinct words (codes, numbers) starts the font's table afresh past this.
const MAX_WORDS = 200_000;

function wordWidth(
  doc: PDFKit.PDFDocument,
  font: FontName,
  widths: Map<string, number>,
  word: string,
): number {
  let w = widths.get(word);
  if (w === undefined) {
    doc.font(font).fontSize(MEASURE_SIZE);
    w = doc.widthOfString(word);
    widths.set(word, w);
  }
  return w;
}
