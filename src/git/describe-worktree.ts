import { WorkTree, type SourceTree } from "../load/source-tree.js";
import type { Submission } from "../model/types.js";
import { GitError } from "./git-command.js";
import { GitTree } from "./git-tree.js";
import { readWorkTreeGit, touchesAny, type WorkTreeGit } from "./work-tree-git.js";

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
export function describeWorktree(
  tree: SourceTree,
  paths: readonly string[] = ["."],
  /** The work tree's git state when the caller has read it already (a build reads it once). */
  known?: WorkTreeGit | GitError,
): SourceState | null {
  if (tree instanceof GitTree) return { commit: tree.commit, dirty: false };
  if (!(tree instanceof WorkTree)) return null;
  const git = known ?? readWorkTreeGit(tree);
  if (git instanceof GitError) return null;
  if (!git.status.ok) throw new GitError(git.status.message);
  return { commit: git.head, dirty: touchesAny(git.status.changes, paths) };
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
