import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";

/** A cell value for a test workbook. */
export type TestCell = string | number | boolean | Date | null | { formula: string; result?: unknown };

/** Writes a workbook of sheets (name → rows, header first) with exceljs, as another program would. */
export async function writeWorkbook(file: string, sheets: Record<string, TestCell[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}

/** Reads a workbook's sheet back as rows of plain values (for checking what cse export wrote). */
export async function readWorkbook(
  file: string,
): Promise<Map<string, { values: unknown[]; ws: ExcelJS.Worksheet }[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, { values: unknown[]; ws: ExcelJS.Worksheet }[]>();
  for (const ws of wb.worksheets) {
    const rows: { values: unknown[]; ws: ExcelJS.Worksheet }[] = [];
    ws.eachRow((r) => rows.push({ values: (r.values as unknown[]).slice(1), ws }));
    out.set(ws.name, rows);
  }
  return out;
}

/** Every file under `dir` with its text, for checking that nothing changed. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.readFileSync(p, "latin1"));
    }
  };
  walk(dir);
  return out;
}
