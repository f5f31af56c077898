import type { Cell, CellValue, Worksheet } from "exceljs";
import { SHEET_LIMITS, SheetRefusedError, type RawBook, type RawCell } from "./raw-sheet.js";
import { tooManyRows } from "./read-csv.js";
import { unzip, zipReproducibly, ZipRefusedError, type ZipEntry } from "./zip-archive.js";

/**
 * Reads an .xlsx workbook. It is untrusted: its zip is unpacked first under limits (entries,
 * unpacked bytes, each entry no larger than it declares), macros are refused, rows are counted
 * before exceljs parses anything, and exceljs then reads a zip rebuilt from the checked parts
 * only. Formulas are never evaluated: a formula cell gives its cached value, or nothing.
 */
export async function readXlsx(bytes: Buffer): Promise<RawBook> {
  let entries: ZipEntry[];
  try {
    entries = await unzip(bytes, {
      maxEntries: SHEET_LIMITS.maxZipEntries,
      maxUnpackedBytes: SHEET_LIMITS.maxUnpackedBytes,
    });
  } catch (err) {
    if (err instanceof ZipRefusedError) throw new SheetRefusedError(err.message);
    throw err;
  }
  checkParts(entries);
  const notices: string[] = [];
  const external = entries.filter((e) => /^xl\/externalLinks\/[^/]+\.xml$/i.test(e.name)).length;
  if (external > 0) notices.push(linkedFiles(external));
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's Buffer type predates Node's generic Buffer.
    await workbook.xlsx.load((await zipReproducibly(entries, new Date(0))) as never);
  } catch (err) {
    throw new SheetRefusedError(`it is damaged or is not a workbook cse can read (${shortMessage(err)})`);
  }
  const sheets = workbook.worksheets.map((ws) => ({ name: ws.name, rows: rowsOf(ws) }));
  return { sheets, csv: false, notices };
}

/** Refuses macro workbooks and sheets with too many rows, before exceljs parses anything. */
function checkParts(entries: ZipEntry[]): void {
  const types = entries.find((e) => e.name === "[Content_Types].xml")?.data.toString("utf8") ?? "";
  if (entries.some((e) => /vbaProject\.bin$/i.test(e.name)) || /macroEnabled/i.test(types))
    throw new SheetRefusedError(
      "it holds macros (a macro-enabled workbook); cse never reads those: save it as an .xlsx workbook without macros",
    );
  if (!entries.some((e) => e.name === "xl/workbook.xml"))
    throw new SheetRefusedError("it is not an Excel workbook (it has no xl/workbook.xml); save it as .xlsx");
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) continue;
    if (countRows(e.data) > SHEET_LIMITS.maxRows) throw new SheetRefusedError(tooManyRows());
  }
}

function countRows(xml: Buffer): number {
  let count = 0;
  for (let at = xml.indexOf("<row"); at !== -1; at = xml.indexOf("<row", at + 4)) {
    const next = xml[at + 4];
    // <row> or <row r=...>, not <rowBreaks>.
    if (next === 0x3e || next === 0x20 || next === 0x2f) count++;
    if (count > SHEET_LIMITS.maxRows) break;
  }
  return count;
}

function rowsOf(ws: Worksheet): (RawCell | null)[][] {
  if (ws.actualRowCount > SHEET_LIMITS.maxRows) throw new SheetRefusedError(tooManyRows(ws.name));
  if (ws.columnCount > SHEET_LIMITS.maxColumns)
    throw new SheetRefusedError(
      `the sheet "${ws.name}" has ${ws.columnCount} columns, more than the ${SHEET_LIMITS.maxColumns} cse reads`,
    );
  const rows: (RawCell | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (RawCell | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellOf(cell);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
  });
  return Array.from(rows, (r) => r ?? []);
}

/** A cell's value: a formula gives its cached result (never evaluated); merged cells their master's. */
function cellOf(cell: Cell): RawCell | null {
  return valueOf(cell.value, cell.numFmt);
}

function valueOf(v: CellValue, numFmt: string | undefined): RawCell | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v === "" ? null : { kind: "text", text: v.replace(/\r\n?/g, "\n") };
  if (typeof v === "number") {
    if (isDateFormat(numFmt)) return { kind: "date", date: dateOf(serialToDate(v)) };
    return { kind: "number", value: v };
  }
  if (typeof v === "boolean") return { kind: "bool", value: v };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { kind: "date", date: dateOf(v) };
  if ("richText" in v) return valueOf(v.richText.map((r) => r.text).join(""), undefined);
  if ("hyperlink" in v) {
    const text = valueOf(v.text, undefined);
    const link = typeof v.hyperlink === "string" ? v.hyperlink : undefined;
    if (text?.kind === "text") return link ? { ...text, link } : text;
    return link ? { kind: "text", text: link, link } : text;
  }
  if ("error" in v) return { kind: "error", text: String(v.error) };
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as { result?: unknown }).result;
    return result === undefined ? null : valueOf(result as CellValue, numFmt);
  }
  return null;
}

/** Whether a number format shows dates (d, m, y outside quoted text and [..] parts). */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dy]/i.test(bare) || /m.*[dy]|[dy].*m/i.test(bare);
}

function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400) * 1000);
}

/** The calendar day of a spreadsheet date (stored as UTC), rounded to the minute against float error. */
function dateOf(d: Date): string {
  return new Date(Math.round(d.getTime() / 60000) * 60000).toISOString().slice(0, 10);
}

function shortMessage(err: unknown): string {
  return String((err as Error)?.message ?? err)
    .split("\n")[0]!
    .slice(0, 160);
}

function linkedFiles(count: number): string {
  const files = count === 1 ? "another file" : `${count} other files`;
  return `the workbook links to ${files}; cse read the values saved in it and did not open the linked files`;
}
