import { createHash } from "node:crypto";
import PDFDocument from "pdfkit";
import type { PackDocument } from "../../pack/document-model.js";
import {
  captureOutput,
  deflatePagesAside,
  escapeXmpInfo,
  forgetWrittenObjects,
  setFileId,
  sortNameTreesByCodeUnit,
  writePagesWhole,
  writeStringsAsBytes,
} from "./pdfkit-extras.js";
import { missingPdfkitInternals } from "./pdfkit-internals.js";
import { PAGE } from "./theme.js";
import { updateWithJson } from "../../util/json-hash.js";

/**
 * A pdfkit document set up for the pack: A4, tagged PDF 1.7 declaring PDF/UA, the title shown
 * in the viewer's title bar, the language of build.language. Pages are not buffered: each is
 * written out when the next begins, so a pack of 45,000 pages never holds more than one. Its bytes
 * go to `write` as they are made (`null` once the document is ended). Nothing in it depends on the
 * clock or chance: dates come from the build date and the file identifier from a hash of the content.
 */
export function createPdfDocument(
  model: PackDocument,
  attach: boolean,
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
  // title and date would share it. Hash the whole model instead.
  // The model's JSON is hashed as it is written, never whole (hundreds of MB at 30,000 items).
  setFileId(
    doc,
    updateWithJson(createHash("sha256"), hashedModel(model))
      .update(attach ? "\u0000attach" : "")
      .digest()
      .subarray(0, 16),
  );
  escapeXmpInfo(doc);
  writeStringsAsBytes(doc);
  writePagesWhole(doc);
  deflatePagesAside(doc);
  forgetWrittenObjects(doc);
  // Take the output from the start: the header the constructor wrote is still in the stream.
  const head = doc.read() as Uint8Array | null;
  if (head) write(head);
  const output = new Promise<void>((resolve, reject) => {
    captureOutput(doc, (chunk) => (chunk === null ? resolve() : write(chunk)));
    doc.on("error", reject);
  });
  return { doc, output };
}

/**
 * The model as its file identifier hashes it. A volume of a split pack carries the whole pack's
 * mentions and anchor map, the same two objects in every volume: each is hashed once and its
 * digest stands in for it, so a pack of 47 volumes does not hash them 47 times (at 30,000 items
 * that was 4.4 s of the split build's 372, and grew with the items times the volumes). A
 * single-file pack is hashed whole, as before.
 */
function hashedModel(model: PackDocument): unknown {
  if (model.volume === undefined) return model;
  return {
    ...model,
    mentions: digestOnce(model.mentions),
    volume: { ...model.volume, anchors: digestOnce(model.volume.anchors) },
  };
}

/** The SHA-256 of `value`'s JSON, worked out once for each object. */
function digestOnce(value: object): string {
  let digest = digests.get(value);
  if (digest === undefined) {
    digest = updateWithJson(createHash("sha256"), value).digest("hex");
    digests.set(value, digest);
  }
  return digest;
}

const digests = new WeakMap<object, string>();

/** Ends the document; `output` (from createPdfDocument) then resolves, every byte written. */
export function finishPdf(doc: PDFKit.PDFDocument, output: Promise<void>): Promise<void> {
  sortNameTreesByCodeUnit(doc);
  doc.end();
  return output;
}
