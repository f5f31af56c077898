import type { ImportProblem } from "./import-report.js";
import type { RawCell, RawSheet } from "./raw-sheet.js";
import { SHEET_LIMITS, shownNumber } from "./raw-sheet.js";
import { headerKey, SHEET_COLUMNS, type ColumnSpec, type SheetName } from "./sheet-layout.js";
import { columnLetter } from "./sheet-table.js";

/** A cell of a data row, with its address for messages. */
export interface SheetCell {
  raw: RawCell;
  /** e.g. C14. */
  ref: string;
}

/** A data row: its number and its cells by the column's header as cse writes it. */
export interface SheetRow {
  row: number;
  cells: Map<string, SheetCell>;
}

/** A sheet whose columns have been recognised. */
export interface ReadSheet {
  sheet: SheetName;
  /** The sheet's name in the file, for messages. */
  source: string;
  /** Headers (as cse writes them) of the columns the sheet has. */
  columns: Set<string>;
  /** The column letter of each of those headers. */
  letters: Map<string, string>;
  rows: SheetRow[];
}

/** Columns each sheet must have on import (FORMAT.md). */
const REQUIRED: Record<SheetName, string[]> = {
  Evidence: ["ID", "Element"],
  "Case studies": ["ID", "Element"],
  "Self-assessment": ["Element"],
  Actions: ["Element", "Title"],
};

/** A title or a blank row or two may sit above the header row: look this far down for it. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Finds the header row (the first of the top rows holding every required column), maps its
 * headers to the sheet's columns by name and synonym, and returns the data rows below it.
 * Unknown headers go to `ignored`; a missing required column is a problem.
 */
export function readSheetRows(
  sheet: SheetName,
  raw: RawSheet,
  problems: ImportProblem[],
  ignored: string[],
): ReadSheet | null {
  const specs = SHEET_COLUMNS[sheet];
  let headerIndex = -1;
  let mapping: (ColumnSpec | null)[] = [];
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, raw.rows.length); i++) {
    const candidate = (raw.rows[i] ?? []).map((c) => (c ? columnFor(specs, c) : null));
    const found = new Set(candidate.filter((s): s is ColumnSpec => s !== null).map((s) => s.header));
    if (REQUIRED[sheet].every((h) => found.has(h))) {
      headerIndex = i;
      mapping = candidate;
      break;
    }
  }
  if (headerIndex < 0) {
    problems.push(missingColumns(sheet, raw));
    return null;
  }
  const columns = new Set<string>();
  const letters = new Map<string, string>();
  const header = raw.rows[headerIndex] ?? [];
  mapping.forEach((spec, col) => {
    const cell = header[col];
    if (!cell) return;
    if (spec && !columns.has(spec.header)) {
      columns.add(spec.header);
      letters.set(spec.header, columnLetter(col));
    } else ignored.push(`${raw.name}: ${cellText(cell)}${spec ? " (a second column of that name)" : ""}`);
  });
  const seen = new Set<string>();
  const keep = mapping.map((spec) => {
    if (!spec || seen.has(spec.header)) return null;
    seen.add(spec.header);
    return spec.header;
  });
  const rows: SheetRow[] = [];
  for (let i = headerIndex + 1; i < raw.rows.length; i++) {
    const cells = new Map<string, SheetCell>();
    (raw.rows[i] ?? []).forEach((rawCell, col) => {
      const name = keep[col];
      if (!rawCell || !name || isBlank(rawCell)) return;
      const ref = `${columnLetter(col)}${i + 1}`;
      if (rawCell.kind === "text" && rawCell.text.length > SHEET_LIMITS.maxCellChars) {
        problems.push(tooLong(raw.name, ref, i + 1, rawCell.text.length));
        return;
      }
      cells.set(name, { raw: rawCell, ref });
    });
    if (cells.size > 0) rows.push({ row: i + 1, cells });
  }
  return { sheet, source: raw.name, columns, letters, rows };
}

function columnFor(specs: ColumnSpec[], cell: RawCell): ColumnSpec | null {
  const key = headerKey(cellText(cell));
  if (key === "") return null;
  return (
    specs.find((s) => headerKey(s.header) === key) ??
    specs.find((s) => s.synonyms.some((syn) => headerKey(syn) === key)) ??
    null
  );
}

/** A cell as the text a spreadsheet shows. */
export function cellText(cell: RawCell): string {
  switch (cell.kind) {
    case "text":
    case "error":
      return cell.text;
    case "number":
      return shownNumber(cell.value);
    case "date":
      return cell.date;
    case "bool":
      return cell.value ? "TRUE" : "FALSE";
  }
}

function isBlank(cell: RawCell): boolean {
  return cell.kind === "text" && cell.text.trim() === "";
}

const OTHER_SHEET = " If it is another kind of sheet, say which with --sheet (e.g. --sheet Self-assessment).";

function missingColumns(sheet: SheetName, raw: RawSheet): ImportProblem {
  const first = (raw.rows.find((r) => r && r.some((c) => c)) ?? []).filter(Boolean).map((c) => cellText(c!));
  const need = REQUIRED[sheet].map((h) => `"${h}"`).join(" and ");
  const found = first.length
    ? ` The first row has: ${first.slice(0, 12).join(", ")}.`
    : " The sheet is empty.";
  return {
    sheet: raw.name,
    cell: "A1",
    row: 1,
    code: "missing-column",
    message: `the ${sheet} sheet needs a header row with the columns ${need}.${found}${OTHER_SHEET}`,
  };
}

function tooLong(sheet: string, cell: string, row: number, length: number): ImportProblem {
  return {
    sheet,
    cell,
    row,
    code: "too-long",
    message: `the cell holds ${length} characters, more than the ${SHEET_LIMITS.maxCellChars} a cell can; shorten it`,
  };
}
