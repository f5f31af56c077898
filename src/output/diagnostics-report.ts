import type { Diagnostic } from "../diagnostic.js";

/** What `cse validate` found, for any reporter. */
export interface DiagnosticsReport {
  /** Absolute path of the submission's root. */
  root: string;
  /** Every diagnostic, sorted by file, line, column, code. */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /**
   * (github format) The submission's folder from the top of its git work tree ("services/cse"),
   * so annotations name files as GitHub does; absent or "" when the submission is the top or
   * not in a work tree.
   */
  workTreePrefix?: string;
  /** What was checked, for the all-clear line. */
  counted: { files: number; elements: number; evidence: number; caseStudies: number };
}

/** A reporter: a pure function from the report to text. */
export type DiagnosticsReporter = (report: DiagnosticsReport, options: { color: boolean }) => string;
