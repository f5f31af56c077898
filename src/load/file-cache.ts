import { createHash } from "node:crypto";
import v8 from "node:v8";
import type { Diagnostic } from "../diagnostic.js";
import type { FileSignature } from "./source-tree.js";
import type { SchemaLine } from "./schema-line.js";

/**
 * What reading, parsing and schema-checking one YAML file produced, kept so that a later run
 * can skip that work when the file's bytes are the same. Only well-formed files are kept: a
 * file with a syntax problem is read again each time (it is rare, and its messages need the
 * parser anyway).
 */
export interface CachedFile {
  /** The plain data of the file. */
  data: unknown;
  /** The file's own diagnostics (schema and every other check of that file alone). */
  diagnostics: Diagnostic[];
  /** The editor's schema line written in the file, if any (checked against the tree on every run). */
  schemaLine: SchemaLine | null;
}

/** What is known of a file's entry before its record is decoded (the cache file's index). */
interface Entry {
  /** SHA-256 of the file's bytes and the context the result depends on. */
  key: string;
  /** The kind of file it was read as (a file's kind follows from its place and cse.yaml's `standard`). */
  kindKey: string;
  /**
   * The file's signature when it was read (a settled file only): the same signature next time
   * means the same bytes, so the file need not be read or hashed again.
   */
  signature?: SignatureTuple;
  /** The size of the file's data as text, aliases written out (see `expandedTextSize`). */
  textSize: number;
  /**
   * The record as it is in the cache file (written again as it is), when it came from one: its
   * place in the file's bytes, not a view of them (thousands of views cost more than the records).
   */
  raw?: RawRecord;
  /** The record encoded in this run (a result made or changed in it). */
  encoded?: Uint8Array;
  /** The record decoded (or made in this run): decoded only when the entry is used. */
  result?: CachedFile;
}

/** The first bytes of a cache file: anything else is not a cache of cse's and is ignored. */
const MAGIC = "cse-cache/5\n";
/**
 * The digest of everything after the marker and it, a check against damage (a torn write, a
 * changed byte), not against anyone who can write the folder (they can write a cache with a
 * good digest): SHA-1, three to four times as fast as SHA-256 here over a 7 MB cache.
 */
const DIGEST = "sha1";
/** The length of the digest (hex), on the line after the marker. */
const DIGEST_CHARS = 40;

/**
 * The per-file results of an earlier run, keyed by path; a result is used only when the file's
 * content hash and the run's `stamp` (cse's version, the schemas' digest, anything else a
 * file's own result depends on) are what they were. A run keeps only the entries it used or
 * made, so files that are gone drop out.
 *
 * The cache file: the marker line, the SHA-1 of the rest (a check against damage), an index
 * (one JSON line: the stamp and, per file, its path, key, kind, data size, record length and
 * signature as five numbers), then every file's record (`{data, diagnostics, schemaLine}` as
 * JSON, or V8's encoding for data JSON cannot hold, such as `.inf`) one after another. A record
 * is decoded only when its file is used, and an entry kept from the last run is written back as
 * the bytes it was read as: a run in which one file changed encodes one record, not all of them.
 */
export class FileCache {
  private readonly next = new Map<string, Entry>();
  private dirty = false;
  /** How many files this run took from the cache, and how many it read afresh. */
  readonly counts = { hits: 0, misses: 0 };
  /** How many of the hits were taken by their signature, without reading the file. */
  unread = 0;

  private constructor(
    private readonly previous: Map<string, Entry>,
    private readonly stamp: string,
  ) {}

  /** An empty cache for runs with `stamp`. */
  static empty(stamp: string): FileCache {
    return new FileCache(new Map(), stamp);
  }

  /**
   * The cache in `bytes` (a cache file's content), or an empty one when they are not a cache of
   * this kind, are damaged (their digest does not match), or were written with another stamp: a
   * cache is never trusted half-way.
   */
  static parse(bytes: Uint8Array | null, stamp: string): FileCache {
    if (bytes === null) return FileCache.empty(stamp);
    const cache = FileCache.empty(stamp);
    cache.dirty = true;
    try {
      const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const rest = MAGIC.length + DIGEST_CHARS + 1;
      if (buf.length < rest || buf.toString("latin1", 0, MAGIC.length) !== MAGIC) return cache;
      if (buf[rest - 1] !== 0x0a) return cache;
      const digest = createHash(DIGEST).update(buf.subarray(rest)).digest("hex");
      if (buf.toString("latin1", MAGIC.length, MAGIC.length + DIGEST_CHARS) !== digest) return cache;
      const eol = buf.indexOf(0x0a, rest);
      if (eol < 0) return cache;
      const index = JSON.parse(buf.toString("utf8", rest, eol)) as unknown;
      if (!isIndex(index) || index.stamp !== stamp) return cache;
      const entries = new Map<string, Entry>();
      let at = eol + 1;
      // Rows read by index, not destructured: a destructuring walks each row's iterator.
      for (let i = 0; i < index.entries.length; i++) {
        const row = index.entries[i]!;
        const file = row[0];
        const length = row[4];
        if (entries.has(file) || at + length > buf.length) return cache;
        const entry: Entry = {
          key: row[1],
          kindKey: row[2],
          textSize: row[3],
          raw: { buf, start: at, end: at + length },
        };
        if (row[5] !== 0) entry.signature = row[5];
        entries.set(file, entry);
        at += length;
      }
      if (at !== buf.length) return cache;
      return new FileCache(entries, stamp);
    } catch {
      return cache;
    }
  }

  /** The cache for a next run in the same process (`cse preview`): this run's entries, not round-tripped. */
  nextRun(): FileCache {
    return new FileCache(new Map(this.next), this.stamp);
  }

  /** The content key of a file's bytes under this cache's stamp. */
  keyOf(bytes: Uint8Array): string {
    return createHash("sha256").update(this.stamp).update("\0").update(bytes).digest("hex");
  }

  /**
   * The earlier result for `file` when it was read as the same kind of file (`kindKey`, as for
   * `keyOf`) and has a signature equal to the one `signatureNow` gives (asked only then: one stat):
   * the file is unchanged and need not be read. Undefined when it must be read.
   */
  getBySignature(
    file: string,
    kindKey: string,
    signatureNow: () => FileSignature | null,
  ): CachedResult | undefined {
    const entry = this.previous.get(file);
    if (entry?.signature === undefined || entry.kindKey !== kindKey) return undefined;
    const signature = signatureNow();
    if (signature === null || !sameSignature(entry.signature, signature)) return undefined;
    const result = this.decoded(entry);
    if (result === undefined) return undefined;
    this.counts.hits++;
    this.unread++;
    this.next.set(file, entry);
    return withTextSize(result, entry.textSize);
  }

  /**
   * The earlier result for `file` when its key is unchanged; the entry is kept for the next run,
   * with the file's new signature (a file touched but not changed is then taken by its signature
   * next time).
   */
  get(file: string, key: string, signature: FileSignature | null = null): CachedResult | undefined {
    const entry = this.previous.get(file);
    const result = entry === undefined || entry.key !== key ? undefined : this.decoded(entry);
    if (entry === undefined || result === undefined) {
      this.counts.misses++;
      return undefined;
    }
    this.counts.hits++;
    const kept = signatureOrNone(signature);
    const same =
      signature === null
        ? entry.signature === undefined
        : entry.signature !== undefined && sameSignature(entry.signature, signature);
    if (same) this.next.set(file, entry);
    else {
      const { signature: _old, ...rest } = entry;
      this.next.set(file, { ...rest, ...kept });
      this.dirty = true;
    }
    return withTextSize(result, entry.textSize);
  }

  /** Keeps this run's result for `file` (read as `kindKey`, with its signature when it has one). */
  set(
    file: string,
    key: string,
    kindKey: string,
    result: CachedFile & { textSize: number },
    signature: FileSignature | null = null,
  ): void {
    this.next.set(file, {
      key,
      kindKey,
      textSize: result.textSize,
      result: { data: result.data, diagnostics: result.diagnostics, schemaLine: result.schemaLine },
      ...signatureOrNone(signature),
    });
    this.dirty = true;
  }

  /** Whether the next run's cache differs from the one read (so it is worth writing). */
  changed(): boolean {
    if (this.dirty || this.next.size !== this.previous.size) return true;
    for (const file of this.previous.keys()) if (!this.next.has(file)) return true;
    return false;
  }

  /**
   * The bytes of the cache file for the next run, as pieces to write one after another (their
   * concatenation is the file): the records kept from the last run are the bytes read.
   */
  serialisePieces(): Uint8Array[] {
    const files = [...this.next.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const index: IndexRow[] = [];
    const records: Uint8Array[] = [];
    // Records kept from the file read lie one after another there, in the same order: a run of
    // them is written as one piece.
    let run: RawRecord | null = null;
    const flush = () => {
      if (run !== null) records.push(run.buf.subarray(run.start, run.end));
      run = null;
    };
    for (const file of files) {
      const entry = this.next.get(file)!;
      let length: number;
      if (entry.raw !== undefined) {
        const { buf, start, end } = entry.raw;
        length = end - start;
        if (run !== null && run.buf === buf && run.end === start) run.end = end;
        else {
          flush();
          run = { buf, start, end };
        }
      } else {
        flush();
        entry.encoded ??= encodeRecord(entry.result!);
        length = entry.encoded.length;
        records.push(entry.encoded);
      }
      index.push([file, entry.key, entry.kindKey, entry.textSize, length, entry.signature ?? 0]);
    }
    flush();
    const head = Buffer.from(`${JSON.stringify({ stamp: this.stamp, entries: index })}\n`);
    const hash = createHash(DIGEST).update(head);
    for (const r of records) hash.update(r);
    return [Buffer.from(`${MAGIC}${hash.digest("hex")}\n`, "latin1"), head, ...records];
  }

  /** The bytes of the cache file for the next run. */
  serialise(): Uint8Array {
    return Buffer.concat(this.serialisePieces());
  }

  /** An entry's record, decoded once; undefined when it cannot be (then the file is read afresh). */
  private decoded(entry: Entry): CachedFile | undefined {
    if (entry.result !== undefined) return entry.result;
    const result = entry.raw === undefined ? undefined : decodeRecord(entry.raw);
    if (result === undefined) this.dirty = true;
    else entry.result = result;
    return result;
  }
}

/** A cached result with its data's text size, as a literal (not a spread: one per file of a run). */
function withTextSize(r: CachedFile, textSize: number): CachedResult {
  return { data: r.data, diagnostics: r.diagnostics, schemaLine: r.schemaLine, textSize };
}

/** A cached result with the size of its data as text (known without walking the data). */
export type CachedResult = CachedFile & { textSize: number };

/** Where a record lies in the bytes of the cache file read. */
interface RawRecord {
  buf: Buffer;
  start: number;
  end: number;
}

/** One file in the cache file's index: path, key, kind, data size, record length, signature (0: none). */
type IndexRow = [string, string, string, number, number, SignatureTuple | 0];

/**
 * A file's signature as kept in the cache: size, mtimeMs, ctimeMs, ino, dev. An array of numbers,
 * not an object: thousands of objects parsed from JSON with the same keys but numbers of other
 * kinds (whole or not) had their shapes changed under them, and comparing them cost 10-25 ms
 * at 3,000 files against under 1 ms for arrays.
 */
type SignatureTuple = [number, number, number, number, number];

/** Whether a kept signature is the one the file has now. */
function sameSignature(t: SignatureTuple, s: FileSignature): boolean {
  return t[0] === s.size && t[1] === s.mtimeMs && t[2] === s.ctimeMs && t[3] === s.ino && t[4] === s.dev;
}

/**
 * A record as JSON, which decodes faster than V8's encoding; data that JSON would not give back
 * as it was (`.inf`, `.nan`, -0, or anything but plain values) is written in V8's encoding,
 * which starts with the byte 0xff (JSON never does).
 */
function encodeRecord(result: CachedFile): Uint8Array {
  const record = { data: result.data, diagnostics: result.diagnostics, schemaLine: result.schemaLine };
  if (!jsonSafe(record)) return v8.serialize(record);
  return Buffer.from(JSON.stringify(record));
}

function decodeRecord({ buf, start, end }: RawRecord): CachedFile | undefined {
  try {
    const record = (
      buf[start] === 0xff
        ? v8.deserialize(buf.subarray(start, end))
        : JSON.parse(buf.toString("utf8", start, end))
    ) as unknown;
    return isRecord(record) ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether JSON gives `value` back exactly: plain objects and arrays (no holes), strings, finite
 * numbers other than -0, booleans, null.
 */
function jsonSafe(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v === "string" || typeof v === "boolean") continue;
    if (typeof v === "number") {
      if (!Number.isFinite(v) || Object.is(v, -0)) return false;
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) return false;
        stack.push(v[i]);
      }
    } else if (typeof v === "object") {
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      if (Object.getOwnPropertySymbols(v).length > 0) return false;
      for (const k of Object.keys(v)) {
        // JSON.parse makes "__proto__" an own property; an object made otherwise might not have.
        if (k === "__proto__") return false;
        stack.push((v as Record<string, unknown>)[k]);
      }
    } else return false;
  }
  return true;
}

function isIndex(value: unknown): value is { stamp: string; entries: IndexRow[] } {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { stamp?: unknown; entries?: unknown };
  return typeof v.stamp === "string" && Array.isArray(v.entries) && v.entries.every(isIndexRow);
}

function isIndexRow(value: unknown): value is IndexRow {
  if (!Array.isArray(value) || value.length !== 6) return false;
  const row = value as unknown[];
  const file = row[0];
  const key = row[1];
  const kindKey = row[2];
  const textSize = row[3];
  const length = row[4];
  const signature = row[5];
  return (
    typeof file === "string" &&
    typeof key === "string" &&
    typeof kindKey === "string" &&
    Number.isSafeInteger(textSize) &&
    (textSize as number) >= 0 &&
    Number.isSafeInteger(length) &&
    (length as number) > 0 &&
    (signature === 0 || isSignature(signature))
  );
}

function isRecord(value: unknown): value is CachedFile {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<CachedFile>;
  return (
    "data" in v &&
    Array.isArray(v.diagnostics) &&
    v.diagnostics.every(isDiagnostic) &&
    (v.schemaLine === null || isSchemaLine(v.schemaLine))
  );
}

function signatureOrNone(signature: FileSignature | null): { signature?: SignatureTuple } {
  return signature === null
    ? {}
    : { signature: [signature.size, signature.mtimeMs, signature.ctimeMs, signature.ino, signature.dev] };
}

function isSchemaLine(value: unknown): value is SchemaLine {
  if (typeof value !== "object" || value === null) return false;
  const s = value as Partial<SchemaLine>;
  return typeof s.declared === "string" && Number.isInteger(s.line) && Number.isInteger(s.column);
}

function isSignature(value: unknown): value is SignatureTuple {
  if (!Array.isArray(value) || value.length !== 5) return false;
  for (const n of value) if (!Number.isFinite(n)) return false;
  return true;
}

function isDiagnostic(value: unknown): value is Diagnostic {
  if (typeof value !== "object" || value === null) return false;
  const d = value as Partial<Diagnostic>;
  return (
    typeof d.file === "string" &&
    Number.isInteger(d.line) &&
    Number.isInteger(d.column) &&
    (d.severity === "error" || d.severity === "warning") &&
    typeof d.code === "string" &&
    typeof d.message === "string"
  );
}
