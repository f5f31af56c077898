import type { PackDocument } from "../../pack/document-model.js";
import { renderPdf } from "../../render/pdf/render-pdf.js";
import type { PackRenderContext } from "./build.js";

/** The PDF pack; with --attach every attachment is embedded, read through the submission's tree. */
export async function renderPdfPack(
  doc: PackDocument,
  { tree, opts }: PackRenderContext,
): Promise<Uint8Array> {
  return renderPdf(doc, { readAttachment: opts.attach ? (path) => tree.read(path) : null });
}
