import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { visitScope } from "../../src/analyse/visit-scope.js";
import { WorkTree } from "../../src/load/source-tree.js";
import { readSubmission } from "../../src/model/read-submission.js";
import { commitAll, gitRepo, writeFiles } from "../helpers/git-repo.js";
import { runCse } from "../helpers/run-cli.js";
import { testdir } from "../helpers/testdir.js";
import { serviceStandardsSubmission } from "./fixture.js";

function withVisit(kind: string, scope: string | null): Record<string, string> {
  const files = serviceStandardsSubmission();
  files["cse.yaml"] = files["cse.yaml"]!.replace(
    "  kind: annual-review\n",
    `  kind: ${kind}\n${scope === null ? "" : `  scope: ${scope}\n`}`,
  );
  return files;
}

function scopeOf(files: Record<string, string>) {
  const checked = readSubmission(new WorkTree(testdir(files)), { asOf: "2015-01-01" });
  expect(checked.errorCount).toBe(0);
  return visitScope(checked.submission);
}

describe("the visit scope", () => {
  it("is every element at an initial assessment or reassessment", () => {
    expect(scopeOf(withVisit("reassessment", '["2.1"]')).all).toBe(true);
    expect(scopeOf(withVisit("initial", null)).elements).toHaveLength(5);
  });

  it("is the listed criteria, sub-criteria and elements plus last time's below-standard elements", () => {
    const scope = scopeOf(withVisit("annual-review", '["2", "1.1.2"]'));
    expect(scope.all).toBe(false);
    expect(scope.elements).toEqual([
      { id: "1.1.2", reasons: [{ kind: "listed", via: "1.1.2" }] },
      {
        id: "1.2.1",
        reasons: [{ kind: "below-standard", rating: "partial-compliance", date: "2014-03-10" }],
      },
      { id: "2.1.1", reasons: [{ kind: "listed", via: "2" }] },
      { id: "2.1.2", reasons: [{ kind: "listed", via: "2" }] },
    ]);
  });

  it("is every element without a scope and without a finding", () => {
    const files = withVisit("annual-review", null);
    delete files["assessment/findings/2014.yaml"];
    expect(scopeOf(files).all).toBe(true);
  });

  it("narrows gaps with --scope visit, and validate reports an unknown id in it", async () => {
    const dir = testdir(withVisit("annual-review", '["2.1"]'));
    const r = await runCse([
      "gaps",
      "--dir",
      dir,
      "--scope",
      "visit",
      "--format",
      "json",
      "--as-of",
      "2015-01-01",
    ]);
    const report = JSON.parse(r.stdout);
    expect(report.elements.map((e: { id: string }) => e.id)).toEqual(["1.2.1", "2.1.1", "2.1.2"]);
    expect(report.summary.elements).toBe(3);
    const bad = testdir(withVisit("annual-review", '["2.9"]'));
    const v = await runCse(["validate", "--dir", bad, "--format", "json"]);
    expect(JSON.parse(v.stdout).diagnostics).toMatchObject([
      {
        file: "cse.yaml",
        line: 4,
        code: "unknown-element",
        message: expect.stringContaining('unknown id "2.9"'),
      },
    ]);
  });

  it("counts the days to assessment.evidence_due in gaps", async () => {
    const files = serviceStandardsSubmission();
    files["cse.yaml"] = files["cse.yaml"]!.replace(
      "  date: 2015-03-10\n",
      "  date: 2015-03-10\n  evidence_due: 2015-02-16\n",
    );
    const dir = testdir(files);
    const table = await runCse(["gaps", "--dir", dir, "--as-of", "2015-02-04"]);
    expect(table.stdout).toContain("Before the evidence goes in (due in 12 days, 2015-02-16)");
    const json = JSON.parse(
      (await runCse(["gaps", "--dir", dir, "--as-of", "2015-02-17", "--format", "json"])).stdout,
    );
    expect(json.evidenceDue).toEqual({ date: "2015-02-16", daysLeft: -1 });
  });
});

describe("the pack", () => {
  it("has the service standards with met or missed in words and a trend chart with its text alternative", async () => {
    const dir = testdir(serviceStandardsSubmission());
    const r = await runCse(["build", "--dir", dir, "--format", "html", "--as-of", "2026-12-01"], {
      env: { SOURCE_DATE_EPOCH: "1764547200" },
    });
    expect(r.code).toBe(0);
    const html = fs.readFileSync(path.join(dir, "out/submission.html"), "utf8");
    expect(html).toContain("Our service standards and how we did");
    expect(html).toContain('id="ss-SS-M"');
    // SS-M on 2026-12-01: October 90 (met), November 89.9 (missed); December is not yet complete.
    expect(html).toContain("In November 2026: 89.9%, which missed the target.");
    expect(html).toMatch(/October 2026<\/th>\s*<td[^>]*>90%<\/td>\s*<td[^>]*>Met/);
    expect(html).toContain("November 2026: 89.9%, missed.");
    expect(html).not.toContain("December 2026: 95%");
    expect(html).toMatch(/<svg role="img"[^>]*aria-describedby="trend-1-desc"/);
  });

  it("builds a review pack of the visit's scope that says why each element is in it, with the changes since the last visit", async () => {
    const files = withVisit("annual-review", '["2.1"]');
    const dir = gitRepo(files);
    commitAll(dir, "at the last visit", "2014-03-01");
    writeFiles(dir, {
      "evidence/E003.yaml":
        'id: E003\ntitle: Leadership report\ndescription: How leaders act.\ntype: report\ndate: 2014-10-01\nelements: ["2.1.1"]\n',
    });
    commitAll(dir, "after the visit", "2014-11-01");
    const r = await runCse(
      ["build", "--dir", dir, "--format", "html", "--scope", "visit", "--as-of", "2015-01-01"],
      {
        env: { SOURCE_DATE_EPOCH: "1420070400" },
      },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const html = fs.readFileSync(path.join(dir, "out/submission.html"), "utf8");
    expect(html).toContain("Scope of this visit");
    expect(html).toMatch(
      /1\.2\.1<\/a><\/th>\s*<td[^>]*>rated Partial Compliance at the assessment on 10 March 2014/,
    );
    expect(html).toMatch(/2\.1\.1<\/a><\/th>\s*<td[^>]*>named for this visit \(sub-criterion 2\.1\)/);
    expect(html).not.toContain('id="el-1.1.1"');
    expect(html).toContain('id="progress-1.2.1"');
    expect(html).toContain("Changes since the last visit (2014-03-10)");
    expect(html).toContain("E003");
  });
});
