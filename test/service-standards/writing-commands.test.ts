import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCse } from "../helpers/run-cli.js";
import { testdir } from "../helpers/testdir.js";
import { serviceStandardsSubmission } from "./fixture.js";

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");

describe("cse record", () => {
  it("adds a result in period order, changing nothing else in the file", async () => {
    const dir = testdir(serviceStandardsSubmission());
    const before = read(dir, "service-standards/quarterly.yaml");
    const r = await runCse(["record", "SS-Q", "2026-Q1", "2.5", "--dir", dir, "--as-of", "2026-12-02"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Recorded SS-Q for January to March 2026 (Q1): 2.5 days, which meets the target (at most 3 days).",
    );
    expect(read(dir, "service-standards/quarterly.yaml")).toBe(
      before.replace(
        '  - { period: "2026-Q2"',
        '  - { period: "2026-Q1", value: 2.5 }\n  - { period: "2026-Q2"',
      ),
    );
    expect((await runCse(["validate", "--dir", dir])).code).toBe(0);
  });

  it("appends a later result with its note, and refuses a repeat without --replace", async () => {
    const dir = testdir(serviceStandardsSubmission());
    const asOf = ["--dir", dir, "--as-of", "2027-02-01"];
    expect(
      (await runCse(["record", "SS-L", "2027-01", "96", "--note", "Back on track, at last", ...asOf])).code,
    ).toBe(0);
    expect(read(dir, "service-standards/lapsed.yaml")).toMatch(
      /value: 80 }\n {2}- { period: "2027-01", value: 96, note: Back on track, at last }\n$/,
    );
    const again = await runCse(["record", "SS-L", "2027-01", "97", ...asOf]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("SS-L already has 96 for January 2027; add --replace to change it");
    expect((await runCse(["record", "SS-L", "2027-01", "97", "--replace", ...asOf])).code).toBe(0);
    expect(read(dir, "service-standards/lapsed.yaml")).toContain('{ period: "2027-01", value: 97 }');
  });

  it("refuses a period of the wrong kind, one not yet over, and an unknown standard", async () => {
    const dir = testdir(serviceStandardsSubmission());
    const before = read(dir, "service-standards/monthly.yaml");
    const run = (...args: string[]) => runCse(["record", ...args, "--dir", dir, "--as-of", "2026-12-02"]);
    expect((await run("SS-M", "2026-Q3", "90")).stderr).toContain(
      '"2026-Q3" is not a month: SS-M records one result a month',
    );
    expect((await run("SS-M", "2026-12", "90")).stderr).toContain("December 2026 has not ended yet");
    expect((await run("SS-X", "2026-11", "90")).stderr).toContain("there is no service standard");
    expect((await run("SS-M", "2026-11", "ninety")).stderr).toContain('"ninety" is not a number');
    expect(read(dir, "service-standards/monthly.yaml")).toBe(before);
  });

  it("fills an empty results list that cse new service-standard wrote", async () => {
    const dir = testdir(serviceStandardsSubmission());
    const made = await runCse([
      "new",
      "service-standard",
      "--title",
      "We call back within a day",
      "--elements",
      "1.1.1",
      "--target",
      "1",
      "--unit",
      "days",
      "--direction",
      "at-most",
      "--section",
      "it",
      "--dir",
      dir,
    ]);
    expect(made.code).toBe(0);
    const file = made.stdout.trim();
    expect(file).toBe("service-standards/SS-IT-1-we-call-back-within-a-day.yaml");
    expect(
      (await runCse(["record", "SS-IT-1", "2026-11", "0.8", "--dir", dir, "--as-of", "2026-12-02"])).code,
    ).toBe(0);
    expect(read(dir, file)).toMatch(/\nresults:\n {2}- { period: "2026-11", value: 0.8 }\n$/);
    expect((await runCse(["validate", "--dir", dir])).code).toBe(0);
  });
});

describe("cse finding new and cse visit next", () => {
  it("records the visit in scope with self-ratings, then moves cse.yaml on, keeping its comments", async () => {
    const files = serviceStandardsSubmission();
    files["cse.yaml"] = files["cse.yaml"]!.replace(
      "  date: 2015-03-10\n",
      '  date: 2015-03-10   # the review\n  # what the body asked for\n  scope: ["2.1"]\n  evidence_due: 2015-02-16\n',
    );
    const dir = testdir(files);
    const finding = await runCse(["finding", "new", "--dir", dir]);
    expect(finding.code).toBe(0);
    expect(finding.stdout).toBe("assessment/findings/2015-03-10-annual-review.yaml\n");
    const written = read(dir, "assessment/findings/2015-03-10-annual-review.yaml");
    // In scope: 2.1 (listed) and 1.2.1 (partial compliance in 2014). 1.2.1 is self-rated partial.
    expect(written).toContain(
      'results:\n  "1.2.1":\n    rating: partial-compliance\n    comment: ""\n  "2.1.1":\n',
    );
    expect(written).toMatch(/"2.1.2":\n {4}rating: compliance {4}# not self-rated/);
    expect(written).not.toContain('"1.1.1"');

    const next = await runCse([
      "visit",
      "next",
      "--date",
      "2016-03-08",
      "--kind",
      "annual-review",
      "--dir",
      dir,
    ]);
    expect(next.code).toBe(0);
    expect(read(dir, "cse.yaml")).toBe(
      files["cse.yaml"]
        .replace("2015-03-10   # the review", "2016-03-08   # the review")
        .replace('  # what the body asked for\n  scope: ["2.1"]\n  evidence_due: 2015-02-16\n', ""),
    );
    expect(next.stdout).toContain("Removed assessment.scope and assessment.evidence_due");
    const validate = await runCse(["validate", "--dir", dir, "--as-of", "2015-04-01"]);
    expect(validate.code).toBe(0);
  });

  it("refuses a next visit that is not after the current one, and never overwrites a finding", async () => {
    const dir = testdir(serviceStandardsSubmission());
    const r = await runCse(["visit", "next", "--date", "2015-03-10", "--kind", "reassessment", "--dir", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is not after the visit cse.yaml holds now (2015-03-10)");
    expect((await runCse(["finding", "new", "--dir", dir])).code).toBe(0);
    expect((await runCse(["finding", "new", "--dir", dir])).stderr).toContain("already exists");
  });
});
