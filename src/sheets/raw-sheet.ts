/** What a spreadsheet cell held, as read from the file (before any meaning is given to it). */
export type RawCell =
  | { kind: "text"; text: string; link?: string }
  | { kind: "number"; value: number }
  | { kind: "date"; date: string }
  | { kind: "bool"; value: boolean }
  | { kind: "error"; text: string };

/** A sheet as read: its name and its rows, `rows[0]` being row 1; a missing cell is null. */
export interface RawSheet {
  name: string;
  rows: (RawCell | null)[][];
}

/** A workbook or CSV file as read, with what the reader noticed along the way. */
export interface RawBook {
  sheets: RawSheet[];
  /** Whether it came from a CSV file (one sheet, named by --sheet). */
  csv: boolean;
  /** Things worth telling the user that are not problems (e.g. links to other workbooks not followed). */
  notices: string[];
}

/** Limits on a spreadsheet cse reads; past them the file is refused before or while reading it. */
export const SHEET_LIMITS = {
  /** Largest file, in bytes. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Most bytes a workbook's parts may hold once unpacked. */
  maxUnpackedBytes: 60 * 1024 * 1024,
  /** Most parts (files) in a workbook's zip. */
  maxZipEntries: 1000,
  /** Most rows in one sheet, the header included. */
  maxRows: 20_000,
  /** Most columns in one sheet. */
  maxColumns: 200,
  /** Most characters in one cell: Excel's own limit. */
  maxCellChars: 32_767,
};

/** A spreadsheet that cse will not read (too large, a macro workbook, damaged); exit 2. */
export class SheetRefusedError extends Error {
  override readonly name = "SheetRefusedError";
}

/** The text a spreadsheet shows for a number: 1.1 as "1.1", never "1.1000000000000001". */
export function shownNumber(value: number): string {
  return String(Number(value.toPrecision(15)));
}
