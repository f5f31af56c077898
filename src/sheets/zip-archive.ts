import type { Entry, ZipFile } from "yauzl";

/** Limits on a zip archive read by cse (a workbook is a zip). */
export interface ZipLimits {
  /** Most entries. */
  maxEntries: number;
  /** Most bytes all entries may hold once unpacked, as their headers declare and as checked while unpacking. */
  maxUnpackedBytes: number;
}

/** A zip that breaks a limit or cannot be read; the message is for people. */
export class ZipRefusedError extends Error {
  override readonly name = "ZipRefusedError";
}

/** One file of a zip, unpacked. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

/**
 * Unpacks a zip from memory, refusing it before anything is unpacked when its central directory
 * declares too many entries or too many bytes (a zip bomb), and while unpacking when an entry
 * holds more than it declared (yauzl checks each entry's size as it inflates).
 */
export async function unzip(bytes: Buffer, limits: ZipLimits): Promise<ZipEntry[]> {
  const yauzl = await import("yauzl");
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (err, z) => (err ? reject(new ZipRefusedError(unreadable(err))) : resolve(z)),
    ),
  );
  if (zip.entryCount > limits.maxEntries)
    throw new ZipRefusedError(
      `it holds ${zip.entryCount} files, more than the ${limits.maxEntries} cse reads`,
    );
  const entries = await listEntries(zip);
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > limits.maxUnpackedBytes)
    throw new ZipRefusedError(tooBig(declared, limits.maxUnpackedBytes));
  const out: ZipEntry[] = [];
  for (const entry of entries) {
    if (entry.fileName.endsWith("/")) continue;
    out.push({ name: entry.fileName, data: await readEntry(zip, entry) });
  }
  zip.close();
  return out;
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on("entry", (e: Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", (err: Error) => reject(new ZipRefusedError(unreadable(err))));
    zip.readEntry();
  });
}

function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(new ZipRefusedError(unreadable(err)));
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("error", (e: Error) => reject(new ZipRefusedError(unreadable(e))));
      stream.on("end", () => resolve(Buffer.concat(chunks)));
    });
  });
}

function unreadable(err: Error): string {
  return `it is damaged or is not a workbook (${err.message})`;
}

function tooBig(bytes: number, limit: number): string {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  const why = "(a zip bomb, or far more than an evidence log)";
  return `unpacked it would take ${mb(bytes)}, more than the ${mb(limit)} cse reads ${why}`;
}

const EARLIEST_ZIP_TIME = Date.UTC(1980, 0, 2);

/**
 * Packs files into a zip with every timestamp set to `mtime` and the files in the given order,
 * so the same files give the same bytes (reproducible builds).
 */
export async function zipReproducibly(entries: ZipEntry[], mtime: Date): Promise<Buffer> {
  const { ZipFile } = await import("yazl");
  const zip = new ZipFile();
  // A zip cannot hold a time before 1980 (its MS-DOS dates start there).
  const utc = Math.max(mtime.getTime(), EARLIEST_ZIP_TIME);
  // A zip's MS-DOS time is local time: shift it so the bytes hold the UTC time on every machine.
  const time = new Date(utc + new Date(utc).getTimezoneOffset() * 60_000);
  for (const e of entries)
    zip.addBuffer(e.data, e.name, { mtime: time, mode: 0o100644, compressionLevel: 6 });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
