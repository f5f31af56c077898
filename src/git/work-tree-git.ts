import path from "node:path";
import type { WorkTree } from "../load/source-tree.js";
import { GitError, runGit } from "./git-command.js";
import { headCommit, openRepository, rootPath, type Repository } from "./repository.js";

/**
 * What git says of a submission's work tree at one moment: its repository, the commit HEAD
 * names and the files git status lists. A build reads it once and gives it to both things that
 * ask git (the pack's stamp, `describeWorktree`, and the last-changed dates, `readLastChanged`),
 * which ran `rev-parse` and `git status` twice each: `cse preview` rebuilds on every save.
 */
export interface WorkTreeGit {
  repo: Repository;
  /** The commit HEAD names, or null in a repository without commits. */
  head: string | null;
  /** git status of the submission's folder, or why it failed. */
  status: { ok: true; changes: UncommittedPaths } | { ok: false; message: string };
}

/** Root-relative paths git status lists (untracked files too; ignored ones never). */
export interface UncommittedPaths {
  /** By their names now. */
  current: ReadonlySet<string>;
  /** The names now and, for a file renamed or copied, its old name: what a change "to a path" means. */
  touched: ReadonlySet<string>;
}

/**
 * Reads the work tree's git state, or gives the GitError that says why there is none (not in a
 * repository, git missing): each caller words its own message.
 */
export function readWorkTreeGit(tree: WorkTree): WorkTreeGit | GitError {
  let repo: Repository;
  try {
    repo = openRepository(tree.root, "reading the submission's git state");
  } catch (err) {
    if (err instanceof GitError) return err;
    throw err;
  }
  return { repo, head: headCommit(repo), status: readStatus(repo) };
}

function readStatus(repo: Repository): WorkTreeGit["status"] {
  const r = runGit(repo.dir, ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "."]);
  if (r.status !== 0) return { ok: false, message: `git status failed: ${r.stderr.split("\n")[0]}` };
  const current = new Set<string>();
  const touched = new Set<string>();
  const tokens = r.stdout.toString("utf8").split("\0");
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.length < 4) continue;
    const now = rootPath(repo, t.slice(3));
    if (now !== null) {
      current.add(now);
      touched.add(now);
    }
    // A rename or copy is followed by its old name.
    if (t[0] === "R" || t[0] === "C") {
      const old = rootPath(repo, tokens[++i] ?? "");
      if (old !== null) touched.add(old);
    }
  }
  return { ok: true, changes: { current, touched } };
}

/** Whether any of `paths` (root-relative files or folders, "." for all) is among `touched`. */
export function touchesAny(changes: UncommittedPaths, paths: readonly string[]): boolean {
  if (paths.length === 0 || changes.touched.size === 0) return false;
  const named = paths.map((p) => path.posix.normalize(p).replace(/\/+$/, ""));
  if (named.includes(".")) return true;
  const exact = new Set(named);
  const folders = named.map((p) => `${p}/`);
  for (const file of changes.touched) {
    if (exact.has(file) || folders.some((f) => file.startsWith(f))) return true;
  }
  return false;
}
