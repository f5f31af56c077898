import type { PackDocument } from "../../pack/document-model.js";
import { AttachmentChangedError } from "../../render/pdf/attachments.js";
import { renderPdf } from "../../render/pdf/render-pdf.js";
import { errorReason } from "../../util/error-reason.js";
import { CliError } from "../exit-codes.js";
import type { PackRenderContext } from "./build.js";

/** The PDF pack; with --attach every attachment is embedded, read through the submission's tree. */
export async function renderPdfPack(
  doc: PackDocument,
  { tree, opts }: PackRenderContext,
): Promise<Uint8Array> {
  const readAttachment = (path: string) => {
    try {
      return tree.read(path);
    } catch (err) {
      throw new CliError(vanishedMessage(path, errorReason(err)));
    }
  };
  try {
    return await renderPdf(doc, { readAttachment: opts.attach ? readAttachment : null });
  } catch (err) {
    if (err instanceof AttachmentChangedError) throw new CliError(changedMessage(err.path));
    throw err;
  }
}

/** An attachment edited while the pack was being built. */
function changedMessage(path: string): string {
  return (
    `the attachment ${path} changed while the pack was being built, so the pack would describe it wrongly; ` +
    "build again once nothing is changing the submission's files. Any earlier pack is left as it was."
  );
}

/** An attachment that could be read a moment ago and now cannot. */
function vanishedMessage(path: string, reason: string): string {
  return (
    `the attachment ${path} could not be read while the pack was being built (${reason}); ` +
    "check that it is still there and build again. Any earlier pack is left as it was."
  );
}
