import type { AssessmentKind } from "../model/raw-types.js";
import { yamlString } from "./yaml-text.js";

/** What `cse init` was told about the organisation. */
export interface InitSettings {
  organisation: string;
  /** Whether the organisation's name is cse's placeholder, to be replaced. */
  organisationIsPlaceholder: boolean;
  sections: { id: string; name: string }[];
  /** The day of the coming visit, YYYY-MM-DD. */
  visit: string;
  /** Whether the visit day is cse's guess, to be replaced. */
  visitIsPlaceholder: boolean;
  kind: AssessmentKind;
}

/** The cse.yaml of a new submission: the given settings, and every optional field as a comment. */
export function initialConfig(s: InitSettings): string {
  const todo = (placeholder: boolean, text: string) => (placeholder ? `TODO: ${text}` : text);
  const firstSection = s.sections[0]?.id ?? "library";
  return `# yaml-language-server: $schema=schemas/cse.schema.json
#
# Settings of this Customer Service Excellence submission. cse finds the submission by this
# file: run cse in this folder or any folder below it.
organisation: ${yamlString(s.organisation)}${s.organisationIsPlaceholder ? "   # TODO: who is being assessed" : ""}
# title: Customer Service Excellence submission ${s.visit.slice(0, 4)}   # default: the standard's title + " submission"
standard: criteria              # the folder of the standard

assessment:
  kind: ${s.kind}${" ".repeat(Math.max(1, 24 - s.kind.length))}# initial, annual-review or reassessment
  date: ${s.visit}              # ${todo(s.visitIsPlaceholder, "the day of the assessor's visit")}
  # assessor: Centre for Assessment

sections:                       # the parts of the organisation
${s.sections.map((x) => `  - id: ${yamlString(x.id)}\n    name: ${yamlString(x.name)}`).join("\n")}

# people:                       # who owns elements, evidence and actions
#   - id: jo-bloggs             # the id used in owner: fields
#     name: Jo Bloggs
#     section: ${firstSection}${" ".repeat(Math.max(1, 16 - firstSection.length))}# optional: a section id from above
#     role: Customer Services Manager

rules:
  min_evidence: 1               # ready evidence items + case studies each element needs
  evidence_max_age_months: 36   # evidence older than this on the visit day is stale
  # statement_max_words: 250    # a word budget for each self-assessment statement

build:
  output: out                   # where cse build writes (ignored by git: see .gitignore)
  formats: [html, pdf]
  language: en-GB
  # introduction: docs/introduction.md   # Markdown that opens the pack
`;
}
