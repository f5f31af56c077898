import type { OutlineCriterion } from "./bundled-standard.js";
import { yamlComment, yamlQuoted } from "./yaml-text.js";

// The example files `cse init` writes. The evidence item and case study are drafts numbered 0:
// they validate and show every field, but gaps and the pack ignore them, and `cse new` starts
// numbering real items at 1.

/** Root-relative paths of the two examples (the model layer knows them too: gaps does not count them). */
export { EXAMPLE_CASE_STUDY, EXAMPLE_EVIDENCE } from "../model/example-items.js";

/** The example evidence item, dated `date`. */
export function exampleEvidence(date: string): string {
  return `# yaml-language-server: $schema=../schemas/evidence.schema.json
#
# An EXAMPLE evidence item. One file per piece of evidence (a policy, a survey, minutes, a web
# page...) saying what it is and which elements of the standard it shows you meet.
# It is a draft, so gaps and the pack ignore it: keep it as a model, or delete it.
# Start a real one with:
#   cse new evidence --title "Customer charter" --elements 5.2.1 --type policy
id: E000
title: Customer profile report (example)
type: report                    # policy, procedure, plan, report, survey, data, minutes, web-page,
                                # publication, training, photo, correspondence or other
date: ${date}                # when it was produced or last reviewed
# expires: YYYY-MM-DD           # after this day it no longer counts
# owner: jo-bloggs              # a person id from cse.yaml
# sections: [library]           # section ids from cse.yaml; absent: the whole organisation
status: draft                   # ready (the default when absent) or draft
description: |
  Our annual profile of who uses the service, built from membership, enquiry and survey
  data. It describes each **customer group**: how many there are, what they use, and how
  they prefer to contact us.
# files:                        # attachments, relative to this file: keep them beside it
#   - attachments/customer-profile.pdf
# links:                        # http or https addresses
#   - https://www.example.org/about-us/our-customers
elements:                       # the elements it demonstrates, by id (quote them)
  - element: "1.1.1"            # with a note saying how...
    note: Sections 2-4 describe each customer group and the data behind it.
  - "1.1.2"                     # ...or just the id
`;
}

/** The example case study, dated `date`. */
export function exampleCaseStudy(date: string): string {
  return `# yaml-language-server: $schema=../../schemas/case-study.schema.json
#
# An EXAMPLE case study: a short story of a change you made for customers, told as situation,
# what you did, and outcome. Assessors look for case studies above all where you claim
# Compliance Plus. It is a draft, so gaps and the pack ignore it: keep it as a model, or
# delete it. Start a real one with:
#   cse new case-study --title "Learning from complaints" --elements 4.3.4
id: CS00
title: From survey comments to a quieter study space (example)
date: ${date}
# owner: jo-bloggs
# sections: [library]
status: draft
summary: |
  Noise was the most common complaint in three surveys running. By reading the comments by
  customer group and time of day we found where the problem was, fixed that floor, and saw
  satisfaction with study space rise by eleven points.
narrative: |
  ### Situation

  Satisfaction with "a quiet place to study" was stuck at 71%, below our 85% target.

  ### What we did

  - Coded a year of free-text comments by customer group, floor and time of day.
  - Tested options with two focus groups, then refurbished one floor as silent study.

  ### Outcome

  Satisfaction with study space rose to 82% the next year, and noise complaints halved.
elements:
  - "1.3.4"
  - element: "1.2.2"
    note: The survey results and the changes made were published on our website.
evidence: [E000]                # evidence items that back the story
`;
}

/** The self-assessment of one criterion: every element listed, empty, under its text as a comment. */
export function assessmentSkeleton(
  criterion: OutlineCriterion,
  ratings: string[],
  withExample: boolean,
): string {
  const first = criterion.subcriteria[0]?.elements[0]?.id ?? "1.1.1";
  const lines = [
    "# yaml-language-server: $schema=../schemas/assessment.schema.json",
    "#",
    `# Self-assessment, criterion ${criterion.id}: ${criterion.title}.`,
    "#",
  ];
  if (withExample) {
    lines.push(
      yamlComment(`For each element: who owns it, how you rate yourselves against it, how you meet it
(a statement for the assessor, in Markdown), and what you are doing about any shortfall.
Every field is optional: replace an element's {} with them as you go. For example:

  ${yamlQuoted(first)}:
    owner: jo-bloggs              # a person id from cse.yaml
    rating: ${ratings[1] ?? "compliance"}            # ${ratings.join(", ")}
    statement: |
      We keep a profile of our customer groups, refreshed each autumn from ...
    actions:                      # what you are doing about it
      - title: Add community users to the profile
        owner: jo-bloggs
        due: 2027-01-31
        done: false               # true once it is done

\`cse show ${first}\` prints what an element asks and which evidence cites it.`),
    );
  } else {
    lines.push(
      yamlComment(
        "Each entry may give owner, rating, statement and actions: see criterion-1.yaml for an example.",
      ),
    );
  }
  lines.push("elements:");
  for (const sub of criterion.subcriteria) {
    lines.push("", `  # ${sub.id} ${sub.title}`);
    for (const e of sub.elements) {
      lines.push("", ...wrapComment(`${e.id}: ${e.text}`, 2), `  ${yamlQuoted(e.id)}: {}`);
    }
  }
  return lines.join("\n") + "\n";
}

/** How to record the assessor's findings, as a README beside where they go. */
export function findingsReadme(ratings: string[]): string {
  return `# The assessor's findings

After each assessment visit, record the assessor's results here, one YAML file per visit
(for example \`2027-03-initial.yaml\`). \`cse gaps\` reports elements that the latest finding
rated below the standard and that have no action in the self-assessment.

\`\`\`yaml
# yaml-language-server: $schema=../../schemas/finding.schema.json
date: 2027-03-12                # the day of the visit
kind: initial                   # initial, annual-review or reassessment
assessor: Centre for Assessment
unlisted: compliance            # the rating of every element not listed below
results:
  "1.2.3":
    rating: partial-compliance  # ${ratings.join(", ")}
    comment: |
      The assessor's comment, as written in the report.
\`\`\`
`;
}

function wrapComment(text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > 92 - indent - 2) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => `${" ".repeat(indent)}# ${l}`);
}
