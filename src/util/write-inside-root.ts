import fs from "node:fs";
import path from "node:path";
import { type AtomicWriteHooks, type OutputFile, writeFilesAtomically } from "./atomic-write.js";

/**
 * Thrown when a place cse would write to leads outside the folder it may write in: through a
 * link (to a folder, anywhere on the way), or by climbing out with `..` or an absolute path.
 */
export class OutsideRootWriteError extends Error {
  readonly code = "EOUTSIDE";
  constructor(
    /** The path as the caller gave it, relative to the root. */
    readonly file: string,
    /** The folder on the way that leads out. */
    readonly via: string,
  ) {
    super(outsideMessage(file, via));
    this.name = "OutsideRootWriteError";
  }
}

function outsideMessage(file: string, via: string): string {
  return via === file
    ? `${file} is outside the submission's folder`
    : `${file} would be written outside the submission's folder, because ${via} is a link that leads out of it`;
}

/**
 * The absolute path to write root-relative `file` (`/` separators) to, resolved now, with the
 * rule the readers use (src/load/source-tree.ts): every folder on the way is resolved, links
 * included, and must stay inside the root's real path. Missing folders are made, inside. The
 * returned path has no link in its folders, so the write that follows cannot be led out unless
 * someone swaps a folder for a link in between (see SECURITY.md).
 */
export function resolveWriteTarget(root: string, file: string): string {
  const realRoot = fs.realpathSync.native(path.resolve(root));
  const parts = file.split(/[\\/]/).filter((p) => p !== "" && p !== ".");
  if (path.isAbsolute(file) || /^[A-Za-z]:/.test(file) || parts.includes("..") || parts.length === 0)
    throw new OutsideRootWriteError(file, file);
  let dir = realRoot;
  for (const [i, part] of parts.slice(0, -1).entries()) {
    const next = path.join(dir, part);
    const st = fs.lstatSync(next, { throwIfNoEntry: false });
    if (st === undefined) {
      fs.mkdirSync(next);
      dir = next;
      continue;
    }
    const real = st.isSymbolicLink() ? fs.realpathSync.native(next) : next;
    if (real !== realRoot && !real.startsWith(realRoot + path.sep))
      throw new OutsideRootWriteError(file, parts.slice(0, i + 1).join("/"));
    dir = real;
  }
  return path.join(dir, parts.at(-1) ?? "");
}

/**
 * Writes `files` (paths relative to `root`) whole or not at all, each target resolved inside the
 * root by `resolveWriteTarget` at the moment of writing. Every command that writes into a
 * submission (new, init, schema, build, and any to come) writes through this. Returns the
 * absolute paths written.
 */
export function writeInsideRoot(root: string, files: OutputFile[], hooks: AtomicWriteHooks = {}): string[] {
  const resolved = files.map((f) => ({ path: resolveWriteTarget(root, f.path), content: f.content }));
  writeFilesAtomically(resolved, hooks);
  return resolved.map((f) => f.path);
}

/**
 * Makes `dir` and any missing folders above it one at a time, so a failure names its real cause
 * (a read-only disk is EROFS; a recursive mkdir there reports ENOENT).
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  let cur = path.resolve(dir);
  while (!fs.existsSync(cur)) {
    missing.push(cur);
    const up = path.dirname(cur);
    if (up === cur) break;
    cur = up;
  }
  for (const folder of missing.reverse()) fs.mkdirSync(folder);
}

const WRITE_FAILURES: Record<string, string> = {
  EROFS: "the disk is read-only",
  EACCES: "permission to write there was refused",
  EPERM: "permission to write there was refused",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EISDIR: "a folder is in the way",
  EEXIST: "something is in the way",
  ENOTDIR: "a file is in the way of a folder",
  EOUTSIDE: "it leads outside the submission's folder",
};

/** Why a write failed, in plain words with the system's code, e.g. "the disk is read-only, EROFS". */
export function writeFailureReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (err instanceof OutsideRootWriteError) return err.message;
  if (code !== undefined && code in WRITE_FAILURES) return `${WRITE_FAILURES[code]}, ${code}`;
  return code ?? String((err as Error)?.message ?? err);
}

/**
 * Writes one output file (a workbook, a calendar) whole: where the user named it with --out,
 * as they said; else (a place worked out from cse.yaml's build.output) through writeInsideRoot,
 * so a submission cannot send cse's writing out of its own folder.
 */
export function writeOutputFile(
  root: string,
  target: string,
  content: string | Uint8Array,
  userChose: boolean,
): void {
  if (userChose) {
    makeFolders(path.dirname(target));
    writeFilesAtomically([{ path: target, content }]);
    return;
  }
  writeInsideRoot(root, [{ path: path.relative(root, target).split(path.sep).join("/"), content }]);
}
