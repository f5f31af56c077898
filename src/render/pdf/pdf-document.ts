import { createHash } from "node:crypto";
import PDFDocument from "pdfkit";
import type { PackDocument } from "../../pack/document-model.js";
import { ByteSink } from "./byte-sink.js";
import {
  captureOutput,
  escapeXmpInfo,
  missingPdfkitInternals,
  setFileId,
  sortNameTreesByCodeUnit,
} from "./pdfkit-extras.js";
import { PAGE } from "./theme.js";

/**
 * A pdfkit document set up for the pack: A4, tagged PDF 1.7 declaring PDF/UA, the title shown
 * in the viewer's title bar, the language of build.language, and pages buffered so the contents
 * and page numbers can be drawn last. Nothing in it depends on the clock or chance: dates come
 * from the build date and the file identifier from a hash of the content.
 */
export function createPdfDocument(
  model: PackDocument,
  attach: boolean,
): { doc: PDFKit.PDFDocument; output: Promise<Uint8Array> } {
  const date = new Date(`${model.build.date}T00:00:00Z`);
  const options = {
    size: [PAGE.width, PAGE.height],
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    bufferPages: true,
    pdfVersion: "1.7",
    tagged: true,
    subset: "PDF/UA",
    displayTitle: true,
    lang: model.language,
    info: {
      Title: model.title,
      Author: model.organisation,
      Subject: model.cover.subtitle,
      Creator: model.build.generator,
      CreationDate: date,
      ModDate: date,
    },
  } as unknown as PDFKit.PDFDocumentOptions;
  const doc = new PDFDocument(options);
  const missing = missingPdfkitInternals(doc);
  // A bug, not the user's doing: the installed pdfkit is not the one cse was built for.
  if (missing.length) throw new Error(`the installed pdfkit lacks what cse relies on: ${missing.join("; ")}`);
  // pdfkit's own identifier hashes only the Info dictionary: two different packs with the same
  // title and date would share it. Hash the whole model instead.
  setFileId(
    doc,
    createHash("sha256")
      .update(JSON.stringify(model))
      .update(attach ? "\u0000attach" : "")
      .digest()
      .subarray(0, 16),
  );
  escapeXmpInfo(doc);
  // Collect the output from the start: the header the constructor wrote is still in the stream.
  const sink = new ByteSink();
  const head = doc.read() as Uint8Array | null;
  if (head) sink.add(head);
  const output = new Promise<Uint8Array>((resolve, reject) => {
    captureOutput(doc, (chunk) => (chunk === null ? resolve(sink.bytes()) : sink.add(chunk)));
    doc.on("error", reject);
  });
  return { doc, output };
}

/** Ends the document; `output` (from createPdfDocument) then resolves to its bytes. */
export function finishPdf(doc: PDFKit.PDFDocument, output: Promise<Uint8Array>): Promise<Uint8Array> {
  sortNameTreesByCodeUnit(doc);
  doc.end();
  return output;
}
