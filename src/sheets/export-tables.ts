import { analyseCoverage } from "../analyse/analyse-coverage.js";
import { compareIds } from "../model/natural-order.js";
import type { Action, CaseStudy, Citable, EvidenceItem, Origin, Submission } from "../model/types.js";
import { SHEET_COLUMNS, type SheetName } from "./sheet-layout.js";
import type { CellValue, SheetTable } from "./sheet-table.js";

/** Lists inside a cell are joined with this (FORMAT.md). */
export const LIST_SEPARATOR = "; ";

/**
 * The four sheets of FORMAT.md's workbook, drafts included (their Status says so). Items are
 * in id order so a reader can find one; the self-assessment follows the standard's order.
 */
export function exportTables(s: Submission, asOf: string): SheetTable[] {
  const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => compareIds(a.id, b.id));
  const gaps = new Map(analyseCoverage(s, { asOf }).elements.map((el) => [el.id, el.gaps]));
  return [
    table(
      "Evidence",
      byId(s.evidence).flatMap((item) => perElement(item, evidenceCells(item))),
    ),
    table(
      "Case studies",
      byId(s.caseStudies).flatMap((cs) => perElement(cs, caseStudyCells(cs))),
    ),
    table(
      "Self-assessment",
      s.elements.map((el) => {
        const a = s.selfAssessments.get(el.id);
        const text = el.text.trim();
        return [
          el.id,
          text,
          a?.owner ?? null,
          a?.rating ?? null,
          trimmed(a?.statement),
          list(gaps.get(el.id)),
        ];
      }),
    ),
    table(
      "Actions",
      s.elements.flatMap((el) =>
        (s.selfAssessments.get(el.id)?.actions ?? []).map((a) => actionCells(el.id, a)),
      ),
    ),
  ];
}

function table(name: SheetName, rows: CellValue[][]): SheetTable {
  return { name, columns: SHEET_COLUMNS[name].map((c) => c.header), rows };
}

/** Cells of one item's row, given its element citation (element and note). */
type RowOf = (element: string | null, note: string | null) => CellValue[];

/** One row per element the item cites; an item citing none still gets a row, so it is not lost. */
function perElement(item: Citable, row: RowOf): CellValue[][] {
  if (item.elements.length === 0) return [row(null, null)];
  return item.elements.map((c) => row(c.element, trimmed(c.note)));
}

function evidenceCells(e: EvidenceItem): RowOf {
  return (element, note) => [
    e.id,
    e.title,
    e.type,
    date(e.date),
    e.status,
    e.owner,
    list(e.sections),
    element,
    note,
    trimmed(e.description),
    list(e.links),
    files(e),
    date(e.expires),
  ];
}

function caseStudyCells(cs: CaseStudy): RowOf {
  return (element, note) => [
    cs.id,
    cs.title,
    date(cs.date),
    cs.status,
    cs.owner,
    list(cs.sections),
    element,
    note,
    trimmed(cs.summary),
    list(cs.evidence.map((e) => e.id)),
  ];
}

function actionCells(element: string, a: Action): CellValue[] {
  const doneOn = rawField(a, "done_on");
  return [element, a.title, a.owner, date(a.due), a.done, date(typeof doneOn === "string" ? doneOn : null)];
}

/** Attachments as root-relative paths (what a reader can find), or as written when outside the root. */
function files(item: Citable): CellValue {
  return list(item.files.map((f) => f.resolved ?? f.declared));
}

function list(values: string[] | undefined): CellValue {
  return values && values.length > 0 ? values.join(LIST_SEPARATOR) : null;
}

function date(value: string | null): CellValue {
  return value === null ? null : { date: value };
}

/** Markdown without the final line break a YAML block leaves, which would show as an empty line. */
function trimmed(text: string | null | undefined): string | null {
  const t = text?.trimEnd();
  return t ? t : null;
}

/** A field of the raw YAML data at `origin` that the typed model does not carry. */
export function rawField(origin: Origin, key: string): unknown {
  let node: unknown = origin.src.data;
  for (const step of origin.path) node = (node as Record<string | number, unknown> | null)?.[step];
  return (node as Record<string, unknown> | null)?.[key];
}
