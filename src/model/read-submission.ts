import { sortDiagnostics, type Diagnostic } from "../diagnostic.js";
import { loadSubmission } from "../load/load-submission.js";
import type { SourceTree } from "../load/source-tree.js";
import { buildModel } from "./build-model.js";
import { CHECKS, runChecks } from "./checks/index.js";
import type { Submission } from "./types.js";
import { checkSchemas } from "../schema/check-schemas.js";

/** A submission read and checked: the model, and every diagnostic in FORMAT.md's order. */
export interface CheckedSubmission {
  submission: Submission;
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** How many YAML files were read. */
  fileCount: number;
}

/** load → schema → model → checks: everything `cse validate` reports, and the model for later stages. */
export function readSubmission(tree: SourceTree, options: { asOf: string }): CheckedSubmission {
  const loaded = loadSubmission(tree);
  const submission = buildModel(tree, loaded.files);
  const diagnostics = sortDiagnostics([
    ...loaded.diagnostics,
    ...checkSchemas(loaded.files),
    ...runChecks(submission, options.asOf, CHECKS),
  ]);
  const errorCount = diagnostics.filter((d) => d.severity === "error").length;
  return {
    submission,
    diagnostics,
    errorCount,
    warningCount: diagnostics.length - errorCount,
    fileCount: loaded.files.length,
  };
}
