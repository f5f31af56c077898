import { describe, expect, it } from "vitest";
import { minimalSubmission } from "../../test/helpers/minimal.js";
import { testdir } from "../../test/helpers/testdir.js";
import { WorkTree } from "../load/source-tree.js";
import { readSubmission } from "../model/read-submission.js";
import { analyseCoverage } from "./analyse-coverage.js";
import { diffSubmissions, type DiffInput } from "./diff-submissions.js";

const AS_OF = "2015-01-10";

function input(
  files: Record<string, string>,
  label: string,
  contents: Record<string, string> = {},
): DiffInput {
  const submission = readSubmission(new WorkTree(testdir(files)), { asOf: AS_OF }).submission;
  return {
    side: { label, commit: null, workTree: false, dirty: false },
    submission,
    coverage: analyseCoverage(submission, { asOf: AS_OF }),
    contents: new Map(Object.entries(contents)),
  };
}

function edit(changes: Record<string, string | null>): Record<string, string> {
  const files: Record<string, string> = { ...minimalSubmission() };
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) delete files[k];
    else files[k] = v;
  }
  return files;
}

describe("diffSubmissions", () => {
  it("finds nothing between equal states", () => {
    const d = diffSubmissions(input(minimalSubmission(), "a"), input(minimalSubmission(), "b"));
    expect(d.summary.unchanged).toBe(true);
    expect([d.elements, d.evidence, d.caseStudies, d.findings, d.actions]).toEqual([[], [], [], [], []]);
  });

  it("matches items by id: a moved file is a change of place, with its attachments followed", () => {
    const base = minimalSubmission();
    const before = edit({
      "evidence/E001.yaml": base["evidence/E001.yaml"]! + "files: [profile.pdf]\n",
      "evidence/profile.pdf": "v1",
    });
    const after = edit({
      "evidence/E001.yaml": null,
      "evidence/2014/E001.yaml": base["evidence/E001.yaml"]! + "files: [../profile.pdf]\n",
      "evidence/profile.pdf": "v1",
    });
    const d = diffSubmissions(
      input(before, "a", { "evidence/profile.pdf": "id1" }),
      input(after, "b", { "evidence/profile.pdf": "id1" }),
    );
    expect(d.evidence).toEqual([
      {
        id: "E001",
        kind: "evidence",
        status: "changed",
        title: "Customer profile",
        file: "evidence/2014/E001.yaml",
        movedFrom: "evidence/E001.yaml",
        fields: [],
        elements: { added: [], removed: [] },
        readiness: null,
        draft: false,
      },
    ]);
    expect(d.elements).toEqual([]);
  });

  it("notices an attachment whose bytes changed, and fields that changed", () => {
    const base = minimalSubmission();
    const before = edit({
      "evidence/E001.yaml": base["evidence/E001.yaml"]! + "files: [profile.pdf]\n",
      "evidence/profile.pdf": "v1",
    });
    const after = edit({
      "evidence/E001.yaml":
        base["evidence/E001.yaml"]!.replace("2014-06-01", "2014-12-01") + "files: [profile.pdf]\n",
      "evidence/profile.pdf": "v2",
    });
    const d = diffSubmissions(
      input(before, "a", { "evidence/profile.pdf": "id1" }),
      input(after, "b", { "evidence/profile.pdf": "id2" }),
    );
    expect(d.evidence.map((e) => [e.id, e.fields])).toEqual([["E001", ["date", "attachments"]]]);
  });

  it("reports coverage, gaps, rating, owner and statement changes per element", () => {
    const base = minimalSubmission();
    const after = edit({
      "evidence/E003.yaml":
        'id: E003\ntitle: Survey\ndescription: d\ntype: survey\ndate: 2014-10-01\nelements: ["2.1.2"]\n',
      "assessment/self.yaml": base["assessment/self.yaml"]!.replace(
        "rating: partial-compliance",
        "rating: compliance",
      ).replace(
        "owner: ann\n    rating: compliance\n    statement: We know our customers well.",
        "owner: cat\n    rating: compliance\n    statement: |\n      We know our\n      customers well.",
      ),
    });
    const d = diffSubmissions(input(minimalSubmission(), "a"), input(after, "b"));
    const byId = Object.fromEntries(d.elements.map((e) => [e.id, e]));
    expect(Object.keys(byId)).toEqual(["1.1.1", "1.2.1", "2.1.2"]);
    // A reflowed statement is not a change; a new owner is.
    expect(byId["1.1.1"]).toMatchObject({
      owner: { from: "ann", to: "cat" },
      statement: null,
      evidence: null,
    });
    expect(byId["1.2.1"]).toMatchObject({
      rating: { from: "partial-compliance", to: "compliance" },
      gaps: { added: [], removed: ["below-standard"] },
    });
    expect(byId["2.1.2"]).toMatchObject({
      evidence: { from: 0, to: 1 },
      cited: { added: ["E003"], removed: [] },
      gaps: { removed: ["no-evidence"] },
    });
    expect(d.evidence.map((e) => [e.status, e.id])).toEqual([["added", "E003"]]);
    expect(d.summary.covered).toEqual({ from: 4, to: 5 });
    expect(d.labels.people.cat).toBe("Cat Example");
  });

  it("reports drafts becoming ready, findings and actions", () => {
    const base = minimalSubmission();
    const before = edit({ "evidence/E002.yaml": base["evidence/E002.yaml"]! + "status: draft\n" });
    const after = edit({
      "assessment/self.yaml":
        base["assessment/self.yaml"]!.replace(
          "due: 2015-01-31\n        done: false",
          "due: 2015-03-01\n        done: true",
        ) +
        `  "2.1.1":\n    actions:\n      - title: Train leaders\n        owner: ann\n        due: 2015-02-01\n`,
      "assessment/findings/2014.yaml": base["assessment/findings/2014.yaml"]!.replace(
        "rating: partial-compliance",
        "rating: non-compliance",
      ),
      "assessment/findings/2015.yaml":
        'date: 2015-03-10\nkind: annual-review\nresults:\n  "1.2.1":\n    rating: compliance\n',
    });
    const d = diffSubmissions(input(before, "a"), input(after, "b"));
    expect(d.evidence).toMatchObject([
      { id: "E002", status: "changed", fields: ["status"], readiness: { from: "draft", to: "ready" } },
    ]);
    expect(d.findings).toEqual([
      {
        date: "2014-03-10",
        kind: "initial",
        status: "changed",
        file: "assessment/findings/2014.yaml",
        fields: [],
        results: [{ element: "1.2.1", from: "partial-compliance", to: "non-compliance", comment: false }],
      },
      {
        date: "2015-03-10",
        kind: "annual-review",
        status: "added",
        file: "assessment/findings/2015.yaml",
        fields: [],
        results: [{ element: "1.2.1", from: null, to: "compliance", comment: false }],
      },
    ]);
    expect(d.actions).toEqual([
      {
        element: "1.2.1",
        title: "Review engagement",
        status: "changed",
        fields: ["done", "due"],
        done: true,
        due: "2015-03-01",
        owner: "bob",
        before: { done: false, due: "2015-01-31", owner: "bob" },
      },
      {
        element: "2.1.1",
        title: "Train leaders",
        status: "added",
        fields: [],
        done: false,
        due: "2015-02-01",
        owner: "ann",
        before: null,
      },
    ]);
  });

  it("reports changed settings of cse.yaml and items added as drafts", () => {
    const base = minimalSubmission();
    const after = edit({
      "cse.yaml":
        base["cse.yaml"]!.replace(
          "kind: annual-review\n  date: 2015-03-10",
          "kind: reassessment\n  date: 2016-03-10",
        ) + "rules:\n  min_evidence: 2\n",
      "evidence/E003.yaml":
        'id: E003\ntitle: Draft\ndescription: d\ntype: plan\ndate: 2014-10-01\nstatus: draft\nelements: ["2.1.2"]\n',
    });
    const d = diffSubmissions(input(minimalSubmission(), "a"), input(after, "b"));
    expect(d.settings).toEqual([
      { field: "assessment.kind", from: "annual-review", to: "reassessment" },
      { field: "assessment.date", from: "2015-03-10", to: "2016-03-10" },
      { field: "rules.min_evidence", from: 1, to: 2 },
    ]);
    expect(d.evidence).toMatchObject([{ id: "E003", status: "added", draft: true }]);
    // A draft counts for nothing, so element 2.1.2 did not change.
    expect(d.elements.find((e) => e.id === "2.1.2")).toBeUndefined();
  });
});
