import { Packer, type Document } from "docx";
import yazl from "yazl";
import type { PackDocument } from "../../pack/document-model.js";
import { isoBuildTime, zipEntryTime } from "../../util/zip-time.js";
import { embedFonts } from "./docx-fonts.js";

/** The part of the docx package's compiler cse uses: the parts of the document, before zipping. */
interface Compiled {
  files: Record<string, { dir: boolean; async(type: "nodebuffer"): Promise<Buffer> }>;
}
type Compiler = {
  compile(file: Document, prettify?: undefined, overrides?: []): Compiled;
  formatter: { format(input: unknown, context: unknown): unknown };
};

/**
 * Makes the document and zips it so the same input gives the same bytes. The docx package names
 * hyperlink relationships and a few other parts with Math.random, stamps the core properties and
 * every zip entry with the clock, and zips in no set order; so the document is made and compiled
 * (both synchronous) with Math.random seeded, and its parts are zipped again here with the build
 * date as every time, in a fixed order, the core properties dated and given the language.
 */
export async function packDocx(make: () => Document, doc: PackDocument): Promise<Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;
  if (!compiler) throw new Error("docx: Packer.compiler is missing (is docx still at version 9.7.0?)");
  const compiled = withSeededRandom(() => withChunkedArrays(compiler, () => compiler.compile(make())));
  const parts = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(compiled.files))
    if (!file.dir) parts.set(name, await file.async("nodebuffer"));
  parts.set("docProps/core.xml", coreProperties(parts.get("docProps/core.xml")!, doc));
  parts.set("word/document.xml", contentsField(parts.get("word/document.xml")!));
  embedFonts(parts);
  return zipParts(
    [...parts].sort(([a], [b]) => partOrder(a, b)),
    zipEntryTime(doc.build.date),
  );
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
 */
const FIELD_START = new RegExp(
  '<w:r>(<w:fldChar w:fldCharType="begin"[^>]*/>)(<w:instrText[^>]*>[^<]*</w:instrText>)' +
    '(<w:fldChar w:fldCharType="separate"/>)</w:r>',
  "g",
);

function contentsField(bytes: Buffer): Buffer {
  const xml = bytes
    .toString("utf8")
    .replace(
      '<w:sdtPr><w:alias w:val="Contents"/></w:sdtPr>',
      '<w:sdtPr><w:alias w:val="Contents"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>' +
        "<w:docPartUnique/></w:docPartObj></w:sdtPr>",
    )
    .replace(FIELD_START, "<w:r>$1</w:r><w:r>$2</w:r><w:r>$3</w:r>");
  return Buffer.from(xml, "utf8");
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Zips parts in the order given, each stamped with `mtime`, into one buffer (a Word file is small). */
function zipParts(parts: [string, Buffer][], mtime: Date): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of parts)
    zip.addBuffer(bytes, name, { mtime, mode: 0o100644, forceDosTimestamp: true, compressionLevel: 6 });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on("data", (c: Buffer) => chunks.push(c));
    zip.outputStream.on("error", reject);
    zip.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

/** Above this many children an element's list is split (see withChunkedArrays). */
const CHUNK = 2048;

/**
 * Runs `fn` with the compiler's formatter splitting long lists of child elements into groups
 * with no name, which the XML writer the docx package uses prints without tags. That writer takes
 * children off the front of a list one by one, which costs time in proportion to the list's
 * length each time: a pack of 3,000 evidence items has some 70,000 paragraphs in its body, and
 * writing them took minutes; in groups of 2,048 it takes seconds. The XML is the same.
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
 * Runs `fn` with Math.random replaced by a seeded generator (mulberry32), so the ids the docx
 * package draws from it come out the same every time; restored before returning, and `fn` is
 * synchronous, so nothing else runs meanwhile.
 */
function withSeededRandom<T>(fn: () => T): T {
  const original = Math.random;
  let seed = 0x2f6b_0a1d;
  Math.random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
