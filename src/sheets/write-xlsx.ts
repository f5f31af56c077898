import type { Worksheet } from "exceljs";
import type { CellValue, SheetTable } from "./sheet-table.js";
import { unzip, zipReproducibly } from "./zip-archive.js";

// Widths in characters: wide enough to read, narrow enough that a row fits a screen.
const WIDE = new Set(["Description", "Note", "Statement", "Summary", "Text"]);
const NARROW = new Set(["ID", "Element", "Date", "Expires", "Due", "Done", "Done on", "Status", "Type"]);
const DATE_FORMAT = "yyyy-mm-dd";

/**
 * A workbook made for people: per sheet a frozen bold header row with filters, readable column
 * widths, long text wrapped, dates as real dates. `made` is written as the workbook's creation
 * time and as every timestamp inside the zip, so the same tables and `made` give the same bytes.
 */
export async function writeXlsx(tables: SheetTable[], made: Date): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "cse";
  workbook.created = made;
  workbook.modified = made;
  for (const t of tables) fillSheet(workbook.addWorksheet(t.name), t);
  const packed = Buffer.from(await workbook.xlsx.writeBuffer());
  // exceljs stamps each zip entry with the current time: pack it again with `made`.
  const entries = await unzip(packed, { maxEntries: 1000, maxUnpackedBytes: Number.MAX_SAFE_INTEGER });
  return zipReproducibly(entries, made);
}

function fillSheet(sheet: Worksheet, t: SheetTable): void {
  sheet.columns = t.columns.map((header) => ({ header, key: header, width: widthOf(header) }));
  for (const row of t.rows) sheet.addRow(row.map(cellOf));
  sheet.views = [{ state: "frozen", ySplit: 1, xSplit: 0 }];
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "top" };
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, t.rows.length + 1), column: t.columns.length },
  };
  t.columns.forEach((name, i) => {
    const column = sheet.getColumn(i + 1);
    if (t.rows.some((r) => isDate(r[i] ?? null))) column.numFmt = DATE_FORMAT;
    column.alignment = { vertical: "top", wrapText: WIDE.has(name) || name === "Title" };
  });
  header.font = { bold: true };
}

function widthOf(header: string): number {
  if (WIDE.has(header)) return 60;
  if (NARROW.has(header)) return Math.max(12, header.length + 4);
  if (header === "Title") return 40;
  return 24;
}

function isDate(v: CellValue): v is { date: string } {
  return typeof v === "object" && v !== null;
}

/** A cell's value for exceljs: text as text (never a formula), dates as UTC midnight, yes/no as booleans. */
function cellOf(v: CellValue): string | boolean | Date | null {
  if (isDate(v)) return new Date(`${v.date}T00:00:00Z`);
  return v;
}
