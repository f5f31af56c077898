import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commitAll, gitIn, gitRepo, repoTemplate, writeFiles } from "./helpers/git-repo.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse, spawnCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

const AS_OF = ["--as-of", "2015-01-10"];

/** assessed-2014: the minimal submission with an attachment. Then a year of work, committed. */
function makeYearOfWork(): { dir: string; tagged: string; head: string } {
  const base = minimalSubmission();
  const dir = gitRepo({
    ...base,
    "evidence/E001.yaml": base["evidence/E001.yaml"] + "files: [profile.pdf]\n",
    "evidence/profile.pdf": "%PDF v1",
  });
  const tagged = commitAll(dir, "Submission for the initial assessment", "2014-03-01");
  gitIn(dir, ["tag", "assessed-2014"]);
  fs.mkdirSync(path.join(dir, "evidence/2014"));
  gitIn(dir, ["mv", "evidence/E001.yaml", "evidence/2014/E001.yaml"]);
  writeFiles(dir, {
    "evidence/2014/E001.yaml": base["evidence/E001.yaml"] + "files: [../profile.pdf]\n",
    "evidence/profile.pdf": "%PDF v2",
    "evidence/E003.yaml":
      'id: E003\ntitle: Customer survey 2014\ndescription: Results.\ntype: survey\ndate: 2014-10-01\nelements: ["2.1.2"]\n',
    "assessment/self.yaml": base["assessment/self.yaml"]!.replace(
      "rating: partial-compliance",
      "rating: compliance",
    ).replace("done: false", "done: true"),
  });
  const head = commitAll(dir, "A year of work", "2014-11-01");
  return { dir, tagged, head };
}

const yearOfWork = repoTemplate(makeYearOfWork);

describe("cse diff", () => {
  it("shows what changed since a tag, as a table", async () => {
    const { dir, tagged, head } = yearOfWork();
    const r = await runCse(["diff", "assessed-2014", ...AS_OF], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout)
      .toBe(`Changes from assessed-2014 (${tagged.slice(0, 12)}) to the work tree (${head.slice(0, 12)}, no
uncommitted changes)
Judged as of 2015-01-10: elements covered 4 → 5 of 5; elements with gaps 4 → 3.

Elements (2 changed)
  ~ 1.2.1  gaps closed: below-standard; self-rating Partial Compliance →
           Compliance
  ~ 2.1.2  evidence 0 → 1; now cited by E003; gaps closed: no-evidence

Evidence items (1 added, 1 changed)
  + E003  Customer survey 2014: added in evidence/E003.yaml; names 2.1.2
  ~ E001  Customer profile: changed attachments; moved from evidence/E001.yaml
          to evidence/2014/E001.yaml

Actions (1 changed)
  ~ 1.2.1  Review engagement: now done
`);
  });

  it("gives the same diff as JSON and Markdown, and compares two revisions without the work tree", async () => {
    const { dir } = yearOfWork();
    gitIn(dir, ["tag", "assessed-2015"]);
    // The work tree no longer even holds the submission.
    for (const name of ["cse.yaml", "criteria", "evidence", "assessment"])
      fs.rmSync(path.join(dir, name), { recursive: true });
    const json = await runCse(["diff", "assessed-2014", "assessed-2015", ...AS_OF, "--format", "json"], {
      cwd: dir,
    });
    expect(json.code).toBe(0);
    const d = JSON.parse(json.stdout);
    expect(d.from).toMatchObject({ label: "assessed-2014", workTree: false });
    expect(d.to).toMatchObject({ label: "assessed-2015", workTree: false, dirty: false });
    expect(d.summary).toEqual({
      elements: 2,
      standardElements: 5,
      covered: { from: 4, to: 5 },
      withGaps: { from: 4, to: 3 },
      items: { added: 1, removed: 0, changed: 1 },
      findings: 0,
      actions: 1,
      unchanged: false,
    });
    expect(
      d.evidence.map((e: { id: string; status: string; fields: string[] }) => [e.id, e.status, e.fields]),
    ).toEqual([
      ["E003", "added", []],
      ["E001", "changed", ["attachments"]],
    ]);

    const md = await runCse(["diff", "assessed-2014", "assessed-2015", ...AS_OF, "--format", "markdown"], {
      cwd: dir,
    });
    expect(md.stdout).toContain(
      "| added | E003 | Customer survey 2014 | added in evidence/E003.yaml; names 2.1.2 |",
    );
    expect(md.stdout).toMatch(
      /^# Changes from assessed-2014 \([0-9a-f]{12}\) to assessed-2015 \([0-9a-f]{12}\)\n/,
    );
  });

  it("includes uncommitted work, says so, and reports removals and deletions", async () => {
    const { dir } = yearOfWork();
    writeFiles(dir, { "evidence/case-studies/CS01.yaml": null });
    const r = await runCse(["diff", "HEAD", ...AS_OF, "--format", "json"], { cwd: dir });
    const d = JSON.parse(r.stdout);
    expect(d.to).toMatchObject({ label: "work tree", workTree: true, dirty: true });
    expect(d.caseStudies).toEqual([
      {
        id: "CS01",
        kind: "case-study",
        status: "removed",
        title: "Listening to students",
        file: "evidence/case-studies/CS01.yaml",
        movedFrom: null,
        fields: [],
        elements: { added: [], removed: ["1.2.1"] },
        readiness: null,
        draft: false,
      },
    ]);
    const table = await runCse(["diff", "HEAD", ...AS_OF], { cwd: dir });
    expect(table.stdout).toMatch(/with\suncommitted\schanges/);
    expect(table.stdout).toContain(
      "  - CS01  Listening to students: removed from evidence/case-studies/CS01.yaml",
    );
  });

  it("says plainly when nothing changed", async () => {
    const { dir } = yearOfWork();
    const r = await runCse(["diff", "HEAD", ...AS_OF], { cwd: dir });
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("No changes.");
  });

  it("warns when a side has validation errors, and still compares", async () => {
    const { dir } = yearOfWork();
    writeFiles(dir, { "evidence/E002.yaml": null });
    const r = await runCse(["diff", "assessed-2014", ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "cse diff: the work tree has a validation error; the comparison uses what could be read (cse validate shows it)\n",
    );
    expect(r.stdout).toContain("  - E002  Customer strategy: removed from evidence/E002.yaml");
  });

  it("ends with exit 2 and a clear message outside git or for an unknown revision", async () => {
    const plain = testdir(minimalSubmission());
    const outside = await runCse(["diff", "HEAD"], { cwd: plain });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^cse: .* is not inside a git repository; cse diff needs one/);
    const { dir } = yearOfWork();
    const unknown = await runCse(["diff", "assessed-2013"], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^cse: unknown revision "assessed-2013"/);
    const bad = await runCse(["diff", "HEAD", "--format", "csv"], { cwd: dir });
    expect(bad.code).toBe(2);
  });

  it("gives the same from the real binary, and a git error without a stack trace", async () => {
    const { dir } = yearOfWork();
    const inProcess = await runCse(["diff", "assessed-2014", ...AS_OF, "--format", "json"], { cwd: dir });
    const spawned = spawnCse(["diff", "assessed-2014", ...AS_OF, "--format", "json"], { cwd: dir });
    expect(spawned).toEqual({ code: 0, stdout: inProcess.stdout, stderr: "" });
    const bad = spawnCse(["diff", "no-such-tag"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^cse: unknown revision "no-such-tag".*\n$/);
    expect(bad.stderr.split("\n")).toHaveLength(2);
  });
});
