import { WorkTree, type SourceTree } from "../load/source-tree.js";
import type { Citable, Submission } from "../model/types.js";
import { GitError, runGit } from "./git-command.js";
import { GitTree } from "./git-tree.js";
import { headCommit, isShallow, openRepository, topPath, type Repository } from "./repository.js";
import { readWorkTreeGit, type WorkTreeGit } from "./work-tree-git.js";

/** When a file last changed, by git's history. */
export interface LastChange {
  /** Day of the last commit that changed it (the committer's date, YYYY-MM-DD); null if never committed. */
  date: string | null;
  /** That commit's full id, or null. */
  commit: string | null;
  /** True when the work tree holds changes to it that are not committed yet (work tree only). */
  uncommitted: boolean;
}

/** Last changes of many files, or why they cannot be known. */
export type FileHistory =
  | { known: true; /** By root-relative path, every file asked about. */ files: Map<string, LastChange> }
  | {
      known: false;
      /** Why not. */ reason: "shallow" | "not-a-repository" | "git-missing";
      /** A sentence for a reader. */ message: string;
    };

/**
 * When each of `files` (root-relative) last changed, from ONE `git log --name-status` pass over
 * the submission's history, newest first, up to the tree's revision (HEAD for the work tree).
 *
 * A rename without any change to the content (git's R100) is followed to the old name and is
 * not itself a change: moving evidence into another folder does not make it newer. A rename
 * with edits counts as a change on that day. In a shallow clone the history stops early, so
 * dates would be wrong: the answer is "unknown" instead. Outside git, likewise; never throws
 * for that, because last-changed dates are extra information, not the point of a command.
 */
export function readLastChanged(
  tree: SourceTree,
  files: readonly string[],
  /** The work tree's git state when the caller has read it already (a build reads it once). */
  known?: WorkTreeGit | GitError,
): FileHistory {
  let repo: Repository;
  let work: WorkTreeGit | null = null;
  try {
    if (tree instanceof WorkTree) {
      const git = known ?? readWorkTreeGit(tree);
      if (git instanceof GitError) throw git;
      work = git;
      repo = git.repo;
    } else repo = openRepository(tree.root, "last-changed dates");
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
    const missing = /not installed/.test(err.message);
    return {
      known: false,
      reason: missing ? "git-missing" : "not-a-repository",
      message: missing
        ? "git is not installed, so last-changed dates are unknown"
        : "the submission is not in a git repository, so last-changed dates are unknown",
    };
  }
  if (isShallow(repo)) {
    return {
      known: false,
      reason: "shallow",
      message:
        "this is a shallow clone whose history is cut short, " +
        "so last-changed dates are unknown (git fetch --unshallow gives the full history)",
    };
  }
  const commit = tree instanceof GitTree ? tree.commit : work ? work.head : headCommit(repo);
  const found = commit
    ? walkHistory(repo, commit, files)
    : new Map<string, { date: string; commit: string }>();
  // A status git could not give counts as no uncommitted changes: the dates are extra information.
  const dirty: ReadonlySet<string> = work?.status.ok ? work.status.changes.current : new Set<string>();
  const result = new Map<string, LastChange>();
  for (const file of files) {
    const hit = found.get(file);
    // A file in the work tree that history never saw is uncommitted too (untracked or ignored).
    const unseen = tree instanceof WorkTree && !hit && tree.stat(file).kind === "file";
    result.set(file, {
      date: hit?.date ?? null,
      commit: hit?.commit ?? null,
      uncommitted: dirty.has(file) || unseen,
    });
  }
  return { known: true, files: result };
}

/**
 * The last history read, by folder and commit. The history up to a commit never changes, so a
 * process that builds again and again (`cse preview`) runs git log once per commit, not per build.
 */
let lastHistory: { key: string; stdout: string } | null = null;

function historyOutput(repo: Repository, args: string[]): string {
  const key = `${repo.dir}\0${args.join("\0")}`;
  if (lastHistory?.key === key) return lastHistory.stdout;
  const r = runGit(repo.dir, args);
  if (r.status !== 0) throw new GitError(`git log failed: ${r.stderr.split("\n")[0]}`);
  lastHistory = { key, stdout: r.stdout.toString("utf8") };
  return lastHistory.stdout;
}

function walkHistory(
  repo: Repository,
  commit: string,
  files: readonly string[],
): Map<string, { date: string; commit: string }> {
  // Top-relative path as history names it → the root-relative files it is now.
  const pending = new Map<string, string[]>();
  for (const f of new Set(files)) pending.set(topPath(repo, f), [f]);
  const found = new Map<string, { date: string; commit: string }>();
  if (pending.size === 0) return found;
  const args = [
    "-c",
    "log.showSignature=false",
    "log",
    "--no-color",
    "--no-ext-diff",
    "-M",
    "--name-status",
    "-z",
    "--format=%x1e%H %cs",
    commit,
    "--",
    ".",
  ];
  const stdout = historyOutput(repo, args);
  const settle = (path: string, at: { date: string; commit: string }) => {
    for (const f of pending.get(path) ?? []) found.set(f, at);
    pending.delete(path);
  };
  for (const record of stdout.split("\x1e")) {
    if (pending.size === 0) break;
    const headerEnd = record.indexOf("\0");
    if (headerEnd < 0) continue;
    const [id = "", date = ""] = record.slice(0, headerEnd).split(" ");
    const at = { date, commit: id };
    const tokens = record
      .slice(headerEnd + 1)
      .replace(/^\n+/, "")
      .split("\0");
    for (let i = 0; i < tokens.length;) {
      const status = tokens[i++] ?? "";
      if (status === "") continue;
      if (status.startsWith("R") || status.startsWith("C")) {
        const from = tokens[i++] ?? "";
        const to = tokens[i++] ?? "";
        if (!pending.has(to)) continue;
        if (status === "R100") {
          const wanted = pending.get(to)!;
          pending.delete(to);
          pending.set(from, [...(pending.get(from) ?? []), ...wanted]);
        } else settle(to, at);
      } else settle(tokens[i++] ?? "", at);
    }
  }
  return found;
}

/** Last changes of a submission's evidence items and case studies, or why they cannot be known. */
export type ItemHistory =
  | { known: true; /** By item id (the first item when ids repeat). */ items: Map<string, LastChange> }
  | Extract<FileHistory, { known: false }>;

/**
 * When each evidence item and case study last changed: its YAML file or any of its attachments,
 * whichever changed last (a new scan of a report is a change to the evidence). One history
 * pass for the whole submission. The build's evidence index and `cse gaps --format json` call this.
 */
export function lastChangedOfItems(submission: Submission, known?: WorkTreeGit | GitError): ItemHistory {
  const items = [...submission.evidence, ...submission.caseStudies];
  const filesOf = (item: Citable) => [
    item.src.file,
    ...item.files.flatMap((f) => (f.resolved === null ? [] : [f.resolved])),
  ];
  const history = readLastChanged(submission.tree, items.flatMap(filesOf), known);
  if (!history.known) return history;
  const byItem = new Map<string, LastChange>();
  for (const item of items) {
    if (byItem.has(item.id)) continue;
    let latest: LastChange = { date: null, commit: null, uncommitted: false };
    for (const file of filesOf(item)) {
      const c = history.files.get(file);
      if (!c) continue;
      if (c.date !== null && (latest.date === null || c.date > latest.date))
        latest = { ...c, uncommitted: latest.uncommitted || c.uncommitted };
      else if (c.uncommitted) latest = { ...latest, uncommitted: true };
    }
    byItem.set(item.id, latest);
  }
  return { known: true, items: byItem };
}
