import { expect } from "vitest";
import { hashAttachments } from "../../src/cli/actions/build-inputs.js";
import { WorkTree } from "../../src/load/source-tree.js";
import { readSubmission } from "../../src/model/read-submission.js";
import { buildDocument } from "../../src/pack/build-document.js";
import type { PackDocument } from "../../src/pack/document-model.js";
import { testdir } from "./testdir.js";

/** How a test's pack is built: as `cse build --as-of DATE` on DATE would build it. */
export interface PackOptions {
  /** The build date and the as-of date (default 2015-02-01, after every date of the fixtures). */
  date?: string;
  includeDrafts?: boolean;
  /** The introduction (docs/introduction.md); none by default. */
  introduction?: string | null;
  /** Hash the attachments as the build does (only then can the PDF embed them). */
  attachments?: boolean;
}

/**
 * The pack's document model of a submission written from `files` into a new test folder, built
 * in-process (no CLI run); the submission must have no errors. Returns the folder and its tree
 * too, for tests that go on to render or write.
 */
export function packOf(
  files: Record<string, string | Uint8Array>,
  options: PackOptions = {},
): { doc: PackDocument; root: string; tree: WorkTree } {
  const date = options.date ?? "2015-02-01";
  const root = testdir(files);
  const tree = new WorkTree(root);
  const checked = readSubmission(tree, { asOf: date });
  expect(checked.errorCount, JSON.stringify(checked.diagnostics)).toBe(0);
  const doc = buildDocument(checked.submission, {
    introduction: options.introduction ?? null,
    attachments: options.attachments ? hashAttachments(tree, checked.submission, false) : new Map(),
    build: {
      date,
      commit: null,
      uncommitted: false,
      includeDrafts: options.includeDrafts ?? false,
      asOf: date,
      generator: "cse test",
    },
  });
  return { doc, root, tree };
}
