import PDFDocument from "pdfkit";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { measure, registerFonts, useFont, type TextStyle } from "../src/render/pdf/fonts.js";
import { setColouredText, setLineText } from "../src/render/pdf/set-text.js";
import { openPdf, pageTexts } from "./helpers/pdf-read.js";

// The pack's lines are set by setColouredText: the text matrix turns the page the right way up
// and the colour is one `rg` in the text object. What a reader sees must be what pdfkit's way
// (fillColor, then the text between q, cm and Q) gives: the same text at the same places, in
// the same colours, and the colour of what comes after the text unchanged by the shortcut.

const LINES: [TextStyle, string, string][] = [
  ["regular", "AVATAR Wave, To \u201cyou\u201d", "#1a1a1a"],
  ["bold", "E01253  p. 2386: caf\u00e9 \u2013 na\u00efve", "#0b4f9c"],
  ["italic", "An item's title", "#4a4a4a"],
  ["regular", "Cafe\u0301 and co\u0308operate", "#0b4f9c"], // set by pdfkit itself: an accent
  ["code", "sha256: 9f86d081884c7d65", "#1a1a1a"],
  ["symbol", "\u2605 \u25cf \u25d0 \u25cb", "#b3261e"],
];

async function drawn(set: (doc: PDFKit.PDFDocument, text: string, y: number, colour: string) => void) {
  const doc = new PDFDocument({ compress: false });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on("end", resolve));
  LINES.forEach(([style, text, colour], i) => {
    useFont(doc, style, 10.5);
    set(doc, text, 100 + i * 20, colour);
    // A shape after each line, filled in the colour in force: the same one both ways.
    doc.rect(400, 100 + i * 20, 5, 5).fill();
  });
  doc.end();
  await done;
  const pdf = await openPdf(Buffer.concat(chunks));
  const texts = (await pageTexts(pdf))[0]!.map((t) => [
    t.str,
    t.x.toFixed(3),
    t.y.toFixed(3),
    t.width.toFixed(3),
  ]);
  const ops = await (await pdf.getPage(1)).getOperatorList();
  const fills: string[] = [];
  ops.fnArray.forEach((fn, i) => {
    if (fn === OPS.setFillRGBColor) fills.push(String(ops.argsArray[i]));
    if (fn === OPS.showText) fills.push("text");
    if (fn === OPS.constructPath) fills.push("shape");
  });
  return { texts, fills: fills.join(" ").replace(/(shape )+/g, "shape ") };
}

describe("setColouredText", () => {
  it("sets text where pdfkit's way sets it, in the same colours, and leaves that colour set", async () => {
    const viaPdfkit = await drawn((doc, text, y, colour) => {
      doc.fillColor(colour);
      setLineText(doc, text, 72.25, y, measure(text, "regular", 10.5));
    });
    const shortcut = await drawn((doc, text, y, colour) =>
      setColouredText(doc, text, 72.25, y, measure(text, "regular", 10.5), colour),
    );
    expect(shortcut.texts.length).toBeGreaterThanOrEqual(LINES.length);
    expect(shortcut.texts).toEqual(viaPdfkit.texts);
    expect(shortcut.fills).toContain("#0b4f9c");
    expect(shortcut.fills).toEqual(viaPdfkit.fills);
  });
});
