/** One problem found in a sheet, at its cell. */
export interface ImportProblem {
  /** The sheet's name as the file has it. */
  sheet: string;
  /** The cell, e.g. C14. */
  cell: string;
  /** The sheet's own row number, the header being row 1. */
  row: number;
  /** A stable code, e.g. unknown-element. */
  code: string;
  /** What is wrong and how to mend it, in plain words. */
  message: string;
}

/** What `cse import` did or would do (FORMAT.md's JSON report). */
export interface ImportReport {
  /** Ids of items written as new files. */
  created: string[];
  /** Ids of items (and element ids of self-assessments) whose files changed. */
  updated: string[];
  /** Ids in the sheet whose files already say what the sheet says. */
  unchanged: string[];
  /** Ids of items of the imported kinds that the sheet does not mention (nothing is deleted). */
  notInSheet: string[];
  /** Columns cse did not recognise, as `Sheet: Header`. */
  ignoredColumns: string[];
  /** Sheets other than the four, by name. */
  ignoredSheets: string[];
  /** Every problem; when there is any, nothing was written. */
  problems: ImportProblem[];
  /** Whether this was a dry run (nothing written either way). */
  dryRun: boolean;
  /** Root-relative paths of the files written (or that would be). */
  files: string[];
  /** Things worth knowing that are not problems. */
  notices: string[];
}

/** A new, empty report. */
export function emptyReport(dryRun: boolean): ImportReport {
  return {
    created: [],
    updated: [],
    unchanged: [],
    notInSheet: [],
    ignoredColumns: [],
    ignoredSheets: [],
    problems: [],
    dryRun,
    files: [],
    notices: [],
  };
}
