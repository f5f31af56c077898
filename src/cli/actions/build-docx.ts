import type { PackDocument } from "../../pack/document-model.js";
import { renderDocx } from "../../render/docx/render-docx.js";
import { keepHeapClose } from "../../util/collect-garbage.js";

/** The Word pack: a function of the document alone (attachments are named, not embedded). */
export async function renderDocxPack(doc: PackDocument): Promise<Uint8Array> {
  keepHeapClose(HEAP_GROWING_PERCENT);
  return renderDocx(doc);
}

/**
 * How far V8's heap may grow beyond what was live after a full collection, in the Word build. The
 * document is made and written a piece at a time, so little stays live (at 30,000 items about
 * 430 MB, nearly all of it the pack's model), but each piece's objects, formatted tree and XML are
 * garbage; 30% against 60% and none was measured at 30,000 items (docs/benchmarks.md).
 */
const HEAP_GROWING_PERCENT = 30;
