import type { SheetName } from "./sheet-layout.js";

/** A date cell's day, YYYY-MM-DD; written as a real spreadsheet date. */
export interface DateCell {
  date: string;
}

/** What one cell holds on export: text, a yes/no, a date, or nothing. */
export type CellValue = string | boolean | DateCell | null;

/** One sheet as cse writes it: the header row, then the data rows. */
export interface SheetTable {
  /** The sheet's name. */
  name: SheetName;
  /** The headers, in order. */
  columns: string[];
  /** The data rows, each as long as `columns`. */
  rows: CellValue[][];
}

/** The spreadsheet name of a 0-based column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
