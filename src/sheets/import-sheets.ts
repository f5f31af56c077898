import path from "node:path";
import { compareIds } from "../model/natural-order.js";
import { readSubmission } from "../model/read-submission.js";
import type { Submission } from "../model/types.js";
import { editYamlText } from "../scaffold/yaml-edit.js";
import { CellReader } from "./cell-values.js";
import { gatherItems, type SheetItem } from "./gather-items.js";
import type { ImportContext } from "./import-plan.js";
import { emptyReport, type ImportReport } from "./import-report.js";
import { planActions, planSelfAssessment } from "./plan-assessment.js";
import { planItems } from "./plan-items.js";
import { OverlayTree } from "./overlay-tree.js";
import type { RawBook, RawSheet } from "./raw-sheet.js";
import { SheetRefusedError } from "./raw-sheet.js";
import { sheetNamed, SHEET_NAMES, type SheetName } from "./sheet-layout.js";
import { readSheetRows, type ReadSheet } from "./sheet-rows.js";

/** How to import. */
export interface ImportOptions {
  /** --sheet: what a CSV file or a one-sheet workbook is (default Evidence), or the one sheet to read. */
  sheet?: SheetName;
  dryRun: boolean;
  /** The day new items without a date get. */
  today: string;
  /** The file's name, for comments in new files. */
  sourceName: string;
}

/** The report, and the files to write (root-relative path → text); none when there is any problem. */
export interface ImportResult {
  report: ImportReport;
  writes: Map<string, string>;
}

/**
 * Plans an import of a read spreadsheet into the submission: every row checked, every change
 * planned, and the submission as it would be checked again, so that nothing is written unless
 * all of it is right. Pure apart from reading the submission's files.
 */
export function importSheets(book: RawBook, s: Submission, options: ImportOptions): ImportResult {
  const report = emptyReport(options.dryRun);
  report.notices.push(...book.notices);
  const reader = new CellReader(s, report.problems);
  const ctx: ImportContext = {
    submission: s,
    reader,
    report,
    files: new Map(),
    today: options.today,
    sourceName: options.sourceName,
    origins: new Map(),
  };
  const sheets = pickSheets(book, options.sheet, report)
    .map(({ name, raw }) => readSheetRows(name, raw, report.problems, report.ignoredColumns))
    .filter((x): x is ReadSheet => x !== null);
  const items: SheetItem[] = sheets
    .filter((x) => x.sheet === "Evidence" || x.sheet === "Case studies")
    .flatMap((x) => gatherItems(x, reader));
  planItems(items, ctx);
  for (const x of sheets) if (x.sheet === "Self-assessment") planSelfAssessment(x, ctx);
  for (const x of sheets) if (x.sheet === "Actions") planActions(x, ctx);
  report.notInSheet = notInSheet(s, sheets, items);
  const writes = applyPlans(ctx);
  if (report.problems.length === 0) checkResult(s, writes, items, ctx);
  if (report.problems.length > 0) {
    sortProblems(report, sheets);
    report.created = [];
    report.updated = [];
    return { report, writes: new Map() };
  }
  report.files = [...writes.keys()].sort();
  return { report, writes };
}

/** The sheets to read, by FORMAT.md's rules; sheets other than the four are listed as ignored. */
function pickSheets(
  book: RawBook,
  wanted: SheetName | undefined,
  report: ImportReport,
): { name: SheetName; raw: RawSheet }[] {
  if (book.csv) return [{ name: wanted ?? "Evidence", raw: book.sheets[0]! }];
  const named = book.sheets.map((raw) => ({ raw, name: sheetNamed(raw.name) }));
  if (book.sheets.length === 1 && (wanted !== undefined || named[0]!.name === undefined))
    return [{ name: wanted ?? "Evidence", raw: book.sheets[0]! }];
  const picked: { name: SheetName; raw: RawSheet }[] = [];
  for (const { raw, name } of named) {
    if (name !== undefined && (wanted === undefined || name === wanted)) picked.push({ name, raw });
    else report.ignoredSheets.push(raw.name);
  }
  if (picked.length === 0)
    throw new SheetRefusedError(
      wanted
        ? `it has no sheet named ${wanted}; its sheets are ${book.sheets.map((x) => x.name).join(", ")}`
        : `none of its sheets is named ${SHEET_NAMES.join(", ")}; rename the sheet to import, or name it with --sheet`,
    );
  return picked;
}

/** Items of the kinds the sheets hold that the sheets do not mention. */
function notInSheet(s: Submission, sheets: ReadSheet[], items: SheetItem[]): string[] {
  const ids = new Set(items.map((i) => i.id));
  const kinds = new Set(sheets.map((x) => x.sheet));
  return [...(kinds.has("Evidence") ? s.evidence : []), ...(kinds.has("Case studies") ? s.caseStudies : [])]
    .map((i) => i.id)
    .filter((id) => !ids.has(id))
    .sort(compareIds);
}

/** Each planned file's new text; files whose text would not change are left out. */
function applyPlans(ctx: ImportContext): Map<string, string> {
  const writes = new Map<string, string>();
  for (const [file, plan] of ctx.files) {
    const base = plan.text ?? plan.original ?? "";
    // Edits are made with LF; a file written with CRLF keeps them.
    const crlf = base.includes("\r\n");
    const lf = crlf ? base.replace(/\r\n/g, "\n") : base;
    let text = editYamlText(lf, plan.edits);
    if (crlf) text = text.replace(/\n/g, "\r\n");
    if (text !== plan.original) writes.set(file, text);
  }
  return writes;
}

/**
 * Checks the submission as it would be after the import: an error in a written file that was
 * not there before is a problem, put at the row the file came from.
 */
function checkResult(
  s: Submission,
  writes: Map<string, string>,
  items: SheetItem[],
  ctx: ImportContext,
): void {
  if (writes.size === 0) return;
  const before = new Set(
    readSubmission(s.tree, { asOf: ctx.today })
      .diagnostics.filter((d) => d.severity === "error")
      .map((d) => `${d.file}\u0000${d.code}\u0000${d.message}`),
  );
  const after = readSubmission(new OverlayTree(s.tree, writes), { asOf: ctx.today });
  for (const d of after.diagnostics) {
    if (
      d.severity !== "error" ||
      !writes.has(d.file) ||
      before.has(`${d.file}\u0000${d.code}\u0000${d.message}`)
    )
      continue;
    const item = items.find((i) => fileOf(i, s, ctx) === d.file);
    const at = item
      ? { sheet: item.sheet.source, cell: [...item.first.cells.values()][0]!.ref, row: item.first.row }
      : (ctx.origins.get(d.file) ?? { sheet: "", cell: "", row: 0 });
    ctx.report.problems.push({
      ...at,
      code: d.code,
      message: `${d.file} would not be valid (line ${d.line}): ${d.message}`,
    });
  }
}

function fileOf(item: SheetItem, s: Submission, ctx: ImportContext): string | undefined {
  const existing = [...s.evidence, ...s.caseStudies].find((i) => i.id === item.id);
  if (existing) return existing.src.file;
  return [...ctx.files.keys()].find(
    (f) => path.posix.basename(f).startsWith(`${item.id}-`) || path.posix.basename(f) === `${item.id}.yaml`,
  );
}

/** Problems in sheet order, then by row, then by column (B before AA). */
function sortProblems(report: ImportReport, sheets: ReadSheet[]): void {
  const order = (name: string) => sheets.findIndex((x) => x.source === name);
  const column = (cell: string) =>
    [.../^[A-Z]*/.exec(cell)![0]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  report.problems.sort(
    (a, b) => order(a.sheet) - order(b.sheet) || a.row - b.row || column(a.cell) - column(b.cell),
  );
}
