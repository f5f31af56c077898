import { describe, expect, it } from "vitest";
import { csvField } from "../../src/util/csv-field.js";
import { runCse } from "../helpers/run-cli.js";
import { testdir } from "../helpers/testdir.js";
import { everyGapSubmission } from "./every-gap-fixture.js";
import stringWidth from "string-width";

async function gaps(
  args: string[],
  files = everyGapSubmission(),
  opts: { env?: Record<string, string>; tty?: boolean } = {},
) {
  return runCse(["gaps", "--as-of", "2015-02-01", ...args], { cwd: testdir(files), ...opts });
}

/** A strict RFC 4180 reader, to check the writer against. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    } else while (i < text.length && text[i] !== "," && text[i] !== "\r") field += text[i++];
    row.push(field);
    if (text[i] === ",") i++;
    else {
      expect(text.slice(i, i + 2)).toBe("\r\n");
      i += 2;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

/** Long names everywhere, to push the table past 80 columns if it let them. */
function longNames(): Record<string, string> {
  const files = everyGapSubmission();
  files["cse.yaml"] = files["cse.yaml"]!.replace("id: ann", "id: annabel-featherstonehaugh-longname").replace(
    /owner: ann$/gm,
    "owner: annabel-featherstonehaugh-longname",
  );
  files["assessment/self.yaml"] = files["assessment/self.yaml"]!.replace(
    /owner: ann\b/g,
    "owner: annabel-featherstonehaugh-longname",
  ).replace(
    "title: Run a consultation",
    "title: Run a consultation with every customer group we have identified, in each of our three sections, and publish what we heard and what we changed",
  );
  files["criteria/standard.yaml"] = files["criteria/standard.yaml"]!.replace(
    "label: Partial Compliance",
    "label: Partial Compliance, with the improvement plan agreed",
  );
  files["criteria/1.yaml"] = files["criteria/1.yaml"]!.replace(
    "title: Engagement",
    "title: Engagement and Consultation with Customers, Partners, Communities and Everyone Else Who Might Be Affected",
  );
  return files;
}

describe("cse gaps --format csv", () => {
  it("writes a header and one RFC 4180 row per element, gap codes joined by ;", async () => {
    const r = await gaps(["--format", "csv"]);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual([
      "id",
      "criterion",
      "subcriterion",
      "evidence",
      "caseStudies",
      "owner",
      "rating",
      "gaps",
      "text",
    ]);
    expect(rows).toHaveLength(9);
    expect(rows[5]).toEqual([
      "1.2.2",
      "1",
      "1.2",
      "1",
      "0",
      "cat",
      "partial-compliance",
      "thin-evidence;no-statement;below-standard;overdue-action",
      "Consult customers.",
    ]);
    expect(rows[4]!.slice(5, 8)).toEqual(["", "", "no-evidence;no-owner;unrated;no-statement"]);
  });

  it("quotes commas, quotes and newlines, and neutralises formula cells", async () => {
    const r = await gaps(["--format", "csv"]);
    expect(r.stdout).toContain(
      '2.1.1,2,2.1,2,0,bob,non-compliance,below-standard;open-finding,"Leaders put customers first, ""always"",\nand say so."\r\n',
    );
    const rows = parseCsv(r.stdout);
    expect(rows[6]![8]).toBe('Leaders put customers first, "always",\nand say so.');
    expect(rows[7]![8]).toBe(`'=HYPERLINK("http://example.org","click")`);
  });

  it("csvField handles each special case", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\tx")).toBe("'\tx");
    expect(csvField('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvField("")).toBe("");
  });
});

describe("cse gaps --format table", () => {
  it("fits 80 columns, even with long titles, names, labels and actions", async () => {
    for (const files of [everyGapSubmission(), longNames()]) {
      const r = await gaps([], files);
      expect(r.code).toBe(0);
      for (const line of r.stdout.split("\n")) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    }
  });

  it("shortens long titles with an ellipsis, wraps long to-dos, and keeps whole gap codes", async () => {
    const r = await gaps([], longNames());
    expect(r.stdout).toMatch(/^ 1\.2 Engagement and Consultation with Customers, .*…$/m);
    expect(r.stdout).toContain("in each of our three sections");
    for (const code of ["thin-evidence", "no-statement", "below-standard", "overdue-action"])
      expect(r.stdout).toMatch(new RegExp(`\\b${code}\\b`));
  });

  it("groups rows under criterion and sub-criterion, and ends with the summary, coverage, to-dos and advice", async () => {
    const r = await gaps([]);
    const out = r.stdout;
    expect(out).toContain(
      "Element   Ev  CS  Owner  Rating              Gaps\n1 Customer Insight\n 1.1 Customer Identification\n  1.1.1    1   1  ann    Compliance Plus     ok\n",
    );
    expect(out).toContain("  1.2.1    0   0  —      —                   no-evidence, no-owner, unrated,\n");
    const order = ["Summary", "Coverage by criterion", "Before the visit", "Advice (not gaps)"].map((h) =>
      out.indexOf(`\n${h}\n`),
    );
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(out).toContain("  7 of 8 elements covered; 7 with gaps.");
    expect(out).toContain("  1  Customer Insight");
  });

  it("is coloured on a terminal or with --color, never with NO_COLOR or --no-color", async () => {
    const esc = "\u001b[";
    expect((await gaps([])).stdout).not.toContain(esc);
    expect((await gaps([], undefined, { tty: true })).stdout).toContain(esc);
    expect((await gaps(["--color"])).stdout).toContain(esc);
    expect((await gaps([], undefined, { tty: true, env: { NO_COLOR: "1" } })).stdout).not.toContain(esc);
    expect((await gaps(["--no-color"], undefined, { tty: true })).stdout).not.toContain(esc);
    // Colour adds escapes only: the visible text still fits 80 columns.
    const coloured = (await gaps(["--color"], longNames())).stdout.replace(/\u001b\[[0-9;]*m/g, "");
    for (const line of coloured.split("\n")) expect(stringWidth(line)).toBeLessThanOrEqual(80);
  });
});

describe("cse gaps --format markdown", () => {
  it("puts the summary, findings and overdue actions first, then to-dos by owner, then the element table", async () => {
    const r = await gaps(["--format", "markdown"]);
    const headings = r.stdout.split("\n").filter((l) => l.startsWith("#"));
    expect(headings).toEqual([
      "# Gaps: Customer Service Excellence submission",
      "## Summary",
      "## Findings of the last assessment (2014-03-10)",
      "## Overdue actions",
      "## Before the visit",
      "### Ann Example",
      "### Bob Example",
      "### Cat Example",
      "### No owner yet",
      "## Advice",
      "## Elements",
    ]);
    // The assessor's comment holds a pipe: escaped, so the table keeps its columns.
    expect(r.stdout).toContain(
      "| 2.1.1 | Non-compliance | Leaders do not yet \\| put customers first. | **Open: no action yet** |",
    );
    expect(r.stdout).toContain("| 1.2.2 | Partial Compliance |  | 3 actions, 1 done |");
    expect(r.stdout).toContain("| 1.2.2 | Run a consultation | Bob Example | 2015-01-31 |");
    expect(r.stdout).toContain(
      "| 1.2.1 | 0 | 0 | — | — | `no-evidence`, `no-owner`, `unrated`, `no-statement` |",
    );
    expect(r.stdout).toContain("- **7 of 8** elements covered");
  });
});
