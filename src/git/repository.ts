import fs from "node:fs";
import path from "node:path";
import { describeFailure, git, gitEnvironment, GIT_MISSING, GitError, runGit } from "./git-command.js";

/** The git repository a submission lives in, and where in it. */
export interface Repository {
  /** Absolute path of the repository's work tree (its top folder). */
  top: string;
  /** The submission's folder relative to `top`, `/`-separated, "" when it is the top itself. */
  prefix: string;
  /** Absolute path of the submission's folder, where git commands run. */
  dir: string;
}

/**
 * Finds the repository holding `dir`. Fails with a GitError that names `purpose` (e.g. "--ref")
 * when git is missing or `dir` is not in a repository, so the user knows what needed git.
 */
export function openRepository(dir: string, purpose: string): Repository {
  if (knownOutside(dir)) throw new GitError(notRepositoryMessage(dir, purpose));
  let r: Buffer;
  try {
    r = runGitFor(dir, ["rev-parse", "--show-toplevel", "--show-prefix"], purpose);
  } catch (err) {
    if (err instanceof GitError && err.message === notRepositoryMessage(dir, purpose)) rememberOutside(dir);
    throw err;
  }
  const [top = "", prefix = ""] = r.toString("utf8").split("\n");
  if (!top) throw new GitError(`${dir} is not inside a git repository's work tree; ${purpose} needs one`);
  return { top: path.resolve(top), prefix: prefix.replace(/\/+$/, ""), dir };
}

/** Whether `dir` is inside a git repository (false too when git is not installed). */
export function isInRepository(dir: string): boolean {
  try {
    return runGitQuiet(dir, ["rev-parse", "--is-inside-work-tree"]) === "true";
  } catch {
    return false;
  }
}

/** The full id of the commit `rev` names (a branch, tag, commit id, HEAD~2, ...). */
export function resolveCommit(repo: Repository, rev: string): string {
  if (rev.trim() === "") throw new GitError("an empty revision was given; name a branch, tag or commit");
  // Named first, then peeled to its commit (a tag names a tag object): a suffix added to the
  // name itself would become part of a search such as `:/init` (the last commit saying "init").
  const named = verifiedObject(repo, rev);
  const id = named === null ? null : verifiedObject(repo, `${named}^{commit}`);
  if (id === null) {
    throw new GitError(
      `unknown revision "${rev}": the repository at ${repo.top} has no branch, ` +
        "tag or commit of that name (see git log --oneline, git tag)",
    );
  }
  return id;
}

/** The object id `rev` names, or null. */
function verifiedObject(repo: Repository, rev: string): string | null {
  const r = runGit(repo.dir, ["rev-parse", "--verify", "--quiet", "--end-of-options", rev]);
  const id = r.stdout.toString("utf8").trim();
  return r.status === 0 && /^[0-9a-f]{40,64}$/.test(id) ? id : null;
}

/** Whether the repository is a shallow clone, whose history stops early. */
export function isShallow(repo: Repository): boolean {
  return runGitQuiet(repo.dir, ["rev-parse", "--is-shallow-repository"]) === "true";
}

/** The commit HEAD names, or null in a repository without commits. */
export function headCommit(repo: Repository): string | null {
  const r = runGit(repo.dir, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]);
  const id = r.stdout.toString("utf8").trim();
  return r.status === 0 && id ? id : null;
}

/** A path relative to the repository's top for a path relative to the submission's root. */
export function topPath(repo: Repository, file: string): string {
  return repo.prefix ? `${repo.prefix}/${file}` : file;
}

/** The submission-relative path for a path relative to the repository's top, or null outside it. */
export function rootPath(repo: Repository, file: string): string | null {
  if (!repo.prefix) return file;
  return file.startsWith(`${repo.prefix}/`) ? file.slice(repo.prefix.length + 1) : null;
}

/**
 * Folders git said are in no repository, per environment git runs in (`cse preview` asks on every
 * rebuild, two runs of git each time). Such a folder is taken as still outside without asking
 * git again while no `.git` has appeared in it or above it, and neither GIT_DIR nor GIT_WORK_TREE
 * is set: git finds a repository by exactly that `.git`, so it would say the same.
 */
const outsideGit = new WeakMap<object, Set<string>>();

function rememberOutside(dir: string): void {
  const env = gitEnvironment();
  if (env.GIT_DIR !== undefined || env.GIT_WORK_TREE !== undefined) return;
  const known = outsideGit.get(env) ?? new Set<string>();
  outsideGit.set(env, known.add(path.resolve(dir)));
}

function knownOutside(dir: string): boolean {
  const env = gitEnvironment();
  const abs = path.resolve(dir);
  const known = outsideGit.get(env);
  if (!known?.has(abs) || env.GIT_DIR !== undefined || env.GIT_WORK_TREE !== undefined) return false;
  for (let at = abs; ; at = path.dirname(at)) {
    if (fs.existsSync(path.join(at, ".git"))) {
      known.delete(abs);
      return false;
    }
    if (path.dirname(at) === at) return true;
  }
}

function notRepositoryMessage(dir: string, purpose: string): string {
  const fix = purpose.startsWith("--")
    ? `leave out ${purpose}, or run git init and commit first`
    : "run git init and commit first";
  return `${dir} is not inside a git repository; ${purpose} needs one (${fix})`;
}

function runGitFor(dir: string, args: string[], purpose: string): Buffer {
  try {
    return git(dir, args, (stderr) =>
      /not a git repository/i.test(stderr)
        ? notRepositoryMessage(dir, purpose)
        : describeFailure(args, stderr),
    );
  } catch (err) {
    if (err instanceof GitError && err.message === GIT_MISSING)
      throw new GitError(`${GIT_MISSING}; ${purpose} needs it`);
    throw err;
  }
}

function runGitQuiet(dir: string, args: string[]): string {
  const r = runGit(dir, args);
  return r.status === 0 ? r.stdout.toString("utf8").trim() : "";
}
