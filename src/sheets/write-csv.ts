import { csvField } from "../util/csv-field.js";
import type { CellValue, SheetTable } from "./sheet-table.js";

/** UTF-8's byte-order mark: spreadsheet programs need it to open Welsh and other letters right. */
export const BOM = "\uFEFF";

/**
 * One sheet as RFC 4180 CSV in UTF-8 with a byte-order mark, lines ended CRLF; cells that a
 * spreadsheet would run as a formula are neutralised as `gaps --format csv` does.
 */
export function writeCsv(t: SheetTable): string {
  const lines = [t.columns, ...t.rows.map((r) => r.map(textOf))];
  return BOM + lines.map((cells) => cells.map(csvField).join(",") + "\r\n").join("");
}

function textOf(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "object") return v.date;
  return v;
}
