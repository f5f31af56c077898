/**
 * The few pdfkit 0.20 features that @types/pdfkit does not describe, typed in one place so the
 * rest of the renderer stays free of casts: structure attributes (table header scope, layout
 * bounding box), annotation options for tagged links, and every private field cse uses (listed in
 * PRIVATE_FIELDS; pdfkit has no public way to do these things). A pdfkit that renamed one would
 * otherwise make its fix silently do nothing: missingPdfkitInternals names any that are gone, the
 * renderer refuses to run without them, and a test checks the installed pdfkit.
 */

import { widthKey } from "./width-key.js";

/** A structure element (pdfkit's PDFStructureElement). */
export type StructElement = PDFKit.PDFStructureElement;

/** Options of a structure element beyond the typed ones. */
export interface StructOptions {
  title?: string;
  lang?: string;
  /** The expansion of an abbreviation (/E). */
  expanded?: string;
  alt?: string;
  actual?: string;
  /** Table header scope: the TH heads a column or a row. */
  scope?: "Column" | "Row" | "Both";
  /** Bounding box [x1, y1, x2, y2] in page coordinates from the top left (figures). */
  bbox?: [number, number, number, number];
  placement?: "Block" | "Inline";
}

/** Creates a structure element. */
export function struct(doc: PDFKit.PDFDocument, type: string, options: StructOptions = {}): StructElement {
  return doc.struct(type, options);
}

/** A link annotation to a named destination, tagged as part of `parent` (a Link element). */
export function linkToDestination(
  doc: PDFKit.PDFDocument,
  rect: Rect,
  anchor: string,
  label: string,
  parent: StructElement,
): void {
  doc.goTo(rect.x, rect.y, rect.w, rect.h, anchor, {
    structParent: parent,
    Contents: new String(label),
  } as object);
}

/**
 * A link annotation opening another PDF file beside this one (`file`, a bare file name, so it
 * is found in the same folder) at its named destination `anchor`: a remote go-to action
 * (GoToR), tagged as part of `parent` (a Link element).
 */
export function linkToOtherFile(
  doc: PDFKit.PDFDocument,
  rect: Rect,
  file: string,
  anchor: string,
  label: string,
  parent: StructElement,
): void {
  const action = doc.ref({
    S: "GoToR",
    F: { Type: "Filespec", F: new String(file), UF: new String(file) },
    D: new String(anchor),
  });
  action.end(""); // no stream: a dictionary only
  doc.annotate(rect.x, rect.y, rect.w, rect.h, {
    Subtype: "Link",
    A: action,
    structParent: parent,
    Contents: new String(label),
  } as object);
}

/** A link annotation to a web address, tagged as part of `parent` (a Link element). */
export function linkToUrl(
  doc: PDFKit.PDFDocument,
  rect: Rect,
  href: string,
  label: string,
  parent: StructElement,
): void {
  doc.link(rect.x, rect.y, rect.w, rect.h, uriOf(href), {
    structParent: parent,
    Contents: new String(label),
  } as object);
}

/**
 * The address as a PDF /URI string: a URI is 7-bit ASCII with no controls or spaces, so the
 * address is parsed (which drops tabs and line ends, as a browser does) and anything left
 * outside printable ASCII is percent-encoded; a raw newline or NUL never reaches the file.
 */
export function uriOf(href: string): string {
  let uri = href;
  try {
    uri = new URL(href).href;
  } catch {
    // Not an address the pack links to (the model allows only http and https); encode it anyway.
  }
  return uri.replace(/[^\x21-\x7e]/gu, percentEncoded);
}

function percentEncoded(c: string): string {
  try {
    return encodeURIComponent(c);
  } catch {
    return "%EF%BF%BD"; // a lone surrogate: the replacement character
  }
}

/**
 * Sets one line of text (no line breaks in it) with its baseline at `y`, in the current font,
 * size and colour; `width` is its width as cse measured it (pdfkit's own setting needs it only to
 * draw or link along the text, which cse never asks of it). It writes what
 * `doc.text(text, x, y, { lineBreak: false, baseline: "alphabetic" })` writes, byte for byte
 * (a test holds it to that), without what pdfkit does again for every line of every page:
 * copying and completing the options, splitting the text at line breaks and into words, looking
 * each word's glyphs up and turning each glyph's number into hex, writing each operator on its
 * own, and measuring the text again afterwards to move its own cursor (cse places every line
 * itself). The words' glyph codes come from `tjOperands`; a line with a glyph pdfkit places off
 * its advance (a combining accent) is set by pdfkit itself. The 300-item PDF took about a sixth
 * less time than setting each line through pdfkit's _fragment (docs/benchmarks.md, issue 22).
 */
export function setLineText(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width?: number,
): void {
  setText(doc, text, x, y, width, null);
}

/**
 * Sets one line of text as setLineText does, in `colour` (hex, as `doc.fillColor` takes it), in
 * fewer bytes: the text matrix itself turns pdfkit's upside-down user space the right way up
 * (`1 0 0 -1 x y Tm`, where pdfkit saves the state, flips the axis with `cm` and restores it
 * around every line), and the colour is set in the text object as one `rg` operator with four
 * decimals (pdfkit writes `/DeviceRGB cs` and `scn` with components of up to seventeen digits,
 * for every line). The glyphs land where setLineText puts them, in the same colour. The colour
 * stays set afterwards, as `doc.fillColor` leaves it; everything cse fills sets its colour
 * first. A line pdfkit has to set itself (one with a combining accent) is set as before.
 */
export function setColouredText(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  colour: string,
): void {
  setText(doc, text, x, y, width, colour);
}

function setText(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number | undefined,
  colour: string | null,
): void {
  if ((doc as unknown as Record<symbol, unknown>)[DRAWS_NOTHING] === true) return;
  const d = internals(doc);
  const line = text.includes("\n") ? text.replace(/\n/g, "") : text;
  if (line.length === 0) return;
  const font = d._font;
  const tj = tjOperands(font, line);
  if (tj === null) {
    if (colour !== null) doc.fillColor(colour);
    d._fragment(line, x, y, { lineBreak: false, baseline: "alphabetic", textWidth: width, wordCount: 1 });
    return;
  }
  const page = d.page;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  const operands = tj === "" ? "" : `[${tj}] TJ\n`;
  if (colour !== null) {
    d.addContent(
      `BT\n1 0 0 -1 ${pdfNumber(x)} ${pdfNumber(y)} Tm\n/${font.id} ${pdfNumber(d._fontSize)} Tf\n` +
        `${rgOperator(colour)}\n${operands}ET`,
    );
    return;
  }
  // pdfkit's _fragment: save the state, flip the y axis, set the text at (x, page height - y) in
  // the font at its size, restore. One write of the lines.
  const h = page.height;
  d.addContent(
    `q\n1 0 0 -1 0 ${pdfNumber(h)} cm\nBT\n1 0 0 1 ${pdfNumber(x)} ${pdfNumber(h - y)} Tm\n` +
      `/${font.id} ${pdfNumber(d._fontSize)} Tf\n${operands}ET\nQ`,
  );
}

/**
 * The `rg` operator that sets a hex colour ("#1a1a1a", as the pack's colours are written:
 * colours.ts) as the fill colour, by colour. Any other form (pdfkit also takes "#abc" and names)
 * is a bug here, not a colour to guess at.
 */
function rgOperator(hex: string): string {
  let op = RG.get(hex);
  if (op === undefined) {
    if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`a text colour must be written #rrggbb, not "${hex}"`);
    const value = Number.parseInt(hex.slice(1), 16);
    const channels = [value >> 16, (value >> 8) & 0xff, value & 0xff];
    op = `${channels.map((c) => String(Math.round((c / 255) * 1e4) / 1e4)).join(" ")} rg`;
    RG.set(hex, op);
  }
  return op;
}

const RG = new Map<string, string>();

/** What a stand-in document that draws nothing (dry-document.ts) answers true to. */
export const DRAWS_NOTHING = Symbol("draws nothing");

/**
 * A piece of a line as pdfkit lays text out (a word with the space or tab after it) in a
 * document's font, as the TJ operator writes it: the glyphs' codes in the document's subset,
 * in hex, broken after each glyph that kerning moves, with that move (in thousandths of the
 * size, negated): [codes, move, codes, move, ..., codes].
 */
type Piece = string[];

/** Each font's pieces, by text; null for a piece with a glyph set off its advance. */
const PIECES = new WeakMap<FontInternals, Map<string, Piece | null>>();

/**
 * The operands of the TJ operator that sets `text` in `font`, as pdfkit's _fragment writes
 * them, or null when pdfkit would place a glyph of it off its advance. pdfkit lays a line out
 * as pieces, each a word with the space or tab after it, and each is encoded once per document
 * and font (pdfkit encodes every glyph of every line again): the glyphs enter the font's subset
 * in the order pdfkit would enter them, so the subset, and the file, are the same.
 */
function tjOperands(font: FontInternals, text: string): string | null {
  let lines = LINES.get(font);
  if (lines === undefined) LINES.set(font, (lines = new Map()));
  const known = lines.get(text);
  if (known !== undefined) return known;
  const tj = piecesOperands(font, text);
  if (tj !== null && text.length <= KEPT_LINE) lines.set(text, tj);
  return tj;
}

/**
 * Each font's short lines (the text of a fragment: a line's run in one style) set so far, with
 * their TJ operands. In the 300-item pack two fragments in three recur (labels, ids, headings,
 * short cells), and 86% of those are KEPT_LINE characters or fewer, which make up 15% of the
 * distinct fragments' text: a long line seldom comes again, and is not kept.
 */
const LINES = new WeakMap<FontInternals, Map<string, string>>();
const KEPT_LINE = 40;

function piecesOperands(font: FontInternals, text: string): string | null {
  let pieces = PIECES.get(font);
  if (pieces === undefined) PIECES.set(font, (pieces = new Map()));
  let out = "";
  let open = "";
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9) continue;
    } else if (start === i) break;
    const key = text.slice(start, i + 1);
    start = i + 1;
    let piece = pieces.get(key);
    if (piece === undefined) pieces.set(key, (piece = encodePiece(font, key)));
    if (piece === null) return null;
    open += piece[0];
    for (let k = 1; k < piece.length; k += 2) {
      out += `${out === "" ? "" : " "}<${open}> ${piece[k]}`;
      open = piece[k + 1]!;
    }
  }
  // The last glyph moves by nothing: pdfkit writes its 0.
  if (open !== "") out += `${out === "" ? "" : " "}<${open}> 0`;
  return out;
}

function encodePiece(font: FontInternals, text: string): Piece | null {
  borrowWordLayout(font, text);
  const [codes, positions] = font.encode(text);
  const piece: Piece = [];
  let open = "";
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!;
    if (p.xOffset || p.yOffset) return null;
    open += codes[i];
    const move = p.xAdvance - p.advanceWidth;
    if (move !== 0) {
      piece.push(open, String(pdfNumber(-move)));
      open = "";
    }
  }
  piece.push(open);
  return piece;
}

/** The document cse measures words on (fonts.ts), whose laid-out words drawing documents borrow. */
let measuringDocument: DocumentInternals | null = null;

/**
 * Makes `doc` the document words are measured on: every word cse measures is laid out there
 * first (pdfkit keeps each in its font's layoutCache), and a document drawing the word later
 * borrows that layout instead of laying the word out again (`borrowWordLayout`).
 */
export function lendWordLayouts(doc: PDFKit.PDFDocument): void {
  measuringDocument = internals(doc);
}

/**
 * Gives `font` (of a drawing document) the layout of a piece of a line, a word and the space
 * after it, from the word and the space as the measuring document laid them out, when it has
 * both: the glyphs and positions of the one, then the other's (a word with no space after it is
 * borrowed as it is). Laying the piece out whole gives
 * the same, since nothing in the shipped fonts acts across a space (a test holds them to it:
 * no kerning, ligature or mark reaches over one). A word set at all has been measured, so in
 * the 300-item PDF almost every piece is borrowed and only 1,733 pieces with digits (measured as
 * zeros: `widthKey`) are laid out again; laying every word out again in the drawing had
 * taken about a twentieth of the build.
 */
function borrowWordLayout(font: FontInternals, text: string): void {
  const cache = font.layoutCache;
  if (!cache || cache[text] !== undefined || measuringDocument === null) return;
  const lender = lenderOf(font);
  if (lender === undefined) return;
  const spaced = text.length > 1 && text.charCodeAt(text.length - 1) === 32;
  if (!spaced) {
    // A word with no space after it (a line's last), or a space alone: as measured.
    const run = lender[text] ?? withDigits(font, lender, text);
    if (run !== undefined) cache[text] = run;
    return;
  }
  const bare = text.slice(0, -1);
  const word = lender[bare] ?? withDigits(font, lender, bare);
  const space = lender[" "];
  if (word === undefined || space === undefined) return;
  cache[text] = {
    glyphs: word.glyphs.concat(space.glyphs),
    positions: word.positions.concat(space.positions),
    advanceWidth: word.advanceWidth + space.advanceWidth,
  };
}

/**
 * The layout of a word with digits 1 to 9 in it, from the layout of the word with every digit 0
 * (what cse measured: `widthKey`), with each "0" glyph in turn swapped for its digit's.
 * In each shipped font the ten digits have one advance and kern alike with whatever is beside
 * them (a test holds the fonts to it, and another this layout to fontkit's), so the places are
 * the same. The ids and page numbers of a pack (tens of thousands at 30,000 items, laid out
 * again every LAYOUT_CACHE_PAGES pages) were the words the drawing still laid out itself.
 * Undefined if the zero word was not measured, or its "0" glyphs are not one a digit.
 */
export function withDigits(
  font: FontInternals,
  lender: Record<string, GlyphRun | undefined>,
  word: string,
): GlyphRun | undefined {
  const key = widthKey(word);
  if (key === word) return undefined;
  const zero = lender[key];
  if (zero === undefined) return undefined;
  const glyphs = zero.glyphs.slice();
  let g = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    while (g < glyphs.length && !isZeroGlyph(glyphs[g])) g++;
    if (g === glyphs.length) return undefined;
    if (c !== 48) glyphs[g] = (font.font as FontkitFont).glyphForCodePoint(c);
    g++;
  }
  for (; g < glyphs.length; g++) if (isZeroGlyph(glyphs[g])) return undefined;
  return { glyphs, positions: zero.positions, advanceWidth: zero.advanceWidth };
}

/** What cse asks of a fontkit font and its glyphs. */
interface FontkitFont {
  glyphForCodePoint(codePoint: number): unknown;
}

function isZeroGlyph(glyph: unknown): boolean {
  const points = (glyph as { codePoints?: readonly number[] }).codePoints;
  return points !== undefined && points.length === 1 && points[0] === 48;
}

/** Lets go of the words a document has laid out in a registered font (pdfkit's layoutCache). */
export function forgetWordLayouts(doc: PDFKit.PDFDocument, font: string): void {
  const f = internals(doc)._fontFamilies[font];
  if (f?.layoutCache) f.layoutCache = Object.create(null) as Record<string, GlyphRun | undefined>;
}

/** The measuring document's laid-out words in the font `font` is made from, if it has used it. */
function lenderOf(font: FontInternals): Record<string, GlyphRun | undefined> | undefined {
  for (const name in measuringDocument!._fontFamilies) {
    const f = measuringDocument!._fontFamilies[name]!;
    if (f.font === font.font) return f.layoutCache;
  }
  return undefined;
}

/** A number as pdfkit writes it in a content stream: rounded to six decimals. */
function pdfNumber(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** A rectangle in pdfkit's user space (points, origin top left). */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface OutlineInternals {
  outlineData: Record<string, unknown>;
}

/** Points an outline item at a named destination, so bookmarks and links share one target. */
export function pointOutlineAt(item: PDFKit.PDFOutline, anchor: string): void {
  (item as unknown as OutlineInternals).outlineData["Dest"] = new String(anchor);
}

interface NameTree {
  _compareKeys: (a: string, b: string) => number;
}
interface PdfReference {
  id: number;
  data: Record<string, unknown>;
}
interface DocumentInternals {
  _id: Uint8Array;
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
interface FontInternals {
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
interface GlyphRun {
  glyphs: unknown[];
  positions: GlyphPosition[];
  advanceWidth: number;
}

/** A glyph's place, in thousandths of the font size (pdfkit scales fontkit's). */
interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/** What pdfkit's `_fragment` reads of a one-line text's options, as `text()` would hand them on. */
interface FragmentOptions {
  lineBreak: false;
  baseline: "alphabetic";
  textWidth: number | undefined;
  wordCount: number;
}

/** Each private field, and how to find it on a new document; what it is for is at its use below. */
const PRIVATE_FIELDS: Record<string, (doc: PDFKit.PDFDocument) => unknown> = {
  "document._id (the file identifier)": (doc) => internals(doc)._id instanceof Uint8Array,
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

function internals(doc: PDFKit.PDFDocument): DocumentInternals {
  return doc as unknown as DocumentInternals;
}

/**
 * pdfkit turns every string it writes (each object's dictionary, the lines of text it sets) into
 * bytes one character at a time in JavaScript, each character's low byte; Node's "latin1"
 * encoding writes the same bytes natively. The document's strings are written that way, the
 * same bytes (a page's content is made bytes whole: `writePagesWhole`).
 */
export function writeStringsAsBytes(doc: PDFKit.PDFDocument): void {
  const d = internals(doc);
  const write = d._write.bind(doc);
  d._write = (data) => write(typeof data === "string" ? Buffer.from(`${data}\n`, "latin1") : data);
}

/**
 * Gathers each page's content (every operator pdfkit and cse write on it, a line each) as text,
 * and makes it bytes once, as the page ends: pdfkit makes each line bytes on its own, and keeps
 * each as a separate piece until the page ends.
 * The same bytes, in the same order: everything written to a page goes through its `write`.
 */
export function writePagesWhole(doc: PDFKit.PDFDocument): void {
  const d = internals(doc);
  const gather = (page: PageInternals) => {
    const content = page.content;
    const lines: string[] = [];
    const flush = () => {
      if (lines.length === 0) return;
      lines.push(""); // the line end after the last
      content.write(Buffer.from(lines.join("\n"), "latin1"));
      lines.length = 0;
    };
    page.write = (chunk) => {
      if (typeof chunk === "string") lines.push(chunk);
      else {
        flush();
        content.write(chunk);
      }
    };
    const end = page.end.bind(page);
    page.end = () => {
      flush();
      end();
    };
  };
  if (d.page) gather(d.page);
  doc.on("pageAdded", () => gather(d.page));
}

/** What cse reads of a pdfkit page beyond its size and fonts: where its content goes. */
interface PageInternals {
  height: number;
  fonts: Record<string, unknown>;
  /** The page's content stream. */
  content: { write: (chunk: string | Uint8Array) => void };
  /** Writes a line of content (a string) or bytes. */
  write: (chunk: string | Uint8Array) => void;
  /** Ends the page, writing its objects. */
  end: () => void;
}

/** Sets the document's file identifier (the trailer's /ID). */
export function setFileId(doc: PDFKit.PDFDocument, id: Uint8Array): void {
  internals(doc)._id = id;
}

/**
 * Sorts the name trees (named destinations, embedded files) by code unit, as the PDF
 * specification requires. pdfkit sorts with localeCompare, which depends on the machine's
 * locale data: a reader doing a binary search could miss a destination, and two machines could
 * write different bytes.
 */
export function sortNameTreesByCodeUnit(doc: PDFKit.PDFDocument): void {
  const names = internals(doc)._root.data.Names.data;
  for (const key of ["Dests", "EmbeddedFiles"]) {
    const tree = names[key];
    if (tree) tree._compareKeys = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  }
}

/**
 * pdfkit copies the title, author and subject into the XMP metadata without escaping them, so a
 * title with "&" or "<" would make the metadata malformed XML. Escape them there only (the Info
 * dictionary keeps the plain text).
 */
export function escapeXmpInfo(doc: PDFKit.PDFDocument): void {
  const d = internals(doc);
  const addInfo = d._addInfo.bind(doc);
  d._addInfo = () => {
    const plain = d.info;
    d.info = Object.fromEntries(
      Object.entries(plain).map(([k, v]) => [k, typeof v === "string" ? escapeXml(v) : v]),
    );
    try {
      addInfo();
    } finally {
      d.info = plain;
    }
  };
}

function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(NOT_XML, "\ufffd");
}

// Characters XML 1.0 forbids even as references (controls but tab and line ends, lone
// surrogates, U+FFFE and U+FFFF): shown as the replacement character in the metadata only.
const NOT_XML =
  /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Lets go of what pdfkit keeps of every object it has written, so memory stays flat over a
 * document of tens of thousands of pages. pdfkit keeps each reference whole (its dictionary
 * with every array and string in it) until the document ends, because something still points
 * at it: the pages' list, the named destinations, the structure tree's parent tree, a link's
 * annotation from its page. About 97 objects a page (a link is an annotation, its action and
 * a Link element): at 3,000 items, 340,000 references by page 3,500. Only the object number is
 * ever read of them again, to write "12 0 R" where they are named.
 *
 * So once an object is written, its dictionary is dropped (a page keeps its StructParents key,
 * which pdfkit reads to tag content, and a structure element a /P, which pdfkit reads to know it
 * is written; nothing else is read after writing). And as each page is
 * written, the parent tree's entries so far (every tagged element that holds content on an
 * ended page, and every link's element) become bare object numbers (plain numbers, no object
 * each; written as references): an element still
 * being laid out keeps its own dictionary, the tree only names it; a page's list, once each piece
 * on it names its element, becomes one object holding the numbers (at 30,000 items some 45,000
 * lists of about 40 references each). Once the document is being
 * ended nothing more is dropped (pdfkit then reads the dictionaries of what it has just written).
 * Same bytes.
 */
export function forgetWrittenObjects(doc: PDFKit.PDFDocument): void {
  const d = internals(doc);
  // Ending the document writes the catalogue and then reads its dictionary (and others): from
  // there on, nothing is dropped.
  let ending = false;
  const end = doc.end.bind(doc);
  doc.end = () => {
    ending = true;
    end();
  };
  const offsets = new Offsets(d._offsets);
  d._offsets = offsets;
  const refEnd = d._refEnd.bind(doc);
  d._refEnd = (ref) => {
    refEnd(ref); // pdfkit notes where the object went: offsets[ref.id - 1] = ref.offset
    offsets.settle(ref.id - 1);
    if (ending) return;
    const data = ref.data;
    const key = data["StructParents"];
    ref.data = key !== undefined ? { StructParents: key } : data["P"] !== undefined ? SPENT_CHILD : SPENT;
  };
  const Reference = Object.getPrototypeOf(Object.getPrototypeOf(d._root)).constructor as new () => object;
  /**
   * A page's whole list in the parent tree (the element of each piece of marked content on it),
   * as bare object numbers: written as the array of references it stands for.
   */
  class WrittenList extends Reference {
    constructor(readonly ids: Uint32Array) {
      super();
    }
    override toString(): string {
      let out = "[";
      for (let i = 0; i < this.ids.length; i++) out += `${i > 0 ? " " : ""}${this.ids[i]} 0 R`;
      return `${out}]`;
    }
  }
  const flushPages = d.flushPages.bind(doc);
  let done = 0;
  let pages = 0;
  /** The keys of pages' lists with a piece whose element was not yet ended when they were seen. */
  let open: number[] = [];
  d.flushPages = () => {
    flushPages();
    const items = d.getStructParentTree()._items;
    const next = d.getStructTreeRoot().data.ParentTreeNextKey;
    // A written element is named by its object number alone: a number in the tree, no object
    // (at 30,000 items some 630,000 links' entries, each an object of its own before).
    const numbered = (v: unknown): unknown => {
      if (typeof v === "number") return v;
      const id = (v as PdfReference | null)?.id;
      return typeof id === "number" ? id : v;
    };
    // A page's list is complete once every piece on it names its element (pdfkit sets the entry,
    // by its place in the list, when the element is ended); only then is it made one object.
    const listed = (key: number): boolean => {
      const item = items[key];
      if (!Array.isArray(item)) return true;
      const ids = idsOf(item);
      if (ids === null) {
        for (let i = 0; i < item.length; i++) item[i] = numbered(item[i]);
        return false;
      }
      if (ids.length > 0) items[key] = new WrittenList(ids);
      return true;
    };
    open = open.filter((key) => !listed(key));
    for (; done < next; done++) {
      const item = items[done];
      if (Array.isArray(item)) {
        if (!listed(done)) open.push(done);
      } else if (item !== undefined) items[done] = numbered(item);
    }
    if (++pages % LAYOUT_CACHE_PAGES === 0) forgetLayouts(d);
  };
  writeParentTreeInPieces(d, Reference);
}

/**
 * pdfkit writes the structure tree root, parent tree and all, as one string (at 30,000 items
 * some 45,000 pages' lists and 600,000 links' entries: tens of MB, with its lines, its keys and
 * its bytes made at once at the very end, where the 30,000-item build peaked). The parent tree
 * is now written a piece at a time in its place: pdfkit writes the root's dictionary with a
 * marker for it, and the marker is replaced by the tree's text as it is made, the same bytes.
 * Anything in the tree other than references, lists of references and nulls (not something cse
 * makes) leaves it to pdfkit.
 */
function writeParentTreeInPieces(d: DocumentInternals, Reference: new () => object): void {
  const root = d.getStructTreeRoot() as unknown as StructTreeRootRef;
  const finalize = root.finalize.bind(root);
  class Marker extends Reference {
    override toString(): string {
      return PARENT_TREE_MARK;
    }
  }
  /** A written object named by its number, for pdfkit to write (see `forgetWrittenObjects`). */
  class Written extends Reference {
    constructor(readonly id: number) {
      super();
    }
    override toString(): string {
      return `${this.id} 0 R`;
    }
  }
  const isReference = (v: unknown) => typeof v === "number" || v instanceof Reference;
  root.finalize = () => {
    const tree = root.data.ParentTree;
    const items = tree._items;
    const keys = Object.keys(items).sort((a, b) => tree._compareKeys(a, b));
    const plain = (v: unknown) => v === null || v === undefined || isReference(v);
    const simple = (v: unknown) => v === null || isReference(v) || (Array.isArray(v) && v.every(plain));
    if (!keys.every((k) => simple(items[k]))) {
      // Left to pdfkit, which writes a number as a number: each becomes a reference again.
      const reference = (v: unknown) => (typeof v === "number" ? new Written(v) : v);
      for (const k of keys) {
        const v = items[k];
        items[k] = Array.isArray(v) ? v.map(reference) : reference(v);
      }
      return finalize();
    }
    const write = d._write;
    const bytes = (text: string) => write.call(d, Buffer.from(text, "latin1"));
    d._write = (data) => {
      const at = typeof data === "string" ? data.indexOf(PARENT_TREE_MARK) : -1;
      if (at < 0) return write.call(d, data);
      const text = data as string;
      bytes(text.slice(0, at));
      writeNumberTree(tree, keys, bytes);
      bytes(`${text.slice(at + PARENT_TREE_MARK.length)}\n`); // the line end _write adds
    };
    root.data.ParentTree = new Marker() as unknown as NumberTree;
    try {
      finalize();
    } finally {
      d._write = write;
      root.data.ParentTree = tree;
    }
  };
}

interface NumberTree {
  _items: Record<string, unknown>;
  _compareKeys: (a: string, b: string) => number;
  limits: boolean;
}
interface StructTreeRootRef {
  data: { ParentTree: NumberTree };
  finalize: () => void;
}

const PARENT_TREE_MARK = "\u0000cse-parent-tree\u0000";

/** pdfkit's PDFTree.toString for a number tree of references, lists of them and nulls, in pieces. */
function writeNumberTree(tree: NumberTree, keys: readonly string[], write: (text: string) => void): void {
  let text = "<<";
  const put = (piece: string) => {
    text += piece;
    if (text.length >= 1 << 16) {
      write(text);
      text = "";
    }
  };
  if (tree.limits && keys.length > 1)
    put(`\n  /Limits [${parseInt(keys[0]!)} ${parseInt(keys[keys.length - 1]!)}]`);
  put("\n  /Nums [");
  for (const key of keys) {
    const v = tree._items[key];
    put(
      `\n    ${parseInt(key)} ${Array.isArray(v) ? `[${v.map(referenceText).join(" ")}]` : referenceText(v)}`,
    );
  }
  put("\n]\n>>");
  write(text);
}

function referenceText(v: unknown): string {
  return v === null || v === undefined ? "null" : typeof v === "number" ? `${v} 0 R` : String(v);
}

/**
 * Where each object starts in the file, for the cross-reference table, in place of pdfkit's
 * array (one slot of 8 bytes an object, and at 30,000 items some six million objects, the array
 * copied whole each time it grows): 4 bytes an object, in blocks that never move. pdfkit uses
 * `push(null)` for a new object, `length`, iteration at the end, and sets `offsets[id - 1]`
 * when the object is written: that lands as a property of this object, and `settle` moves it
 * into the blocks. An offset too large for 32 bits stays a property; iteration reads both.
 */
class Offsets {
  [index: number]: number | null | undefined;
  length = 0;
  private readonly blocks: Uint32Array[] = [];

  constructor(from: Iterable<number | null>) {
    for (const offset of from) this.push(offset);
  }

  push(offset: number | null): number {
    const i = this.length++;
    this.put(i, offset);
    return this.length;
  }

  /** Moves the offset pdfkit set as a property into the blocks. */
  settle(i: number): void {
    const offset = this[i];
    if (fits(offset)) {
      this.put(i, offset);
      delete this[i];
    }
  }

  *[Symbol.iterator](): Iterator<number | null> {
    for (let i = 0; i < this.length; i++) {
      const own = this[i];
      if (own !== undefined) yield own;
      else {
        const offset = this.blocks[i >>> BLOCK_BITS]![i & BLOCK_MASK]!;
        yield offset === NO_OFFSET ? null : offset;
      }
    }
  }

  private put(i: number, offset: number | null): void {
    if (offset !== null && !fits(offset)) {
      this[i] = offset; // not a 32-bit number (pdfkit writes what it is given): kept as it is
      return;
    }
    const b = i >>> BLOCK_BITS;
    const block = (this.blocks[b] ??= new Uint32Array(1 << BLOCK_BITS).fill(NO_OFFSET));
    block[i & BLOCK_MASK] = offset ?? NO_OFFSET;
  }
}

const BLOCK_BITS = 16;
const BLOCK_MASK = (1 << BLOCK_BITS) - 1;
/** An object not yet written (pdfkit's null). */
const NO_OFFSET = 0xffff_ffff;

function fits(offset: unknown): offset is number {
  return Number.isInteger(offset) && (offset as number) >= 0 && (offset as number) < NO_OFFSET;
}

/** The object numbers of a list of references; null when an entry is not one (yet). */
function idsOf(list: readonly unknown[]): Uint32Array | null {
  const ids = new Uint32Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    const id = typeof v === "number" ? v : (v as PdfReference | null)?.id;
    if (typeof id !== "number") return null;
    ids[i] = id;
  }
  return ids;
}

/**
 * pdfkit caches the glyphs and positions of every word it has set, per font, for the whole
 * document (at 3,000 items some 24,000 words and 160,000 glyph positions, about 35 MB by page
 * 3,500, and more with every new word), and cse the codes of each piece of a line and each
 * line (tjOperands).
 * The caches are emptied every LAYOUT_CACHE_PAGES pages: a word set again is laid out again,
 * with the same result.
 */
function forgetLayouts(d: DocumentInternals): void {
  for (const font of Object.values(d._fontFamilies)) {
    if (font.layoutCache) font.layoutCache = Object.create(null);
    PIECES.delete(font);
    LINES.delete(font);
  }
}

const LAYOUT_CACHE_PAGES = 1_000;

/**
 * What a written object's dictionary becomes: pdfkit may still set a key on it after writing
 * (a structure element's /K), which then goes nowhere.
 */
const SPENT: Record<string, unknown> = {};
/**
 * What a written structure element's dictionary becomes: pdfkit asks whether an element's
 * children are written by looking for their parent (/P) in their dictionaries.
 */
const SPENT_CHILD: Record<string, unknown> = { P: true };

/**
 * Routes a document's output to `onChunk` (null at the end) instead of the stream's own buffer.
 * pdfkit writes only through `push`, so nothing reaches that buffer.
 */
export function captureOutput(doc: PDFKit.PDFDocument, onChunk: (chunk: Uint8Array | null) => void): void {
  internals(doc).push = (chunk) => {
    onChunk(chunk);
    return true;
  };
}
