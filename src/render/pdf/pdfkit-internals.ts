/**
 * The private fields of pdfkit 0.20 that cse uses, typed in one place so the rest of the renderer
 * stays free of casts (pdfkit has no public way to do these things). A pdfkit that renamed one
 * would otherwise make its fix silently do nothing: PRIVATE_FIELDS lists each with how to find it,
 * missingPdfkitInternals names any that are gone, the renderer refuses to run without them, and a
 * test checks the installed pdfkit. What each is for is at its use: pdfkit-extras.ts (objects,
 * links, the parent tree, output) and set-text.ts (lines of text and their glyph codes).
 */

export interface NameTree {
  _compareKeys: (a: string, b: string) => number;
}
export interface PdfReference {
  id: number;
  data: Record<string, unknown>;
}
export interface DocumentInternals {
  _id: Uint8Array;
  /** Writes the cross-reference table and the trailer (with `_id`) once every object is written. */
  _finalize: () => void;
  _refEnd: (ref: PdfReference) => void;
  _offsets: Iterable<number | null> & { length: number };
  flushPages: () => void;
  _fontFamilies: Record<string, FontInternals>;
  getStructParentTree: () => { _items: Record<string, unknown> };
  getStructTreeRoot: () => { data: { ParentTreeNextKey: number } };
  _root: { data: { Names: { data: Record<string, NameTree | undefined> } } };
  _addInfo: () => void;
  info: Record<string, unknown>;
  push: (chunk: Uint8Array | null) => boolean;
  _write: (data: string | Uint8Array) => void;
  _fragment: (text: string, x: number, y: number, options: FragmentOptions) => void;
  _font: FontInternals;
  _fontSize: number;
  page: PageInternals;
  /** A string is written as a line; bytes as they are. */
  addContent: (data: string | Uint8Array) => void;
}

/** What cse reads of a pdfkit font (its EmbeddedFont): its name on the page, and its glyphs. */
export interface FontInternals {
  id: string;
  ref: () => unknown;
  /** The font file as fontkit parsed it (one per process: fonts.ts `parsedFonts`). */
  font: object;
  /** pdfkit's laid-out pieces of text (words with the space after them), by text. */
  layoutCache?: Record<string, GlyphRun | undefined>;
  /** The glyph codes (hex, in the document's subset) and positions of text, as pdfkit sets it. */
  encode: (text: string) => [string[], GlyphPosition[]];
}

/** A piece of text laid out, as pdfkit keeps it: its glyphs, their places and its width. */
export interface GlyphRun {
  glyphs: unknown[];
  positions: GlyphPosition[];
  advanceWidth: number;
}

/** A glyph's place, in thousandths of the font size (pdfkit scales fontkit's). */
export interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/** What pdfkit's `_fragment` reads of a one-line text's options, as `text()` would hand them on. */
export interface FragmentOptions {
  lineBreak: false;
  baseline: "alphabetic";
  textWidth: number | undefined;
  wordCount: number;
}

/** Each private field, and how to find it on a new document; what it is for is at its use below. */
const PRIVATE_FIELDS: Record<string, (doc: PDFKit.PDFDocument) => unknown> = {
  "document._id and _finalize (the file identifier, written in the trailer)": (doc) =>
    internals(doc)._id instanceof Uint8Array && typeof internals(doc)._finalize === "function",
  "document._root.data.Names.data (the name trees)": (doc) =>
    typeof internals(doc)._root?.data?.Names?.data === "object",
  "nameTree._compareKeys (their sort order)": (doc) =>
    typeof internals(doc)._root?.data?.Names?.data?.Dests?._compareKeys === "function",
  "document._addInfo (writing the Info and XMP metadata)": (doc) =>
    typeof internals(doc)._addInfo === "function",
  "document.info (the Info dictionary)": (doc) => typeof internals(doc).info === "object",
  "document.push (the output stream)": (doc) => typeof internals(doc).push === "function",
  "document._write (writing to the file)": (doc) => typeof internals(doc)._write === "function",
  "page.content, page.write and page.end (a page's content and its end)": (doc) =>
    typeof internals(doc).page?.content?.write === "function" &&
    typeof internals(doc).page?.content?.finalize === "function" &&
    Array.isArray(internals(doc).page?.content?.buffer) &&
    typeof internals(doc).page?.content?.compress === "boolean" &&
    typeof internals(doc).page?.write === "function" &&
    typeof internals(doc).page?.end === "function",
  "document._fontFamilies (the fonts in use, whose layoutCache is emptied)": (doc) =>
    typeof internals(doc)._fontFamilies === "object",
  "document._refEnd (an object written)": (doc) => typeof internals(doc)._refEnd === "function",
  "document._fragment (one line of text set)": (doc) => typeof internals(doc)._fragment === "function",
  "document._font.encode (a text's glyph codes)": (doc) => typeof internals(doc)._font?.encode === "function",
  "document._font.id and ref (the font's name on a page)": (doc) =>
    typeof internals(doc)._font?.id === "string" && typeof internals(doc)._font?.ref === "function",
  "document._fontSize (the size text is set at)": (doc) => typeof internals(doc)._fontSize === "number",
  "document.page.fonts (the fonts a page uses)": (doc) => typeof internals(doc).page?.fonts === "object",
  "document._offsets (each object's place in the file)": (doc) => Array.isArray(internals(doc)._offsets),
  "document._root (a written reference's class)": (doc) =>
    typeof (internals(doc)._root as unknown as PdfReference).id === "number",
  "document.getStructParentTree()._items (the parent tree's entries)": (doc) =>
    typeof internals(doc).getStructParentTree?.()?._items === "object",
  "outline.outlineData (a bookmark's dictionary)": (doc) =>
    typeof (doc.outline as unknown as OutlineInternals).outlineData === "object",
};

/**
 * The private pdfkit fields cse relies on that `doc` (a new document with its first page) lacks,
 * by name: empty with the pdfkit cse was built for.
 */
export function missingPdfkitInternals(doc: PDFKit.PDFDocument): string[] {
  return Object.entries(PRIVATE_FIELDS)
    .filter(([, present]) => !present(doc))
    .map(([name]) => name);
}

export function internals(doc: PDFKit.PDFDocument): DocumentInternals {
  return doc as unknown as DocumentInternals;
}

export interface OutlineInternals {
  outlineData: Record<string, unknown>;
}

/** What cse reads of a pdfkit page beyond its size and fonts: where its content goes. */
export interface PageInternals {
  height: number;
  fonts: Record<string, unknown>;
  /** The page's content stream. */
  content: ContentInternals;
  /** Writes a line of content (a string) or bytes. */
  write: (chunk: string | Uint8Array) => void;
  /** Ends the page, writing its objects. */
  end: () => void;
}

/** What cse reads of a page's content stream (a pdfkit reference): its bytes and their writing. */
export interface ContentInternals {
  write: (chunk: string | Uint8Array) => void;
  /** The bytes written so far, in pieces. */
  buffer: Uint8Array[];
  /** Whether the bytes are to be deflated as the stream is written. */
  compress: boolean;
  /** Deflates the bytes (if `compress`) and writes the stream's object. */
  finalize: () => void;
}
