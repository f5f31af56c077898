import type { Diagnostic } from "../diagnostic.js";
import { commentInTextDiagnostics } from "../load/comment-in-text.js";
import type { LoadedFile } from "../load/load-submission.js";
import { findSchemaLine, schemaLineDiagnostic } from "../load/schema-line.js";
import type { PathStatus, SourceTree } from "../load/source-tree.js";
import { numericKeyDiagnostics } from "./numeric-keys.js";
import { schemaDiagnostics } from "./schema-diagnostics.js";
import { SCHEMA_FILES } from "./schemas.js";
import { getValidators } from "./validators.js";

/**
 * What one parsed file says about itself, whatever the rest of the submission holds: its JSON
 * Schema, keys YAML read as numbers, text cut short by ` #`. Depends on the file's bytes and kind
 * alone, so `--cache` keeps it. A file that did not parse gives nothing here.
 */
export function fileDiagnostics({ kind, yaml }: LoadedFile): Diagnostic[] {
  if (!yaml.ok) return [];
  const out = [...commentInTextDiagnostics(yaml), ...numericKeyDiagnostics(kind, yaml)];
  const check = getValidators()[kind];
  if (!check(yaml.data)) out.push(...schemaDiagnostics(yaml, check.errors ?? []));
  return out;
}

/** Checks every parsed file against the JSON Schema of its kind; files that did not parse are skipped. */
export function checkSchemas(files: LoadedFile[]): Diagnostic[] {
  return files.flatMap(fileDiagnostics);
}

/** `schema-line`: each file's `$schema=` line against the schemas folder (depends on the tree, so never cached). */
export function checkSchemaLines(files: LoadedFile[], tree: SourceTree): Diagnostic[] {
  // Thousands of files name the same few schema files: look each path up once.
  const seen = new Map<string, PathStatus>();
  const stat = (file: string): PathStatus => {
    const known = seen.get(file) ?? tree.stat(file);
    seen.set(file, known);
    return known;
  };
  return files.flatMap(
    ({ kind, yaml, schemaLine }) =>
      schemaLineDiagnostic(
        yaml,
        schemaLine !== undefined ? schemaLine : findSchemaLine(yaml),
        SCHEMA_FILES[kind],
        { stat },
      ) ?? [],
  );
}
