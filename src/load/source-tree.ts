import fs from "node:fs";
import path from "node:path";

/** What a path inside a submission turned out to be. */
export type PathStatus =
  { kind: "file"; size: number } | { kind: "dir" } | { kind: "missing" } | { kind: "outside" };

/** One entry of a folder listing. */
export interface TreeEntry {
  /** The entry's name (no folder part). */
  name: string;
  /** What it is; links are resolved and reported as what they point at, or `outside`. */
  kind: "file" | "dir" | "outside" | "other";
}

/**
 * Read-only access to a submission's files by root-relative `/` paths. The work tree is one
 * implementation; a git revision is another, so every stage above this reads the same way.
 */
export interface SourceTree {
  /** Absolute path of the root (for JSON output and messages). */
  readonly root: string;
  /** Entries of a folder, sorted by name; an unreadable or missing folder lists nothing. */
  list(dir: string): TreeEntry[];
  /**
   * The bytes of a file; throws when it cannot be read, `TooLargeError` past `maxBytes`,
   * `OutsideRootError` when the path leads out of the root.
   */
  read(file: string, maxBytes?: number): Uint8Array;
  /** What a root-relative path is, never following a link out of the root. */
  stat(file: string): PathStatus;
  /**
   * `--cache`'s shortcut (the work tree only): the file's bytes with the signature of the file as
   * it was opened (null when it changed too lately to be trusted, see `FileSignature`).
   */
  readSigned?(file: string, maxBytes?: number): { bytes: Uint8Array; signature: FileSignature | null };
  /** The signature of the file a path leads to now, without reading it; null when there is none. */
  signature?(file: string): FileSignature | null;
}

/**
 * What the file system says of a file (the way git's index keeps it): equal signatures mean the
 * same file, unchanged. A signature is kept only for a file whose last change (mtime and ctime)
 * was at least `SETTLED_MS` before it was opened: any later change, even in the same tick of a
 * coarse clock (one second, two on FAT), then gives another mtime or ctime. A file changed more
 * lately is "racy": it has no signature and is hashed again next time.
 */
export interface FileSignature {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
}

/** How long before it was opened a file must have last changed for its signature to be kept. */
export const SETTLED_MS = 2000;

function signatureOf(st: fs.Stats): FileSignature {
  return { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, dev: st.dev };
}

/** A submission as it is on disk. Links may be followed only while they stay inside the root. */
export class WorkTree implements SourceTree {
  readonly root: string;
  private readonly realRoot: string;

  /** The clock files' times are judged by (tests move it on rather than wait). */
  private readonly now: () => number;

  constructor(root: string, options: { now?: () => number } = {}) {
    this.root = path.resolve(root);
    this.realRoot = realpath(this.root);
    this.now = options.now ?? Date.now;
  }

  list(dir: string): TreeEntry[] {
    // A folder that is (or sits below) a link out of the root lists nothing: its files are not ours.
    if (this.stat(dir).kind !== "dir") return [];
    let dirents: fs.Dirent[];
    try {
      dirents = fs.readdirSync(this.abs(dir), { withFileTypes: true });
    } catch {
      return [];
    }
    const entries: TreeEntry[] = [];
    for (const d of dirents) {
      let kind: TreeEntry["kind"] = d.isFile() ? "file" : d.isDirectory() ? "dir" : "other";
      if (d.isSymbolicLink()) {
        // Links to files are read while they stay inside the root; links to folders are not
        // followed at all, so a link loop cannot make discovery run forever.
        const st = this.stat(joinPath(dir, d.name));
        kind = st.kind === "file" || st.kind === "outside" ? st.kind : "other";
      }
      entries.push({ name: d.name, kind });
    }
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  read(file: string, maxBytes = Infinity): Uint8Array {
    return this.readSigned(file, maxBytes).bytes;
  }

  readSigned(file: string, maxBytes = Infinity): { bytes: Uint8Array; signature: FileSignature | null } {
    // The clock is read before the file is opened: a change after the open is then later than
    // SETTLED_MS after any kept signature's mtime and ctime, so it cannot leave them as they were.
    const now = this.now();
    const { fd, stats } = this.openFile(file);
    try {
      if (stats.size > maxBytes) throw new TooLargeError(stats.size);
      const settled = Math.max(stats.mtimeMs, stats.ctimeMs) <= now - SETTLED_MS;
      return { bytes: readAll(fd, stats.size, maxBytes), signature: settled ? signatureOf(stats) : null };
    } finally {
      fs.closeSync(fd);
    }
  }

  /**
   * One stat of the path as it is (links followed): no realpath, since a signature is only ever
   * compared with one taken from a file opened through the inside-the-root rule, and equal
   * device and inode numbers mean that very file.
   */
  signature(file: string): FileSignature | null {
    try {
      const st = fs.statSync(this.abs(file));
      return st.isFile() ? signatureOf(st) : null;
    } catch {
      return null;
    }
  }

  /** A stream of a file's bytes, guarded as `read` is: for attachments too large to hold in memory. */
  readStream(file: string): { stream: fs.ReadStream; size: number } {
    const { fd, stats } = this.openFile(file);
    return { stream: fs.createReadStream("", { fd, autoClose: true }), size: stats.size };
  }

  /** Opens a regular file inside the root; the caller closes the descriptor. */
  private openFile(file: string): { fd: number; stats: fs.Stats } {
    // Resolve links first and open the real path without following a link at its end, so a
    // link (or one swapped in since a caller's stat) cannot make cse read outside the root;
    // non-blocking, so a named pipe put in a file's place cannot make it wait for ever.
    const real = realpath(this.abs(file));
    if (!this.inside(real)) throw new OutsideRootError(file);
    const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = fs.constants;
    const fd = fs.openSync(real, O_RDONLY | (O_NOFOLLOW ?? 0) | (O_NONBLOCK ?? 0));
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile())
        throw Object.assign(new Error(`${file} is not a file`), {
          code: st.isDirectory() ? "EISDIR" : "ENOTFILE",
        });
      return { fd, stats: st };
    } catch (err) {
      fs.closeSync(fd);
      throw err;
    }
  }

  stat(file: string): PathStatus {
    let real: string;
    try {
      real = realpath(this.abs(file));
    } catch {
      return { kind: "missing" };
    }
    if (!this.inside(real)) return { kind: "outside" };
    try {
      const st = fs.statSync(real);
      if (st.isFile()) return { kind: "file", size: st.size };
      if (st.isDirectory()) return { kind: "dir" };
      return { kind: "missing" };
    } catch {
      return { kind: "missing" };
    }
  }

  private abs(file: string): string {
    // A plain relative path (what discovery gives: thousands a run) is joined without path.join's
    // normalising walk; anything else goes through it.
    if (path.sep === "/" && file !== "" && !/(^|\/)\.{0,2}(\/|$)/.test(file))
      return this.root === "/" ? `/${file}` : `${this.root}/${file}`;
    return path.join(this.root, ...file.split("/"));
  }

  private inside(real: string): boolean {
    return real === this.realRoot || real.startsWith(this.realRoot + path.sep);
  }
}

/**
 * Reads an open file to its end, but never more than `maxBytes`: a file that grows while it is
 * read (a log, a device, a file being written) cannot exhaust memory. One buffer of the size
 * fstat gave plus a spare byte, not zero-filled: the read that finds the end lands in the spare
 * byte, so an unchanging file costs one allocation (zero-filled 64 KiB chunks were a tenth of
 * validate's time in large submissions).
 */
function readAll(fd: number, size: number, maxBytes: number): Uint8Array {
  let buf = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
  let total = 0;
  for (;;) {
    if (total === buf.length) {
      if (total > maxBytes) throw new TooLargeError(total);
      // It grew while being read: make room, never past the limit and a byte.
      const bigger = Buffer.allocUnsafe(Math.min(Math.max(buf.length * 2, 64 * 1024), maxBytes + 1));
      buf.copy(bigger, 0, 0, total);
      buf = bigger;
    }
    const n = fs.readSync(fd, buf, total, buf.length - total, null);
    if (n === 0) break;
    total += n;
  }
  if (total > maxBytes) throw new TooLargeError(total);
  return buf.subarray(0, total);
}

/**
 * The real path: one realpath(3) call rather than Node's JavaScript walk, which lstat's every
 * component of every path (most of the time spent opening files in large submissions).
 */
function realpath(p: string): string {
  return fs.realpathSync.native(p);
}

/** Joins root-relative `/` paths, treating "" as the root. */
export function joinPath(dir: string, name: string): string {
  return dir === "" || dir === "." ? name : `${dir}/${name}`;
}

/**
 * Whether a path written in a submission is absolute on any system cse runs on: `/x`, `\\x` or
 * a drive such as `C:/x`. Such a path is never inside the submission, whatever the machine.
 */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith("/") || p.startsWith("\\") || /^[A-Za-z]:/.test(p);
}

/**
 * Resolves `target` relative to the folder `fromDir` (both root-relative), or returns null when
 * it is absolute or climbs out of the root.
 */
export function resolveInside(fromDir: string, target: string): string | null {
  if (isAbsolutePath(target)) return null;
  const parts = fromDir === "" ? [] : fromDir.split("/");
  for (const seg of target.split(/[\\/]/)) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join("/");
}

/** Thrown by `SourceTree.read` for a path that leads (through a link) outside the root. */
export class OutsideRootError extends Error {
  readonly code = "EOUTSIDE";
  constructor(readonly file: string) {
    super(`${file} leads outside the submission's root`);
  }
}

/** Thrown by `SourceTree.read` for a file larger than the caller allows. */
export class TooLargeError extends Error {
  constructor(readonly size: number) {
    super(`file of ${size} bytes is too large`);
  }
}
