import { createHash } from "node:crypto";
import v8 from "node:v8";
import type { Diagnostic } from "../diagnostic.js";
import { sameSignature, type FileSignature } from "./source-tree.js";
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

interface Entry extends CachedFile {
  /** SHA-256 of the file's bytes and the context the result depends on. */
  key: string;
  /** The kind of file it was read as (a file's kind follows from its place and cse.yaml's `standard`). */
  kindKey: string;
  /**
   * The file's signature when it was read (a settled file only): the same signature next time
   * means the same bytes, so the file need not be read or hashed again.
   */
  signature?: FileSignature;
}

/** The first bytes of a cache file: anything else is not a cache of cse's and is ignored. */
const MAGIC = "cse-cache/2\n";

/**
 * The per-file results of an earlier run, keyed by path; a result is used only when the file's
 * content hash and the run's `stamp` (cse's version, the schemas' digest, anything else a
 * file's own result depends on) are what they were. A run keeps only the entries it used or
 * made, so files that are gone drop out.
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
   * this kind, are damaged, or were written with another stamp: a cache is never trusted half-way.
   */
  static parse(bytes: Uint8Array | null, stamp: string): FileCache {
    if (bytes === null) return FileCache.empty(stamp);
    const cache = FileCache.empty(stamp);
    cache.dirty = true;
    try {
      const magic = Buffer.from(bytes.subarray(0, MAGIC.length)).toString("latin1");
      if (magic !== MAGIC) return cache;
      const body = v8.deserialize(bytes.subarray(MAGIC.length)) as unknown;
      if (!isCacheBody(body) || body.stamp !== stamp) return cache;
      const entries = new Map<string, Entry>();
      for (const [file, entry] of body.entries) {
        if (typeof file !== "string" || !isEntry(entry)) return cache;
        entries.set(file, entry);
      }
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

  /** Whether the earlier result for `file` has a signature to compare with (else it must be read). */
  hasSignature(file: string): boolean {
    return this.previous.get(file)?.signature !== undefined;
  }

  /**
   * The earlier result for `file` when its signature is the one kept with it and it was read as
   * the same kind of file (`kindKey`, as for `keyOf`): the file is unchanged and need not be read.
   */
  getBySignature(file: string, kindKey: string, signature: FileSignature): CachedFile | undefined {
    const entry = this.previous.get(file);
    if (entry?.signature === undefined || !sameSignature(entry.signature, signature)) return undefined;
    if (entry.kindKey !== kindKey) return undefined;
    this.counts.hits++;
    this.unread++;
    this.next.set(file, entry);
    return entry;
  }

  /**
   * The earlier result for `file` when its key is unchanged; the entry is kept for the next run,
   * with the file's new signature (a file touched but not changed is then taken by its signature
   * next time).
   */
  get(file: string, key: string, signature: FileSignature | null = null): CachedFile | undefined {
    const entry = this.previous.get(file);
    if (entry === undefined || entry.key !== key) {
      this.counts.misses++;
      return undefined;
    }
    this.counts.hits++;
    const kept = signatureOrNone(signature);
    const same =
      kept.signature === undefined
        ? entry.signature === undefined
        : entry.signature !== undefined && sameSignature(entry.signature, kept.signature);
    if (same) this.next.set(file, entry);
    else {
      const { signature: _old, ...rest } = entry;
      this.next.set(file, { ...rest, ...kept });
      this.dirty = true;
    }
    return entry;
  }

  /** Keeps this run's result for `file` (read as `kindKey`, with its signature when it has one). */
  set(
    file: string,
    key: string,
    kindKey: string,
    result: CachedFile,
    signature: FileSignature | null = null,
  ): void {
    this.next.set(file, {
      key,
      kindKey,
      data: result.data,
      diagnostics: result.diagnostics,
      schemaLine: result.schemaLine,
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

  /** The bytes of the cache file for the next run. */
  serialise(): Uint8Array {
    const entries = [...this.next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const body = v8.serialize({ stamp: this.stamp, entries });
    return Buffer.concat([Buffer.from(MAGIC, "latin1"), body]);
  }
}

function signatureOrNone(signature: FileSignature | null): { signature?: FileSignature } {
  return signature === null ? {} : { signature: { ...signature } };
}

function isCacheBody(value: unknown): value is { stamp: string; entries: [unknown, unknown][] } {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { stamp?: unknown; entries?: unknown };
  return typeof v.stamp === "string" && Array.isArray(v.entries) && v.entries.every(Array.isArray);
}

function isEntry(value: unknown): value is Entry {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<Entry>;
  return (
    typeof v.key === "string" &&
    typeof v.kindKey === "string" &&
    Array.isArray(v.diagnostics) &&
    v.diagnostics.every(isDiagnostic) &&
    (v.schemaLine === null || isSchemaLine(v.schemaLine)) &&
    (v.signature === undefined || isSignature(v.signature))
  );
}

function isSchemaLine(value: unknown): value is SchemaLine {
  if (typeof value !== "object" || value === null) return false;
  const s = value as Partial<SchemaLine>;
  return typeof s.declared === "string" && Number.isInteger(s.line) && Number.isInteger(s.column);
}

function isSignature(value: unknown): value is FileSignature {
  if (typeof value !== "object" || value === null) return false;
  const s = value as Record<string, unknown>;
  return ["size", "mtimeMs", "ctimeMs", "ino", "dev"].every((k) => Number.isFinite(s[k]));
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
