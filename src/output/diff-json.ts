import type { DiffReporter } from "./diff-formats.js";

/** The diff as JSON: the SubmissionDiff fields, in their order (documented in docs/git-history.md). */
export const formatDiffJson: DiffReporter = (diff) => JSON.stringify(diff, null, 2) + "\n";
