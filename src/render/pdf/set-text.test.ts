import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { measure, registerFonts, useFont } from "./fonts.js";
import { setLineText } from "./set-text.js";

describe("setLineText", () => {
  // What a line of the pack writes into the page: the same operators as pdfkit's text() given
  // the same one-line options, for plain, kerned, spaced, accented and symbol text, words set
  // again (whose codes setLineText keeps), and a combining accent pdfkit places itself.
  it("writes what doc.text writes for a line of known width", () => {
    const contentOf = (
      set: (doc: PDFKit.PDFDocument, text: string, x: number, y: number, w: number) => void,
    ) => {
      const doc = new PDFDocument({ bufferPages: true, tagged: true });
      registerFonts(doc);
      const written: string[] = [];
      const add = doc.addContent.bind(doc);
      doc.addContent = (data: string | Uint8Array) => {
        // Bytes are whole lines, each ending in a line end (a string is written as a line).
        written.push(typeof data === "string" ? data : Buffer.from(data).toString("latin1").slice(0, -1));
        return add(data);
      };
      for (const [style, text] of [
        ["regular", "AVATAR Wave, To \u201cyou\u201d"],
        ["bold", "E01253  p. 2386: caf\u00e9 \u2013 na\u00efve"],
        ["italic", "An item's title"],
        ["regular", "AVATAR Wave again,\tcaf\u00e9  "],
        ["regular", "Cafe\u0301 and co\u0308operate"],
        ["code", "sha256: 9f86d081884c7d65"],
        ["symbol", "\u2605 \u25cf \u25d0 \u25cb \u2192"],
      ] as const) {
        useFont(doc, style, 10.5);
        set(doc, text, 72.25, 300.5, measure(text, style, 10.5));
      }
      // Each write is one or more whole lines of the content stream.
      return written.join("\n").split("\n");
    };
    const viaText = contentOf((doc, text, x, y, w) =>
      doc.text(text, x, y, {
        lineBreak: false,
        baseline: "alphabetic",
        textWidth: w,
        wordCount: 1,
      } as PDFKit.Mixins.TextOptions),
    );
    const direct = contentOf(setLineText);
    expect(direct.length).toBeGreaterThan(6);
    // The accents are placed off their advance: a text matrix set within the line.
    expect(direct.filter((l) => l.endsWith(" Tm")).length).toBeGreaterThan(
      direct.filter((l) => l === "BT").length,
    );
    expect(direct).toEqual(viaText);
    // With no width given (a running head, a chart's label), pdfkit measures the text itself.
    const unmeasured = contentOf((doc, text, x, y) => setLineText(doc, text, x, y));
    const viaPlainText = contentOf((doc, text, x, y) =>
      doc.text(text, x, y, { lineBreak: false, baseline: "alphabetic" } as PDFKit.Mixins.TextOptions),
    );
    expect(unmeasured).toEqual(viaPlainText);
    expect(unmeasured).toEqual(direct);
  });
});
