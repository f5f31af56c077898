import type { SubmissionDiff } from "../../analyse/submission-diff.js";
import { compareStates } from "../compare-states.js";
import { openRepository } from "../../git/repository.js";
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
