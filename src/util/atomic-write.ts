import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** A file to write. */
export interface OutputFile {
  path: string;
  /** The bytes, or a temporary already written in full beside `path` (a streamed zip). */
  content: string | Uint8Array | WrittenTemporary;
}

/** A file streamed to a temporary beside its target (named by `temporaryFor`), fsynced, not yet in place. */
export interface WrittenTemporary {
  temporary: string;
}

/** A hidden temporary beside `target` that the next write to its folder removes if its writer died. */
export function temporaryFor(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
}

/** Points where a caller may step into a write (the tests of a killed build use one). */
export interface AtomicWriteHooks {
  /** Called once every temporary file is written, before the first is renamed into place. */
  beforeRename?: () => void;
}

/**
 * Writes files whole or not at all: each goes to a hidden temporary file beside its target, and
 * only when every one is written are they renamed into place (a rename replaces a file in one
 * step, so a reader sees the old file or the new one, never half of one). On failure the
 * temporaries are removed and earlier files are left as they were. A process killed half-way
 * cannot remove its temporaries: the next write to the same folder does.
 */
export function writeFilesAtomically(files: OutputFile[], hooks: AtomicWriteHooks = {}): void {
  for (const dir of new Set(files.map((f) => path.dirname(f.path)))) removeStaleTemporaries(dir);
  // Something other than a file in a target's place would fail its rename after others had
  // succeeded, leaving a mixed set: refuse before anything is written.
  for (const f of files) {
    const st = fs.lstatSync(f.path, { throwIfNoEntry: false });
    if (st && !st.isFile())
      throw Object.assign(new Error(`${f.path} is in the way: it is not a file`), {
        code: st.isDirectory() ? "EISDIR" : "EEXIST",
      });
  }
  // Temporaries written beforehand join the set first, so a failure below removes them too.
  const temps: { temp: string; target: string }[] = files.flatMap((f) =>
    typeof f.content === "object" && "temporary" in f.content
      ? [{ temp: f.content.temporary, target: f.path }]
      : [],
  );
  try {
    for (const f of files) {
      if (typeof f.content === "object" && "temporary" in f.content) continue;
      const temp = temporaryFor(f.path);
      temps.push({ temp, target: f.path });
      const fd = fs.openSync(temp, "wx");
      try {
        fs.writeFileSync(fd, f.content);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    }
    hooks.beforeRename?.();
    for (const t of temps) fs.renameSync(t.temp, t.target);
  } catch (err) {
    for (const t of temps) fs.rmSync(t.temp, { force: true });
    throw err;
  }
}

const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** Removes temporaries left in `dir` by writers that no longer run (killed half-way). */
function removeStaleTemporaries(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMPORARY.exec(name);
    if (m && !isRunning(Number(m[1]))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
