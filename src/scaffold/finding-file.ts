import type { AssessmentKind } from "../model/raw-types.js";
import { yamlComment, yamlQuoted, yamlString } from "./yaml-text.js";

/** One element of a new finding: the starting rating and why it is that. */
export interface FindingStart {
  element: string;
  /** A rating id of the standard. */
  rating: string;
  /** Whether the rating is the self-rating (false: not self-rated; the scale's lowest meeting rating). */
  selfRated: boolean;
}

/** What `cse finding new` writes. */
export interface NewFinding {
  date: string;
  kind: AssessmentKind;
  assessor: string | null;
  /** Every element of the visit's scope, in standard order. */
  elements: FindingStart[];
  /** The schema's path relative to assessment/findings/. */
  schema: string;
  /** The rating ids of the standard, best first, for the comment. */
  ratings: string[];
}

/**
 * The YAML of a finding to be filled in from the assessor's report: each element in the visit's
 * scope with our self-rating as a starting point and an empty comment, so the coordinator only
 * changes what the assessor decided.
 */
export function findingYaml(f: NewFinding): string {
  const lines = [
    `# yaml-language-server: $schema=${f.schema}`,
    "#",
    yamlComment(
      [
        `The assessor's results of the ${f.kind.replace("-", " ")} on ${f.date}. cse wrote every element`,
        "in the visit's scope with our self-rating as a starting point: change each rating to",
        "the one in the assessor's report and copy their comment in. The ratings are:",
        `${f.ratings.join(", ")}.`,
      ].join("\n"),
    ),
    `date: ${f.date}`,
    `kind: ${f.kind}`,
    f.assessor ? `assessor: ${yamlString(f.assessor)}` : "# assessor: Certification body",
    "results:",
  ];
  for (const e of f.elements) {
    lines.push(`  ${yamlQuoted(e.element)}:`);
    lines.push(`    rating: ${e.rating}${e.selfRated ? "" : "    # not self-rated: check the report"}`);
    lines.push('    comment: ""');
  }
  return lines.join("\n") + "\n";
}
