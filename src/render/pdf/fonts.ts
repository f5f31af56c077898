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

/** Width of `text` in a style at a size, in points. */
export function measure(doc: PDFKit.PDFDocument, text: string, style: TextStyle, size: number): number {
  doc.font(fontOf(style).font).fontSize(size);
  return doc.widthOfString(text);
}
