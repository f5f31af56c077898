import type { ImportProblem, ImportReport } from "../sheets/import-report.js";
import { plural } from "../util/plural.js";

/** Problems shown before the rest are counted: a sheet wrong on every row would fill the screen. */
const SHOWN_PROBLEMS = 100;

/** Ids shown in one line before the rest are counted. */
const SHOWN_IDS = 12;

/** The import report for people: problems at their cells, or what changed and what did not. */
export function formatImportText(report: ImportReport, source: string): string {
  const lines = report.notices.map((n) => `Note: ${n}`);
  if (report.problems.length > 0) {
    lines.push(...report.problems.slice(0, SHOWN_PROBLEMS).map(problemLine));
    if (report.problems.length > SHOWN_PROBLEMS)
      lines.push(`… and ${report.problems.length - SHOWN_PROBLEMS} more (--format json lists them all)`);
    lines.push("");
    lines.push(refused(report.problems.length, source));
    return lines.join("\n") + "\n";
  }
  lines.push(
    idLine("New", report.created),
    idLine("Updated", report.updated),
    `Unchanged: ${report.unchanged.length}`,
    ...(report.notInSheet.length ? [idLine("Not in the sheet (left as they are)", report.notInSheet)] : []),
    ...(report.ignoredColumns.length ? [`Columns not read: ${report.ignoredColumns.join(", ")}`] : []),
    ...(report.ignoredSheets.length ? [`Sheets not read: ${report.ignoredSheets.join(", ")}`] : []),
    "",
    outcomeLine(report),
  );
  return lines.join("\n") + "\n";
}

/** `Evidence!C14: message (code)`, as spreadsheet programs name a cell. */
function problemLine(p: ImportProblem): string {
  const place = p.sheet ? `${quoteSheet(p.sheet)}!${p.cell}` : "";
  return `${place}${place ? ": " : ""}${p.message} (${p.code})`;
}

/** A sheet name with spaces is quoted, as in a formula: 'Case studies'!C4. */
function quoteSheet(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function idLine(label: string, ids: string[]): string {
  if (ids.length === 0) return `${label}: none`;
  const shown = ids.slice(0, SHOWN_IDS).join(", ");
  const more = ids.length > SHOWN_IDS ? ` and ${ids.length - SHOWN_IDS} more` : "";
  return `${label}: ${ids.length} (${shown}${more})`;
}

function refused(count: number, source: string): string {
  const mend = count === 1 ? "Mend it" : "Mend them";
  return `${plural(count, "problem")} in ${source}; nothing was written. ${mend} and import again.`;
}

function shownFiles(files: string[]): string {
  const more = files.length > SHOWN_IDS ? ` and ${files.length - SHOWN_IDS} more` : "";
  return files.slice(0, SHOWN_IDS).join(", ") + more;
}

function outcomeLine(report: ImportReport): string {
  const n = report.files.length;
  if (n === 0) return "Nothing to change: the files already say what the sheet says.";
  if (report.dryRun)
    return `Dry run: nothing written; ${plural(n, "file")} would change: ${shownFiles(report.files)}`;
  const drafts = report.created.length ? " New items are drafts: check them, then mark them ready." : "";
  return `Written: ${plural(n, "file")}.${drafts} Run cse validate to check the submission.`;
}

/** The JSON report's fields, in FORMAT.md's order: what a script reading it relies on. */
const JSON_FIELDS = [
  "created",
  "updated",
  "unchanged",
  "notInSheet",
  "ignoredColumns",
  "ignoredSheets",
  "problems",
  "dryRun",
  "files",
  "notices",
] as const satisfies readonly (keyof ImportReport)[];

/** FORMAT.md's JSON report. */
export function formatImportJson(report: ImportReport): string {
  const fields = Object.fromEntries(JSON_FIELDS.map((field) => [field, report[field]]));
  return JSON.stringify(fields, null, 2) + "\n";
}
