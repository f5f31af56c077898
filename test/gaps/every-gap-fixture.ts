import { minimalSubmission } from "../helpers/minimal.js";

/**
 * A submission whose elements between them show every gap code. Visit 2015-03-10; run it
 * `--as-of 2015-02-01`. Rules: 2 items per element, 36 months, 10-word statements.
 * Expected, element by element (ready evidence, ready case studies, owner, rating, gaps):
 *
 * | element | ev | cs | owner | rating             | gaps |
 * |---------|----|----|-------|--------------------|------|
 * | 1.1.1   | 1  | 1  | ann   | compliance-plus    | (none: E1 + CS1, a case study backs the plus) |
 * | 1.1.2   | 2  | 0  | ann   | compliance-plus    | plus-without-case-study, over-budget (11 words) |
 * | 1.1.3   | 2  | 0  | bob   | compliance         | stale-evidence (E2 dated 2012-03-09, E3 expired 2015-03-09) |
 * | 1.2.1   | 0  | 0  | —     | —                  | no-evidence (E4 is a draft), no-owner, unrated, no-statement |
 * | 1.2.2   | 1  | 0  | cat   | partial-compliance | thin-evidence, no-statement (blank), below-standard, overdue-action |
 * | 2.1.1   | 2  | 0  | bob   | non-compliance     | below-standard, open-finding (latest finding: non-compliance, no action) |
 * | 2.1.2   | 2  | 0  | —     | —                  | no-owner, unrated (CS2 is a draft) |
 * | 2.1.10  | 0  | 1  | ann   | compliance         | thin-evidence (statement of exactly 10 words is within budget) |
 */
export function everyGapSubmission(): Record<string, string> {
  const base = minimalSubmission();
  return {
    "cse.yaml": `${base["cse.yaml"]}rules:
  min_evidence: 2
  evidence_max_age_months: 36
  statement_max_words: 10
`,
    "criteria/standard.yaml": base["criteria/standard.yaml"]!,
    "criteria/1.yaml": `id: "1"
title: Customer Insight
subcriteria:
  - id: "1.1"
    title: Customer Identification
    elements:
      - id: "1.1.1"
        text: Know who the customers are.
      - id: "1.1.2"
        text: Understand what they need.
      - id: "1.1.3"
        text: Reach the hard to reach.
  - id: "1.2"
    title: Engagement
    elements:
      - id: "1.2.1"
        text: Engage customers.
      - id: "1.2.2"
        text: Consult customers.
`,
    "criteria/2.yaml": `id: "2"
title: Culture
subcriteria:
  - id: "2.1"
    title: Leadership
    elements:
      - id: "2.1.10"
        text: Leaders listen.
      - id: "2.1.1"
        text: |
          Leaders put customers first, "always",
          and say so.
      - id: "2.1.2"
        text: =HYPERLINK("http://example.org","click")
`,
    "evidence/E1.yaml": item(
      "E1",
      "report",
      "2014-06-01",
      ["1.1.1", "1.1.2", "2.1.1"],
      "sections: [library]\n",
    ),
    "evidence/E2.yaml": item("E2", "survey", "2012-03-09", ["1.1.3"]),
    "evidence/E3.yaml": item("E3", "data", "2014-01-01", ["1.1.3"], "expires: 2015-03-09\nsections: [it]\n"),
    "evidence/E4.yaml": item("E4", "report", "2014-01-01", ["1.2.1"], "status: draft\nsections: [it]\n"),
    "evidence/E5.yaml": item("E5", "policy", "2014-01-01", ["1.2.2", "2.1.2"]),
    "evidence/E6.yaml": item("E6", "data", "2014-05-01", ["2.1.1", "2.1.2"], "expires: 2015-03-10\n"),
    "evidence/E7.yaml": item("E7", "web-page", "2012-03-10", ["1.1.2"]),
    "evidence/case-studies/CS1.yaml": `id: CS1
title: Listening to students
date: 2014-09-01
summary: We listened.
narrative: We listened, and changed.
elements: ["1.1.1", "2.1.10"]
`,
    "evidence/case-studies/CS2.yaml": `id: CS2
title: Work in progress
date: 2014-10-01
summary: Not yet.
narrative: Not yet written.
status: draft
elements: ["2.1.2"]
`,
    "assessment/self.yaml": `elements:
  "1.1.1":
    owner: ann
    rating: compliance-plus
    statement: We know our customers.
  "1.1.2":
    owner: ann
    rating: compliance-plus
    statement: We know what each group needs and we write it down.
  "1.1.3":
    owner: bob
    rating: compliance
    statement: We reach out.
  "1.2.2":
    owner: cat
    rating: partial-compliance
    statement: "   "
    actions:
      - title: Run a consultation
        owner: bob
        due: 2015-01-31
        done: false
      - title: Due on the as-of day, so not yet overdue
        due: 2015-02-01
        done: false
      - title: Done long ago
        due: 2014-12-01
        done: true
  "2.1.1":
    owner: bob
    rating: non-compliance
    statement: Leaders are learning.
  "2.1.2":
    statement: Policies support customers.
  "2.1.10":
    owner: ann
    rating: compliance
    statement: Leaders talk with customers weekly and report what they hear.
`,
    // The older finding's `unlisted` would make every element an open finding; only the latest counts.
    "assessment/findings/a-latest.yaml": `date: 2014-03-10
kind: initial
unlisted: compliance
results:
  "2.1.1":
    rating: non-compliance
    comment: Leaders do not yet | put customers first.
  "1.2.2":
    rating: partial-compliance
  "1.1.3":
    rating: compliance
`,
    "assessment/findings/b-older.yaml": `date: 2013-03-10
kind: initial
unlisted: non-compliance
results: {}
`,
  };
}

function item(id: string, type: string, date: string, elements: string[], extra = ""): string {
  return `id: ${id}
title: Item ${id}
description: What ${id} shows.
type: ${type}
date: ${date}
${extra}elements: [${elements.map((e) => `"${e}"`).join(", ")}]
`;
}
