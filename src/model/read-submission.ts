import { sortDiagnostics, type Diagnostic } from "../diagnostic.js";
import type { FileCache } from "../load/file-cache.js";
import { loadSubmission, textSizeOf } from "../load/load-submission.js";
import type { SourceTree } from "../load/source-tree.js";
import { buildModel } from "./build-model.js";
import { CHECKS, runChecks } from "./checks/index.js";
import { suppressCascades } from "./checks/suppress-cascades.js";
import type { Submission } from "./types.js";
import { checkSchemaLines, fileDiagnostics } from "../schema/check-schemas.js";
import type { LoadedFile } from "../load/load-submission.js";

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
export function readSubmission(
  tree: SourceTree,
  options: { asOf: string; cache?: FileCache },
): CheckedSubmission {
  const loaded = loadSubmission(tree, { cache: options.cache });
  const perFile = loaded.files.flatMap((f) => ownDiagnostics(f, options.cache));
  const submission = buildModel(tree, loaded.files);
  const kept = suppressCascades(
    loaded.files,
    [...loaded.diagnostics, ...perFile, ...checkSchemaLines(loaded.files, tree)],
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

/**
 * A file's own diagnostics: from the cache when its bytes are unchanged, else checked now (and
 * kept, with what parsing it said, for the next run).
 */
function ownDiagnostics(file: LoadedFile, cache: FileCache | undefined): Diagnostic[] {
  if (file.cached) return file.cached;
  const own = fileDiagnostics(file);
  if (cache && file.fresh && file.yaml.ok)
    cache.set(
      file.yaml.file,
      file.fresh.key,
      file.fresh.kindKey,
      {
        data: file.yaml.data,
        diagnostics: [...file.fresh.diagnostics, ...own].map((d) => ({ ...d })),
        schemaLine: file.schemaLine ?? null,
        textSize: textSizeOf(file),
      },
      file.fresh.signature,
    );
  return own;
}
