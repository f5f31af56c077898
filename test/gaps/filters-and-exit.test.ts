import { describe, expect, it } from "vitest";
import { runCse } from "../helpers/run-cli.js";
import { testdir } from "../helpers/testdir.js";
import { everyGapSubmission } from "./every-gap-fixture.js";

async function gaps(args: string[], files = everyGapSubmission()) {
  const dir = testdir(files);
  const r = await runCse(["gaps", "--as-of", "2015-02-01", ...args], { cwd: dir });
  return { ...r, json: r.code !== 2 && r.stdout.startsWith("{") ? JSON.parse(r.stdout) : null };
}

const ids = (json: { elements: { id: string }[] }) => json.elements.map((el) => el.id);

describe("cse gaps filters", () => {
  it("--criterion takes a criterion or a sub-criterion", async () => {
    expect(ids((await gaps(["--format", "json", "--criterion", "2"])).json)).toEqual([
      "2.1.1",
      "2.1.2",
      "2.1.10",
    ]);
    expect(ids((await gaps(["--format", "json", "--criterion", "1.2"])).json)).toEqual(["1.2.1", "1.2.2"]);
  });

  it("--owner lists the elements a person owns, and counts over them only", async () => {
    const { json } = await gaps(["--format", "json", "--owner", "ann"]);
    expect(ids(json)).toEqual(["1.1.1", "1.1.2", "2.1.10"]);
    expect(json.summary).toEqual({
      elements: 3,
      covered: 3,
      withGaps: 2,
      byCode: { "thin-evidence": 1, "plus-without-case-study": 1, "over-budget": 1 },
    });
  });

  it("--section matches the owner's section or a ready item for that section, never a draft's", async () => {
    // library: ann owns 1.1.1, 1.1.2, 2.1.10; E1 (library) names 1.1.1, 1.1.2, 2.1.1.
    expect(ids((await gaps(["--format", "json", "--section", "library"])).json)).toEqual([
      "1.1.1",
      "1.1.2",
      "2.1.1",
      "2.1.10",
    ]);
    // it: bob owns 1.1.3 and 2.1.1; E3 (it) names 1.1.3; the draft E4 (it) names 1.2.1 but does not count.
    expect(ids((await gaps(["--format", "json", "--section", "it"])).json)).toEqual(["1.1.3", "2.1.1"]);
  });

  it("--only keeps the elements with those codes and shows only those codes", async () => {
    const { json } = await gaps(["--format", "json", "--only", "unrated,no-owner"]);
    expect(json.elements.map((el: { id: string; gaps: string[] }) => [el.id, el.gaps])).toEqual([
      ["1.2.1", ["no-owner", "unrated"]],
      ["2.1.2", ["no-owner", "unrated"]],
    ]);
    expect(json.summary).toEqual({
      elements: 2,
      covered: 1,
      withGaps: 2,
      byCode: { "no-owner": 2, unrated: 2 },
    });
  });

  it("combines filters", async () => {
    const { json } = await gaps(["--format", "json", "--owner", "ann", "--only", "thin-evidence"]);
    expect(ids(json)).toEqual(["2.1.10"]);
  });

  it("shows the filters and an empty result plainly in the table", async () => {
    const r = await gaps(["--owner", "ann", "--only", "no-evidence"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--owner ann --only no-evidence");
    expect(r.stdout).toContain("No elements match the filters.");
  });
});

describe("cse gaps --fail-on and exit statuses", () => {
  it("exits 0 without --fail-on, whatever the gaps", async () => {
    expect((await gaps([])).code).toBe(0);
  });

  it("exits 1 when a listed element has a named gap, and says which on stderr", async () => {
    const r = await gaps(["--fail-on", "stale-evidence,open-finding"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("cse gaps: failing on stale-evidence (1), open-finding (1)\n");
    expect(r.stdout).toContain("Before the visit");
  });

  it("exits 0 when the named gaps are only on elements the filters leave out", async () => {
    expect((await gaps(["--fail-on", "open-finding", "--criterion", "1"])).code).toBe(0);
    expect((await gaps(["--fail-on", "open-finding", "--only", "stale-evidence"])).code).toBe(0);
    expect((await gaps(["--fail-on", "open-finding", "--criterion", "2"])).code).toBe(1);
  });

  it("exits 2 on an unknown gap code, listing the codes", async () => {
    for (const flag of ["--fail-on", "--only"]) {
      const r = await gaps([flag, "no-evidence,stale"]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(`${flag}: "stale" is not a gap code. Did you mean \`stale-evidence\`?`);
      expect(r.stderr).toContain(
        "The codes are: no-evidence, thin-evidence, stale-evidence, no-owner, unrated, no-statement, below-standard, open-finding, overdue-action, plus-without-case-study, over-budget",
      );
    }
    expect((await gaps(["--fail-on", ","])).code).toBe(2);
  });

  it("exits 2 on an unknown criterion, person or section, or a bad flag value", async () => {
    const owner = await gaps(["--owner", "anne"]);
    expect(owner.code).toBe(2);
    expect(owner.stderr).toContain('--owner: "anne" is not a person in cse.yaml. Did you mean `ann`?');
    expect((await gaps(["--criterion", "9"])).stderr).toContain("The criteria are: 1, 2");
    expect((await gaps(["--section", "archives"])).stderr).toContain("The sections are: library, it");
    expect((await gaps(["--format", "xml"])).code).toBe(2);
    expect((await gaps(["--as-of", "2015-02-30"])).code).toBe(2);
    const noRoot = await runCse(["gaps"], { cwd: testdir({}) });
    expect(noRoot.code).toBe(2);
    expect(noRoot.stderr).toContain("no cse.yaml found");
  });

  it("refuses a submission with validation errors: exit 1, the errors on stderr, nothing on stdout", async () => {
    const files = everyGapSubmission();
    files["evidence/E8.yaml"] =
      `id: E8\ntitle: Typo\ndescription: x\ntype: report\ndate: 2014-01-01\nelements: ["9.9.9"]\n`;
    const r = await gaps(["--format", "json"], files);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("evidence/E8.yaml");
    expect(r.stderr).toContain("unknown-element");
    expect(r.stderr).toContain("cse gaps: the submission has an error; fix it first");
  });

  it("does not let warnings stop it", async () => {
    // The 11-word statement is an over-budget warning for validate, and a gap here.
    const r = await gaps(["--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.json.summary.byCode["over-budget"]).toBe(1);
  });
});
