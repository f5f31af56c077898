import { analyseCoverage } from "../analyse/analyse-coverage.js";
import { diffSubmissions, type DiffInput } from "../analyse/diff-submissions.js";
import type { DiffSideLabel, SubmissionDiff } from "../analyse/submission-diff.js";
import type { SourceTree } from "../load/source-tree.js";
import { readSubmission } from "../model/read-submission.js";
import type { Submission } from "../model/types.js";
import { contentIds } from "../git/content-ids.js";
import { describeWorktree, submissionPaths } from "../git/describe-worktree.js";
import { GitTree } from "../git/git-tree.js";

/** One state of a submission to compare: its files, and how the user named it. */
export interface DiffState {
  tree: SourceTree;
  /** The revision as written, or "work tree". */
  label: string;
  /** The submission read from `tree` (read here when not given). */
  submission?: Submission;
}

/** A comparison, and how many validation errors each side had (the diff uses what could be read). */
export interface Comparison {
  diff: SubmissionDiff;
  errors: { from: number; to: number };
}

/**
 * Compares two states of a submission, both judged as of `asOf` so that only edits to the
 * files show, not the passing of time. Used by `cse diff` and by `cse build --since`, which
 * passes the submission it has already read as `to`.
 */
export function compareStates(from: DiffState, to: DiffState, asOf: string): Comparison {
  const a = read(from, asOf);
  const b = read(to, asOf);
  // Attachment bytes matter only for items on both sides; hash just those.
  const itemsOf = (s: Submission) => [...s.evidence, ...s.caseStudies];
  const idsB = new Set(itemsOf(b.submission).map((i) => i.id));
  const both = new Set(
    itemsOf(a.submission)
      .map((i) => i.id)
      .filter((id) => idsB.has(id)),
  );
  const shared = (s: Submission) => itemsOf(s).filter((i) => both.has(i.id));
  const attachments = (s: Submission) =>
    shared(s).flatMap((i) => i.files.flatMap((f) => (f.resolved === null ? [] : [f.resolved])));
  const inputA: DiffInput = {
    side: labelOf(from, a.submission),
    submission: a.submission,
    coverage: analyseCoverage(a.submission, { asOf }),
    contents: contentIds(from.tree, attachments(a.submission)),
  };
  const inputB: DiffInput = {
    side: labelOf(to, b.submission),
    submission: b.submission,
    coverage: analyseCoverage(b.submission, { asOf }),
    contents: contentIds(to.tree, attachments(b.submission)),
  };
  return { diff: diffSubmissions(inputA, inputB), errors: { from: a.errors, to: b.errors } };
}

function read(state: DiffState, asOf: string): { submission: Submission; errors: number } {
  if (state.submission) return { submission: state.submission, errors: 0 };
  const checked = readSubmission(state.tree, { asOf });
  return { submission: checked.submission, errors: checked.errorCount };
}

function labelOf(state: DiffState, s: Submission): DiffSideLabel {
  if (state.tree instanceof GitTree)
    return { label: state.label, commit: state.tree.commit, workTree: false, dirty: false };
  const described = describeWorktree(state.tree, submissionPaths(s));
  return {
    label: state.label,
    commit: described?.commit ?? null,
    workTree: true,
    dirty: described?.dirty ?? false,
  };
}
