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
const MAGIC = "cse-cache/6\n";
/**
 * The digest of each segment (chained: the one before it and the segment's body), a check against
 * damage (a torn write, a changed byte), not against anyone who can write the folder (they can
 * write a cache with a good digest): SHA-1, three to four times as fast as SHA-256 here over a
 * 7 MB cache.
 */
const DIGEST = "sha1";
/**
 * A segment's header: `cse-seg `, the body's length and its index's place in the body (15 digits
 * each), the digest, a newline.
 */
const SEGMENT_TAG = "cse-seg ";
const NUMBER_DIGITS = 15;
const DIGEST_CHARS = 40;
const HEADER_BYTES = SEGMENT_TAG.length + NUMBER_DIGITS + 1 + NUMBER_DIGITS + 1 + DIGEST_CHARS + 1;

/**
 * When a run appends what changed rather than writing the cache whole: while the file holds fewer
 * than `maxSegments` segments and would be at most `maxGrowth` times the size of the records it
 * keeps (plus `slackBytes`), so that records of files since changed never come to dominate what
 * a run reads.
 */
export interface AppendLimits {
  maxSegments: number;
  maxGrowth: number;
  slackBytes: number;
}

export const APPEND_LIMITS: AppendLimits = { maxSegments: 64, maxGrowth: 2, slackBytes: 1024 * 1024 };

/** A segment to add at the end of the cache file (`at` is the file's size it was made for). */
export interface Appendix {
  at: number;
  pieces: Uint8Array[];
}

/**
 * The per-file results of an earlier run, keyed by path; a result is used only when the file's
 * content hash and the run's `stamp` (cse's version, the schemas' digest, anything else a
 * file's own result depends on) are what they were. A run keeps only the entries it used or
 * made, so files that are gone drop out.
 *
 * The cache file: the marker line, then segments one after another. A segment is a header (its
 * body's length, where its index starts in it, and the SHA-1 of the previous segment's digest and
 * this body: a check against damage), then its body: records (`{data, diagnostics, schemaLine}`
 * as JSON, or V8's encoding for data JSON cannot hold, such as `.inf`), then its index (one JSON
 * line: the stamp; per file set, its path, key, kind, data size, the record's place in the file
 * and signature as five numbers; and the paths dropped). The first segment sets every file; a
 * later one, appended by a run in which a few files changed, sets those and drops those gone,
 * pointing at records earlier in the file for the rest: such a run writes a few kilobytes, not the
 * whole cache. The cache is the longest run of whole, undamaged segments from the start (a segment
 * torn by a crash, or by a run appending while another read, ends it there), and a run that finds
 * anything after that, or too many segments, or too many records no longer used, writes it whole
 * again. A record is decoded only when its file is used.
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
    /** The cache file read, when a segment can be appended to it (its every byte was used). */
    private readonly file: { buf: Buffer; digest: string; segments: number } | null = null,
  ) {}

  /** An empty cache for runs with `stamp`. */
  static empty(stamp: string): FileCache {
    return new FileCache(new Map(), stamp);
  }

  /**
   * The cache in `bytes` (a cache file's content): its whole, undamaged segments from the start
   * written with this stamp, or an empty cache when there are none (not a cache of this kind,
   * damaged at its start, or written with another stamp): a damaged segment is never trusted.
   */
  static parse(bytes: Uint8Array | null, stamp: string): FileCache {
    const empty = () => {
      const cache = FileCache.empty(stamp);
      cache.dirty = true;
      return cache;
    };
    if (bytes === null) return empty();
    try {
      const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (buf.length < MAGIC.length || buf.toString("latin1", 0, MAGIC.length) !== MAGIC) return empty();
      const entries = new Map<string, Entry>();
      let at = MAGIC.length;
      let digest = "";
      let segments = 0;
      while (at < buf.length) {
        const segment = readSegment(buf, at, digest, stamp);
        if (segment === null) break;
        for (const file of segment.drop) entries.delete(file);
        // Rows read by index, not destructured: a destructuring walks each row's iterator.
        for (let i = 0; i < segment.set.length; i++) {
          const row = segment.set[i]!;
          const start = row[4];
          const end = start + row[5];
          if (start < MAGIC.length || end > segment.indexStart) return empty();
          const entry: Entry = { key: row[1], kindKey: row[2], textSize: row[3], raw: { buf, start, end } };
          if (row[6] !== 0) entry.signature = row[6];
          entries.set(row[0], entry);
        }
        at = segment.end;
        digest = segment.digest;
        segments++;
      }
      if (segments === 0) return empty();
      const whole = at === buf.length;
      const cache = new FileCache(entries, stamp, whole ? { buf, digest, segments } : null);
      // Bytes after the last whole segment (a torn append): the cache is written whole again.
      cache.dirty = !whole;
      return cache;
    } catch {
      return empty();
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
   * The bytes of the cache file for the next run, written whole (one segment), as pieces to write
   * one after another (their concatenation is the file): the records kept from the last run are
   * the bytes read.
   */
  serialisePieces(): Uint8Array[] {
    const files = [...this.next.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const index: IndexRow[] = [];
    const records: Uint8Array[] = [];
    let at = MAGIC.length + HEADER_BYTES;
    // Records kept from the file read that lie one after another there, in the same order, are
    // written as one piece.
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
      index.push(indexRow(file, entry, at, length));
      at += length;
    }
    flush();
    return [Buffer.from(MAGIC, "latin1"), ...segment(records, index, [], this.stamp, "")];
  }

  /** The bytes of the cache file for the next run, written whole. */
  serialise(): Uint8Array {
    return Buffer.concat(this.serialisePieces());
  }

  /**
   * What changed since the cache file read, as a segment to append to it; null when the cache
   * should be written whole instead (there was none to append to, or it would hold too many
   * segments or too many records no longer used: see `AppendLimits`).
   */
  appendPieces(limits: AppendLimits = APPEND_LIMITS): Appendix | null {
    if (this.file === null || this.file.segments >= limits.maxSegments) return null;
    const { buf } = this.file;
    const set: IndexRow[] = [];
    const records: Uint8Array[] = [];
    let at = buf.length + HEADER_BYTES;
    let kept = 0;
    for (const [file, entry] of this.next) {
      const fromFile = entry.raw !== undefined && entry.raw.buf === buf;
      const length = fromFile
        ? entry.raw!.end - entry.raw!.start
        : (entry.encoded ??= encodeRecord(this.resultOf(entry))).length;
      kept += length;
      // The very entry read (taken as it was): the file already says all of it.
      if (this.previous.get(file) === entry) continue;
      set.push(indexRow(file, entry, fromFile ? entry.raw!.start : at, length));
      if (!fromFile) {
        records.push(entry.encoded!);
        at += length;
      }
    }
    const drop: string[] = [];
    for (const file of this.previous.keys()) if (!this.next.has(file)) drop.push(file);
    set.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    drop.sort();
    const pieces = segment(records, set, drop, this.stamp, this.file.digest);
    const size = buf.length + pieces.reduce((n, p) => n + p.length, 0);
    if (size > limits.maxGrowth * kept + limits.slackBytes) return null;
    return { at: buf.length, pieces };
  }

  /** An entry's result, decoded if it was not yet (an entry kept is one whose record decoded). */
  private resultOf(entry: Entry): CachedFile {
    return entry.result ?? this.decoded(entry)!;
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

/**
 * One file set in a segment's index: path, key, kind, data size, the record's place in the cache
 * file (its first byte, its length), signature (0: none).
 */
type IndexRow = [string, string, string, number, number, number, SignatureTuple | 0];

/** The index row of `file`'s entry, its record lying at `start` in the cache file. */
function indexRow(file: string, entry: Entry, start: number, length: number): IndexRow {
  return [file, entry.key, entry.kindKey, entry.textSize, start, length, entry.signature ?? 0];
}

/** A segment's index: the stamp it was written with, the files it sets and those it drops. */
interface SegmentIndex {
  stamp: string;
  set: IndexRow[];
  drop: string[];
}

/** A segment's pieces: its header, then its body (`records`, then the index line). */
function segment(
  records: Uint8Array[],
  set: IndexRow[],
  drop: string[],
  stamp: string,
  previous: string,
): Uint8Array[] {
  const index = Buffer.from(`${JSON.stringify({ stamp, set, drop } satisfies SegmentIndex)}\n`);
  const hash = createHash(DIGEST).update(previous, "latin1");
  let indexAt = 0;
  for (const r of records) {
    hash.update(r);
    indexAt += r.length;
  }
  hash.update(index);
  const header = `${SEGMENT_TAG}${digits(indexAt + index.length)} ${digits(indexAt)} ${hash.digest("hex")}\n`;
  return [Buffer.from(header, "latin1"), ...records, index];
}

function digits(n: number): string {
  return String(n).padStart(NUMBER_DIGITS, "0");
}

/**
 * The segment at `at` in `buf` when it is whole, its digest (chained from `previous`) matches and
 * its index is well formed and of this stamp; null otherwise.
 */
function readSegment(
  buf: Buffer,
  at: number,
  previous: string,
  stamp: string,
): (SegmentIndex & { indexStart: number; end: number; digest: string }) | null {
  if (at + HEADER_BYTES > buf.length) return null;
  const header = buf.toString("latin1", at, at + HEADER_BYTES);
  const match = /^cse-seg (\d{15}) (\d{15}) ([0-9a-f]{40})\n$/.exec(header);
  if (match === null) return null;
  const bodyStart = at + HEADER_BYTES;
  const end = bodyStart + Number(match[1]);
  const indexStart = bodyStart + Number(match[2]);
  if (end > buf.length || indexStart >= end || buf[end - 1] !== 0x0a) return null;
  const digest = createHash(DIGEST)
    .update(previous, "latin1")
    .update(buf.subarray(bodyStart, end))
    .digest("hex");
  if (digest !== match[3]) return null;
  const index = JSON.parse(buf.toString("utf8", indexStart, end - 1)) as unknown;
  if (!isIndex(index) || index.stamp !== stamp) return null;
  return { ...index, indexStart, end, digest };
}

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

function isIndex(value: unknown): value is SegmentIndex {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { stamp?: unknown; set?: unknown; drop?: unknown };
  return (
    typeof v.stamp === "string" &&
    Array.isArray(v.set) &&
    v.set.every(isIndexRow) &&
    Array.isArray(v.drop) &&
    v.drop.every((f) => typeof f === "string")
  );
}

function isIndexRow(value: unknown): value is IndexRow {
  if (!Array.isArray(value) || value.length !== 7) return false;
  const row = value as unknown[];
  const file = row[0];
  const key = row[1];
  const kindKey = row[2];
  const textSize = row[3];
  const start = row[4];
  const length = row[5];
  const signature = row[6];
  return (
    typeof file === "string" &&
    typeof key === "string" &&
    typeof kindKey === "string" &&
    Number.isSafeInteger(textSize) &&
    (textSize as number) >= 0 &&
    Number.isSafeInteger(start) &&
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
