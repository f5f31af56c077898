import type { SelfAssessment, Submission } from "../model/types.js";
import type { YamlEdit, YamlValue } from "../scaffold/yaml-edit.js";
import { placeOf } from "./cell-values.js";
import { rawField } from "./export-tables.js";
import { noteOrigin, planFor, recordOutcome, type FilePlan, type ImportContext } from "./import-plan.js";
import type { ReadSheet, SheetCell, SheetRow } from "./sheet-rows.js";

/** Where self-assessments of elements nobody has assessed yet go, when no file holds their neighbours. */
export const NEW_ASSESSMENT_FILE = "assessment/imported.yaml";

/** Plans the Self-assessment sheet: owners, ratings and statements, one row per element. */
export function planSelfAssessment(sheet: ReadSheet, ctx: ImportContext): void {
  const seen = new Map<string, number>();
  for (const row of sheet.rows) {
    const element = elementOf(sheet, row, ctx);
    if (element === undefined) continue;
    if (seen.has(element)) {
      ctx.reader.report(
        sheet,
        row.cells.get("Element")!,
        "conflicting-value",
        `element ${element} is already on row ${seen.get(element)}; give each element one row`,
      );
      continue;
    }
    seen.set(element, row.row);
    const given: [string, string | undefined][] = [
      ["owner", ctx.reader.person(sheet, row.cells.get("Owner"))],
      ["rating", ctx.reader.rating(sheet, row.cells.get("Rating"))],
      ["statement", ctx.reader.text(sheet, row.cells.get("Statement"))],
    ];
    const existing = ctx.submission.selfAssessments.get(element);
    const edits: YamlEdit[] = [];
    const at = existing ? existing.path.map(String) : ["elements", element];
    for (const [key, value] of given) {
      if (value === undefined) continue;
      const now = existing ? rawField(existing, key) : undefined;
      if (typeof now === "string" && now.trimEnd() === value) continue;
      edits.push({ path: at, key, value: value.includes("\n") ? `${value}\n` : value });
    }
    if (edits.length > 0) {
      planOf(ctx, existing, element).edits.push(...edits);
      noteRow(ctx, sheet, row, existing?.src.file ?? homeOf(ctx.submission, element));
    }
    recordOutcome(ctx, element, edits.length > 0);
  }
}

/** Plans the Actions sheet: an action is matched by its element and title; a new one is added. */
export function planActions(sheet: ReadSheet, ctx: ImportContext): void {
  const seen = new Set<string>();
  for (const row of sheet.rows) {
    const element = elementOf(sheet, row, ctx);
    const title = ctx.reader.text(sheet, row.cells.get("Title"));
    if (element === undefined) continue;
    if (title === undefined) {
      ctx.reader.report(
        sheet,
        placeOf(sheet, row, "Title"),
        "missing-value",
        `this action of ${element} has no title`,
      );
      continue;
    }
    const key = `${element}\u0000${title.toLowerCase()}`;
    if (seen.has(key)) {
      ctx.reader.report(
        sheet,
        row.cells.get("Title")!,
        "conflicting-value",
        `${element} has this action twice in the sheet; give it one row`,
      );
      continue;
    }
    seen.add(key);
    const fields = actionFields(sheet, row, ctx);
    if (!fields) continue;
    const existing = ctx.submission.selfAssessments.get(element);
    const actions = existing?.actions ?? [];
    const index = actions.findIndex((a) => a.title.trim().toLowerCase() === title.toLowerCase());
    const label = `${element}: ${title}`;
    if (index < 0) {
      const entry = existing ? existing.path.map(String) : ["elements", element];
      noteRow(ctx, sheet, row, existing?.src.file ?? homeOf(ctx.submission, element));
      planOf(ctx, existing, element).edits.push({
        path: entry,
        key: "actions",
        value: { title, ...fields },
        append: true,
      });
      ctx.report.created.push(label);
      continue;
    }
    const action = actions[index]!;
    const edits: YamlEdit[] = [];
    for (const [key, value] of Object.entries(fields)) {
      const now = rawField(action, key);
      if (now === value || (typeof now === "string" && now.trimEnd() === value)) continue;
      edits.push({ path: action.path.map(String), key, value });
    }
    if (edits.length > 0) {
      planFor(ctx, action.src.file).edits.push(...edits);
      noteRow(ctx, sheet, row, action.src.file);
    }
    recordOutcome(ctx, label, edits.length > 0);
  }
}

function actionFields(sheet: ReadSheet, row: SheetRow, ctx: ImportContext): Record<string, YamlValue> | null {
  const r = ctx.reader;
  const before = ctx.reader.problems.length;
  const fields: Record<string, YamlValue | undefined> = {
    owner: r.person(sheet, row.cells.get("Owner")),
    due: r.date(sheet, row.cells.get("Due")),
    done: r.bool(sheet, row.cells.get("Done")),
    done_on: r.date(sheet, row.cells.get("Done on")),
  };
  if (fields.done_on !== undefined && fields.done !== true)
    r.report(
      sheet,
      row.cells.get("Done on")!,
      "bad-value",
      "an action has a Done on date only when Done is yes",
    );
  if (ctx.reader.problems.length > before) return null;
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Record<
    string,
    YamlValue
  >;
}

/** The element a row is about: a number a spreadsheet made of it (1.1) is read as shown. */
function elementOf(sheet: ReadSheet, row: SheetRow, ctx: ImportContext): string | undefined {
  const cell: SheetCell | undefined = row.cells.get("Element");
  if (!cell) {
    ctx.reader.report(
      sheet,
      placeOf(sheet, row, "Element"),
      "missing-value",
      "this row names no element; write its id, e.g. 1.1.1",
    );
    return undefined;
  }
  const ids = ctx.reader.elements(sheet, cell);
  if (ids.length > 1) {
    ctx.reader.report(sheet, cell, "bad-value", "write one element on each row of this sheet");
    return undefined;
  }
  return ids[0];
}

/** The file an element's self-assessment is in, or goes to: beside its sub-criterion's or criterion's. */
function planOf(ctx: ImportContext, existing: SelfAssessment | undefined, element: string): FilePlan {
  if (existing) return planFor(ctx, existing.src.file);
  const file = homeOf(ctx.submission, element);
  if (file !== NEW_ASSESSMENT_FILE || ctx.submission.tree.stat(file).kind === "file")
    return planFor(ctx, file);
  let plan = ctx.files.get(file);
  if (!plan) {
    const text =
      "# Self-assessments imported by cse import for elements no other file assessed.\nelements:\n";
    plan = { original: null, edits: [], text };
    ctx.files.set(file, plan);
  }
  return plan;
}

function homeOf(s: Submission, element: string): string {
  const el = s.elementById.get(element)!;
  const entries = s.selfAssessmentEntries.filter((a) => !a.src.file.startsWith("assessment/findings/"));
  const near =
    entries.find((a) => s.elementById.get(a.element)?.subcriterionId === el.subcriterionId) ??
    entries.find((a) => s.elementById.get(a.element)?.criterionId === el.criterionId);
  return near?.src.file ?? NEW_ASSESSMENT_FILE;
}

/** Remembers the row that changed a file. */
function noteRow(ctx: ImportContext, sheet: ReadSheet, row: SheetRow, file: string): void {
  const cell = [...row.cells.values()][0]?.ref ?? `A${row.row}`;
  noteOrigin(ctx, file, sheet.source, cell, row.row);
}
