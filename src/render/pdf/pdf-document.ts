import { createHash } from "node:crypto";
import PDFDocument from "pdfkit";
import type { PackDocument } from "../../pack/document-model.js";
import {
  captureOutput,
  deflatePagesAside,
  escapeXmpInfo,
  forgetWrittenObjects,
  setFileIdAtEnd,
  sortNameTreesByCodeUnit,
  writePagesWhole,
  writeStringsAsBytes,
} from "./pdfkit-extras.js";
import { missingPdfkitInternals } from "./pdfkit-internals.js";
import { PAGE } from "./theme.js";

/**
 * A pdfkit document set up for the pack: A4, tagged PDF 1.7 declaring PDF/UA, the title shown
 * in the viewer's title bar, the language of build.language. Pages are not buffered: each is
 * written out when the next begins, so a pack of 45,000 pages never holds more than one. Its bytes
 * go to `write` as they are made (`null` once the document is ended). Nothing in it depends on the
 * clock or chance: dates come from the build date and the file identifier from a hash of
 * the file's own bytes.
 */
export function createPdfDocument(
  model: PackDocument,
  write: (chunk: Uint8Array) => void,
): { doc: PDFKit.PDFDocument; output: Promise<void> } {
  const date = new Date(`${model.build.date}T00:00:00Z`);
  const options = {
    size: [PAGE.width, PAGE.height],
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    bufferPages: false,
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
  // title and date would share it. The identifier is a hash of every byte written before the
  // trailer instead, so two files share it only if they are the same file. The bytes are hashed
  // as they go out, never held; the trailer is the last thing written.
  const hash = createHash("sha256");
  let hashing = true; // until the trailer: the cross-reference table and trailer are not hashed
  const take = (chunk: Uint8Array) => {
    if (hashing) hash.update(chunk);
    write(chunk);
  };
  setFileIdAtEnd(doc, () => {
    hashing = false;
    return hash.digest().subarray(0, 16);
  });
  escapeXmpInfo(doc);
  writeStringsAsBytes(doc);
  writePagesWhole(doc);
  deflatePagesAside(doc);
  forgetWrittenObjects(doc);
  // Take the output from the start: the header the constructor wrote is still in the stream.
  const head = doc.read() as Uint8Array | null;
  if (head) take(head);
  const output = new Promise<void>((resolve, reject) => {
    captureOutput(doc, (chunk) => (chunk === null ? resolve() : take(chunk)));
    doc.on("error", reject);
  });
  return { doc, output };
}

/** Ends the document; `output` (from createPdfDocument) then resolves, every byte written. */
export function finishPdf(doc: PDFKit.PDFDocument, output: Promise<void>): Promise<void> {
  sortNameTreesByCodeUnit(doc);
  doc.end();
  return output;
}
