import type { Mention, PackDocument, Section } from "../../pack/document-model.js";
import { bookmarkNames } from "./bookmark-names.js";

/** What every block renderer of the Word pack needs besides the block. */
export interface DocxContext {
  /** The document's language (build.language). */
  language: string;
  /** Ids that become links where Markdown mentions them. */
  mentions: readonly Mention[];
  /** The Word bookmark name of a document anchor. */
  bookmark(anchor: string): string;
  /** A new numbering instance, so each numbered list starts again at its own first number. */
  nextListInstance(): number;
  /** The first numbers of the numbered lists in the document (each needs a numbering definition). */
  listStarts: Set<number>;
  /** The next chart's index (charts are numbered in document order, like the HTML's). */
  nextChart(): number;
}

/** The context for one document: bookmark names for every anchor, counters from zero. */
export function docxContext(doc: PackDocument): DocxContext {
  const names = bookmarkNames(anchorsOf(doc.sections));
  let lists = 0;
  let charts = 0;
  return {
    language: doc.language,
    mentions: doc.mentions,
    bookmark: (anchor) => names.get(anchor) ?? anchor,
    nextListInstance: () => ++lists,
    listStarts: new Set(),
    nextChart: () => charts++,
  };
}

function anchorsOf(sections: readonly Section[], into: string[] = []): string[] {
  for (const s of sections) {
    into.push(s.anchor);
    anchorsOf(s.children, into);
  }
  return into;
}
