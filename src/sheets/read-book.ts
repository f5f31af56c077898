import fs from "node:fs";
import path from "node:path";
import { SHEET_LIMITS, SheetRefusedError, type RawBook } from "./raw-sheet.js";

/** Advice for file kinds cse does not read, by extension. */
const REFUSED: Record<string, string> = {
  ".xlsm":
    "it is a macro-enabled workbook; cse never reads those: save it as an .xlsx workbook without macros",
  ".xltm": "it is a macro-enabled template; save it as an .xlsx workbook without macros",
  ".xlsb": "it is a binary workbook; save it as .xlsx",
  ".xls": "it is in the old Excel format; save it as .xlsx (Excel Workbook) or as CSV UTF-8",
  ".ods": "it is an OpenDocument spreadsheet; save it as .xlsx or as CSV (UTF-8)",
  ".numbers": "it is a Numbers spreadsheet; export it as .xlsx or CSV",
};

/**
 * Reads a spreadsheet file by its extension: .xlsx as a workbook, .csv (and .txt, .tsv) as one
 * sheet named `csvSheet`. Throws SheetRefusedError for what cse will not read, saying why.
 */
export async function readBook(file: string, csvSheet: string): Promise<RawBook> {
  const ext = path.extname(file).toLowerCase();
  if (REFUSED[ext]) throw new SheetRefusedError(REFUSED[ext]);
  const isCsv = [".csv", ".tsv", ".txt"].includes(ext);
  if (!isCsv && ext !== ".xlsx")
    throw new SheetRefusedError(
      "cse reads .xlsx workbooks and .csv files; save the spreadsheet as one of those",
    );
  let size: number;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new SheetRefusedError("it is not a file");
    size = st.size;
  } catch (err) {
    if (err instanceof SheetRefusedError) throw err;
    throw new SheetRefusedError(`it cannot be opened (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  if (size > SHEET_LIMITS.maxFileBytes) throw new SheetRefusedError(tooLarge(size));
  const bytes = fs.readFileSync(file);
  if (isCsv) return (await import("./read-csv.js")).readCsv(bytes, csvSheet);
  if (bytes.subarray(0, 2).toString("latin1") !== "PK")
    throw new SheetRefusedError(
      "it is not an .xlsx workbook (an .xlsx file is a zip archive); save it again as .xlsx",
    );
  return (await import("./read-xlsx.js")).readXlsx(bytes);
}

function tooLarge(bytes: number): string {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return `it is ${mb(bytes)}, more than the ${mb(SHEET_LIMITS.maxFileBytes)} cse reads; split it into smaller files`;
}
