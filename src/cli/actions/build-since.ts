import type { SubmissionDiff } from "../../analyse/submission-diff.js";
import { compareStates } from "../compare-states.js";
import { commitOnOrBefore } from "../../git/commit-on-day.js";
import { isInRepository, openRepository } from "../../git/repository.js";
import type { SourceTree } from "../../load/source-tree.js";
import type { Submission } from "../../model/types.js";
import { openTree } from "../common.js";

/**
 * The diff for `cse build --since REV`: from REV to the submission being built (the work tree,
 * or --ref's revision), the same comparison `cse diff REV` makes. Git errors end the build
 * with exit 2 before anything is written.
 */
export function changesSince(
  rev: string,
  tree: SourceTree,
  submission: Submission,
  asOf: string,
): SubmissionDiff {
  openRepository(tree.root, "--since");
  const from = openTree(tree.root, rev);
  return compareStates({ tree: from, label: rev }, { tree, label: "this pack", submission }, asOf).diff;
}

/**
 * (v2) "Changes since the last visit" for a review pack (`--scope visit` without `--since`): from
 * the last commit on or before the latest finding's date to the submission being built. Null
 * outside git, without a finding, or when history holds no commit that old.
 */
export function changesSinceLastVisit(
  tree: SourceTree,
  submission: Submission,
  asOf: string,
): SubmissionDiff | null {
  const finding = submission.findings[submission.findings.length - 1];
  if (!finding || !isInRepository(tree.root)) return null;
  const commit = commitOnOrBefore(openRepository(tree.root, "--scope visit"), finding.date);
  if (commit === null) return null;
  const from = openTree(tree.root, commit);
  const label = `the last visit (${finding.date})`;
  return compareStates({ tree: from, label }, { tree, label: "this pack", submission }, asOf).diff;
}
