import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { FileCache } from "../load/file-cache.js";
import type { SourceTree } from "../load/source-tree.js";
import { readSubmission, type CheckedSubmission } from "../model/read-submission.js";
import { schemaDigest } from "../schema/schema-digest.js";
import { leftByGoneWriters } from "../util/atomic-write.js";
import type { Io } from "./io.js";

/** Options of the commands that can keep a cache (validate, gaps, build). */
export interface CacheOptions {
  /** --cache: reuse what an earlier run learnt about unchanged files. */
  cache?: boolean;
  /** --cache-location PATH: a file, or a folder that then holds `.cse-cache`; relative to the current folder. */
  cacheLocation?: string;
}

/** The cache file's name in the submission's root (or in a --cache-location folder). */
export const CACHE_FILE = ".cse-cache";

/** A cache larger than this is not read (it would be a cache of some other, far larger submission). */
const MAX_CACHE_BYTES = 1024 * 1024 * 1024;

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

/** A cache read from its file, to be written back there. */
export interface OpenedCache {
  cache: FileCache;
  file: string;
  /** The cache file as it was read (its inode and size), to which a segment may be appended. */
  read?: FileIdentity | undefined;
}

/** Which file, of what size: a segment is appended only to the very file read, unchanged since. */
interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
}

/**
 * Reads and checks the submission like `readSubmission`, with `--cache` through the cache file:
 * the output is the same either way; only the time differs.
 */
export function readSubmissionWithCache(
  tree: SourceTree,
  options: { asOf: string } & CacheOptions,
  io: Io,
): CheckedSubmission {
  if (options.cache !== true) return readSubmission(tree, { asOf: options.asOf });
  const opened = openCache(tree.root, options.cacheLocation, io);
  const checked = readSubmission(tree, { asOf: options.asOf, cache: opened.cache });
  saveCache(opened, io);
  return checked;
}

/** The cache at --cache-location or in the root; an empty one when there is none or it is not usable. */
export function openCache(root: string, location: string | undefined, io: Io): OpenedCache {
  const file = cacheFilePath(root, location, io.cwd);
  const read = readCacheBytes(file);
  return {
    file,
    cache: FileCache.parse(read?.bytes ?? null, `${version}\n${schemaDigest()}`),
    read: read?.identity,
  };
}

/**
 * Writes the cache back when it changed. What changed is appended to the file read, as a segment
 * (see `FileCache`), when that file is still the one read and the segment is worth it: a reader
 * meanwhile finds the cache it had or the new one (a segment it finds torn is not used). Else the
 * cache is written whole, through a temporary file beside it and a rename, so a reader finds the
 * old cache or the new one. Not flushed to the disk first (a cache is not worth the wait): a
 * segment left damaged by a crash fails its digest and is not used. A cache that cannot be written
 * costs speed next time, nothing else, and is said on stderr.
 */
export function saveCache({ cache, file, read }: OpenedCache, io: Io): void {
  if (!cache.changed()) return;
  if (read !== undefined && appendTo(file, read, cache)) return;
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (fs.lstatSync(file, { throwIfNoEntry: false })?.isDirectory())
      throw Object.assign(new Error(`${file} is a folder`), { code: "EISDIR" });
    const fd = fs.openSync(temporary, "wx", 0o644);
    try {
      writeAllPieces(fd, cache.serialisePieces());
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
    removeLeftTemporaries(file);
  } catch (err) {
    fs.rmSync(temporary, { force: true });
    io.stderr.write(
      `cse: the cache ${file} could not be written (${errorCode(err)}); the next run reads every file again\n`,
    );
  }
}

/** Where the cache lives: `--cache-location` (a file, or a folder holding `.cse-cache`), else `<root>/.cse-cache`. */
export function cacheFilePath(root: string, location: string | undefined, cwd: string): string {
  if (location === undefined) return path.join(root, CACHE_FILE);
  const resolved = path.resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || fs.statSync(resolved, { throwIfNoEntry: false })?.isDirectory();
  return isFolder ? path.join(resolved, CACHE_FILE) : resolved;
}

/**
 * Appends what changed to `file` when it is the file read, of the size read (not written or
 * replaced since); false when it is not, or the cache is better written whole, or the append
 * failed (a segment written in part is not used: the cache is then written whole).
 */
function appendTo(file: string, read: FileIdentity, cache: FileCache): boolean {
  const appendix = cache.appendPieces();
  if (appendix === null || appendix.at !== read.size) return false;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, "r+");
    const st = fs.fstatSync(fd);
    if (st.dev !== read.dev || st.ino !== read.ino || st.size !== read.size) return false;
    writeAllPieces(fd, appendix.pieces, appendix.at);
    return true;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The cache file's bytes and which file they were read from; null when there is none to read. */
function readCacheBytes(file: string): { bytes: Uint8Array; identity: FileIdentity } | null {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, "r");
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > MAX_CACHE_BYTES) return null;
    // What is read is what the file is, however it changed meanwhile: a segment found torn at
    // its end is not used, and a file of another size is not appended to.
    const bytes = fs.readFileSync(fd);
    return { bytes, identity: { dev: st.dev, ino: st.ino, size: bytes.length } };
  } catch {
    return null;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The temporaries of `file` that a cse stopped while writing it left behind (its process gone) are removed. */
function removeLeftTemporaries(file: string): void {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const writerOf = (name: string) =>
    name.startsWith(`${base}.`)
      ? /^\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(base.length))?.[1]
      : undefined;
  for (const name of leftByGoneWriters(dir, writerOf)) {
    try {
      fs.rmSync(path.join(dir, name), { force: true });
    } catch {
      // Not ours to insist on: it is tried again at the next write.
    }
  }
}

/**
 * Writes `pieces` one after another (from `position` in the file, else where the file is), a group
 * a call (a system takes so many at once), however short a write.
 */
function writeAllPieces(fd: number, pieces: Uint8Array[], position: number | null = null): void {
  let pos = position;
  const write = (p: Uint8Array, from: number): number => {
    const n = fs.writeSync(fd, p, from, p.length - from, pos);
    if (pos !== null) pos += n;
    return n;
  };
  for (let i = 0; i < pieces.length;) {
    const group = pieces.slice(i, i + 512);
    const want = group.reduce((n, p) => n + p.length, 0);
    let done = pos === null ? fs.writevSync(fd, group) : fs.writevSync(fd, group, pos);
    if (pos !== null) pos += done;
    if (done < want) {
      // A short write: the rest of the group piece by piece.
      for (const p of group) {
        if (done >= p.length) {
          done -= p.length;
          continue;
        }
        let from = done;
        done = 0;
        while (from < p.length) from += write(p, from);
      }
    }
    i += group.length;
  }
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? String((err as Error)?.message ?? err);
}
