import { createRequire } from "node:module";
import zlib from "node:zlib";
import { Packer, type Document } from "docx";
import yazl from "yazl";
import type { PackDocument } from "../../pack/document-model.js";
import { isoBuildTime, zipEntryTime } from "../../util/zip-time.js";
import type { BodyPiece } from "./docx-blocks.js";
import type { DocxContext } from "./docx-context.js";
import { embedFonts } from "./docx-fonts.js";
import { writeXml } from "./xml-writer.js";

/** The part of the docx package's compiler cse uses: the parts of the document, before zipping. */
interface Compiled {
  files: Record<string, { dir: boolean; async(type: "nodebuffer"): Promise<Buffer> }>;
}
interface FormatContext {
  viewWrapper: unknown;
  file: unknown;
  stack: unknown[];
}
type Compiler = {
  compile(file: Document, prettify?: undefined, overrides?: []): Compiled;
  formatter: { format(input: unknown, context: FormatContext): unknown };
};
/** The inside of a docx File that writing its body piece by piece needs. */
interface FileInside {
  Document: {
    View: unknown;
    Relationships: {
      RelationshipCount: number;
      addRelationship(id: number | string, type: string, target: string): void;
    };
  };
  Media: { Array: readonly { fileName: string }[] };
  Numbering: { concreteNumberingMap: Map<string, { numId: number }> };
}

/**
 * The XML writer the docx package writes its parts with (`xml`, a dependency of docx, which
 * carries a copy of it inside): resolved from docx's own folder, so it is the one docx brings.
 */
const xml = createRequire(createRequire(import.meta.url).resolve("docx"))("xml") as (
  input: unknown,
  options?: { declaration?: { standalone?: string; encoding?: string } },
) => string;

const IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

/** How the Word document is made: a context, the body in pieces, the document around the body. */
export interface DocxPlan {
  /** A fresh context (counters from zero). */
  context(): DocxContext;
  /**
   * What the body will need, without making it: adds every numbered list's first number to the
   * context's listStarts, and answers how many links to bookmarks the body makes.
   */
  foresee(ctx: DocxContext): number;
  /** The body's children in reading order, a piece (a section's own paragraphs, say) at a time. */
  body(ctx: DocxContext): Iterable<BodyPiece>;
  /** The document with an empty body, given a context with every numbered list's first number. */
  document(ctx: DocxContext): Document;
}

/** The random numbers a link to a bookmark draws as it is made (docx's uniqueId: 21 characters). */
const DRAWS_PER_LINK = 21;

/**
 * Makes the document and zips it so the same input gives the same bytes. The docx package names
 * hyperlink relationships and a few other parts with Math.random, stamps the core properties and
 * every zip entry with the clock, and zips in no set order; so the document is made and compiled
 * with Math.random seeded, and its parts are zipped again here with the build date as every time,
 * in a fixed order, the core properties dated and given the language.
 *
 * The body is never held whole, as objects, as a formatted tree or as XML: a pack of 30,000
 * evidence items has some 700,000 paragraphs, and the docx package's one-call compile held them
 * three times over (over 3 GiB). Each piece of the body is made, formatted with the package's own
 * formatter, written as XML by writeXml (what the package's XML writer writes, with a fraction of
 * its garbage), its numbering and picture placeholders filled in, deflated and let go. The random
 * numbers are drawn at the same places in the same sequence as one compile of the whole document
 * drew them: objects first (each link to a bookmark draws 21 while it is made,
 * though its id is never written), then formatting (a web link's relationship id). So where the
 * formatting's numbers start depends on how many links to bookmarks the whole body has, and the
 * numbering definitions (the document's, made before the body is written) on which numbered
 * lists it has: both are read from the model first (plan.foresee), without making the body. Should
 * the body made disagree with what was foreseen, it is written again from what the first writing
 * counted (as the body was once always made twice). word/document.xml and every other part come
 * out byte for byte as one compile wrote them.
 */
export async function packDocx(plan: DocxPlan, doc: PackDocument): Promise<Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;
  if (!compiler) throw new Error("docx: Packer.compiler is missing (is docx still at version 9.7.0?)");
  const foreseen = plan.context();
  const links = plan.foresee(foreseen);
  const first = await packedWith(compiler, plan, doc, foreseen, links * DRAWS_PER_LINK);
  if ("bytes" in first) return first.bytes;
  const counted = plan.context();
  for (const start of first.listStarts) counted.listStarts.add(start);
  const again = await packedWith(compiler, plan, doc, counted, first.draws);
  if ("bytes" in again) return again.bytes;
  throw new Error("docx: the body's links and lists differ each time it is made");
}

/**
 * The document written with its body a piece at a time, given a context with the numbered lists'
 * first numbers and how many random numbers making the body draws; or, when the body made draws
 * a different number or has other lists, what it drew and had (the bytes would differ from one
 * compile's).
 */
async function packedWith(
  compiler: Compiler,
  plan: DocxPlan,
  doc: PackDocument,
  lists: DocxContext,
  bodyDraws: number,
): Promise<{ bytes: Uint8Array } | { draws: number; listStarts: ReadonlySet<number> }> {
  const random = seededRandom();
  random.position = bodyDraws;
  const file = random.run(() => plan.document(lists));
  const inside = file as unknown as FileInside;
  let made = 0;
  let formatted = random.position;

  const relationships = inside.Document.Relationships.RelationshipCount + 1;
  const context: FormatContext = { viewWrapper: inside.Document, file, stack: [] };
  const shell = withChunkedArrays(compiler, () =>
    xml(compiler.formatter.format(inside.Document.View, context), {
      declaration: { standalone: "yes", encoding: "UTF-8" },
    }),
  );
  const open = shell.indexOf("<w:body>") + "<w:body>".length;
  if (open < "<w:body>".length || random.position !== formatted)
    throw new Error("docx: the document's shell is not as docx 9.7.0 writes it");
  const part = deflated();
  await part.write(shell.slice(0, open));
  const fields = contentsField();
  const placeholders = placeholderValues(inside, relationships);
  const format = (element: unknown) => writeXml(compiler.formatter.format(element, context));
  const tables = tableWriter(format);
  const ctx = plan.context();
  const pieces = plan.body(ctx)[Symbol.iterator]();
  for (;;) {
    random.position = made;
    const next = random.run(() => pieces.next());
    made = random.position;
    if (next.done) break;
    random.position = formatted;
    const text = random.run(() => tables(next.value));
    formatted = random.position;
    await part.write(fields(placeholders(text)));
  }
  await part.write(shell.slice(open));
  const document = await part.end();
  if (made !== bodyDraws || !sameSet(ctx.listStarts, lists.listStarts))
    return { draws: made, listStarts: ctx.listStarts };
  tables.check();
  placeholders.check();

  // The other parts, written after the body, which adds links, lists and pictures to them.
  inside.Media.Array.forEach((media, i) =>
    inside.Document.Relationships.addRelationship(relationships + i, IMAGE, `media/${media.fileName}`),
  );
  random.position = formatted;
  const compiled = random.run(() => withChunkedArrays(compiler, () => compiler.compile(file)));
  const parts = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(compiled.files))
    if (!entry.dir && name !== "word/document.xml") parts.set(name, await entry.async("nodebuffer"));
  parts.set("docProps/core.xml", coreProperties(parts.get("docProps/core.xml")!, doc));
  embedFonts(parts);
  const all: [string, Buffer | Deflated][] = [...parts];
  all.push(["word/document.xml", document]);
  return {
    bytes: await zipParts(
      all.sort(([a], [b]) => partOrder(a, b)),
      zipEntryTime(doc.build.date),
    ),
  };
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/**
 * The XML of a piece of the body. A long table comes in parts: its start is the table with its
 * header row, written up to its closing tag, which is written when its end comes.
 */
function tableWriter(format: (element: unknown) => string) {
  const ends: string[] = [];
  const write = (piece: BodyPiece): string => {
    if (Array.isArray(piece)) return piece.map(format).join("");
    if ("tableRows" in piece) return piece.tableRows.map(format).join("");
    if ("tableEnd" in piece) return ends.pop() ?? "";
    const table = format(piece.tableStart);
    const end = table.lastIndexOf("</w:tbl>");
    if (end < 0) throw new Error("docx: a table is not as docx 9.7.0 writes it");
    ends.push(table.slice(end));
    return table.slice(0, end);
  };
  write.check = () => {
    if (ends.length > 0) throw new Error("docx: a table was started and not ended");
  };
  return write;
}

/**
 * Fills in, in a piece of word/document.xml, what the docx package leaves as placeholders until
 * the whole document is written: `{reference-instance}` for a numbered list's number id and
 * `{file name}` for a picture's relationship (numbered from `relationships`, in the order the
 * pictures were added). Every list and picture a piece uses is known once it is formatted.
 */
function placeholderValues(inside: FileInside, relationships: number) {
  const seen = new Set<string>();
  const value = (key: string): string | undefined => {
    const list = inside.Numbering.concreteNumberingMap.get(key);
    if (list) return String(list.numId);
    const media = inside.Media.Array.findIndex((m) => m.fileName === key);
    if (media < 0) return undefined;
    seen.add(key);
    return String(relationships + media);
  };
  const fill = (text: string) => text.replace(/\{([^{}<>]+)\}/g, (whole, key: string) => value(key) ?? whole);
  /** Every picture added was placed (else its relationship number would differ from docx's). */
  fill.check = () => {
    for (const media of inside.Media.Array)
      if (!seen.has(media.fileName)) throw new Error(`docx: picture ${media.fileName} is not in the body`);
  };
  return fill;
}

/** [Content_Types].xml first (some readers expect it there), then the package's rels, then by name. */
function partOrder(a: string, b: string): number {
  const rank = (n: string) => (n === "[Content_Types].xml" ? 0 : n === "_rels/.rels" ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The core properties with the build date as created and modified, and `dc:language`. */
function coreProperties(bytes: Buffer, doc: PackDocument): Buffer {
  const when = isoBuildTime(doc.build.date);
  const xml = bytes
    .toString("utf8")
    .replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${when}$3`)
    .replace(/<dc:language>[^<]*<\/dc:language>/, "")
    .replace(
      "</cp:coreProperties>",
      `<dc:language>${escapeXml(doc.language)}</dc:language></cp:coreProperties>`,
    );
  return Buffer.from(xml, "utf8");
}

/**
 * The table of contents as Word writes it, which LibreOffice needs to treat it as one: marked as
 * a table-of-contents part, and the field's start, code and separator each in a run of its own.
 * (The docx package writes neither; without them LibreOffice shows the field's code as text.)
 * Applied to each piece of the body in turn: the part is marked once, at its first occurrence.
 */
const FIELD_START = new RegExp(
  '<w:r>(<w:fldChar w:fldCharType="begin"[^>]*/>)(<w:instrText[^>]*>[^<]*</w:instrText>)' +
    '(<w:fldChar w:fldCharType="separate"/>)</w:r>',
  "g",
);
const CONTENTS_PART = '<w:sdtPr><w:alias w:val="Contents"/></w:sdtPr>';

function contentsField(): (xml: string) => string {
  let marked = false;
  return (xml) => {
    if (!marked && xml.includes(CONTENTS_PART)) {
      marked = true;
      xml = xml.replace(
        CONTENTS_PART,
        '<w:sdtPr><w:alias w:val="Contents"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>' +
          "<w:docPartUnique/></w:docPartObj></w:sdtPr>",
      );
    }
    return xml.replace(FIELD_START, "<w:r>$1</w:r><w:r>$2</w:r><w:r>$3</w:r>");
  };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A part deflated as it is written: what a zip entry needs, without the part itself. */
interface Deflated {
  data: Buffer;
  size: number;
  crc: number;
}

/**
 * A part written in pieces and deflated as it goes, at the level the zip uses (zlib's output
 * does not depend on how its input is cut when nothing is flushed, so it is the same as
 * deflating the whole), with its length and CRC-32 counted.
 */
function deflated(): { write(text: string): Promise<void>; end(): Promise<Deflated> } {
  const stream = zlib.createDeflateRaw({ level: LEVEL });
  const chunks: Buffer[] = [];
  let size = 0;
  let crc = 0;
  let failed: Error | null = null;
  stream.on("data", (c: Buffer) => chunks.push(c));
  stream.on("error", (e: Error) => (failed = e));
  return {
    async write(text) {
      if (failed) throw failed;
      const bytes = Buffer.from(text, "utf8");
      size += bytes.length;
      crc = zlib.crc32(bytes, crc);
      if (!stream.write(bytes)) await new Promise((resolve) => stream.once("drain", resolve));
    },
    end: () =>
      new Promise((resolve, reject) => {
        stream.once("end", () => resolve({ data: Buffer.concat(chunks), size, crc }));
        stream.once("error", reject);
        stream.end();
      }),
  };
}

const LEVEL = 6;

/**
 * Zips parts in the order given, each stamped with `mtime`, into one buffer (a Word file is
 * small). A part already deflated goes in as it is, with the length and CRC-32 of what it holds:
 * the same bytes as yazl writes for the part given whole.
 */
function zipParts(parts: [string, Buffer | Deflated][], mtime: Date): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of parts) {
    const options = { mtime, mode: 0o100644, forceDosTimestamp: true };
    if (Buffer.isBuffer(bytes)) {
      zip.addBuffer(bytes, name, { ...options, compressionLevel: LEVEL });
      continue;
    }
    // Stored as given (yazl sets the entry's sizes and dates now, and writes its header later),
    // then marked as what it is: deflate, with the part's own length and CRC-32.
    zip.addBuffer(bytes.data, name, { ...options, compressionLevel: 0 });
    const entry = (zip as unknown as { entries: YazlEntry[] }).entries.at(-1)!;
    entry.compressionLevel = LEVEL;
    entry.uncompressedSize = bytes.size;
    entry.crc32 = bytes.crc;
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on("data", (c: Buffer) => chunks.push(c));
    zip.outputStream.on("error", reject);
    zip.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

/** What of yazl's (3.x) entry the deflated part sets. */
interface YazlEntry {
  compressionLevel: number;
  uncompressedSize: number;
  crc32: number;
}
/** Above this many children an element's list is split (see withChunkedArrays). */
const CHUNK = 2048;

/**
 * Runs `fn` with the compiler's formatter splitting long lists of child elements into groups
 * with no name, which the XML writer the docx package uses prints without tags. That writer takes
 * children off the front of a list one by one, which costs time in proportion to the list's
 * length each time: a pack of 3,000 evidence items has some 70,000 paragraphs in its body, and
 * writing them took minutes; in groups of 2,048 it takes seconds. The XML is the same. Used for
 * the parts docx writes itself (the numbering part has a definition per numbered list) and the
 * document's shell; the body is written by writeXml, which takes lists as they are.
 */
function withChunkedArrays<T>(compiler: Compiler, fn: () => T): T {
  const formatter = compiler.formatter;
  const format = formatter.format;
  formatter.format = (input, context) => chunked(format.call(formatter, input, context));
  try {
    return fn();
  } finally {
    formatter.format = format;
  }
}

/** Splits, in place, every long list of child elements in a formatted tree into nameless groups. */
function chunked(node: unknown): unknown {
  if (Array.isArray(node)) {
    let elements = 0;
    for (const item of node) {
      chunked(item);
      if (isElement(item)) elements++;
    }
    // Only lists of elements (and attributes): text content must stay where it is.
    if (elements > CHUNK && node.every((item) => typeof item === "object" && item !== null)) {
      const attributes = node.filter((item) => !isElement(item));
      const children = node.filter(isElement);
      node.length = 0;
      node.push(...attributes);
      for (let i = 0; i < children.length; i += CHUNK) node.push({ "": children.slice(i, i + CHUNK) });
    }
  } else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) if (key !== "_attr") chunked(value);
  }
  return node;
}

function isElement(item: unknown): boolean {
  return typeof item === "object" && item !== null && !("_attr" in item);
}
/**
 * A seeded generator (mulberry32) to stand in for Math.random while the docx package runs, so
 * the ids it draws come out the same every time. Its state after n draws is the seed plus n
 * steps, so it can be set to any place in its sequence (`position`): the body's objects and
 * their formatting, interleaved here piece by piece, draw where one whole compile drew.
 * `run` puts it in place for a synchronous call only, and restores Math.random after.
 */
function seededRandom(): { position: number; run<T>(fn: () => T): T } {
  const SEED = 0x2f6b_0a1d;
  const STEP = 0x6d2b79f5;
  const generator = {
    position: 0,
    run<T>(fn: () => T): T {
      const original = Math.random;
      Math.random = () => {
        const seed = (SEED + Math.imul(++generator.position, STEP)) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      try {
        return fn();
      } finally {
        Math.random = original;
      }
    },
  };
  return generator;
}
