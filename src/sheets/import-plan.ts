import type { Submission } from "../model/types.js";
import type { YamlEdit } from "../scaffold/yaml-edit.js";
import type { CellReader } from "./cell-values.js";
import type { ImportReport } from "./import-report.js";

/** What an import will write to one file: edits to its text, or the whole text of a new file. */
export interface FilePlan {
  /** The file's text now, or null for a new file. */
  original: string | null;
  /** Edits to the original, in order. */
  edits: YamlEdit[];
  /** A new file's whole text. */
  text?: string;
}

/** Everything an import is working with, shared by the sheets' planners. */
export interface ImportContext {
  submission: Submission;
  reader: CellReader;
  report: ImportReport;
  /** Planned writes by root-relative path. */
  files: Map<string, FilePlan>;
  /** The day new items without a date get (today, or SOURCE_DATE_EPOCH's day). */
  today: string;
  /** The imported file's name, for the comment at the top of new files. */
  sourceName: string;
  /** The first sheet cell that changed each file, where a problem found in the file afterwards is shown. */
  origins: Map<string, { sheet: string; cell: string; row: number }>;
}

/** The plan for an existing file, created on first use. */
export function planFor(ctx: ImportContext, file: string): FilePlan {
  let plan = ctx.files.get(file);
  if (!plan) {
    plan = { original: new TextDecoder().decode(ctx.submission.tree.read(file)), edits: [] };
    ctx.files.set(file, plan);
  }
  return plan;
}

/** Records an id as updated or unchanged, once, by whether any edit was planned for it. */
export function recordOutcome(ctx: ImportContext, id: string, changed: boolean): void {
  const { updated, unchanged } = ctx.report;
  if (updated.includes(id) || ctx.report.created.includes(id)) return;
  if (changed) {
    const at = unchanged.indexOf(id);
    if (at >= 0) unchanged.splice(at, 1);
    updated.push(id);
  } else if (!unchanged.includes(id)) unchanged.push(id);
}

/** Remembers the first cell that changed `file`. */
export function noteOrigin(ctx: ImportContext, file: string, sheet: string, cell: string, row: number): void {
  if (!ctx.origins.has(file)) ctx.origins.set(file, { sheet, cell, row });
}
