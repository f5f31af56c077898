/**
 * A small valid submission as files (path → YAML text): a standard of two criteria and five
 * elements, two sections, three people, two evidence items, one case study, a self-assessment
 * and one finding. Tests copy it and change what they need.
 */
export function minimalSubmission(): Record<string, string> {
  return {
    "cse.yaml": `organisation: Test Service
assessment:
  kind: annual-review
  date: 2015-03-10
sections:
  - id: library
    name: Library
  - id: it
    name: IT Services
people:
  - id: ann
    name: Ann Example
    section: library
  - id: bob
    name: Bob Example
    section: it
  - id: cat
    name: Cat Example
`,
    "criteria/standard.yaml": `id: cse
title: Customer Service Excellence
ratings:
  - id: compliance-plus
    label: Compliance Plus
    meets: true
  - id: compliance
    label: Compliance
    meets: true
  - id: partial-compliance
    label: Partial Compliance
    meets: false
  - id: non-compliance
    label: Non-compliance
    meets: false
`,
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
  - id: "1.2"
    title: Engagement
    elements:
      - id: "1.2.1"
        text: Engage customers.
`,
    "criteria/2.yaml": `id: "2"
title: Culture
subcriteria:
  - id: "2.1"
    title: Leadership
    elements:
      - id: "2.1.1"
        text: Leaders put customers first.
      - id: "2.1.2"
        text: Policies support customers.
`,
    "evidence/E001.yaml": `id: E001
title: Customer profile
description: Who our customers are.
type: report
date: 2014-06-01
owner: ann
sections: [library]
elements:
  - "1.1.1"
  - element: "1.1.2"
    note: The profile's second half.
`,
    "evidence/E002.yaml": `id: E002
title: Customer strategy
description: How we engage.
type: policy
date: 2014-07-01
elements: ["1.2.1", "2.1.1"]
`,
    "evidence/case-studies/CS01.yaml": `id: CS01
title: Listening to students
date: 2014-09-01
summary: We listened.
narrative: We listened, and changed.
owner: bob
elements: ["1.2.1"]
evidence: [E002]
`,
    "assessment/self.yaml": `elements:
  "1.1.1":
    owner: ann
    rating: compliance
    statement: We know our customers well.
  "1.2.1":
    owner: bob
    rating: partial-compliance
    statement: We engage customers.
    actions:
      - title: Review engagement
        owner: bob
        due: 2015-01-31
        done: false
`,
    "assessment/findings/2014.yaml": `date: 2014-03-10
kind: initial
unlisted: compliance
results:
  "1.2.1":
    rating: partial-compliance
    comment: Engagement is patchy.
`,
  };
}
