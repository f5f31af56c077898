import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { fontOf, measure, registerFonts, textFaceHas, type TextStyle } from "./fonts.js";
import { withDigits } from "./set-text.js";
import { widthKey } from "./width-key.js";

const TEXTS = [
  "The library's opening hours changed after the 2025 survey (see https://example.org/a-b/c).",
  'Self-assessment: AV, To, Wa, Ty, "quoted", fi ffl — 12.5% ±3 and £1,200',
  "  two  spaces and a trailing one ",
  "ÆØÅ Ünïcödé façade naïve Ωμέγα Привет 1/2",
  "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
  "",
];
const STYLES: TextStyle[] = ["regular", "bold", "italic", "boldItalic", "code", "symbol"];

/** pdfkit's own measure of the whole text, as cse measured before words were cached. */
function measuredWhole(doc: PDFKit.PDFDocument, text: string, style: TextStyle, size: number): number {
  doc.font(fontOf(style)).fontSize(size);
  return doc.widthOfString(text);
}

describe("measure", () => {
  it("gives, from cached word widths, what pdfkit measures for the whole text, within 0.01 pt", () => {
    const doc = new PDFDocument({ autoFirstPage: true });
    registerFonts(doc);
    for (const style of STYLES)
      for (const size of [7.5, 10, 19])
        for (const text of TEXTS) {
          const twice = [measure(text, style, size), measure(text, style, size)];
          expect(twice[1]).toBe(twice[0]);
          expect(Math.abs(twice[0]! - measuredWhole(doc, text, style, size))).toBeLessThan(0.01);
        }
  });

  it("keeps a word's width under the word with its digits as 0, which every shipped font measures alike", () => {
    expect(widthKey("E01253")).toBe("E00000");
    expect(widthKey("p.\u00a02386:")).toBe("p.\u00a00000:");
    expect(widthKey("Library")).toBe("Library");
    const doc = new PDFDocument({ autoFirstPage: false });
    registerFonts(doc);
    // Every character of Latin text, and the punctuation cse writes, before and after each digit:
    // one width for all ten digits, so no kerning pair tells them apart.
    const neighbours = [
      " ",
      "\u00a0",
      "\u2013",
      "\u2014",
      "\u2018",
      "\u2019",
      "\u201c",
      "\u201d",
      "\u2026",
      "\u2022",
    ];
    for (let c = 0x21; c < 0x180; c++) if (c < 0x7f || c > 0xa0) neighbours.push(String.fromCodePoint(c));
    for (const style of STYLES) {
      doc.font(fontOf(style)).fontSize(1000);
      const differing: string[] = [];
      for (const n of [...neighbours, ""])
        for (const shape of [(d: string) => n + d, (d: string) => d + n, (d: string) => `${d}${d}${n}`]) {
          const widths = new Set([..."0123456789"].map((d) => doc.widthOfString(shape(d))));
          if (widths.size > 1) differing.push(shape("#"));
        }
      expect(differing, `${style}: digits measured apart`).toEqual([]);
    }
  });
});

describe("the shipped fonts", () => {
  // setLineText borrows the layout of a word and the space after it from the word and the space
  // laid out apart (set-text.ts `borrowWordLayout`): nothing may act across a space.
  it("lay a word out with the space after it as the word and the space apart", () => {
    const doc = new PDFDocument({ autoFirstPage: false, fontLayoutCache: false });
    registerFonts(doc);
    type Run = { glyphs: { id: number }[]; positions: Record<string, number>[] };
    const words = new Set(TEXTS.join(" ").split(" ").filter(Boolean));
    // Latin, Greek and Cyrillic, combining marks and general punctuation, after a letter.
    for (let c = 0x21; c < 0x2070; c++)
      if ((c < 0x7f || c > 0xa0) && (c < 0x530 || c >= 0x2000)) words.add(`A${String.fromCodePoint(c)}`);
    for (const w of ["\u2605", "\u25cf", "\u25d0", "\u25cb", "\u2192", "\u2713", "T.", "f", "r.", "y,", "V"])
      words.add(w);
    for (const style of STYLES) {
      doc.font(fontOf(style));
      const font = (doc as unknown as { _font: { layoutRun(text: string): Run } })._font;
      const differing: string[] = [];
      // fontkit fails on a few marks in some faces (a missing anchor), alone or before a space.
      const shape = (text: string) => {
        try {
          const run = font.layoutRun(text);
          return { ids: run.glyphs.map((g) => g.id), positions: run.positions.map((p) => ({ ...p })) };
        } catch {
          return { ids: [], positions: [], failed: true };
        }
      };
      const space = shape(" ");
      for (const w of words) {
        const whole = shape(`${w} `);
        const apart = shape(w);
        const joined = apart.failed
          ? apart
          : { ids: [...apart.ids, ...space.ids], positions: [...apart.positions, ...space.positions] };
        if (JSON.stringify(whole) !== JSON.stringify(joined)) differing.push(w);
      }
      expect(differing, `${style}: words laid out otherwise before a space`).toEqual([]);
    }
  });
});

describe("a word with digits", () => {
  // The drawing sets an id or a page number from the layout of its word with every digit 0 (as
  // measured), the "0" glyphs swapped for the digits' (set-text.ts `withDigits`).
  it("is laid out as its zero word with each digit's glyph in place of a 0", () => {
    const doc = new PDFDocument({ autoFirstPage: false, fontLayoutCache: false });
    registerFonts(doc);
    type Run = { glyphs: { id: number }[]; positions: object[]; advanceWidth: number };
    const words = ["E01253", "p.\u00a02386:", "12/03/2026", "4,500", "(p.\u00a0109)", "\u00a31,200", "v2.1"];
    words.push("1st", "9:30\u201317:00", "CS00471", "AV7", "T9", "7.", "\u201c98\u201d", "8\u20ac", "Wa3y");
    for (const style of STYLES) {
      doc.font(fontOf(style));
      const font = (doc as unknown as { _font: { layoutRun(text: string): Run; font: object } })._font;
      const differing: string[] = [];
      for (const w of words) {
        const zero = w.replace(/[1-9]/g, "0");
        const swapped = withDigits(font as never, { [zero]: font.layoutRun(zero) } as never, w) as
          Run | undefined;
        const real = font.layoutRun(w);
        const same =
          swapped !== undefined &&
          JSON.stringify(swapped.glyphs.map((g) => g.id)) === JSON.stringify(real.glyphs.map((g) => g.id)) &&
          JSON.stringify(swapped.positions) === JSON.stringify(real.positions) &&
          swapped.advanceWidth === real.advanceWidth;
        if (!same) differing.push(w);
      }
      expect(differing, `${style}: digits laid out otherwise`).toEqual([]);
    }
    // A word with no digit 1 to 9 is the measured word itself: nothing to swap.
    expect(withDigits({} as never, {}, "E00000")).toBeUndefined();
  });
});

describe("the text face", () => {
  // fontkit throws on a few characters in Noto Sans (the overlays U+0334 to U+0338 after a
  // letter), which failed the whole PDF build: those go to the symbol face (textFaceHas).
  it("lays out every character it is said to have, alone and after a letter, in each style", () => {
    const doc = new PDFDocument({ autoFirstPage: false, fontLayoutCache: false });
    registerFonts(doc);
    const failing = new Set<string>();
    for (const style of ["regular", "bold", "italic", "boldItalic"] as const) {
      doc.font(fontOf(style));
      const font = (doc as unknown as { _font: { layoutRun(text: string): unknown } })._font;
      for (let cp = 0x21; cp < 0x10000; cp++) {
        if ((cp >= 0xd800 && cp < 0xe000) || !textFaceHas(cp)) continue;
        const ch = String.fromCodePoint(cp);
        for (const text of [ch, `A${ch}`])
          try {
            font.layoutRun(text);
          } catch {
            failing.add(`U+${cp.toString(16).toUpperCase().padStart(4, "0")}`);
          }
      }
    }
    expect([...failing]).toEqual([]);
    expect(textFaceHas(0x0338)).toBe(false);
    expect(textFaceHas(0x0301)).toBe(true);
  });
});
