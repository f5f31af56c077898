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
  // And the same line in files of one folder and kind gets the same answer: work it out once.
  const answers = new Map<string, Diagnostic | null>();
  return files.flatMap(({ kind, yaml, schemaLine }) => {
    const found = schemaLine !== undefined ? schemaLine : findSchemaLine(yaml);
    if (found === null) return [];
    const schemaFile = SCHEMA_FILES[kind];
    const key = `${yaml.file.slice(0, Math.max(0, yaml.file.lastIndexOf("/")))}\0${found.declared}\0${schemaFile}`;
    const known = answers.get(key);
    if (known === null) return [];
    if (known !== undefined) return [{ ...known, file: yaml.file, line: found.line, column: found.column }];
    const d = schemaLineDiagnostic(yaml, found, schemaFile, { stat });
    answers.set(key, d);
    return d === null ? [] : [d];
  });
}
