import { minimalSubmission } from "./minimal.js";

/**
 * The minimal submission with FORMAT.md v2's pack content: customer groups, a glossary,
 * document control, a claim of the best rating, an element claimed as meeting the standard
 * with no evidence (2.1.2), a done action with its date and evidence, an internal link, and
 * Welsh marked as a span and as a block. Ratings by construction: 1.1.1 compliance-plus,
 * 1.2.1 partial-compliance, 2.1.2 compliance, 1.1.2 and 2.1.1 not rated.
 */
export function packFixture(): Record<string, string> {
  const base = minimalSubmission();
  return {
    ...base,
    "cse.yaml": `${base["cse.yaml"]}customers:
  - id: students
    name: Students
    size: about 900
  - id: visitors
    name: Visitors
glossary:
  NSS: National Student Survey
document:
  version: "1.2"
  status: final
  approved_by: ann
  approved_on: 2015-01-05
  contact: bob
`,
    "evidence/E001.yaml": `${base["evidence/E001.yaml"]}customers: [students]\n`,
    "evidence/E002.yaml": `id: E002
title: Customer strategy
description: |
  How we engage, from the NSS to a sign that says [Croeso]{lang=cy}.

  ::: {lang=cy}
  Rydym yn gwrando ar ein cwsmeriaid.
  :::
type: policy
date: 2014-07-01
elements: ["1.2.1", "2.1.1"]
`,
    "evidence/E003.yaml": `id: E003
title: NSS minutes, with NSS notes
description: Minutes that mention the NSS twice, and the NSS again.
type: minutes
date: 2014-08-01
links: [https://intranet.example/minutes]
access: internal-link
elements: ["1.1.1"]
`,
    "assessment/self.yaml": `elements:
  "1.1.1":
    owner: ann
    rating: compliance-plus
    statement: We know our customers very well. The NSS and our own survey agree.
  "1.2.1":
    owner: bob
    rating: partial-compliance
    statement: We engage customers.
    actions:
      - title: Review engagement
        owner: bob
        due: 2015-01-31
        done: false
      - title: Survey the visitors
        owner: ann
        due: 2015-01-25
        done: true
        done_on: 2015-01-20
        evidence: [E002]
  "2.1.2":
    owner: ann
    rating: compliance
    statement: Our policies support customers.
`,
  };
}
