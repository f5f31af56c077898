import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SHEET_LIMITS } from "../../src/sheets/raw-sheet.js";
import { unzip, zipReproducibly } from "../../src/sheets/zip-archive.js";
import { minimalSubmission } from "../helpers/minimal.js";
import { runCse } from "../helpers/run-cli.js";
import { testdir } from "../helpers/testdir.js";
import { snapshot, writeWorkbook, type TestCell } from "./workbook.js";

const HEADER: TestCell[] = ["ID", "Title", "Date", "Element"];

async function importInto(dir: string, file: string, ...args: string[]) {
  const before = snapshot(dir);
  const r = await runCse(["import", file, ...args], { cwd: dir, env: { SOURCE_DATE_EPOCH: "1420070400" } });
  return { ...r, unchanged: JSON.stringify([...snapshot(dir)]) === JSON.stringify([...before]) };
}

/** A small valid workbook, then its zip parts changed by `change`, written as `name`. */
async function doctored(
  dir: string,
  name: string,
  change: (parts: { name: string; data: Buffer }[]) => void,
) {
  const plain = await writeWorkbook(path.join(dir, "../plain.xlsx"), {
    Evidence: [HEADER, ["N1", "New", null, "1.1.1"]],
  });
  const parts = await unzip(fs.readFileSync(plain), { maxEntries: 100, maxUnpackedBytes: 1e8 });
  change(parts);
  const file = path.join(dir, "..", name);
  fs.writeFileSync(file, await zipReproducibly(parts, new Date(Date.UTC(2020, 0, 1))));
  return file;
}

describe("cse import: hostile spreadsheets", () => {
  it("refuses a zip bomb from its declared sizes, before unpacking it", async () => {
    const dir = testdir(minimalSubmission());
    const file = await doctored(dir, "bomb.xlsx", (parts) =>
      parts.push({ name: "xl/media/zeros.bin", data: Buffer.alloc(SHEET_LIMITS.maxUnpackedBytes + 1) }),
    );
    expect(fs.statSync(file).size).toBeLessThan(1024 * 1024);
    const r = await importInto(dir, file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("a zip bomb");
    expect(r.stderr).not.toContain("    at ");
    expect(r.unchanged).toBe(true);
  });

  it("refuses a zip whose parts hold more than they declare", async () => {
    const dir = testdir(minimalSubmission());
    const file = await doctored(dir, "liar.xlsx", (parts) =>
      parts.push({ name: "xl/media/zeros.bin", data: Buffer.alloc(2_000_000) }),
    );
    // Rewrite that entry's declared size (local header and central directory) to 1000 bytes.
    const bytes = fs.readFileSync(file);
    const nameBytes = Buffer.from("xl/media/zeros.bin");
    for (let at = bytes.indexOf(nameBytes); at !== -1; at = bytes.indexOf(nameBytes, at + 1)) {
      const local = bytes.readUInt32LE(at - 30) === 0x04034b50;
      const central = bytes.readUInt32LE(at - 46) === 0x02014b50;
      if (local) bytes.writeUInt32LE(1000, at - 30 + 22);
      if (central) bytes.writeUInt32LE(1000, at - 46 + 24);
    }
    fs.writeFileSync(file, bytes);
    const r = await importInto(dir, file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("damaged");
    expect(r.unchanged).toBe(true);
  });

  it("refuses a sheet of a million rows, in a workbook and in a CSV file", async () => {
    const dir = testdir(minimalSubmission());
    const file = await doctored(dir, "rows.xlsx", (parts) => {
      const sheet = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!;
      sheet.data = Buffer.from(
        sheet.data
          .toString()
          .replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${"<row/>".repeat(1_000_000)}</sheetData>`),
      );
    });
    const r = await importInto(dir, file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("rows, more than cse reads");
    fs.writeFileSync(path.join(dir, "../rows.csv"), "ID,Title,Element\n" + "E9,x,1.1.1\n".repeat(1_000_000));
    const c = await importInto(dir, "../rows.csv");
    expect(c.code).toBe(2);
    expect(c.stderr).toContain("rows, more than cse reads");
    expect(r.unchanged && c.unchanged).toBe(true);
  });

  it("reports a cell longer than a spreadsheet cell can hold at its place", async () => {
    const dir = testdir(minimalSubmission());
    fs.writeFileSync(path.join(dir, "../huge.csv"), `ID,Title,Element\nN1,${"x".repeat(40_000)},1.1.1\n`);
    const r = await importInto(dir, "../huge.csv");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Evidence!B2: the cell holds 40000 characters");
    expect(r.unchanged).toBe(true);
  });

  it("reads a formula by its cached value and never evaluates it", async () => {
    const dir = testdir(minimalSubmission());
    const file = await writeWorkbook(path.join(dir, "../formula.xlsx"), {
      Evidence: [
        HEADER,
        ["N1", { formula: 'CONCATENATE("Comp","uted")', result: "Computed" }, null, "1.1.1"],
        ["N2", { formula: 'WEBSERVICE("http://example.invalid")' }, null, "1.1.1"],
      ],
    });
    const r = await importInto(dir, file, "--format", "json");
    // N2's formula has no saved value: the new item has no title, which is a problem at its cell.
    const report = JSON.parse(r.stdout);
    expect(r.code).toBe(1);
    expect(report.problems).toEqual([expect.objectContaining({ cell: "B3", code: "missing-value" })]);
  });

  it("notes links to other workbooks without following them", async () => {
    const dir = testdir(minimalSubmission());
    const file = await doctored(dir, "linked.xlsx", (parts) =>
      parts.push({
        name: "xl/externalLinks/externalLink1.xml",
        data: Buffer.from(
          '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
        ),
      }),
    );
    const r = await importInto(dir, file);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("did not open the linked files");
    expect(r.stdout).toContain("New: 1 (N1)");
  });

  it("refuses macro workbooks, by name and by content", async () => {
    const dir = testdir(minimalSubmission());
    fs.writeFileSync(path.join(dir, "../m.xlsm"), "PK");
    const byName = await importInto(dir, "../m.xlsm");
    expect(byName.code).toBe(2);
    expect(byName.stderr).toContain("macro-enabled workbook");
    const file = await doctored(dir, "hidden-macro.xlsx", (parts) =>
      parts.push({ name: "xl/vbaProject.bin", data: Buffer.from("not really VBA") }),
    );
    const byContent = await importInto(dir, file);
    expect(byContent.code).toBe(2);
    expect(byContent.stderr).toContain("it holds macros");
    expect(byContent.unchanged).toBe(true);
  });

  it("refuses a workbook with invalid XML, and a file that is not a workbook at all", async () => {
    const dir = testdir(minimalSubmission());
    const file = await doctored(dir, "broken.xlsx", (parts) => {
      parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!.data = Buffer.from(
        "<worksheet><sheetData><row><c>",
      );
    });
    const r = await importInto(dir, file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cse: cannot import .*broken\.xlsx: it is damaged/);
    fs.writeFileSync(path.join(dir, "../text.xlsx"), "ID,Title\n");
    const t = await importInto(dir, "../text.xlsx");
    expect(t.code).toBe(2);
    expect(t.stderr).toContain("is a zip archive");
    fs.writeFileSync(path.join(dir, "../open.csv"), 'ID,Title,Element\nN1,"never closed,1.1.1\n');
    const q = await importInto(dir, "../open.csv");
    expect(q.code).toBe(2);
    expect(q.stderr).toContain("a quoted cell is never closed");
    expect(r.unchanged && t.unchanged && q.unchanged).toBe(true);
  });

  it("reports cells of the wrong type at their place", async () => {
    const dir = testdir(minimalSubmission());
    const file = await writeWorkbook(path.join(dir, "../types.xlsx"), {
      Evidence: [HEADER, ["N1", "New", true, "1.1.1"], ["N2", "New 2", 41000, "1.1.1"]],
      Actions: [
        ["Element", "Title", "Due", "Done"],
        ["1.2.1", "Review engagement", "soon", "maybe"],
      ],
    });
    const r = await importInto(dir, file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Evidence!C2: TRUE is not a date");
    expect(r.stdout).toContain("Evidence!C3: the number 41000 is not a date");
    expect(r.stdout).toContain('Actions!C2: "soon" is not a date');
    expect(r.stdout).toContain('Actions!D2: "maybe" is not yes or no');
    expect(r.unchanged).toBe(true);
  });
});
