/**
 * Lines of text set on a pdfkit document, written as pdfkit would write them but faster: the
 * text operators of a whole line at once, each word's glyph codes worked out once per document
 * and font, and each word's layout borrowed from the document cse measures words on (fonts.ts)
 * instead of laid out again.
 */

import { internals, type DocumentInternals, type FontInternals, type GlyphRun } from "./pdfkit-internals.js";
import { widthKey } from "./width-key.js";

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

/**
 * pdfkit caches the glyphs and positions of every word it has set, per font, for the whole
 * document (at 3,000 items some 24,000 words and 160,000 glyph positions, about 35 MB by page
 * 3,500, and more with every new word), and cse the codes of each piece of a line and each
 * line (tjOperands).
 * The caches are emptied every LAYOUT_CACHE_PAGES pages (pdfkit-extras.ts): a word set again is
 * laid out again, with the same result.
 */
export function forgetLaidOutWords(d: DocumentInternals): void {
  for (const font of Object.values(d._fontFamilies)) {
    if (font.layoutCache) font.layoutCache = Object.create(null);
    PIECES.delete(font);
    LINES.delete(font);
  }
}
