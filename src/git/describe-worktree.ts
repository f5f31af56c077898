import { WorkTree, type SourceTree } from "../load/source-tree.js";
import type { Submission } from "../model/types.js";
import { GitError, runGit } from "./git-command.js";
import { GitTree } from "./git-tree.js";
import { headCommit, openRepository, type Repository } from "./repository.js";

/** Which commit a pack was built from, for stamping it. */
export interface SourceState {
  /** Full id of the commit (HEAD for the work tree), or null before the first commit. */
  commit: string | null;
  /** True when the files the pack is made from differ from that commit (edited, added, deleted, untracked). */
  dirty: boolean;
}

/**
 * The commit a submission is read from and whether its files have uncommitted changes, or null
 * outside git (a pack can still be built there; it just cannot say which commit it came from).
 *
 * Only `paths` (root-relative; default the whole folder) are looked at, so a build's own output
 * folder or an unrelated file beside the submission does not make it "dirty". Ignored files
 * never count. For a tree read from a revision the answer is that commit, clean by definition.
 */
export function describeWorktree(tree: SourceTree, paths: readonly string[] = ["."]): SourceState | null {
  if (tree instanceof GitTree) return { commit: tree.commit, dirty: false };
  if (!(tree instanceof WorkTree)) return null;
  let repo: Repository;
  try {
    repo = openRepository(tree.root, "stamping the pack");
  } catch (err) {
    if (err instanceof GitError) return null;
    throw err;
  }
  return { commit: headCommit(repo), dirty: hasChanges(repo, paths) };
}

/** Whether any of `paths` has changes git has not committed. */
function hasChanges(repo: Repository, paths: readonly string[]): boolean {
  if (paths.length === 0) return false;
  const args = [
    "--literal-pathspecs",
    "status",
    "--porcelain=v1",
    "-z",
    "--untracked-files=all",
    "--",
    ...paths,
  ];
  const r = runGit(repo.dir, args);
  if (r.status !== 0) throw new GitError(`git status failed: ${r.stderr.split("\n")[0]}`);
  return r.stdout.length > 0;
}

/**
 * The paths a pack is made from: cse.yaml, the standard, evidence, assessment, templates, the
 * introduction and every attachment. Pass them to `describeWorktree` so changes elsewhere in the
 * folder (the build's output, notes, code) do not mark the pack as built from uncommitted work.
 */
export function submissionPaths(s: Submission): string[] {
  const paths = new Set([
    "cse.yaml",
    s.config.standardDir,
    "evidence",
    "assessment",
    "service-standards",
    "templates",
  ]);
  if (s.config.build.introduction) paths.add(s.config.build.introduction.replace(/^\.\//, ""));
  const folders = [...paths].map((p) => `${p}/`);
  // Attachments usually sit below evidence/, already covered; only the others are named one by one.
  for (const item of [...s.evidence, ...s.caseStudies]) {
    for (const f of item.files)
      if (f.resolved !== null && !folders.some((d) => f.resolved!.startsWith(d))) paths.add(f.resolved);
  }
  return [...paths];
}
