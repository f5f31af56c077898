import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

// A submission written only to FORMAT.md, using what the sample does not: a standard in another
// folder, .yml files, letter ids, ids that sort naturally (2 before 10, 10.2.9 before 10.2.10),
// a two-step rating scale, nested folders, no people, a finding with only `unlisted`.
const FILES: Record<string, string> = {
  "cse.yaml": `organisation: "Café Ŵ & <Co>"
standard: std
assessment: {kind: reassessment, date: 2021-01-31}
sections: [{id: front, name: Front desk}]
rules: {min_evidence: 1, evidence_max_age_months: 1}
build: {formats: [html], language: cy}
`,
  "std/standard.yml": `id: mini
title: Mini Standard
ratings:
  - {id: good, label: Good, meets: true}
  - {id: bad, label: Bad, meets: false}
`,
  "std/c10.yml": `id: "10"
title: Ten
subcriteria:
  - id: "10.2"
    title: Two
    elements:
      - {id: "10.2.10", text: Ten}
      - {id: "10.2.9", text: Nine}
`,
  "std/nested/c2.yml": `id: "2"
title: Two
subcriteria:
  - id: A.1
    title: A
    elements:
      - {id: A.1.x, text: "Letter id"}
`,
  "evidence/a/b/e.yml": `id: e-1
title: Thing
description: "A *thing* with [a link](https://x.example) and <b>html</b>"
type: other
date: 2020-12-31
expires: 2021-01-31
files: [../../att.txt]
elements: [{element: "10.2.9", note: "n"}]
`,
  "evidence/att.txt": "hi\n",
  "evidence/case-studies/x/cs.yaml": `id: cs_1
title: Story
date: 2020-06-01
summary: s
narrative: n
elements: [A.1.x]
`,
  "assessment/sub/self.yml": `elements:
  "10.2.10": {rating: good}
  A.1.x: {rating: good, statement: "Yes."}
`,
  "assessment/findings/2020/f.yml": `date: 2020-01-01
kind: annual-review
unlisted: bad
`,
};

describe("a submission unlike the sample, written to FORMAT.md", () => {
  it("validates, finds its gaps in natural order, and builds", async () => {
    const dir = testdir(FILES);
    const v = await runCse(["validate", "--as-of", "2021-01-01", "--format", "json"], { cwd: dir });
    expect(JSON.parse(v.stdout).diagnostics).toEqual([]);
    expect(v.code).toBe(0);

    const g = await runCse(["gaps", "--as-of", "2021-01-01", "--format", "json"], { cwd: dir });
    expect(g.code).toBe(0);
    const report = JSON.parse(g.stdout);
    expect(report.visitDay).toBe("2021-01-31");
    expect(
      report.elements.map((e: { id: string; gaps: string[]; evidence: number; caseStudies: number }) => [
        e.id,
        e.evidence,
        e.caseStudies,
        e.gaps,
      ]),
    ).toEqual([
      ["A.1.x", 0, 1, ["no-owner", "open-finding"]],
      // e-1 is dated exactly one month before the visit and expires on the visit day: current.
      ["10.2.9", 1, 0, ["no-owner", "unrated", "no-statement", "open-finding"]],
      [
        "10.2.10",
        0,
        0,
        ["no-evidence", "no-owner", "no-statement", "open-finding", "plus-without-case-study"],
      ],
    ]);
    expect(report.summary).toEqual({
      elements: 3,
      covered: 2,
      withGaps: 3,
      byCode: {
        "no-evidence": 1,
        "no-owner": 3,
        unrated: 1,
        "no-statement": 2,
        "open-finding": 3,
        "plus-without-case-study": 1,
      },
    });

    const b = await runCse(["build"], { cwd: dir, env: { SOURCE_DATE_EPOCH: "1609459200" } });
    expect(b.code).toBe(0);
    expect(fs.existsSync(path.join(dir, "out/submission.pdf"))).toBe(false);
    const html = fs.readFileSync(path.join(dir, "out/submission.html"), "utf8");
    expect(html).toMatch(/<html lang="cy"/);
    expect(html).toContain("Café Ŵ &amp; &lt;Co&gt;");
    expect(html).not.toContain("<b>html</b>");
    expect(html.indexOf('id="el-A.1.x"')).toBeLessThan(html.indexOf('id="el-10.2.9"'));
    expect(html.indexOf('id="el-10.2.9"')).toBeLessThan(html.indexOf('id="el-10.2.10"'));
  });

  it("a day later the evidence has expired and is stale", async () => {
    const files = {
      ...FILES,
      "cse.yaml": FILES["cse.yaml"]!.replace("date: 2021-01-31", "date: 2021-02-01"),
    };
    const g = await runCse(["gaps", "--as-of", "2021-01-01", "--format", "json"], { cwd: testdir(files) });
    const el = JSON.parse(g.stdout).elements.find((e: { id: string }) => e.id === "10.2.9");
    expect(el.gaps).toContain("stale-evidence");
  });
});
