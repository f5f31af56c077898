import { csvField } from "../../util/csv-field.js";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import yazl from "yazl";
import { WorkTree, type SourceTree } from "../../load/source-tree.js";
import type { PackDocument, Section } from "../../pack/document-model.js";
import { discardTemporary, temporaryFor, type WrittenTemporary } from "../../util/atomic-write.js";
import { zipEntryTime } from "../../util/zip-time.js";
import { CliError } from "../exit-codes.js";
import { renderHtmlWith } from "./build-html.js";
import type { PackRenderContext } from "./build.js";

/** One file of the bundle. */
interface BundleEntry {
  /** Its path in the zip. */
  path: string;
  /** Its bytes when cse made them; null for an attachment, streamed from the submission. */
  bytes: Uint8Array | null;
  /** A file cse made and streamed to a temporary (the PDF), to be read from there. */
  made?: string;
  size: number;
  sha256: string;
  /** Ids of the items citing it, `;`-joined (attachments only). */
  citedBy: string;
}

/** Files already compressed: stored as they are, which is faster and no larger. */
const STORED = /\.(zip|docx|xlsx|pptx|odt|ods|odp|jpe?g|png|gif|webp|mp3|mp4|m4a|mov|avi|mkv|gz|bz2|xz|7z)$/i;

/**
 * The evidence bundle (FORMAT.md, `zip`): index.html (the HTML pack, linking each attachment at
 * its path), the PDF and the Word pack when they are built too, every attachment of the items in
 * the pack at its path in the submission, and manifest.csv. Entries in path order with the build
 * date as their time, so the same input gives the same bytes. Streamed to a temporary beside the
 * target, attachment by attachment, so a bundle of gigabytes needs little memory; each is checked
 * against the size and SHA-256 the pack shows as it goes in.
 */
export async function renderZipBundle(
  doc: PackDocument,
  context: PackRenderContext,
): Promise<WrittenTemporary> {
  const made: BundleEntry[] = [
    madeEntry("index.html", renderHtmlWith(doc, context.tree, { attachmentLinks: true })),
  ];
  for (const format of ["pdf", "docx"] as const) {
    const content = context.rendered?.get(format);
    if (content instanceof Uint8Array) made.push(madeEntry(`submission.${format}`, content));
    else if (content) made.push(streamedEntry(`submission.${format}`, content.temporary));
  }
  const entries = [...made, ...attachmentEntries(doc)];
  const manifest = new TextEncoder().encode(manifestCsv(entries));
  entries.push({ path: "manifest.csv", bytes: manifest, size: manifest.length, sha256: "", citedBy: "" });
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (context.target === undefined) throw new Error("the zip bundle needs the path it is written to");
  const temporary = temporaryFor(context.target);
  try {
    await writeZip(entries, context.tree, temporary, zipEntryTime(doc.build.date));
  } catch (err) {
    discardTemporary(temporary);
    throw err;
  }
  return { temporary };
}

function madeEntry(path: string, bytes: Uint8Array): BundleEntry {
  return { path, bytes, size: bytes.length, sha256: sha256Of(bytes), citedBy: "" };
}

/** A file cse made into a temporary: its size and SHA-256 read from there a block at a time. */
function streamedEntry(path: string, file: string): BundleEntry {
  const hash = createHash("sha256");
  const block = Buffer.allocUnsafe(1 << 20);
  const fd = fs.openSync(file, "r");
  let size = 0;
  try {
    for (let n; (n = fs.readSync(fd, block, 0, block.length, size)) > 0; size += n)
      hash.update(block.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return { path, bytes: null, made: file, size, sha256: hash.digest("hex"), citedBy: "" };
}

/** Every attachment once, with the ids of the items citing it (their sections' short titles). */
function attachmentEntries(doc: PackDocument): BundleEntry[] {
  const ids = new Map<string, string>();
  const walk = (sections: readonly Section[]) =>
    sections.forEach((s) => (ids.set(s.anchor, s.shortTitle), walk(s.children)));
  walk(doc.sections);
  const byPath = new Map<string, BundleEntry & { owners: Set<string> }>();
  for (const a of doc.attachments) {
    const entry = byPath.get(a.path) ?? {
      path: a.path,
      bytes: null,
      size: a.size,
      sha256: a.sha256,
      citedBy: "",
      owners: new Set(),
    };
    entry.owners.add(ids.get(a.owner) ?? a.owner);
    byPath.set(a.path, entry);
  }
  return [...byPath.values()].map(({ owners, ...entry }) => ({
    ...entry,
    citedBy: [...owners].sort().join(";"),
  }));
}

/** manifest.csv: `path,bytes,sha256,cited_by`, a row per file of the bundle but itself, by path. */
export function manifestCsv(entries: readonly BundleEntry[]): string {
  const rows = [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((e) => [e.path, String(e.size), e.sha256, e.citedBy].map(csvField).join(","));
  return ["path,bytes,sha256,cited_by", ...rows].join("\r\n") + "\r\n";
}

async function writeZip(
  entries: readonly BundleEntry[],
  tree: SourceTree,
  file: string,
  mtime: Date,
): Promise<void> {
  const zip = new yazl.ZipFile();
  // yazl reports an attachment whose size is not what it was when hashed in its own words.
  const failed = new Promise<never>((_, reject) =>
    zip.on("error", (err: Error) =>
      reject(
        err instanceof CliError ? err : new CliError(`the bundle could not be made: ${plainZipError(err)}`),
      ),
    ),
  );
  const written = pipeline(zip.outputStream, fs.createWriteStream(file, { flags: "wx" }));
  for (const entry of entries) {
    const options = { mtime, mode: 0o100644, forceDosTimestamp: true, compress: !STORED.test(entry.path) };
    if (entry.bytes) zip.addBuffer(Buffer.from(entry.bytes), entry.path, options);
    else if (entry.made !== undefined) {
      const file = entry.made;
      zip.addReadStreamLazy(entry.path, { ...options, size: entry.size }, (cb) => {
        const stream = fs.createReadStream(file);
        stream.on("error", (err) => zip.emit("error", err));
        cb(null, stream);
      });
    } else
      zip.addReadStreamLazy(entry.path, { ...options, size: entry.size }, (cb) => {
        try {
          const stream = checkedStream(tree, entry);
          stream.on("error", (err) => zip.emit("error", err));
          cb(null, stream);
        } catch (err) {
          cb(unreadable(entry, err), undefined as never);
        }
      });
  }
  zip.end();
  try {
    await Promise.race([written, failed]);
  } catch (err) {
    (zip.outputStream as Readable).destroy();
    throw err;
  } finally {
    failed.catch(() => undefined);
  }
  const fd = fs.openSync(file, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The attachment's bytes, checked against the SHA-256 the pack shows: a file changed meanwhile fails the bundle. */
function checkedStream(tree: SourceTree, entry: BundleEntry): Readable {
  const source =
    tree instanceof WorkTree
      ? tree.readStream(entry.path).stream
      : Readable.from([Buffer.from(tree.read(entry.path))]);
  const hash = createHash("sha256");
  const check = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      const sha = hash.digest("hex");
      done(sha === entry.sha256 ? null : new CliError(changedMessage(entry.path)));
    },
  });
  source.on("error", (err: Error) => check.destroy(unreadable(entry, err)));
  return source.pipe(check);
}

function plainZipError(err: Error): string {
  return /unexpected number of bytes/.test(err.message)
    ? "an attachment changed size while the bundle was being made; build again"
    : err.message;
}

function changedMessage(path: string): string {
  return `the attachment ${path} changed while the bundle was being made; build again`;
}

function unreadable(entry: BundleEntry, err: unknown): Error {
  if (err instanceof CliError) return err;
  const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  return new CliError(`the attachment ${entry.path} cannot be read for the bundle (${reason})`);
}

function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
