/**
 * The few pdfkit 0.20 features that @types/pdfkit does not describe, typed in one place so the
 * rest of the renderer stays free of casts: structure attributes (table header scope, layout
 * bounding box), annotation options for tagged links; and what cse changes in how pdfkit writes
 * the file (its strings and pages as bytes, the parent tree in pieces, written objects let go,
 * name trees sorted, the output captured). The private fields these use are typed and checked
 * in pdfkit-internals.ts; lines of text are set by set-text.ts.
 */

import { Deflater } from "./deflate-aside.js";
import {
  type ContentInternals,
  internals,
  type DocumentInternals,
  type OutlineInternals,
  type PageInternals,
  type PdfReference,
} from "./pdfkit-internals.js";
import { forgetLaidOutWords } from "./set-text.js";

/** A structure element (pdfkit's PDFStructureElement). */
export type StructElement = PDFKit.PDFStructureElement;

/** Options of a structure element beyond the typed ones. */
export interface StructOptions {
  title?: string;
  lang?: string;
  /** The expansion of an abbreviation (/E). */
  expanded?: string;
  alt?: string;
  actual?: string;
  /** Table header scope: the TH heads a column or a row. */
  scope?: "Column" | "Row" | "Both";
  /** Bounding box [x1, y1, x2, y2] in page coordinates from the top left (figures). */
  bbox?: [number, number, number, number];
  placement?: "Block" | "Inline";
}

/** Creates a structure element. */
export function struct(doc: PDFKit.PDFDocument, type: string, options: StructOptions = {}): StructElement {
  return doc.struct(type, options);
}

/** A link annotation to a named destination, tagged as part of `parent` (a Link element). */
export function linkToDestination(
  doc: PDFKit.PDFDocument,
  rect: Rect,
  anchor: string,
  label: string,
  parent: StructElement,
): void {
  doc.goTo(rect.x, rect.y, rect.w, rect.h, anchor, {
    structParent: parent,
    Contents: new String(label),
  } as object);
}

/**
 * A link annotation opening another PDF file beside this one (`file`, a bare file name, so it
 * is found in the same folder) at its named destination `anchor`: a remote go-to action
 * (GoToR), tagged as part of `parent` (a Link element).
 */
export function linkToOtherFile(
  doc: PDFKit.PDFDocument,
  rect: Rect,
  file: string,
  anchor: string,
  label: string,
  parent: StructElement,
): void {
  const action = doc.ref({
    S: "GoToR",
    F: { Type: "Filespec", F: new String(file), UF: new String(file) },
    D: new String(anchor),
  });
  action.end(""); // no stream: a dictionary only
  doc.annotate(rect.x, rect.y, rect.w, rect.h, {
    Subtype: "Link",
    A: action,
    structParent: parent,
    Contents: new String(label),
  } as object);
}

/** A link annotation to a web address, tagged as part of `parent` (a Link element). */
export function linkToUrl(
  doc: PDFKit.PDFDocument,
  rect: Rect,
  href: string,
  label: string,
  parent: StructElement,
): void {
  doc.link(rect.x, rect.y, rect.w, rect.h, uriOf(href), {
    structParent: parent,
    Contents: new String(label),
  } as object);
}

/**
 * The address as a PDF /URI string: a URI is 7-bit ASCII with no controls or spaces, so the
 * address is parsed (which drops tabs and line ends, as a browser does) and anything left
 * outside printable ASCII is percent-encoded; a raw newline or NUL never reaches the file.
 */
export function uriOf(href: string): string {
  let uri = href;
  try {
    uri = new URL(href).href;
  } catch {
    // Not an address the pack links to (the model allows only http and https); encode it anyway.
  }
  return uri.replace(/[^\x21-\x7e]/gu, percentEncoded);
}

function percentEncoded(c: string): string {
  try {
    return encodeURIComponent(c);
  } catch {
    return "%EF%BF%BD"; // a lone surrogate: the replacement character
  }
}

/** A rectangle in pdfkit's user space (points, origin top left). */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Points an outline item at a named destination, so bookmarks and links share one target. */
export function pointOutlineAt(item: PDFKit.PDFOutline, anchor: string): void {
  (item as unknown as OutlineInternals).outlineData["Dest"] = new String(anchor);
}

/**
 * pdfkit turns every string it writes (each object's dictionary, the lines of text it sets) into
 * bytes one character at a time in JavaScript, each character's low byte; Node's "latin1"
 * encoding writes the same bytes natively. The document's strings are written that way, the
 * same bytes (a page's content is made bytes whole: `writePagesWhole`).
 */
export function writeStringsAsBytes(doc: PDFKit.PDFDocument): void {
  const d = internals(doc);
  const write = d._write.bind(doc);
  d._write = (data) => write(typeof data === "string" ? Buffer.from(`${data}\n`, "latin1") : data);
}

/**
 * Gathers each page's content (every operator pdfkit and cse write on it, a line each) as text,
 * and makes it bytes once, as the page ends: pdfkit makes each line bytes on its own, and keeps
 * each as a separate piece until the page ends.
 * The same bytes, in the same order: everything written to a page goes through its `write`.
 */
export function writePagesWhole(doc: PDFKit.PDFDocument): void {
  const d = internals(doc);
  const gather = (page: PageInternals) => {
    const content = page.content;
    const lines: string[] = [];
    const flush = () => {
      if (lines.length === 0) return;
      lines.push(""); // the line end after the last
      content.write(Buffer.from(lines.join("\n"), "latin1"));
      lines.length = 0;
    };
    page.write = (chunk) => {
      if (typeof chunk === "string") lines.push(chunk);
      else {
        flush();
        content.write(chunk);
      }
    };
    const end = page.end.bind(page);
    page.end = () => {
      flush();
      end();
    };
  };
  if (d.page) gather(d.page);
  doc.on("pageAdded", () => gather(d.page));
}

/**
 * Deflates each page's content on a second thread (deflate-aside.ts) while the next page is laid
 * out. A page's content stream is handed over as the page ends and written, deflated, as the next
 * page's ends (the last one's as the document ends): the same objects, each page's content a
 * page later in the file than pdfkit puts it, wherever and however fast it was deflated.
 */
export function deflatePagesAside(doc: PDFKit.PDFDocument): void {
  const deflater = Deflater.shared();
  const d = internals(doc);
  let writeLast: (() => void) | null = null;
  const writeWaiting = () => {
    const write = writeLast;
    writeLast = null;
    write?.();
  };
  const aside = (content: ContentInternals) => {
    if (!content.compress) return;
    const finalize = content.finalize.bind(content);
    content.finalize = () => {
      writeWaiting();
      if (content.buffer.length === 0) return finalize();
      const ticket = deflater.give(content.buffer);
      writeLast = () => {
        const deflated = deflater.take(ticket);
        if (deflated !== null) {
          content.buffer = [deflated];
          content.compress = false; // deflated already: pdfkit writes the bytes as they are
        }
        finalize();
      };
    };
  };
  if (d.page) aside(d.page.content);
  doc.on("pageAdded", () => aside(d.page.content));
  const end = doc.end.bind(doc);
  doc.end = () => {
    end(); // ends the last page, whose content waits
    writeWaiting(); // pdfkit finishes the file once the last object it waits for is written
    return doc;
  };
}

/**
 * Gives the document the file identifier (the trailer's /ID) that `id` answers when the trailer
 * is written, after every object: so the identifier can be a hash of all the bytes before it.
 */
export function setFileIdAtEnd(doc: PDFKit.PDFDocument, id: () => Uint8Array): void {
  const inside = internals(doc);
  const finalize = inside._finalize.bind(doc);
  inside._finalize = () => {
    inside._id = id();
    finalize();
  };
}

/**
 * Sorts the name trees (named destinations, embedded files) by code unit, as the PDF
 * specification requires. pdfkit sorts with localeCompare, which depends on the machine's
 * locale data: a reader doing a binary search could miss a destination, and two machines could
 * write different bytes.
 */
export function sortNameTreesByCodeUnit(doc: PDFKit.PDFDocument): void {
  const names = internals(doc)._root.data.Names.data;
  for (const key of ["Dests", "EmbeddedFiles"]) {
    const tree = names[key];
    if (tree) tree._compareKeys = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  }
}

/**
 * pdfkit copies the title, author and subject into the XMP metadata without escaping them, so a
 * title with "&" or "<" would make the metadata malformed XML. Escape them there only (the Info
 * dictionary keeps the plain text).
 */
export function escapeXmpInfo(doc: PDFKit.PDFDocument): void {
  const d = internals(doc);
  const addInfo = d._addInfo.bind(doc);
  d._addInfo = () => {
    const plain = d.info;
    d.info = Object.fromEntries(
      Object.entries(plain).map(([k, v]) => [k, typeof v === "string" ? escapeXml(v) : v]),
    );
    try {
      addInfo();
    } finally {
      d.info = plain;
    }
  };
}

function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(NOT_XML, "\ufffd");
}

// Characters XML 1.0 forbids even as references (controls but tab and line ends, lone
// surrogates, U+FFFE and U+FFFF): shown as the replacement character in the metadata only.
const NOT_XML =
  /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Lets go of what pdfkit keeps of every object it has written, so memory stays flat over a
 * document of tens of thousands of pages. pdfkit keeps each reference whole (its dictionary
 * with every array and string in it) until the document ends, because something still points
 * at it: the pages' list, the named destinations, the structure tree's parent tree, a link's
 * annotation from its page. About 97 objects a page (a link is an annotation, its action and
 * a Link element): at 3,000 items, 340,000 references by page 3,500. Only the object number is
 * ever read of them again, to write "12 0 R" where they are named.
 *
 * So once an object is written, its dictionary is dropped (a page keeps its StructParents key,
 * which pdfkit reads to tag content, and a structure element a /P, which pdfkit reads to know it
 * is written; nothing else is read after writing). And as each page is
 * written, the parent tree's entries so far (every tagged element that holds content on an
 * ended page, and every link's element) become bare object numbers (plain numbers, no object
 * each; written as references): an element still
 * being laid out keeps its own dictionary, the tree only names it; a page's list, once each piece
 * on it names its element, becomes one object holding the numbers (at 30,000 items some 45,000
 * lists of about 40 references each). Once the document is being
 * ended nothing more is dropped (pdfkit then reads the dictionaries of what it has just written).
 * Same bytes.
 */
export function forgetWrittenObjects(doc: PDFKit.PDFDocument): void {
  const d = internals(doc);
  // Ending the document writes the catalogue and then reads its dictionary (and others): from
  // there on, nothing is dropped.
  let ending = false;
  const end = doc.end.bind(doc);
  doc.end = () => {
    ending = true;
    end();
  };
  const offsets = new Offsets(d._offsets);
  d._offsets = offsets;
  const refEnd = d._refEnd.bind(doc);
  d._refEnd = (ref) => {
    refEnd(ref); // pdfkit notes where the object went: offsets[ref.id - 1] = ref.offset
    offsets.settle(ref.id - 1);
    if (ending) return;
    const data = ref.data;
    const key = data["StructParents"];
    ref.data = key !== undefined ? { StructParents: key } : data["P"] !== undefined ? SPENT_CHILD : SPENT;
  };
  const Reference = Object.getPrototypeOf(Object.getPrototypeOf(d._root)).constructor as new () => object;
  /**
   * A page's whole list in the parent tree (the element of each piece of marked content on it),
   * as bare object numbers: written as the array of references it stands for.
   */
  class WrittenList extends Reference {
    constructor(readonly ids: Uint32Array) {
      super();
    }
    override toString(): string {
      let out = "[";
      for (let i = 0; i < this.ids.length; i++) out += `${i > 0 ? " " : ""}${this.ids[i]} 0 R`;
      return `${out}]`;
    }
  }
  const flushPages = d.flushPages.bind(doc);
  let done = 0;
  let pages = 0;
  /** The keys of pages' lists with a piece whose element was not yet ended when they were seen. */
  let open: number[] = [];
  d.flushPages = () => {
    flushPages();
    const items = d.getStructParentTree()._items;
    const next = d.getStructTreeRoot().data.ParentTreeNextKey;
    // A written element is named by its object number alone: a number in the tree, no object
    // (at 30,000 items some 630,000 links' entries, each an object of its own before).
    const numbered = (v: unknown): unknown => {
      if (typeof v === "number") return v;
      const id = (v as PdfReference | null)?.id;
      return typeof id === "number" ? id : v;
    };
    // A page's list is complete once every piece on it names its element (pdfkit sets the entry,
    // by its place in the list, when the element is ended); only then is it made one object.
    const listed = (key: number): boolean => {
      const item = items[key];
      if (!Array.isArray(item)) return true;
      const ids = idsOf(item);
      if (ids === null) {
        for (let i = 0; i < item.length; i++) item[i] = numbered(item[i]);
        return false;
      }
      if (ids.length > 0) items[key] = new WrittenList(ids);
      return true;
    };
    open = open.filter((key) => !listed(key));
    for (; done < next; done++) {
      const item = items[done];
      if (Array.isArray(item)) {
        if (!listed(done)) open.push(done);
      } else if (item !== undefined) items[done] = numbered(item);
    }
    if (++pages % LAYOUT_CACHE_PAGES === 0) forgetLaidOutWords(d);
  };
  writeParentTreeInPieces(d, Reference);
}

/**
 * pdfkit writes the structure tree root, parent tree and all, as one string (at 30,000 items
 * some 45,000 pages' lists and 600,000 links' entries: tens of MB, with its lines, its keys and
 * its bytes made at once at the very end, where the 30,000-item build peaked). The parent tree
 * is now written a piece at a time in its place: pdfkit writes the root's dictionary with a
 * marker for it, and the marker is replaced by the tree's text as it is made, the same bytes.
 * Anything in the tree other than references, lists of references and nulls (not something cse
 * makes) leaves it to pdfkit.
 */
function writeParentTreeInPieces(d: DocumentInternals, Reference: new () => object): void {
  const root = d.getStructTreeRoot() as unknown as StructTreeRootRef;
  const finalize = root.finalize.bind(root);
  class Marker extends Reference {
    override toString(): string {
      return PARENT_TREE_MARK;
    }
  }
  /** A written object named by its number, for pdfkit to write (see `forgetWrittenObjects`). */
  class Written extends Reference {
    constructor(readonly id: number) {
      super();
    }
    override toString(): string {
      return `${this.id} 0 R`;
    }
  }
  const isReference = (v: unknown) => typeof v === "number" || v instanceof Reference;
  root.finalize = () => {
    const tree = root.data.ParentTree;
    const items = tree._items;
    const keys = Object.keys(items).sort((a, b) => tree._compareKeys(a, b));
    const plain = (v: unknown) => v === null || v === undefined || isReference(v);
    const simple = (v: unknown) => v === null || isReference(v) || (Array.isArray(v) && v.every(plain));
    if (!keys.every((k) => simple(items[k]))) {
      // Left to pdfkit, which writes a number as a number: each becomes a reference again.
      const reference = (v: unknown) => (typeof v === "number" ? new Written(v) : v);
      for (const k of keys) {
        const v = items[k];
        items[k] = Array.isArray(v) ? v.map(reference) : reference(v);
      }
      return finalize();
    }
    const write = d._write;
    const bytes = (text: string) => write.call(d, Buffer.from(text, "latin1"));
    d._write = (data) => {
      const at = typeof data === "string" ? data.indexOf(PARENT_TREE_MARK) : -1;
      if (at < 0) return write.call(d, data);
      const text = data as string;
      bytes(text.slice(0, at));
      writeNumberTree(tree, keys, bytes);
      bytes(`${text.slice(at + PARENT_TREE_MARK.length)}\n`); // the line end _write adds
    };
    root.data.ParentTree = new Marker() as unknown as NumberTree;
    try {
      finalize();
    } finally {
      d._write = write;
      root.data.ParentTree = tree;
    }
  };
}

interface NumberTree {
  _items: Record<string, unknown>;
  _compareKeys: (a: string, b: string) => number;
  limits: boolean;
}
interface StructTreeRootRef {
  data: { ParentTree: NumberTree };
  finalize: () => void;
}

const PARENT_TREE_MARK = "\u0000cse-parent-tree\u0000";

/** pdfkit's PDFTree.toString for a number tree of references, lists of them and nulls, in pieces. */
function writeNumberTree(tree: NumberTree, keys: readonly string[], write: (text: string) => void): void {
  let text = "<<";
  const put = (piece: string) => {
    text += piece;
    if (text.length >= 1 << 16) {
      write(text);
      text = "";
    }
  };
  if (tree.limits && keys.length > 1)
    put(`\n  /Limits [${parseInt(keys[0]!)} ${parseInt(keys[keys.length - 1]!)}]`);
  put("\n  /Nums [");
  for (const key of keys) {
    const v = tree._items[key];
    put(
      `\n    ${parseInt(key)} ${Array.isArray(v) ? `[${v.map(referenceText).join(" ")}]` : referenceText(v)}`,
    );
  }
  put("\n]\n>>");
  write(text);
}

function referenceText(v: unknown): string {
  return v === null || v === undefined ? "null" : typeof v === "number" ? `${v} 0 R` : String(v);
}

/**
 * Where each object starts in the file, for the cross-reference table, in place of pdfkit's
 * array (one slot of 8 bytes an object, and at 30,000 items some six million objects, the array
 * copied whole each time it grows): 4 bytes an object, in blocks that never move. pdfkit uses
 * `push(null)` for a new object, `length`, iteration at the end, and sets `offsets[id - 1]`
 * when the object is written: that lands as a property of this object, and `settle` moves it
 * into the blocks. An offset too large for 32 bits stays a property; iteration reads both.
 */
class Offsets {
  [index: number]: number | null | undefined;
  length = 0;
  private readonly blocks: Uint32Array[] = [];

  constructor(from: Iterable<number | null>) {
    for (const offset of from) this.push(offset);
  }

  push(offset: number | null): number {
    const i = this.length++;
    this.put(i, offset);
    return this.length;
  }

  /** Moves the offset pdfkit set as a property into the blocks. */
  settle(i: number): void {
    const offset = this[i];
    if (fits(offset)) {
      this.put(i, offset);
      delete this[i];
    }
  }

  *[Symbol.iterator](): Iterator<number | null> {
    for (let i = 0; i < this.length; i++) {
      const own = this[i];
      if (own !== undefined) yield own;
      else {
        const offset = this.blocks[i >>> BLOCK_BITS]![i & BLOCK_MASK]!;
        yield offset === NO_OFFSET ? null : offset;
      }
    }
  }

  private put(i: number, offset: number | null): void {
    if (offset !== null && !fits(offset)) {
      this[i] = offset; // not a 32-bit number (pdfkit writes what it is given): kept as it is
      return;
    }
    const b = i >>> BLOCK_BITS;
    const block = (this.blocks[b] ??= new Uint32Array(1 << BLOCK_BITS).fill(NO_OFFSET));
    block[i & BLOCK_MASK] = offset ?? NO_OFFSET;
  }
}

const BLOCK_BITS = 16;
const BLOCK_MASK = (1 << BLOCK_BITS) - 1;
/** An object not yet written (pdfkit's null). */
const NO_OFFSET = 0xffff_ffff;

function fits(offset: unknown): offset is number {
  return Number.isInteger(offset) && (offset as number) >= 0 && (offset as number) < NO_OFFSET;
}

/** The object numbers of a list of references; null when an entry is not one (yet). */
function idsOf(list: readonly unknown[]): Uint32Array | null {
  const ids = new Uint32Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    const id = typeof v === "number" ? v : (v as PdfReference | null)?.id;
    if (typeof id !== "number") return null;
    ids[i] = id;
  }
  return ids;
}

/** How often (in pages) the words laid out and their glyph codes are let go (forgetLaidOutWords). */
const LAYOUT_CACHE_PAGES = 1_000;

/**
 * What a written object's dictionary becomes: pdfkit may still set a key on it after writing
 * (a structure element's /K), which then goes nowhere.
 */
const SPENT: Record<string, unknown> = {};
/**
 * What a written structure element's dictionary becomes: pdfkit asks whether an element's
 * children are written by looking for their parent (/P) in their dictionaries.
 */
const SPENT_CHILD: Record<string, unknown> = { P: true };

/**
 * Routes a document's output to `onChunk` (null at the end) instead of the stream's own buffer.
 * pdfkit writes only through `push`, so nothing reaches that buffer.
 */
export function captureOutput(doc: PDFKit.PDFDocument, onChunk: (chunk: Uint8Array | null) => void): void {
  internals(doc).push = (chunk) => {
    onChunk(chunk);
    return true;
  };
}
