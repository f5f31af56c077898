import { SHEET_LIMITS, SheetRefusedError, type RawBook, type RawCell } from "./raw-sheet.js";

/**
 * Reads a CSV file as one sheet. UTF-8 (with or without a byte-order mark) is expected; a file
 * that is not valid UTF-8 is read as Windows-1252, what Excel's plain "CSV" saves. The
 * separator is a comma, or a semicolon or tab when the header row has those and no commas
 * (spreadsheets in many countries save with semicolons). Every cell is text; the `'` that
 * `cse export` puts before a formula-like cell is removed.
 */
export async function readCsv(bytes: Uint8Array, sheetName: string): Promise<RawBook> {
  const { parse } = await import("csv-parse/sync");
  const text = decode(bytes);
  let records: string[][];
  try {
    const parsed: unknown = parse(text, {
      delimiter: separatorOf(text),
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: SHEET_LIMITS.maxCellChars * 20,
      to: SHEET_LIMITS.maxRows + 1,
    });
    records = parsed as string[][];
  } catch (err) {
    throw new SheetRefusedError(`it cannot be read as CSV: ${plainCsvError(err as Error)}`);
  }
  if (records.length > SHEET_LIMITS.maxRows) throw new SheetRefusedError(tooManyRows());
  const rows = records.map((r) => r.map(cellOf));
  return { sheets: [{ name: sheetName, rows }], csv: true, notices: [] };
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function separatorOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  if (header.includes(",")) return ",";
  if (header.includes(";")) return ";";
  if (header.includes("\t")) return "\t";
  return ",";
}

function cellOf(field: string): RawCell | null {
  const text = field.replace(/\r\n?/g, "\n");
  if (text === "") return null;
  return { kind: "text", text: /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text };
}

export function tooManyRows(sheet?: string): string {
  const where = sheet ? `the sheet "${sheet}" has` : "it has";
  const limit = SHEET_LIMITS.maxRows.toLocaleString("en-GB");
  return `${where} more than ${limit} rows, more than cse reads; split it into smaller files`;
}

/** csv-parse's message without its option names: what is wrong and on which line. */
function plainCsvError(err: Error & { code?: string; lines?: number }): string {
  const line = err.lines !== undefined ? ` (line ${err.lines})` : "";
  if (err.code === "CSV_QUOTE_NOT_CLOSED")
    return `a quoted cell is never closed${line}; check its quote marks`;
  if (err.code === "CSV_MAX_RECORD_SIZE") return `a row is far too long${line}`;
  if (err.code === "CSV_INVALID_CLOSING_QUOTE") return `a quote mark inside a cell is not doubled${line}`;
  return `${err.message.replace(/^Invalid \w+:\s*/, "")}`;
}
