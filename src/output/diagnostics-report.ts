import type { Diagnostic } from "../diagnostic.js";

/** What `cse validate` found, for any reporter. */
export interface DiagnosticsReport {
  /** Absolute path of the submission's root. */
  root: string;
  /** Every diagnostic, sorted by file, line, column, code. */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** What was checked, for the all-clear line. */
  counted: { files: number; elements: number; evidence: number; caseStudies: number };
}

/** A reporter: a pure function from the report to text. */
export type DiagnosticsReporter = (report: DiagnosticsReport, options: { color: boolean }) => string;
