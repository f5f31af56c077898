import fs from "node:fs";
import path from "node:path";

/** A file to write: its bytes, or a file already streamed to a temporary (`temporaryFor`). */
export interface OutputFile {
  path: string;
  content: string | Uint8Array | WrittenTemporary;
}

/** A file streamed to a temporary beside its target (named by `temporaryFor`), fsynced, not yet in place. */
export interface WrittenTemporary {
  temporary: string;
}

/** Points where a caller may step into a write (the tests of a killed build use one). */
export interface AtomicWriteHooks {
  /** Called once every file is staged, before the first is renamed into place. */
  beforeRename?: () => void;
}

// Temporaries live in a staging folder that cse makes beside the targets (mkdtemp, so its name
// is new) and marks with a file of its own. Only folders with both the name and the mark are
// ever removed as left over: a file of the submission that happens to look like a temporary
// (".minutes.4000000.deadbeef.tmp") is never touched.
const STAGING_PREFIX = ".cse-staging-";
const STAGING_NAME = /^\.cse-staging-(\d+)-[A-Za-z0-9]{6}$/;
const MARK_FILE = "made-by-cse";
const MARK_TEXT =
  "A staging folder of cse: removed when the write ends, or by a later write if cse was stopped.\n";

/** Test hooks: called before each rename into place, so a test can fail one (never set in use). */
export const atomicWriteHooks: {
  beforeRename?: (target: string, index: number) => void;
  beforeRestore?: (target: string) => void;
} = {};

/**
 * Writes files whole or not at all: each goes to a staging folder beside its target, and only
 * when every one is written are they renamed into place (a rename replaces a file in one step,
 * so a reader sees the old file or the new one, never half of one).
 *
 * The set is kept whole too, through a journal in each staging folder (`plan.json`, then the
 * one-step decision `commit`, written before the first rename):
 * - a rename that fails puts back the files already renamed (earlier versions are kept in the
 *   staging folder until the end) after turning `commit` into `abort`, so a failed write leaves
 *   the earlier set;
 * - a process killed between two renames leaves its staging folder behind with `commit` (or
 *   `abort`) in it; the next write into that folder first finishes the set from it (renames the
 *   staged files still waiting) or puts the earlier files back, and only then removes it.
 * What a reader sees at each instant: the whole earlier set until the first rename; during the
 * renames (microseconds apart) new files beside earlier ones; then the whole new set. A set
 * left mixed by a kill in that window stays so only until the next write there.
 */
export function writeFilesAtomically(files: OutputFile[], hooks: AtomicWriteHooks = {}): void {
  const dirs = [...new Set(files.map((f) => path.dirname(f.path)))];
  for (const dir of dirs) removeStaleStaging(dir);
  const staging = new Map<string, string>();
  try {
    // Something other than a file in a target's place would fail its rename after others had
    // succeeded: refuse before anything is written (the `finally` removes what was streamed).
    for (const f of files) {
      if (!isInTheWay(f.path)) continue;
      const dir = fs.lstatSync(f.path).isDirectory();
      throw Object.assign(new Error(`${f.path} is in the way: it is not a file`), {
        code: dir ? "EISDIR" : "EEXIST",
      });
    }
    for (const dir of dirs) staging.set(dir, makeStaging(dir));
    const moves = files.map((f, i) => {
      const dir = staging.get(path.dirname(f.path)) ?? "";
      const temp = path.join(dir, `${i}.new`);
      if (isWrittenTemporary(f.content)) moveStreamed(f.content.temporary, temp);
      else writeDurably(temp, f.content);
      const earlier = path.join(dir, `${i}.old`);
      return { temp, target: f.path, earlier: keepEarlier(f.path, earlier) ? earlier : null };
    });
    hooks.beforeRename?.();
    for (const dir of staging.values()) writeJournal(dir, moves);
    renameAll(moves);
  } finally {
    for (const dir of staging.values()) fs.rmSync(dir, { recursive: true, force: true });
    // A streamed file not taken into the set (an earlier step failed): its staging folder goes too.
    for (const f of files) if (isWrittenTemporary(f.content)) removeStreamStaging(f.content.temporary);
  }
}

/**
 * Where to stream a large output (the zip bundle) before it joins a write: a file in a staging
 * folder of its own beside the target, marked like every staging folder, so one left by a killed
 * process is removed by a later write and nothing of the user's is ever taken for it.
 */
export function temporaryFor(target: string): string {
  return path.join(makeStaging(path.dirname(target)), "streamed.new");
}

/** Removes a streamed file that will not be written after all, with the staging folder made for it. */
export function discardTemporary(file: string): void {
  fs.rmSync(file, { force: true });
  removeStreamStaging(file);
}

/** A folder being filled in a staging folder beside its target, to replace the target whole. */
export interface StagedFolder {
  /** The folder to write the files into (empty at first). */
  readonly dir: string;
  /** Writes one file into it, durably (flushed to the disk). */
  write(name: string, content: string | Uint8Array): void;
  /**
   * Puts the folder in the target's place, replacing any folder there in one step (the earlier
   * one is kept until the new one is in, and put back if that fails), and removes the staging.
   */
  commit(hooks?: AtomicWriteHooks): void;
  /** Removes everything staged; the target is left as it was. */
  discard(): void;
}

/**
 * Stages a whole folder of files (a pack split into volumes) beside `target`, to be written
 * whole or not at all: nothing is in the target's place until `commit`, and a set of files
 * that stops half-way is discarded with its staging folder. A folder already at the target is
 * replaced as a whole, so no file of an earlier, larger set is left among the new ones.
 */
export function stageFolder(target: string): StagedFolder {
  const parent = path.dirname(target);
  removeStaleStaging(parent);
  const st = fs.lstatSync(target, { throwIfNoEntry: false });
  if (st && !st.isDirectory())
    throw Object.assign(new Error(`${target} is in the way: it is not a folder`), { code: "EEXIST" });
  const staging = makeStaging(parent);
  const dir = path.join(staging, "new");
  fs.mkdirSync(dir);
  const discard = () => fs.rmSync(staging, { recursive: true, force: true });
  return {
    dir,
    write: (name, content) => writeDurably(path.join(dir, name), content),
    commit: (hooks = {}) => {
      try {
        hooks.beforeRename?.();
        const earlier = path.join(staging, "old");
        const had = fs.existsSync(target);
        if (had) fs.renameSync(target, earlier);
        try {
          fs.renameSync(dir, target);
        } catch (err) {
          if (had) fs.renameSync(earlier, target);
          throw err;
        }
      } finally {
        discard();
      }
    },
    discard,
  };
}

function isWrittenTemporary(content: OutputFile["content"]): content is WrittenTemporary {
  return typeof content === "object" && content !== null && "temporary" in content;
}

function moveStreamed(from: string, to: string): void {
  fs.renameSync(from, to);
  removeStreamStaging(from);
}

function removeStreamStaging(file: string): void {
  const folder = path.dirname(file);
  if (STAGING_NAME.test(path.basename(folder)) && readMark(path.join(folder, MARK_FILE)) === MARK_TEXT)
    fs.rmSync(folder, { recursive: true, force: true });
}

interface Move {
  temp: string;
  target: string;
  /** A hard link to the file the target held before, or null when there was none. */
  earlier: string | null;
}

function renameAll(moves: Move[]): void {
  let done = 0;
  try {
    for (const [i, m] of moves.entries()) {
      atomicWriteHooks.beforeRename?.(m.target, i);
      fs.renameSync(m.temp, m.target);
      done++;
    }
  } catch (err) {
    // Decided first, in one step: a process killed while it puts files back is finished the same way.
    for (const dir of new Set(moves.map((m) => path.dirname(m.temp)))) decide(dir, "abort");
    for (const m of moves.slice(0, done).reverse()) {
      atomicWriteHooks.beforeRestore?.(m.target);
      try {
        if (m.earlier !== null) fs.renameSync(m.earlier, m.target);
        else fs.rmSync(m.target, { force: true });
      } catch {
        // Nothing more can be done here; the error below says the write failed.
      }
    }
    throw err;
  }
}

// The journal of a staging folder: what goes where, then the decision in a file of its own.
const PLAN_FILE = "plan.json";
const COMMIT = "commit";
const ABORT = "abort";

/** One rename of the plan, by file names: `new` in the staging folder to `target` beside it. */
interface PlannedMove {
  new: string;
  old: string | null;
  target: string;
}

/** Writes the plan of the moves staged in `dir`, then `commit`: from here on the set is decided. */
function writeJournal(dir: string, moves: Move[]): void {
  const plan: PlannedMove[] = moves
    .filter((m) => path.dirname(m.temp) === dir)
    .map((m) => ({
      new: path.basename(m.temp),
      old: m.earlier === null ? null : path.basename(m.earlier),
      target: path.basename(m.target),
    }));
  writeDurably(path.join(dir, PLAN_FILE), JSON.stringify(plan));
  writeDurably(path.join(dir, `${COMMIT}.new`), "");
  fs.renameSync(path.join(dir, `${COMMIT}.new`), path.join(dir, COMMIT));
}

/** Replaces the folder's decision (a rename: one step). */
function decide(dir: string, decision: typeof ABORT): void {
  try {
    fs.renameSync(path.join(dir, COMMIT), path.join(dir, decision));
  } catch {
    // No journal yet: nothing was renamed, there is nothing to finish.
  }
}

/**
 * Finishes the set a killed writer left half-moved in `staging` (a folder of `dir`): with
 * `commit`, the staged files still waiting are renamed into place; with `abort`, the files
 * already moved in are put back as they were. Without a decision nothing was moved yet.
 */
function finishLeftOver(dir: string, staging: string): void {
  const decision = [COMMIT, ABORT].find((d) => fs.existsSync(path.join(staging, d)));
  if (!decision) return;
  let plan: PlannedMove[];
  try {
    plan = JSON.parse(fs.readFileSync(path.join(staging, PLAN_FILE), "utf8")) as PlannedMove[];
  } catch {
    return;
  }
  for (const m of plan) {
    if (!isPlainName(m.new) || !isPlainName(m.target) || (m.old !== null && !isPlainName(m.old))) continue;
    const staged = path.join(staging, m.new);
    const target = path.join(dir, m.target);
    if (decision === COMMIT) {
      if (fs.existsSync(staged) && !isInTheWay(target)) fs.renameSync(staged, target);
    } else if (!fs.existsSync(staged)) {
      // Moved in before the abort: put the earlier file back (or remove the new one).
      const earlier = m.old === null ? null : path.join(staging, m.old);
      if (earlier !== null && fs.existsSync(earlier)) fs.renameSync(earlier, target);
      else if (m.old === null && !isInTheWay(target)) fs.rmSync(target, { force: true });
    }
  }
}

/** A bare file name (the plan is data on disk: never a path that leaves the folder). */
function isPlainName(name: unknown): name is string {
  return typeof name === "string" && name !== "" && name !== "." && name !== ".." && !/[/\\\0]/.test(name);
}

/** Something other than a file (a folder, a link) in a target's place: never replaced by a recovery. */
function isInTheWay(target: string): boolean {
  const st = fs.lstatSync(target, { throwIfNoEntry: false });
  return st !== undefined && !st.isFile();
}

function makeStaging(dir: string): string {
  const staging = fs.mkdtempSync(path.join(dir, `${STAGING_PREFIX}${process.pid}-`));
  fs.writeFileSync(path.join(staging, MARK_FILE), MARK_TEXT, { flag: "wx" });
  return staging;
}

function writeDurably(file: string, content: string | Uint8Array): void {
  const fd = fs.openSync(file, "wx");
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Links the target's current file to `earlier` so it can be put back; false when there is none. */
function keepEarlier(target: string, earlier: string): boolean {
  try {
    fs.linkSync(target, earlier);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    // No hard links here (some network drives): copy instead.
    fs.copyFileSync(target, earlier, fs.constants.COPYFILE_EXCL);
    return true;
  }
}

/** Removes staging folders left in `dir` by writers that no longer run (killed half-way). */
function removeStaleStaging(dir: string): void {
  for (const name of leftByGoneWriters(dir, (n) => STAGING_NAME.exec(n)?.[1])) {
    const folder = path.join(dir, name);
    if (!fs.lstatSync(folder, { throwIfNoEntry: false })?.isDirectory()) continue;
    if (readMark(path.join(folder, MARK_FILE)) !== MARK_TEXT) continue;
    finishLeftOver(dir, folder);
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

function readMark(file: string): string | null {
  try {
    if (!fs.lstatSync(file).isFile()) return null;
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/**
 * The names in `dir` that writers no longer running left behind: those `writerOf` gives a
 * process id for (the digits it reads from the name), whose process is gone. None when `dir`
 * cannot be read.
 */
export function leftByGoneWriters(dir: string, writerOf: (name: string) => string | undefined): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => {
    const pid = writerOf(name);
    return pid !== undefined && !isRunning(Number(pid));
  });
}

/** Whether a process with this id runs (this one included): the writer of a temporary or staging folder. */
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
