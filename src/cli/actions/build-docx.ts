import type { PackDocument } from "../../pack/document-model.js";
import { renderDocx } from "../../render/docx/render-docx.js";
import { keepHeapCloseBy, stopPretenuring, WORD_HEAP } from "../../util/collect-garbage.js";

/** The Word pack: a function of the document alone (attachments are named, not embedded). */
export async function renderDocxPack(doc: PackDocument): Promise<Uint8Array> {
  keepHeapCloseBy(WORD_HEAP);
  stopPretenuring();
  return renderDocx(doc);
}
