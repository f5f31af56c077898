import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { missingPdfkitInternals } from "./pdfkit-internals.js";

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
      "document._id and _finalize (the file identifier, written in the trailer)",
      "document._addInfo (writing the Info and XMP metadata)",
    ]);
  });
});
