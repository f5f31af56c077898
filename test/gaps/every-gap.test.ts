import { describe, expect, it } from "vitest";
import { runCse } from "../helpers/run-cli.js";
import { testdir } from "../helpers/testdir.js";
import { everyGapSubmission } from "./every-gap-fixture.js";

const EXPECTED = [
  {
    id: "1.1.1",
    criterion: "1",
    subcriterion: "1.1",
    evidence: 1,
    caseStudies: 1,
    owner: "ann",
    rating: "compliance-plus",
    gaps: [],
  },
  {
    id: "1.1.2",
    criterion: "1",
    subcriterion: "1.1",
    evidence: 2,
    caseStudies: 0,
    owner: "ann",
    rating: "compliance-plus",
    gaps: ["plus-without-case-study", "over-budget"],
  },
  {
    id: "1.1.3",
    criterion: "1",
    subcriterion: "1.1",
    evidence: 2,
    caseStudies: 0,
    owner: "bob",
    rating: "compliance",
    gaps: ["stale-evidence"],
  },
  {
    id: "1.2.1",
    criterion: "1",
    subcriterion: "1.2",
    evidence: 0,
    caseStudies: 0,
    owner: null,
    rating: null,
    gaps: ["no-evidence", "no-owner", "unrated", "no-statement"],
  },
  {
    id: "1.2.2",
    criterion: "1",
    subcriterion: "1.2",
    evidence: 1,
    caseStudies: 0,
    owner: "cat",
    rating: "partial-compliance",
    gaps: ["thin-evidence", "no-statement", "below-standard", "overdue-action"],
  },
  {
    id: "2.1.1",
    criterion: "2",
    subcriterion: "2.1",
    evidence: 2,
    caseStudies: 0,
    owner: "bob",
    rating: "non-compliance",
    gaps: ["below-standard", "open-finding"],
  },
  {
    id: "2.1.2",
    criterion: "2",
    subcriterion: "2.1",
    evidence: 2,
    caseStudies: 0,
    owner: null,
    rating: null,
    gaps: ["no-owner", "unrated"],
  },
  {
    id: "2.1.10",
    criterion: "2",
    subcriterion: "2.1",
    evidence: 0,
    caseStudies: 1,
    owner: "ann",
    rating: "compliance",
    gaps: ["thin-evidence"],
  },
];

describe("cse gaps on a fixture with every gap code", () => {
  it("gives every element its hand-computed counts and gaps, in FORMAT.md's JSON shape", async () => {
    const dir = testdir(everyGapSubmission());
    const r = await runCse(["gaps", "--as-of", "2015-02-01", "--format", "json"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["asOf", "visitDay", "summary", "elements", "advisories"]);
    expect(json.asOf).toBe("2015-02-01");
    expect(json.visitDay).toBe("2015-03-10");
    expect(json.elements).toEqual(EXPECTED);
    for (const el of json.elements) {
      expect(Object.keys(el)).toEqual([
        "id",
        "criterion",
        "subcriterion",
        "evidence",
        "caseStudies",
        "owner",
        "rating",
        "gaps",
      ]);
    }
    expect(Object.keys(json.summary)).toEqual(["elements", "covered", "withGaps", "byCode"]);
    expect(json.summary).toEqual({
      elements: 8,
      covered: 7,
      withGaps: 7,
      byCode: {
        "no-evidence": 1,
        "thin-evidence": 2,
        "stale-evidence": 1,
        "no-owner": 2,
        unrated: 2,
        "no-statement": 2,
        "below-standard": 2,
        "open-finding": 1,
        "overdue-action": 1,
        "plus-without-case-study": 1,
        "over-budget": 1,
      },
    });
    // byCode's keys follow the gap table's order too.
    expect(Object.keys(json.summary.byCode)).toEqual([
      "no-evidence",
      "thin-evidence",
      "stale-evidence",
      "no-owner",
      "unrated",
      "no-statement",
      "below-standard",
      "open-finding",
      "overdue-action",
      "plus-without-case-study",
      "over-budget",
    ]);
  });

  it("advises on an element backed only by a policy, and keeps advice out of the gaps", async () => {
    const dir = testdir(everyGapSubmission());
    const json = JSON.parse(
      (await runCse(["gaps", "--as-of", "2015-02-01", "--format", "json"], { cwd: dir })).stdout,
    );
    expect(json.advisories).toHaveLength(1);
    expect(json.advisories[0]).toMatchObject({ code: "intent-only", element: "1.2.2", evidence: ["E5"] });
    expect(json.advisories[0].message).toMatch(/1\.2\.2 rests only on statements of intent: E5 \(policy\)/);
  });

  it("lists each owner's to-dos before the visit, the unowned last", async () => {
    const dir = testdir(everyGapSubmission());
    const r = await runCse(["gaps", "--as-of", "2015-02-01", "--format", "markdown"], { cwd: dir });
    const before = r.stdout.slice(r.stdout.indexOf("## Before the visit"), r.stdout.indexOf("## Advice"));
    expect(before).toBe(`## Before the visit

### Ann Example

- **1.1.2** back Compliance Plus with a case study
- **1.1.2** cut the statement to 10 words (now 11)
- **2.1.10** add evidence: 1 of 2 needed

### Bob Example

- **1.1.3** refresh stale evidence: E2 (dated 2012-03-09), E3 (expired 2015-03-09)
- **1.2.2** overdue since 2015-01-31: Run a consultation
- **2.1.1** self-rated Non-compliance: add actions that will bring it up to standard
- **2.1.1** answer the 2014-03-10 finding (Non-compliance) with an action

### Cat Example

- **1.2.2** add evidence: 1 of 2 needed
- **1.2.2** write the statement
- **1.2.2** self-rated Partial Compliance: see the 2 open actions through, or say why the rating stays

### No owner yet

- **1.2.1** find evidence: none ready (1 draft in progress)
- **1.2.1** give it an owner
- **1.2.1** rate it
- **1.2.1** write the statement
- **2.1.2** give it an owner
- **2.1.2** rate it

`);
  });
});
