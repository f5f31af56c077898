import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { measure, registerFonts, useFont } from "./fonts.js";
import { missingPdfkitInternals, setLineText } from "./pdfkit-extras.js";

describe("the private pdfkit fields cse relies on", () => {
  it("are all there in the installed pdfkit", () => {
    const doc = new PDFDocument({ bufferPages: true, tagged: true });
    expect(missingPdfkitInternals(doc)).toEqual([]);
  });

  it("are named when one is gone, as after a rename in a new pdfkit", () => {
    const doc = new PDFDocument({ bufferPages: true, tagged: true });
    Object.defineProperty(doc, "_addInfo", { value: undefined });
    (doc as unknown as { _id: unknown })._id = "not bytes";
    expect(missingPdfkitInternals(doc)).toEqual([
      "document._id (the file identifier)",
      "document._addInfo (writing the Info and XMP metadata)",
    ]);
  });
});

describe("setLineText", () => {
  // What a line of the pack writes into the page: the same operators as pdfkit's text() given
  // the same one-line options, for plain, kerned, spaced, accented and symbol text.
  it("writes what doc.text writes for a line of known width", () => {
    const contentOf = (
      set: (doc: PDFKit.PDFDocument, text: string, x: number, y: number, w: number) => void,
    ) => {
      const doc = new PDFDocument({ bufferPages: true, tagged: true });
      registerFonts(doc);
      const written: string[] = [];
      const add = doc.addContent.bind(doc);
      doc.addContent = (data: string) => {
        written.push(data);
        return add(data);
      };
      for (const [style, text] of [
        ["regular", "AVATAR Wave, To \u201cyou\u201d"],
        ["bold", "E01253  p. 2386: caf\u00e9 \u2013 na\u00efve"],
        ["italic", "An item's title"],
      ] as const) {
        useFont(doc, style, 10.5);
        set(doc, text, 72.25, 300.5, measure(doc, text, style, 10.5));
      }
      return written;
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
