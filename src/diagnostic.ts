/** How serious a diagnostic is: errors fail `cse validate`, warnings only with `--strict`. */
export type Severity = "error" | "warning";

/** The stable codes of FORMAT.md's diagnostics table. */
export type DiagnosticCode =
  | "yaml-syntax"
  | "duplicate-key"
  | "yaml-limit"
  | "schema"
  | "invalid-date"
  | "duplicate-id"
  | "duplicate-assessment"
  | "unknown-element"
  | "unknown-evidence"
  | "unknown-section"
  | "unknown-person"
  | "unknown-rating"
  | "unknown-customer"
  | "missing-file"
  | "outside-root"
  | "bad-link"
  | "future-date"
  | "over-budget"
  | "placeholder-text"
  | "comment-in-text"
  | "ignored-file"
  | "schema-line";

/** One problem found in a submission, by any stage of the pipeline. */
export interface Diagnostic {
  /** Path of the file relative to the submission's root, with `/` separators. */
  file: string;
  /** 1-based line of the offending YAML node. */
  line: number;
  /** 1-based column of the offending YAML node. */
  column: number;
  /** `error` or `warning`. */
  severity: Severity;
  /** Stable code from FORMAT.md. */
  code: DiagnosticCode;
  /** What is wrong, naming the field, and the fix. */
  message: string;
}

const WARNINGS: ReadonlySet<DiagnosticCode> = new Set([
  "future-date",
  "over-budget",
  "comment-in-text",
  "ignored-file",
  "schema-line",
]);

/** The severity FORMAT.md gives a code. */
export function severityOf(code: DiagnosticCode): Severity {
  return WARNINGS.has(code) ? "warning" : "error";
}

/** Sorts diagnostics by file, line, column, code (FORMAT.md's order). */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.message, b.message),
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
