import { describe, expect, it } from "vitest";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { PROJECT_ROOT, testdir } from "./helpers/testdir.js";
import { describe as describeItem } from "../src/inspect/details.js";
import { WorkTree } from "../src/load/source-tree.js";
import { readSubmission } from "../src/model/read-submission.js";
import { labelsOf } from "../src/output/labels.js";
import { formatDetailsText } from "../src/output/show-text.js";
import { today } from "../src/util/dates.js";
import stringWidth from "string-width";

const withDraft = () => ({
  ...minimalSubmission(),
  "evidence/drafts/E010.yaml": `id: E010
title: Engagement plan, still being written
description: Draft.
type: plan
date: 2014-08-01
status: draft
owner: bob
sections: [it]
elements: ["1.2.1"]
`,
});

function fits80(text: string): void {
  for (const line of text.split("\n")) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
}

describe("cse list", () => {
  it("lists the elements in standard order with their ready citations and self-rating", async () => {
    const dir = testdir(withDraft());
    const r = await runCse(["list", "elements", "--format", "json"], { cwd: dir });
    expect(r.code).toBe(0);
    const { elements } = JSON.parse(r.stdout);
    expect(elements.map((e: { id: string }) => e.id)).toEqual(["1.1.1", "1.1.2", "1.2.1", "2.1.1", "2.1.2"]);
    expect(elements[2]).toEqual({
      id: "1.2.1",
      criterion: "1",
      subcriterion: "1.2",
      text: "Engage customers.",
      evidence: 1,
      caseStudies: 1,
      drafts: 1,
      owner: "bob",
      rating: "partial-compliance",
    });
    const text = await runCse(["list", "elements"], { cwd: dir });
    expect(text.stdout).toMatch(
      /^ID {5}EV {2}CS {2}RATING {14}ELEMENT\n1\.1\.1 {2}1 {3}0 {3}compliance {10}Know who the customers are\.\n/,
    );
    expect(text.stdout).toContain("5 elements, 1 named by no ready evidence item or case study.");
  });

  it("answers “what cites 1.2.1?” with evidence and case studies, drafts marked", async () => {
    const dir = testdir(withDraft());
    const ev = await runCse(["list", "evidence", "--element", "1.2.1"], { cwd: dir });
    expect(ev.stdout).toBe(
      "ID    DATE        TYPE    STATUS  TITLE\n" +
        "E002  2014-07-01  policy  ready   Customer strategy\n" +
        "E010  2014-08-01  plan    draft   Engagement plan, still being written\n\n" +
        "2 evidence items (1 a draft).\n",
    );
    const cs = await runCse(["list", "case-studies", "--element", "1.2.1", "--format", "json"], { cwd: dir });
    expect(JSON.parse(cs.stdout).caseStudies).toEqual([
      {
        id: "CS01",
        title: "Listening to students",
        file: "evidence/case-studies/CS01.yaml",
        date: "2014-09-01",
        status: "ready",
        owner: "bob",
        sections: [],
        elements: ["1.2.1"],
        evidence: ["E002"],
      },
    ]);
  });

  it.each([
    [["evidence", "--status", "draft"], ["E010"]],
    [["evidence", "--section", "library"], ["E001"]],
    [["evidence", "--owner", "bob"], ["E010"]],
    [["evidence", "--type", "policy"], ["E002"]],
    [["evidence", "--criterion", "2"], ["E002"]],
    [
      ["elements", "--criterion", "1.1"],
      ["1.1.1", "1.1.2"],
    ],
    [["elements", "--owner", "ann"], ["1.1.1"]],
  ])("filters: list %j", async (args, ids) => {
    const dir = testdir(withDraft());
    const r = await runCse(["list", ...args, "--format", "json"], { cwd: dir });
    const data = JSON.parse(r.stdout);
    const rows = data.elements ?? data.evidence ?? data.caseStudies;
    expect(rows.map((x: { id: string }) => x.id)).toEqual(ids);
  });

  it.each([
    [["evidence", "--element", "1.2.9"], "Did you mean `1.2.1`"],
    [["evidence", "--owner", "bobby"], "Did you mean `bob`"],
    [["elements", "--type", "report"], "--type does not apply to cse list elements"],
    [["case-studies", "--type", "report"], "--type does not apply"],
    [["things"], "things"],
  ])("refuses list %j with exit 2", async (args, message) => {
    const r = await runCse(["list", ...args], { cwd: testdir(minimalSubmission()) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("fits 80 columns on the sample submission", async () => {
    for (const what of ["elements", "evidence", "case-studies"]) {
      const r = await runCse(["list", what]);
      expect(r.code).toBe(0);
      fits80(r.stdout);
    }
  });

  it("says when nothing matches", async () => {
    const r = await runCse(["list", "case-studies", "--status", "draft"], {
      cwd: testdir(minimalSubmission()),
    });
    expect(r.stdout).toBe("No case studies match.\n");
    expect(r.code).toBe(0);
  });
});

describe("cse show", () => {
  it("shows what an element asks, its self-assessment, the latest finding and what cites it", async () => {
    const dir = testdir(withDraft());
    const r = await runCse(["show", "1.2.1"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Element 1.2.1
1 Customer Insight › 1.2 Engagement

  Engage customers.

Self-assessment (assessment/self.yaml)
  Owner      bob (Bob Example)
  Rating     partial-compliance (Partial Compliance)
  Statement
    We engage customers.
  Actions
    [ ] Review engagement (bob, due 2015-01-31)

Latest finding (2014-03-10, initial): partial-compliance (Partial Compliance)
  Engagement is patchy.

Cited by 1 evidence item and 1 case study, and 1 draft
  E002  Customer strategy
        evidence/E002.yaml
  E010  Engagement plan, still being written (draft)
        evidence/drafts/E010.yaml
  CS01  Listening to students
        evidence/case-studies/CS01.yaml
`);
  });

  it("answers “what does E001 support?”, with notes, and the case studies naming an item", async () => {
    const dir = testdir(withDraft());
    const r = await runCse(["show", "E002", "--format", "json"], { cwd: dir });
    expect(JSON.parse(r.stdout)).toEqual({
      kind: "evidence",
      id: "E002",
      title: "Customer strategy",
      file: "evidence/E002.yaml",
      date: "2014-07-01",
      status: "ready",
      owner: null,
      sections: [],
      files: [],
      links: [],
      type: "policy",
      expires: null,
      description: "How we engage.",
      elements: [
        { id: "1.2.1", text: "Engage customers.", note: null },
        { id: "2.1.1", text: "Leaders put customers first.", note: null },
      ],
      related: [
        {
          id: "CS01",
          title: "Listening to students",
          file: "evidence/case-studies/CS01.yaml",
          status: "ready",
        },
      ],
    });
    const text = await runCse(["show", "E001"], { cwd: dir });
    expect(text.stdout).toContain(
      "Names 2 elements\n  1.1.1  Know who the customers are.\n  1.1.2  Understand what they need.\n         The profile's second half.\n",
    );
    expect(text.stdout).toContain("Sections   library (Library)");
    expect(text.stdout).toContain("Named by no case study");
  });

  it("shows a case study with the evidence behind it", async () => {
    const r = await runCse(["show", "CS01"], { cwd: testdir(minimalSubmission()) });
    expect(r.stdout).toContain("Case study CS01: Listening to students");
    expect(r.stdout).toContain("Narrative\n  We listened, and changed.\n");
    expect(r.stdout).toContain(
      "Backed by 1 evidence item\n  E002  Customer strategy\n        evidence/E002.yaml\n",
    );
  });

  it("shows a criterion with its elements, and matches an id whatever its case", async () => {
    const dir = testdir(minimalSubmission());
    expect((await runCse(["show", "2"], { cwd: dir })).stdout).toContain(
      "Criterion 2: Culture\n\n  ID     EV  CS  ELEMENT\n  2.1.1  1   0   Leaders put customers first.\n",
    );
    expect((await runCse(["show", "cs01"], { cwd: dir })).stdout).toContain("Case study CS01");
  });

  it("refuses an unknown id with exit 2 and the nearest ids", async () => {
    const dir = testdir(minimalSubmission());
    const r = await runCse(["show", "E003"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'cse: there is no element, evidence item or case study with the id "E003". Did you mean `E001` or `E002`?\n',
    );
    const far = await runCse(["show", "nothing-like-it"], { cwd: dir });
    expect(far.stderr).toContain("cse list elements");
  });

  it("fits 80 columns on every element and item of the sample", () => {
    // What `cse show ID` prints, for every element and a few others: the sample read once, each
    // shown by the functions the command calls (the command itself is run in the tests above).
    const s = readSubmission(new WorkTree(PROJECT_ROOT), { asOf: today() }).submission;
    const labels = labelsOf(s);
    for (const id of [...s.elements.map((e) => e.id), "E001", "E025", "CS03", "1", "4.3"]) {
      const details = describeItem(s, id);
      expect(details, id).toBeTruthy();
      fits80(formatDetailsText(details!, labels));
    }
  });
});
