import yauzl from "yauzl";

/** One entry of a zip file as a reader sees it. */
export interface ZipEntryRead {
  name: string;
  bytes: Buffer;
  /** The DOS date and time fields, as stored. */
  dosDate: number;
  dosTime: number;
  /** 0 stored, 8 deflated. */
  method: number;
}

/** Every entry of a zip file, in the order they are stored, with their bytes. */
export function readZip(bytes: Buffer): Promise<ZipEntryRead[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error("no zip"));
      const entries: ZipEntryRead[] = [];
      zip.on("error", reject);
      zip.on("end", () => resolve(entries));
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error("no stream"));
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("error", reject);
          stream.on("end", () => {
            entries.push({
              name: entry.fileName,
              bytes: Buffer.concat(chunks),
              dosDate: entry.lastModFileDate,
              dosTime: entry.lastModFileTime,
              method: entry.compressionMethod,
            });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** The entries by name, as text. */
export function textParts(entries: readonly ZipEntryRead[]): Map<string, string> {
  return new Map(entries.map((e) => [e.name, e.bytes.toString("utf8")]));
}
