import v8 from "node:v8";
import type { PackDocument } from "../../pack/document-model.js";
import { renderDocx } from "../../render/docx/render-docx.js";

/** The Word pack: a function of the document alone (attachments are named, not embedded). */
export async function renderDocxPack(doc: PackDocument): Promise<Uint8Array> {
  keepHeapClose();
  return renderDocx(doc);
}

/**
 * Asks V8 to grow its heap by at most HEAP_GROWING_PERCENT beyond what was live after each full
 * collection, as the PDF build does (build-pdf.ts). The Word document is made and written a piece
 * at a time, so little stays live (at 30,000 items about 400 MB, nearly all of it the pack's
 * model), but each piece's objects, formatted tree and XML are garbage that V8 let pile up to
 * three or four times the live size before collecting: 2.6 GiB at 30,000 items. A setting of the
 * whole process (V8 reads it at every collection), so it holds for the rest of the run.
 */
function keepHeapClose(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

const HEAP_GROWING_PERCENT = 30;
