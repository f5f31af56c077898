import type { Entry as YauzlEntry } from "yauzl";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { minimalSubmission } from "../helpers/minimal.js";
import { runCse } from "../helpers/run-cli.js";
import { testdir } from "../helpers/testdir.js";
import { unzip } from "../../src/sheets/zip-archive.js";
import { readWorkbook } from "./workbook.js";

/** The day of every entry's timestamp in a zip. */
async function zipTimes(bytes: Buffer): Promise<string[]> {
  const yauzl = await import("yauzl");
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const days: string[] = [];
      zip.on("entry", (e: YauzlEntry) => {
        days.push(e.getLastModDate({ timezone: "UTC", forceDosFormat: true }).toISOString().slice(0, 10));
        zip.readEntry();
      });
      zip.on("end", () => resolve(days));
      zip.readEntry();
    });
  });
}

const EPOCH = { SOURCE_DATE_EPOCH: "1420070400" };

function submission(extra: Record<string, string> = {}): string {
  return testdir({ ...minimalSubmission(), ...extra });
}

describe("cse export", () => {
  it("writes the four sheets with FORMAT.md's columns, one row per item and element", async () => {
    const dir = submission();
    const r = await runCse(["export", "--dir", dir], { cwd: dir, env: EPOCH });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe("out/submission.xlsx");
    const book = await readWorkbook(path.join(dir, "out/submission.xlsx"));
    expect([...book.keys()]).toEqual(["Evidence", "Case studies", "Self-assessment", "Actions"]);
    const evidence = book.get("Evidence")!;
    expect(evidence[0]!.values).toEqual([
      "ID",
      "Title",
      "Type",
      "Date",
      "Status",
      "Owner",
      "Sections",
      "Element",
      "Note",
      "Description",
      "Links",
      "Files",
      "Expires",
    ]);
    // E001 cites two elements, E002 two: four rows under the header.
    expect(evidence.slice(1).map((r) => `${r.values[0]} ${r.values[7]}`)).toEqual([
      "E001 1.1.1",
      "E001 1.1.2",
      "E002 1.2.1",
      "E002 2.1.1",
    ]);
    expect(evidence[2]!.values[8]).toBe("The profile's second half.");
    // Dates are real dates, shown as dates.
    expect(evidence[1]!.values[3]).toEqual(new Date("2014-06-01T00:00:00Z"));
    expect(evidence[1]!.ws.getCell("D2").numFmt).toBe("yyyy-mm-dd");
    const ws = evidence[0]!.ws;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.autoFilter).toBeTruthy();
    const sa = book.get("Self-assessment")!;
    expect(sa.length).toBe(6); // five elements under the header
    expect(sa[1]!.values.slice(0, 4)).toEqual(["1.1.1", "Know who the customers are.", "ann", "compliance"]);
    expect(book.get("Actions")![1]!.values).toEqual([
      "1.2.1",
      "Review engagement",
      "bob",
      new Date("2015-01-31T00:00:00Z"),
      false,
    ]);
  });

  it("gives the same bytes for the same submission and SOURCE_DATE_EPOCH", async () => {
    const dir = submission();
    await runCse(["export", "--out", "a.xlsx"], { cwd: dir, env: EPOCH });
    await runCse(["export", "--out", "b.xlsx"], { cwd: dir, env: EPOCH });
    const a = fs.readFileSync(path.join(dir, "a.xlsx"));
    expect(a.equals(fs.readFileSync(path.join(dir, "b.xlsx")))).toBe(true);
    // Equal bytes within one second prove little: every timestamp inside must be the epoch's day.
    const entries = await unzip(a, { maxEntries: 100, maxUnpackedBytes: 1e8 });
    expect(entries.length).toBeGreaterThan(5);
    const core = entries.find((e) => e.name === "docProps/core.xml")!.data.toString();
    expect(core).toContain("2015-01-01T00:00:00Z");
    const times = await zipTimes(a);
    expect(new Set(times)).toEqual(new Set(["2015-01-01"]));
  });

  it("writes one sheet as CSV with a byte-order mark, Welsh intact and formulas neutralised", async () => {
    const dir = submission({
      "evidence/E003.yaml": `id: E003\ntitle: "=HYPERLINK(\\"http://x\\")"\ndescription: Gwasanaeth ymholiadau Cymraeg — ŵ ŷ\ntype: other\ndate: 2014-01-02\nelements: ["1.1.1"]\n`,
    });
    const r = await runCse(["export", "--format", "csv", "--out", "-"], { cwd: dir, env: EPOCH });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("\uFEFFID,Title,")).toBe(true);
    expect(r.stdout).toContain("\r\n");
    const line = r.stdout.split("\r\n").find((l) => l.startsWith("E003"))!;
    expect(line).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(line).toContain("Gwasanaeth ymholiadau Cymraeg — ŵ ŷ");
  });

  it("refuses an unknown sheet name with exit 2", async () => {
    const dir = submission();
    const r = await runCse(["export", "--format", "csv", "--sheet", "Nope"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--sheet takes one of Evidence, Case studies, Self-assessment, Actions");
  });
});
