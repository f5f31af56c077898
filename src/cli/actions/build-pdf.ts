import fs from "node:fs";
import type { PackDocument } from "../../pack/document-model.js";
import { AttachmentChangedError } from "../../render/pdf/attachments.js";
import { renderPdf, renderPdfTo, type PdfSink } from "../../render/pdf/render-pdf.js";
import { discardTemporary, temporaryFor, type WrittenTemporary } from "../../util/atomic-write.js";
import { keepHeapCloseBy, PDF_HEAP, stopPretenuring } from "../../util/collect-garbage.js";
import { errorReason } from "../../util/error-reason.js";
import { CliError } from "../exit-codes.js";
import type { PackRenderContext } from "./build.js";

/**
 * The PDF pack; with --attach every attachment is embedded, read through the submission's tree.
 * Written page by page to a temporary beside its target (a pack of 45,000 pages is never whole
 * in memory), which joins the build's other files when all are ready; with no target, the bytes.
 */
export async function renderPdfPack(
  doc: PackDocument,
  context: PackRenderContext & { target?: undefined },
): Promise<Uint8Array>;
export async function renderPdfPack(
  doc: PackDocument,
  context: PackRenderContext,
): Promise<Uint8Array | WrittenTemporary>;
export async function renderPdfPack(
  doc: PackDocument,
  { tree, opts, target }: PackRenderContext,
): Promise<Uint8Array | WrittenTemporary> {
  const readAttachment = (path: string) => {
    try {
      return tree.read(path);
    } catch (err) {
      throw new CliError(vanishedMessage(path, errorReason(err)));
    }
  };
  const options = { readAttachment: opts.attach ? readAttachment : null };
  keepHeapCloseBy(PDF_HEAP);
  stopPretenuring();
  try {
    if (target === undefined) return await renderPdf(doc, options);
    const temporary = temporaryFor(target);
    const sink = new FileSink(temporary);
    try {
      await renderPdfTo(doc, sink, options);
      sink.close();
    } catch (err) {
      sink.abandon();
      discardTemporary(temporary);
      throw err;
    }
    return { temporary };
  } catch (err) {
    if (err instanceof AttachmentChangedError) throw new CliError(changedMessage(err.path));
    throw err;
  }
}

/**
 * The PDF's bytes written to a new file as they come, in blocks of BLOCK bytes (pdfkit hands over
 * every line of every object as its own small piece), then made durable.
 */
class FileSink implements PdfSink {
  private readonly fd: number;
  private readonly block = Buffer.allocUnsafe(BLOCK);
  private used = 0;
  /** Where the next block goes in the file. */
  private position = 0;
  private closed = false;

  constructor(file: string) {
    this.fd = fs.openSync(file, "wx");
  }

  add(chunk: Uint8Array): void {
    if (this.used + chunk.length > BLOCK) this.flush();
    if (chunk.length >= BLOCK) this.write(chunk, chunk.length);
    else {
      this.block.set(chunk, this.used);
      this.used += chunk.length;
    }
  }

  reset(): void {
    this.used = 0;
    this.position = 0;
    fs.ftruncateSync(this.fd, 0);
  }

  /** Writes what is left, makes the file durable and closes it. */
  close(): void {
    this.flush();
    fs.fsyncSync(this.fd);
    this.closed = true;
    fs.closeSync(this.fd);
  }

  /** Closes the file without finishing it (it is removed). */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }

  private flush(): void {
    if (this.used > 0) this.write(this.block, this.used);
    this.used = 0;
  }

  private write(bytes: Uint8Array, length: number): void {
    let done = 0;
    while (done < length) done += fs.writeSync(this.fd, bytes, done, length - done, this.position + done);
    this.position += length;
  }
}

const BLOCK = 1 << 20;

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
