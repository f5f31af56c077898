import type { Submission } from "../model/types.js";
import { readSchema, SCHEMA_FILES } from "../schema/schemas.js";
import { didYouMean } from "../util/closest.js";
import { isCalendarDate } from "../util/dates.js";
import type { ImportProblem } from "./import-report.js";
import type { ReadSheet, SheetCell, SheetRow } from "./sheet-rows.js";
import { cellText } from "./sheet-rows.js";

/** FORMAT.md's id pattern. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Turns cells into values of the submission's kinds (ids, dates, people, ...), pushing a
 * problem at the cell for each one that cannot be. A failed cell gives undefined.
 */
export class CellReader {
  private readonly people = new Map<string, string>();
  private readonly sections = new Map<string, string>();
  private readonly ratings = new Map<string, string>();
  readonly types: string[];

  constructor(
    readonly submission: Submission,
    readonly problems: ImportProblem[],
  ) {
    for (const p of submission.config.people) {
      this.people.set(p.id.toLowerCase(), p.id);
      this.people.set(squeeze(p.name), p.id);
    }
    for (const x of submission.config.sections) {
      this.sections.set(x.id.toLowerCase(), x.id);
      this.sections.set(squeeze(x.name), x.id);
    }
    for (const r of submission.standard.ratings) {
      this.ratings.set(r.id.toLowerCase(), r.id);
      this.ratings.set(squeeze(r.label), r.id);
    }
    const schema = readSchema(SCHEMA_FILES.evidence) as { properties: { type: { enum: string[] } } };
    this.types = schema.properties.type.enum;
  }

  /** Reports a problem at a cell (or at a row's first cell when the value is missing). */
  report(
    sheet: ReadSheet,
    at: SheetCell | { ref: string; row: number },
    code: string,
    message: string,
  ): void {
    const row = "row" in at ? at.row : Number(/\d+$/.exec(at.ref)![0]);
    this.problems.push({ sheet: sheet.source, cell: at.ref, row, code, message });
  }

  /** The text a cell shows, trimmed; an error cell (#REF!) is a problem. */
  text(sheet: ReadSheet, cell: SheetCell | undefined): string | undefined {
    if (!cell) return undefined;
    if (cell.raw.kind === "error") {
      this.report(
        sheet,
        cell,
        "cell-error",
        `the cell shows the error ${cell.raw.text}; put the value itself in it`,
      );
      return undefined;
    }
    const t = cellText(cell.raw).trim();
    return t === "" ? undefined : t;
  }

  /** An item's id; a number is read as the id it shows. */
  id(sheet: ReadSheet, cell: SheetCell | undefined): string | undefined {
    const t = this.text(sheet, cell);
    if (t === undefined || ID.test(t)) return t;
    const fix = t.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[^A-Za-z0-9]+/, "");
    this.report(sheet, cell!, "bad-id", badId(t, fix));
    return undefined;
  }

  /** A date: a real spreadsheet date, YYYY-MM-DD text, or DD/MM/YYYY text as UK spreadsheets save it. */
  date(sheet: ReadSheet, cell: SheetCell | undefined): string | undefined {
    if (!cell) return undefined;
    if (cell.raw.kind === "date") return cell.raw.date;
    const t = this.text(sheet, cell);
    if (t === undefined) return undefined;
    const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, "0")}-${uk[1]!.padStart(2, "0")}` : t;
    if (isCalendarDate(iso)) return iso;
    const what = cell.raw.kind === "number" ? `the number ${t}` : cell.raw.kind === "bool" ? t : `"${t}"`;
    this.report(
      sheet,
      cell,
      "invalid-date",
      `${what} is not a date on the calendar; write it as YYYY-MM-DD (e.g. 2026-03-31) or format the cell as a date`,
    );
    return undefined;
  }

  /** Yes or no: a TRUE/FALSE cell, or yes, no, true, false, y, n, done. */
  bool(sheet: ReadSheet, cell: SheetCell | undefined): boolean | undefined {
    if (!cell) return undefined;
    if (cell.raw.kind === "bool") return cell.raw.value;
    const t = this.text(sheet, cell)?.toLowerCase();
    if (t === undefined) return undefined;
    if (["yes", "y", "true", "done", "1"].includes(t)) return true;
    if (["no", "n", "false", "0"].includes(t)) return false;
    this.report(sheet, cell, "bad-value", `"${t}" is not yes or no; write yes or no`);
    return undefined;
  }

  /** A list in one cell, split at `;`, `,` or line breaks (`split` may add more separators). */
  list(sheet: ReadSheet, cell: SheetCell | undefined, split = /[;,\n]/): string[] {
    const t = this.text(sheet, cell);
    if (t === undefined) return [];
    return t
      .split(split)
      .map((s) => s.trim())
      .filter(Boolean);
  }

  /** A person id from an id or a name as cse.yaml writes it (case-insensitive). */
  person(sheet: ReadSheet, cell: SheetCell | undefined): string | undefined {
    const t = this.text(sheet, cell);
    if (t === undefined) return undefined;
    const found = this.people.get(t.toLowerCase()) ?? this.people.get(squeeze(t));
    if (found) return found;
    const ids = this.submission.config.people.map((p) => p.id);
    const names = this.submission.config.people.map((p) => p.name);
    const hint = didYouMean(t, [...ids, ...names]) || (ids.length ? "" : " cse.yaml lists no people yet.");
    this.report(sheet, cell!, "unknown-person", `"${t}" is not a person in cse.yaml (by id or name).${hint}`);
    return undefined;
  }

  /** Section ids from ids or names. */
  sectionList(sheet: ReadSheet, cell: SheetCell | undefined): string[] | undefined {
    const out: string[] = [];
    let ok = true;
    for (const t of this.list(sheet, cell)) {
      const found = this.sections.get(t.toLowerCase()) ?? this.sections.get(squeeze(t));
      if (found) {
        if (!out.includes(found)) out.push(found);
        continue;
      }
      ok = false;
      const known = this.submission.config.sections.map((x) => x.id);
      this.report(
        sheet,
        cell!,
        "unknown-section",
        `"${t}" is not a section in cse.yaml.${didYouMean(t, known) || ` The sections are: ${known.join(", ")}.`}`,
      );
    }
    return ok ? out : undefined;
  }

  /** A rating id from an id or a label (Compliance Plus). */
  rating(sheet: ReadSheet, cell: SheetCell | undefined): string | undefined {
    const t = this.text(sheet, cell);
    if (t === undefined) return undefined;
    const found = this.ratings.get(t.toLowerCase()) ?? this.ratings.get(squeeze(t));
    if (found) return found;
    const known = this.submission.standard.ratings.map((r) => r.id);
    this.report(
      sheet,
      cell!,
      "unknown-rating",
      `"${t}" is not a rating of the standard. The ratings are: ${known.join(", ")}.`,
    );
    return undefined;
  }

  /** An evidence type, written as the schema spells it or in words ("Web page"). */
  evidenceType(sheet: ReadSheet, cell: SheetCell | undefined): string | undefined {
    const t = this.text(sheet, cell);
    if (t === undefined) return undefined;
    const key = t.toLowerCase().replace(/[\s_]+/g, "-");
    if (this.types.includes(key)) return key;
    this.report(
      sheet,
      cell!,
      "unknown-type",
      `"${t}" is not an evidence type. The types are: ${this.types.join(", ")}.`,
    );
    return undefined;
  }

  /** ready or draft. */
  status(sheet: ReadSheet, cell: SheetCell | undefined): "ready" | "draft" | undefined {
    const t = this.text(sheet, cell)?.toLowerCase();
    if (t === undefined) return undefined;
    if (t === "ready" || t === "draft") return t;
    this.report(sheet, cell!, "bad-value", `"${t}" is not a status; write ready or draft`);
    return undefined;
  }

  /** Element ids in a cell (several may be separated by `,` or `;`), each checked against the standard. */
  elements(sheet: ReadSheet, cell: SheetCell | undefined): string[] {
    const ids = this.list(sheet, cell, /[;,\n]|\s+/);
    const out: string[] = [];
    for (const id of ids) {
      if (this.submission.elementById.has(id)) out.push(id);
      else this.report(sheet, cell!, "unknown-element", unknownElement(id, this.submission));
    }
    return out;
  }
}

/** A row's cell in a column, even an empty one, or the row's first cell when the sheet lacks the column. */
export function placeOf(
  sheet: ReadSheet,
  row: SheetRow,
  column: string,
): SheetCell | { ref: string; row: number } {
  const letter = sheet.letters.get(column);
  const ref = letter ? `${letter}${row.row}` : ([...row.cells.values()][0]?.ref ?? `A${row.row}`);
  return row.cells.get(column) ?? { ref, row: row.row };
}

function unknownElement(id: string, s: Submission): string {
  const children = s.elements.filter((e) => e.subcriterionId === id || e.criterionId === id).map((e) => e.id);
  if (children.length > 0) {
    const shown = children.slice(0, 6).join(", ") + (children.length > 6 ? ", …" : "");
    return `"${id}" is a criterion or sub-criterion, not an element; name its elements (${shown})`;
  }
  const hint =
    didYouMean(
      id,
      s.elements.map((e) => e.id),
    ) || " cse list elements lists them.";
  return `"${id}" is not an element of the standard.${hint}`;
}

function badId(text: string, fix: string): string {
  const example = fix ? ` (e.g. ${fix})` : "";
  const rule = 'ids are letters, digits, ".", "-" and "_", starting with a letter or digit';
  return `"${text}" cannot be an id: ${rule}${example}`;
}

/** A name for matching: lower case, spaces squeezed. */
function squeeze(s: string): string {
  return s.trim().replace(/\s+/g, " ").toLowerCase();
}
