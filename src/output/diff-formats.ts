import type { SubmissionDiff } from "../analyse/submission-diff.js";

/** A diff reporter: a pure function from the diff to text. */
export type DiffReporter = (diff: SubmissionDiff, options: { color: boolean }) => string;

/** The diff reporters by `--format` name, loaded on demand. */
export const DIFF_FORMATS: Record<string, () => Promise<DiffReporter>> = {
  table: async () => (await import("./diff-table.js")).formatDiffTable,
  markdown: async () => (await import("./diff-markdown.js")).formatDiffMarkdown,
  json: async () => (await import("./diff-json.js")).formatDiffJson,
};
