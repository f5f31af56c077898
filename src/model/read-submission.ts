import { sortDiagnostics, type Diagnostic } from "../diagnostic.js";
import type { FileCache } from "../load/file-cache.js";
import { loadSubmission } from "../load/load-submission.js";
import type { SourceTree } from "../load/source-tree.js";
import { buildModel } from "./build-model.js";
import { CHECKS, runChecks } from "./checks/index.js";
import { suppressCascades } from "./checks/suppress-cascades.js";
import type { Submission } from "./types.js";

/** A submission read and checked: the model, and every diagnostic in FORMAT.md's order. */
export interface CheckedSubmission {
  submission: Submission;
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** How many YAML files were read. */
  fileCount: number;
}

/** load → validate → model → checks: everything `cse validate` reports, and the model for later stages. */
export function readSubmission(
  tree: SourceTree,
  options: { asOf: string; cache?: FileCache },
): CheckedSubmission {
  const loaded = loadSubmission(tree, { cache: options.cache });
  const submission = buildModel(tree, loaded.files);
  const kept = suppressCascades(
    loaded.files,
    loaded.diagnostics,
    runChecks(submission, options.asOf, CHECKS),
  );
  const diagnostics = sortDiagnostics([...kept.loaded, ...kept.checked]);
  const errorCount = diagnostics.filter((d) => d.severity === "error").length;
  return {
    submission,
    diagnostics,
    errorCount,
    warningCount: diagnostics.length - errorCount,
    fileCount: loaded.files.length,
  };
}
